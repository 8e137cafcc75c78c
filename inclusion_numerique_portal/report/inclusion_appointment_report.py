from odoo import fields, models, tools
from odoo.tools import SQL


class InclusionAppointmentReport(models.Model):
    """One row per appointment that took place or was missed, to compare no-show rates
    per place, partner organisation and person."""

    _name = "inclusion.appointment.report"
    _description = "Appointments and no-shows"
    _auto = False
    _order = "date desc"

    date = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    place_id = fields.Many2one("inclusion.place", readonly=True)
    mediator_id = fields.Many2one("res.users", readonly=True)
    beneficiary_id = fields.Many2one("inclusion.beneficiary", string="Person", readonly=True)
    organisation_id = fields.Many2one("res.partner", string="Partner organisation", readonly=True)
    appointment_count = fields.Integer(string="Appointments", readonly=True)
    no_show_count = fields.Integer(string="No-shows", readonly=True)
    no_show_rate = fields.Float(string="No-show rate (%)", readonly=True, aggregator="avg")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS (
                    SELECT s.id, s.date, s.company_id, s.place_id, s.mediator_id,
                           s.beneficiary_id,
                           COALESCE(r.organisation_id, b.prescriber_partner_id)
                               AS organisation_id,
                           1 AS appointment_count,
                           (s.state = 'no_show')::int AS no_show_count,
                           CASE WHEN s.state = 'no_show' THEN 100.0 ELSE 0.0 END
                               AS no_show_rate
                      FROM inclusion_support s
                      LEFT JOIN inclusion_beneficiary b ON b.id = s.beneficiary_id
                      LEFT JOIN inclusion_referral r ON r.support_id = s.id
                     WHERE s.kind = 'appointment' AND s.state IN ('done', 'no_show')
                )
                """,
                SQL.identifier(self._table),
            )
        )
