from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.addons.inclusion_numerique_equipment.tests.common import EquipmentCase
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestEquipmentCandidates(EquipmentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.today()
        cls.senior = cls._new_insertion_employee("Paul Senior", 45, today - relativedelta(years=3))
        cls.young = cls._new_insertion_employee("Yanis Jeune", 22, today - relativedelta(months=2))
        cls.young_equipped = cls._new_insertion_employee(
            "Léa Équipée", 20, today - relativedelta(years=1), has_computer=True
        )
        cls.recent = cls._new_insertion_employee("Mamadou Récent", 35, today)
        # Left last month; and one who has no insertion contract at all.
        cls.left = cls._new_insertion_employee(
            "Inès Partie", 23, today - relativedelta(years=1), today - relativedelta(months=1)
        )
        cls.staff = cls._new_insertion_employee("Marc Salarié", 30, None)

    @classmethod
    def _new_insertion_employee(cls, name, age, contract_start, contract_end=False, **values):
        employee = cls.env["hr.employee"].create({"name": name})
        if contract_start:
            cls.env["hr.contract"].create(
                {
                    "name": f"CDDI {name}",
                    "employee_id": employee.id,
                    "is_insertion": True,
                    "date_start": contract_start,
                    "date_end": contract_end,
                    "wage": 1800,
                    "state": "close" if contract_end else "open",
                }
            )
        return cls.env["inclusion.beneficiary"].create(
            {
                "name": name,
                "employee_id": employee.id,
                "consent_date": fields.Date.today(),
                "birthdate": fields.Date.today() - relativedelta(years=age, days=10),
                **values,
            }
        )

    def _candidates(self, user=None):
        wizard = self.env["inclusion.equipment.candidate.wizard"].with_user(user or self.mediator)
        return wizard.create({}).candidate_ids

    def test_young_without_equipment_first_then_seniority(self):
        candidates = self._candidates()
        mine = self.senior | self.young | self.young_equipped | self.recent | self.left
        employees = candidates.filtered(lambda candidate: candidate.beneficiary_id in mine)
        # Inès left last month and Marc has no insertion contract: neither is proposed.
        self.assertEqual(
            employees.beneficiary_id.mapped("name"),
            ["Yanis Jeune", "Paul Senior", "Mamadou Récent", "Léa Équipée"],
        )
        self.assertNotIn(self.staff, candidates.beneficiary_id)
        by_name = {candidate.beneficiary_id.name: candidate for candidate in employees}
        self.assertIn("moins de 26 ans sans ordinateur", by_name["Yanis Jeune"].reason)
        self.assertIn("dans la structure depuis", by_name["Paul Senior"].reason)
        self.assertEqual(by_name["Mamadou Récent"].seniority_date, fields.Date.today())
        self.assertIn("déjà un ordinateur", by_name["Léa Équipée"].reason)

    def test_trainees_who_completed_a_cycle_without_computer_come_first(self):
        workshop = self.env["inclusion.workshop"].create(
            {"name": "Je m'investis", "state": "open", "capacity": 10}
        )
        equipped_home = self.env["inclusion.beneficiary"].create(
            {"name": "Chantal Équipée", "has_computer": True, "consent_date": fields.Date.today()}
        )
        dropped = self.env["inclusion.beneficiary"].create({"name": "Bilal Abandon"})
        # The cycle as it runs: one session attended, then the end of the cycle completes
        # who attended (a registration is never written "completed" directly).
        yesterday = fields.Datetime.now() - relativedelta(days=1)
        session = self.env["inclusion.workshop.session"].create(
            {
                "workshop_id": workshop.id,
                "date_begin": yesterday,
                "date_end": yesterday + relativedelta(hours=2),
            }
        )
        registrations = self.env["inclusion.workshop.registration"].create(
            [
                {"workshop_id": workshop.id, "beneficiary_id": person.id}
                for person in (self.fatou, equipped_home, dropped)
            ]
        )
        registrations[2].action_drop()
        session.action_all_present()
        session.action_close()
        workshop.action_done()
        self.assertEqual(registrations.mapped("state"), ["completed", "completed", "dropped"])
        candidates = self._candidates()
        fatou = candidates.filtered(lambda candidate: candidate.beneficiary_id == self.fatou)
        self.assertEqual(fatou.reason, "A terminé Je m'investis, pas d'ordinateur à domicile")
        self.assertFalse(
            candidates.filtered(lambda c: c.beneficiary_id in equipped_home | dropped)
        )
        self.assertLess(
            candidates.beneficiary_id.ids.index(self.fatou.id),
            candidates.beneficiary_id.ids.index(self.young.id),
        )

    def test_reserve_for_a_candidate_and_skip_the_equipped(self):
        equipment = self._new_equipment("SN-CAND")
        wizard = self.env["inclusion.equipment.candidate.wizard"].with_user(self.mediator)
        wizard = wizard.create({"equipment_id": equipment.id})
        first = wizard.candidate_ids.filtered(lambda c: c.beneficiary_id == self.young)
        first.action_reserve()
        self.assertEqual((equipment.state, equipment.reserved_for_id), ("reserved", self.young))
        self._hand_over(equipment, self.young)
        self.assertNotIn(self.young, self._candidates().beneficiary_id)
        empty = wizard.create({})
        with self.assertRaisesRegex(UserError, "matériel à réserver"):
            empty.candidate_ids[:1].action_reserve()

    def test_only_mediators_list_candidates(self):
        for user in (self.accountant, self.employee_user):
            with self.assertRaises(AccessError):
                self._candidates(user)
