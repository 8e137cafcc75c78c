from odoo.addons.inclusion_numerique_insertion.tests.common import BeneficiaryScopeCase
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestWorkshopScope(BeneficiaryScopeCase):
    """Issue 11, finding 2: an adviser reads the registrations and roll calls of the files
    they may see, not those of the others; mediators read them all."""

    def test_finding_2_adviser_reads_workshops_of_followed_people_only(self):
        workshop = self.env["inclusion.workshop"].create(
            {"name": "Je m'investis", "capacity": 10, "state": "open"}
        )
        self.env["inclusion.workshop.registration"].create(
            [{"workshop_id": workshop.id, "beneficiary_id": b.id} for b in self.all_files]
        )
        self.env["inclusion.workshop.session"].create(
            {
                "workshop_id": workshop.id,
                "date_begin": "2026-03-02 12:00:00",
                "date_end": "2026-03-02 14:00:00",
            }
        )
        for model in ("inclusion.workshop.registration", "inclusion.attendance"):
            domain = [("workshop_id", "=", workshop.id)]
            seen = self.env[model].with_user(self.adviser).search(domain).beneficiary_id
            self.assertEqual(seen, self.visible, model)
            self.assertNotIn(self.other, seen)
            everyone = self.env[model].with_user(self.mediator).search(domain).beneficiary_id
            self.assertEqual(everyone, self.all_files, model)
