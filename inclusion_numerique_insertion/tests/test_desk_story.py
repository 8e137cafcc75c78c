from odoo.tests import tagged

from .common import BeneficiaryScopeCase


@tagged("post_install", "-at_install")
class TestStoryOfAnInsertionEmployee(BeneficiaryScopeCase):
    def test_contract_milestones_only_for_who_may_read_them(self):
        story = self.followed.with_user(self.adviser).with_context(lang="fr_FR").timeline_html
        self.assertIn("Début du contrat", story)
        self.assertIn("Espaces verts", story)
        # A mediator reads the file and the support sessions, not the insertion contract.
        story = self.followed.with_user(self.mediator).with_context(lang="fr_FR").timeline_html
        self.assertIn("Accompagnement individuel", story)
        self.assertNotIn("contrat", story)
        self.assertNotIn("Espaces verts", story)

    def test_advisers_see_the_pass_iae_end_at_a_glance(self):
        pass_iae = self._pass(date_start="2026-01-01")
        self.contract.pass_iae_id = pass_iae
        self.assertEqual(
            self.contract.with_user(self.adviser).pass_iae_date_end, pass_iae.date_end
        )
