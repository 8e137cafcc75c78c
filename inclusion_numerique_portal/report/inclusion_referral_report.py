from odoo import fields, models, tools
from odoo.addons.inclusion_numerique.models.inclusion_support import AUTONOMY_LEVELS, ORIENTATIONS
from odoo.tools import SQL

from ..models.inclusion_referral import REFERRAL_STATES, URGENCIES


class InclusionReferralReport(models.Model):
    """One row per referral: what each partner organisation refers, how long people wait
    for their appointment (referrals without one are left out of the average), what came
    of it."""

    _name = "inclusion.referral.report"
    _description = "Referrals analysis"
    _auto = False
    _order = "date desc"

    date = fields.Date(string="Referred on", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    organisation_id = fields.Many2one("res.partner", string="Partner organisation", readonly=True)
    state = fields.Selection(REFERRAL_STATES, string="Status", readonly=True)
    urgency = fields.Selection(URGENCIES, readonly=True)
    referral_count = fields.Integer(string="Referrals", readonly=True)
    appointment_days = fields.Float(
        string="Days to the appointment", readonly=True, aggregator="avg"
    )
    autonomy = fields.Selection(AUTONOMY_LEVELS, string="Autonomy reached", readonly=True)
    orientation = fields.Selection(ORIENTATIONS, string="Referred onward to", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS (
                    SELECT r.id, r.date, r.company_id, r.organisation_id, r.state, r.urgency,
                           1 AS referral_count,
                           s.date - r.date AS appointment_days,
                           CASE WHEN s.state = 'done' THEN s.autonomy END AS autonomy,
                           CASE WHEN s.state = 'done' THEN s.orientation END AS orientation
                      FROM inclusion_referral r
                      LEFT JOIN inclusion_support s ON s.id = r.support_id
                )
                """,
                SQL.identifier(self._table),
            )
        )
