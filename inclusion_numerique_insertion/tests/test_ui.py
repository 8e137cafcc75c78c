from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
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
            contract.exit_reason_id, self.env.ref("inclusion_numerique_insertion.exit_reason_cdi")
        )
        self.assertEqual(contract.state, "close")
        self.assertEqual(len(contract.activity_ids), 2)
