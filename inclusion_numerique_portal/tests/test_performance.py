from datetime import datetime, timedelta

from odoo.tests import tagged

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestPortalPerformance(PortalCase):
    """The partner's list and the reminders cost the same queries for 5 or 50 rows."""

    def _queries(self, function):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        function()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def _partner_list(self):
        referrals = self.env["inclusion.referral"].with_user(self.referrer_a).search([])
        referrals.read(["person_name", "date", "appointment_start", "state", "outcome_shared"])
        return referrals

    def test_partner_list_query_count_is_steady(self):
        self.env["inclusion.referral"].with_user(self.referrer_a).create(
            [self._referral_values(person_name=f"Personne {i}") for i in range(5)]
        )
        self._partner_list()  # caches of access rights and rules, filled once
        five = self._queries(self._partner_list)
        self.env["inclusion.referral"].with_user(self.referrer_a).create(
            [self._referral_values(person_name=f"Personne {i}") for i in range(45)]
        )
        fifty = self._queries(self._partner_list)
        self.assertEqual(len(self._partner_list()), 50)
        self.assertEqual(five, fifty)

    def _appointments(self, count, offset):
        people = self.env["inclusion.beneficiary"].create(
            [
                {
                    "name": f"Personne {offset + i}",
                    "reminder_channel": "sms",
                    "phone": f"06 12 34 {(offset + i) // 100:02d} {(offset + i) % 100:02d}",
                    "consent_date": "2026-01-05",
                }
                for i in range(count)
            ]
        )
        start = datetime.now().replace(microsecond=0) + timedelta(hours=5)
        return self.env["inclusion.support"].create(
            [
                {
                    "kind": "appointment",
                    "start": start + timedelta(minutes=i),
                    "beneficiary_id": person.id,
                    "theme_ids": [(6, 0, self.health.ids)],
                }
                for i, person in enumerate(people)
            ]
        )

    def test_sms_reminders_query_count_is_steady(self):
        cron = self.env["inclusion.support"]._cron_send_reminders
        self._appointments(5, 0)
        cron()  # caches of the template and of access rights, filled once
        self._appointments(5, 100)
        five = self._queries(cron)
        self._appointments(50, 200)
        fifty = self._queries(cron)
        self.assertEqual(
            self.env["sms.sms"].search_count([("body", "ilike", "rappel de votre rendez-vous")]),
            60,
        )
        self.assertEqual(five, fifty)
