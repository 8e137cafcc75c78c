from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import WorkshopCase


@tagged("post_install", "-at_install")
class TestDiagnosticToWorkshop(WorkshopCase):
    def _diagnosed(self, name, level):
        person = self._new_beneficiary(self.company, name=name)
        self.env["inclusion.diagnostic"].create(
            {"beneficiary_id": person.id, "level": level, "tool": "pix_abc_diag"}
        )
        return person

    def test_suggested_workshops_have_the_level_and_free_seats(self):
        beginners = self._workshop(name="Premiers pas", level="beginner")
        any_level = self._workshop(name="Permanence atelier")
        full = self._workshop(name="Premiers pas complet", level="beginner", capacity=1)
        self._register(full, self._beneficiaries(1))
        advanced = self._workshop(name="Tableur avancé", level="advanced")
        draft = self._workshop(name="En préparation", level="beginner", state="draft")
        person = self._diagnosed("Sylvie Martin", "beginner")
        diagnostic = person.diagnostic_ids.with_user(self.mediator)
        suggested = diagnostic.suggested_workshop_ids
        self.assertIn(beginners, suggested)
        self.assertIn(any_level, suggested)
        self.assertFalse(suggested & (full | advanced | draft))
        beginners.with_user(self.mediator).with_context(
            inclusion_beneficiary_id=person.id
        ).action_register_beneficiary()
        self.assertEqual(beginners.registration_ids.beneficiary_id, person)
        with self.assertRaises(UserError):
            beginners.with_user(self.mediator).action_register_beneficiary()

    def test_suggestions_stay_in_the_structure(self):
        other = (
            self.env["inclusion.workshop"]
            .with_company(self.company_b)
            .create(
                {
                    "name": "Atelier de Stains",
                    "level": "beginner",
                    "state": "open",
                    "company_id": self.company_b.id,
                }
            )
        )
        diagnostic = self._diagnosed("Karim Haddad", "beginner").diagnostic_ids
        self.assertNotIn(other, diagnostic.with_user(self.mediator).suggested_workshop_ids)

    def _waiting_list(self, workshop):
        return self.env["inclusion.workshop.registration"].search(
            [("workshop_id", "=", workshop.id), ("state", "=", "waiting")]
        )

    def test_waiting_list_orders_by_level_fit_in_homogeneous_groups(self):
        workshop = self._workshop(capacity=1, level="beginner", homogeneous_level=True)
        self._register(workshop, self._beneficiaries(1))
        advanced = self._diagnosed("Avancée", "advanced")
        unknown = self._new_beneficiary(self.company, name="Sans diagnostic")
        intermediate = self._diagnosed("Intermédiaire", "intermediate")
        beginner = self._diagnosed("Débutante", "beginner")
        waiting = self._register(workshop, advanced | unknown | intermediate | beginner)
        ordered = self._waiting_list(workshop)
        self.assertEqual(
            ordered.beneficiary_id.mapped("name"),
            ["Débutante", "Intermédiaire", "Avancée", "Sans diagnostic"],
        )
        self.assertEqual(waiting.mapped("level_gap"), [2, 3, 1, 0])
        # Without homogeneous groups: first come, first served.
        workshop.homogeneous_level = False
        ordered = self._waiting_list(workshop)
        self.assertEqual(
            ordered.beneficiary_id.mapped("name"),
            ["Avancée", "Sans diagnostic", "Intermédiaire", "Débutante"],
        )
        workshop.homogeneous_level = True
        # The freed seat goes to the best fit, not to the first on the list.
        workshop.registration_ids.filtered(lambda r: r.state == "registered").action_cancel()
        self.assertEqual(
            workshop.registration_ids.filtered(lambda r: r.state == "registered").beneficiary_id,
            beginner,
        )
