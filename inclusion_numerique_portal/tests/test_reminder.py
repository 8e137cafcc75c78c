from datetime import datetime, timedelta

from odoo.tests import tagged

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestReminders(PortalCase):
    def _appointment(self, channel, hours=10, **person):
        beneficiary = self._new_beneficiary(
            self.company,
            name=person.pop("name", "Sylvie Martin"),
            reminder_channel=channel,
            **person,
        )
        start = datetime.now().replace(microsecond=0) + timedelta(hours=hours)
        return self._slot(start=start)._book(beneficiary=beneficiary)

    def _queued(self, supports):
        mails = self.env["mail.mail"].search(
            [("model", "=", "inclusion.support"), ("res_id", "in", supports.ids)]
        )
        partners = supports.beneficiary_id.partner_id
        sms = self.env["sms.sms"].search([("partner_id", "in", partners.ids)])
        return mails, sms

    def test_reminders_follow_the_channel_and_leave_once(self):
        by_sms = self._appointment("sms", phone="0611223344")
        by_email = self._appointment(
            "email", hours=11, name="Karim Haddad", email="karim@example.com"
        )
        by_both = self._appointment(
            "both", hours=12, name="Nadia Chérif", phone="0622334455", email="nadia@example.com"
        )
        silent = self._appointment("none", hours=13, name="Gérard Lefèvre", phone="0633445566")
        later = self._appointment("sms", hours=48, name="Lucas Petit", phone="0644556677")
        supports = by_sms | by_email | by_both | silent | later
        self.env["inclusion.support"]._cron_send_reminders()
        mails, sms = self._queued(supports)
        self.assertEqual(set(mails.mapped("res_id")), {by_email.id, by_both.id})
        self.assertEqual(
            set(sms.partner_id.ids), set((by_sms | by_both).beneficiary_id.partner_id.ids)
        )
        self.assertEqual(set(sms.mapped("state")), {"outgoing"})
        self.assertIn("rappel de votre rendez-vous", sms[0].body)
        self.assertIn("Rappel", mails[0].subject)
        self.assertFalse(later.reminder_sent_date)
        self.assertTrue(silent.reminder_sent_date)
        # Idempotent: a second run queues nothing more.
        self.env["inclusion.support"]._cron_send_reminders()
        self.assertEqual(self._queued(supports), (mails, sms))

    def test_referrer_hears_of_the_outcome_where_consent_allows(self):
        shared = self._refer()
        private = self._refer(person_name="Martine Lecoq", sharing_agreed=False)
        base = datetime.now().replace(microsecond=0) + timedelta(days=1)
        self._tell_outcome(self._slot(start=base)._book(referral=shared))
        self._tell_outcome(self._slot(start=base + timedelta(hours=2))._book(referral=private))
        cron = self.env["inclusion.referral"]._cron_notify_referrers
        cron()
        mails = self.env["mail.mail"].search(
            [("model", "=", "inclusion.referral"), ("res_id", "in", (shared | private).ids)]
        )
        self.assertEqual(mails.mapped("res_id"), shared.ids)
        self.assertEqual(mails.recipient_ids, self.referrer_a.partner_id)
        self.assertIn("Ahmed Benslimane", mails.body_html)
        self.assertTrue(private.referrer_notified)
        cron()
        self.assertEqual(
            self.env["mail.mail"].search_count(
                [("model", "=", "inclusion.referral"), ("res_id", "in", (shared | private).ids)]
            ),
            1,
        )
