from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_mediator_opens_root_menu(self):
        new_test_user(
            self.env,
            login="tour_mediator",
            groups="inclusion_numerique.group_mediator",
            lang="fr_FR",
        )
        self.start_tour("/odoo", "inclusion_numerique_root_menu", login="tour_mediator")

    def test_mediator_records_drop_in_visit_for_new_beneficiary(self):
        mediator = new_test_user(
            self.env,
            login="tour_drop_in_mediator",
            groups="inclusion_numerique.group_mediator",
            lang="fr_FR",
            tz="Europe/Paris",
        )
        self.start_tour("/odoo", "inclusion_numerique_support_drop_in", login=mediator.login)
        support = self.env["inclusion.support"].search([("mediator_id", "=", mediator.id)])
        self.assertEqual(len(support), 1)
        self.assertEqual(support.beneficiary_id.name, "Awa Traoré")
        self.assertEqual(support.kind, "drop_in")
        self.assertEqual(support.duration, 15)
        self.assertEqual(support.theme_ids, self.env.ref("inclusion_numerique.theme_email"))
        self.assertEqual(support.date, fields.Date.context_today(support.with_user(mediator)))

    def test_mediator_takes_roll_call_and_prints_sheet(self):
        mediator = new_test_user(
            self.env,
            login="tour_roll_call",
            groups="inclusion_numerique.group_mediator",
            lang="fr_FR",
            tz="Europe/Paris",
        )
        workshop = self.env["inclusion.workshop"].create(
            {"name": "Atelier du jour", "capacity": 5, "state": "open", "user_id": mediator.id}
        )
        now = fields.Datetime.now()
        session = self.env["inclusion.workshop.session"].create(
            {
                "workshop_id": workshop.id,
                "date_begin": now - timedelta(hours=1),
                "date_end": now + timedelta(hours=1),
            }
        )
        beneficiaries = self.env["inclusion.beneficiary"].create(
            [{"name": name} for name in ("Alice Martin", "Bruno Petit", "Chantal Roux")]
        )
        self.env["inclusion.workshop.registration"].create(
            [{"workshop_id": workshop.id, "beneficiary_id": b.id} for b in beneficiaries]
        )
        self.start_tour("/odoo", "inclusion_numerique_workshop_roll_call", login="tour_roll_call")
        states = {a.beneficiary_id.name: a.state for a in session.attendance_ids}
        self.assertEqual(
            states, {"Alice Martin": "absent", "Bruno Petit": "present", "Chantal Roux": "present"}
        )

    def test_adviser_records_an_exit(self):
        adviser = new_test_user(
            self.env,
            login="tour_adviser",
            groups="inclusion_numerique.group_insertion",
            lang="fr_FR",
        )
        employee = self.env["hr.employee"].create({"name": "Jean Tourneur"})
        adviser_employee = self.env["hr.employee"].create(
            {"name": "Claire Rousseau", "user_id": adviser.id}
        )
        contract = self.env["hr.contract"].create(
            {
                "name": "CDDI Jean Tourneur",
                "employee_id": employee.id,
                "wage": 1400.0,
                "is_insertion": True,
                "siae_kind": "aci",
                "insertion_contract_type": "cddi",
                "insertion_adviser_id": adviser_employee.id,
                "date_start": "2026-01-05",
                "state": "open",
            }
        )
        # Advisers without HR rights see the public employee form: Insertion tab, contracts button.
        self.start_tour(
            f"/odoo/hr.employee.public/{employee.id}",
            "inclusion_numerique_insertion_exit",
            login="tour_adviser",
        )
        self.assertEqual(
            contract.exit_reason_id, self.env.ref("inclusion_numerique.exit_reason_cdi")
        )
        self.assertEqual(contract.state, "close")
        self.assertEqual(len(contract.activity_ids), 2)

    def test_mediator_hands_over_a_computer_and_prints_the_certificate(self):
        new_test_user(
            self.env,
            login="tour_equipment_mediator",
            groups="inclusion_numerique.group_mediator",
            lang="fr_FR",
        )
        fatou = self.env["inclusion.beneficiary"].create({"name": "Fatou Tour"})
        equipment = self.env["inclusion.equipment"].create(
            {
                "brand": "Dell",
                "model_name": "Latitude 5490",
                "serial_number": "SN-TOUR",
                "state": "ready",
            }
        )
        self.start_tour(
            "/odoo", "inclusion_numerique_equipment_handover", login="tour_equipment_mediator"
        )
        handover = equipment.handover_ids
        self.assertEqual((handover.beneficiary_id, handover.price), (fatou, 20))
        self.assertEqual((handover.payment_method, equipment.state), ("cash", "handed_over"))
