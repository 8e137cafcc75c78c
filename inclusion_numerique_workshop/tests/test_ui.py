from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
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
