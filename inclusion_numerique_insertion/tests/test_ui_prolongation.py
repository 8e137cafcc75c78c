from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUiProlongation(HttpCase):
    def test_adviser_records_a_prolongation_request(self):
        new_test_user(
            self.env,
            login="tour_adviser",
            groups="inclusion_numerique.group_insertion",
            lang="fr_FR",
        )
        today = fields.Date.today()
        employee = self.env["hr.employee"].create({"name": "Jean Tourneur"})
        self.env["inclusion.beneficiary"].create(
            {
                "name": "Jean Tourneur",
                "employee_id": employee.id,
                "consent_date": today,
                "birthdate": today - relativedelta(years=55),
            }
        )
        # Ends in 6 months: within the window where a prolongation can be asked.
        pass_iae = self.env["inclusion.pass.iae"].create(
            {
                "name": "999990000042",
                "employee_id": employee.id,
                "date_start": today + relativedelta(months=6) - timedelta(days=729),
            }
        )
        end = pass_iae.date_end
        mission_locale = self.env["res.partner"].create(
            {"name": "Mission locale de Stains", "is_company": True}
        )
        self.start_tour(
            f"/odoo/inclusion.pass.iae/{pass_iae.id}",
            "inclusion_numerique_insertion_prolongation",
            login="tour_adviser",
        )
        prolongation = pass_iae.prolongation_ids
        self.assertEqual(prolongation.reason, "senior")
        self.assertEqual(prolongation.prescriber_id, mission_locale)
        self.assertEqual((prolongation.state, prolongation.decision_date), ("granted", today))
        self.assertEqual(prolongation.date_start, end + timedelta(days=1))
        self.assertEqual(pass_iae.date_end, prolongation.date_end)
