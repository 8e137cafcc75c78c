from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def _followed_employee(self):
        """Jean Tourneur, whose running insertion contract the tour's adviser follows."""
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
        return employee, contract

    def test_adviser_records_an_exit(self):
        employee, contract = self._followed_employee()
        # Advisers without HR rights see the public employee form: Insertion tab, contracts button.
        self.start_tour(
            f"/odoo/hr.employee.public/{employee.id}",
            "inclusion_numerique_insertion_exit",
            login="tour_adviser",
        )
        self.assertEqual(
            contract.exit_reason_id, self.env.ref("inclusion_numerique_insertion.exit_reason_cdi")
        )
        self.assertEqual(contract.state, "close")
        self.assertEqual(len(contract.activity_ids), 2)

    def test_adviser_records_an_interview_and_lifts_an_obstacle(self):
        employee, _contract = self._followed_employee()
        housing = self.env.ref("inclusion_numerique_insertion.obstacle_housing")
        line = self.env["inclusion.insertion.employee.obstacle"].create(
            {
                "employee_id": employee.id,
                "obstacle_id": housing.id,
                "date_identified": date(2026, 1, 5),
            }
        )
        self.start_tour(
            f"/odoo/hr.employee.public/{employee.id}",
            "inclusion_numerique_insertion_follow_up",
            login="tour_adviser",
        )
        interview = self.env["inclusion.insertion.interview"].search(
            [("employee_id", "=", employee.id)]
        )
        self.assertEqual(
            (interview.kind, interview.duration, interview.obstacle_ids),
            ("mid_term", 1.5, housing),
        )
        self.assertIn("Bail signé", interview.notes)
        self.assertEqual(interview.referent_id.name, "Claire Rousseau")
        self.assertEqual((line.state, line.date_lifted), ("lifted", date.today()))
