from datetime import timedelta

from odoo import api, fields, models


class InclusionSupport(models.Model):
    _inherit = "inclusion.support"

    reminder_sent_date = fields.Datetime(string="Reminder sent on", readonly=True, copy=False)

    @api.model
    def _cron_send_reminders(self):
        """Remind the people of their coming appointments, once, by the channel they
        chose: e-mails go through the mail queue, SMS through the SMS queue."""
        now = fields.Datetime.now()
        appointments = self.search(
            [
                ("kind", "=", "appointment"),
                ("state", "=", "planned"),
                ("reminder_sent_date", "=", False),
                ("beneficiary_id", "!=", False),
                ("start", ">", now),
                ("start", "<=", now + timedelta(hours=168)),
            ]
        )
        due = appointments.filtered(
            lambda s: s.start <= now + timedelta(hours=s.company_id.inclusion_reminder_hours)
        )
        by_email = due.filtered(
            lambda s: (
                s.beneficiary_id.reminder_channel in ("email", "both") and s.beneficiary_id.email
            )
        )
        by_sms = due.filtered(
            lambda s: (
                s.beneficiary_id.reminder_channel in ("sms", "both") and s.beneficiary_id.phone
            )
        )
        if by_email:
            self.env.ref(
                "inclusion_numerique_portal.mail_template_appointment_reminder"
            ).send_mail_batch(by_email.ids)
        by_sms._queue_sms_reminders()
        due.write({"reminder_sent_date": now})

    def _queue_sms_reminders(self):
        if not self:
            return
        template = self.env.ref("inclusion_numerique_portal.sms_template_appointment_reminder")
        bodies = template._render_field("body", self.ids, compute_lang=True)
        self.env["sms.sms"].create(
            [
                {
                    "body": bodies[support.id],
                    "number": support.beneficiary_id.phone,
                    "partner_id": support.beneficiary_id.partner_id.id,
                    "state": "outgoing",
                }
                for support in self
            ]
        )
