from odoo import api, fields, models


class InclusionPassIaePeriod(models.AbstractModel):
    """A dated period of a PASS IAE: suspensions and prolongations move its end date."""

    _name = "inclusion.pass.iae.period"
    _description = "PASS IAE period"
    _order = "date_start, id"

    pass_id = fields.Many2one(
        "inclusion.pass.iae", string="PASS IAE", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="pass_id.company_id", store=True)
    date_start = fields.Date(string="Start date", required=True)
    date_end = fields.Date(string="End date", required=True)
    days = fields.Integer(compute="_compute_days", store=True)

    @api.depends("date_start", "date_end")
    def _compute_days(self):
        for period in self:
            if period.date_start and period.date_end:
                period.days = max((period.date_end - period.date_start).days + 1, 0)
            else:
                period.days = 0
