from odoo.tests import tagged

from .common import WorkshopCase


@tagged("post_install", "-at_install")
class TestWorkshopPrivacy(WorkshopCase):
    def setUp(self):
        super().setUp()
        self.workshop = self._workshop()
        self.person = self.env["inclusion.beneficiary"].create(
            {
                "name": "Odette Martin",
                "consent_date": "2026-01-05",
                "birthdate": "1950-03-01",
                "gender": "female",
            }
        )
        self.registration = self._register(self.workshop, self.person)
        self.session = self._session(self.workshop, days_ago=3)
        self._close_roll_call(self.session, {self.registration: "present"})
        self.attendance = self.session.attendance_ids

    def test_registration_and_attendance_count_as_activity(self):
        self.assertEqual(self.person.last_activity_date, self.registration.date_waiting.date())
        self.registration.date_waiting = "2020-01-01 10:00:00"
        self.env.invalidate_all()
        self.assertEqual(self.person.last_activity_date, self.attendance.local_date)

    def test_anonymisation_keeps_the_attendance_statistics(self):
        bracket = self.attendance.person_age_bracket
        self.registration.message_post(body="Odette a prévenu de son absence")
        self.person.with_user(self.manager).action_anonymise()
        self.env.invalidate_all()
        self.assertTrue(self.person.with_context(active_test=False).is_anonymised)
        self.assertEqual(self.attendance.person_age_bracket, bracket)
        self.assertEqual(self.attendance.state, "present")
        self.assertFalse(
            self.registration.message_ids.filtered(lambda m: "Odette" in (m.body or ""))
        )

    def test_withdrawal_keeps_the_attendance_statistics(self):
        bracket = self.attendance.person_age_bracket
        self.person.action_withdraw_consent()
        self.assertFalse(self.person.birthdate)
        self.assertEqual(self.attendance.person_age_bracket, bracket)

    def test_access_export_lists_registrations_and_attendance(self):
        data = self.person.with_user(self.manager)._privacy_access_data()
        sections = {section["key"]: section for section in data["sections"]}
        self.assertEqual(sections["registrations"]["records"][0]["workshop_id"], "Je m'investis")
        self.assertEqual(len(sections["attendances"]["records"]), 1)
