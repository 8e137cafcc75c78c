from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

LOG_ACTIONS = [
    ("open", "Opened"),
    ("export", "Exported"),
    ("print", "Printed"),
    ("change", "Social data changed"),
    ("withdrawal", "Consent withdrawn"),
    ("anonymisation", "Anonymised"),
]
# A form read again within this delay (save, reload) is the same opening.
OPEN_DEDUPLICATION_MINUTES = 10


class InclusionPrivacyLog(models.Model):
    """Audit trail of the people's files: who opened, exported or printed a file and who
    changed its social data. Written by the system only, read by managers only."""

    _name = "inclusion.privacy.log"
    _description = "Personal data audit trail"
    _order = "date desc, id desc"
    _rec_name = "action"

    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now, index=True)
    user_id = fields.Many2one("res.users", required=True, readonly=True)
    beneficiary_id = fields.Many2one(
        "inclusion.beneficiary", required=True, readonly=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    action = fields.Selection(LOG_ACTIONS, required=True, readonly=True)
    details = fields.Char(readonly=True, help="Technical names of the fields changed.")

    @api.model
    def _log(self, beneficiaries, action, details=None):
        """Record `action` of the current user on each beneficiary."""
        if not beneficiaries:
            return self.browse()
        # As superuser: nobody may write the audit trail, every user's actions fill it.
        return self.sudo().create(
            [
                {
                    "user_id": self.env.uid,
                    "beneficiary_id": beneficiary.id,
                    # The file's company even when the logging user reads only its name.
                    "company_id": beneficiary.sudo().company_id.id,
                    "action": action,
                    "details": details,
                }
                for beneficiary in beneficiaries
            ]
        )

    @api.model
    def _log_open(self, beneficiary):
        """Record the opening of a file, once per user and file within a few minutes, in
        one statement (the cost stays far below the reading of the form)."""
        now = fields.Datetime.now()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO inclusion_privacy_log
                       (date, user_id, beneficiary_id, company_id, action, create_uid,
                        write_uid, create_date, write_date)
                SELECT %(now)s, %(uid)s, b.id, b.company_id, 'open', %(uid)s, %(uid)s,
                       %(now)s, %(now)s
                  FROM inclusion_beneficiary b
                 WHERE b.id = %(id)s
                   AND NOT EXISTS (
                       SELECT 1 FROM inclusion_privacy_log log
                        WHERE log.beneficiary_id = b.id AND log.user_id = %(uid)s
                          AND log.action = 'open'
                          AND log.date > %(since)s)
                """,
                uid=self.env.uid,
                id=beneficiary.id,
                now=now,
                since=now - timedelta(minutes=OPEN_DEDUPLICATION_MINUTES),
            )
        )

    @api.model
    def _cron_purge(self):
        """Forget the entries older than the audit retention of their structure."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                DELETE FROM inclusion_privacy_log log
                 USING res_company c
                 WHERE c.id = log.company_id
                   AND log.date < %s - make_interval(months => c.inclusion_audit_retention_months)
                """,
                fields.Datetime.now(),
            )
        )
        self.invalidate_model()
