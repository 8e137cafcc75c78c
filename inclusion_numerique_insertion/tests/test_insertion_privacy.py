from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import BeneficiaryScopeCase


@tagged("post_install", "-at_install")
class TestInsertionPrivacy(BeneficiaryScopeCase):
    def test_running_insertion_contract_blocks_the_erasure_in_french(self):
        self.contract.state = "open"
        with self.assertRefused(UserError, "un contrat d'insertion est en cours"):
            self.followed.with_user(self.manager).with_context(lang="fr_FR").action_anonymise()
        self.assertFalse(self.followed.is_anonymised)
        self.assertEqual(self.followed.name, "Fatima Benali")
        self.assertEqual(self.followed.employee_id, self.employee)
        # The nightly run leaves the person for later instead of failing.
        self.assertIn(self.followed, self.followed._privacy_erasure_blockers())

    def test_ended_contract_lets_the_file_go_and_the_employee_stay_with_hr(self):
        self.contract.write({"state": "close", "date_end": "2026-06-30"})
        # Omar's file has no other activity than his contract.
        omar_contract = self.env["hr.contract"].search(
            [("employee_id", "=", self.cesf_followed.employee_id.id)]
        )
        omar_contract.date_end = "2026-07-31"
        self.assertEqual(str(self.cesf_followed.last_activity_date), "2026-07-31")
        self.followed.with_user(self.manager).action_anonymise()
        person = self.followed.with_context(active_test=False)
        self.assertTrue(person.is_anonymised)
        self.assertFalse(person.sudo().employee_id)
        self.assertEqual(self.employee.name, "Fatima Benali")  # HR's record, HR's rules
        self.assertTrue(self.contract.exists())

    def test_withdrawal_stops_sharing_with_the_insertion_team(self):
        self.shared.action_withdraw_consent()
        self.assertFalse(self.shared.consent_insertion_sharing)
        self.assertFalse(self.shared.with_user(self.adviser).search([("id", "=", self.shared.id)]))

    def test_access_export_shows_the_contracts_without_what_the_user_may_not_read(self):
        data = self.followed.with_user(self.manager)._privacy_access_data()
        section = next(s for s in data["sections"] if s["key"] == "insertion_contracts")
        self.assertEqual(section["records"][0]["name"], "CDDI Fatima Benali")
        columns = {column["name"] for column in section["columns"]}
        self.assertIn("eligibility_criterion_ids", columns)
        self.assertNotIn("wage", columns)
