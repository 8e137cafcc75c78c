from odoo import api, fields, models
from odoo.exceptions import ValidationError

SUSPENSION_REASONS = [
    ("contract_suspended", "Employment contract suspended for more than 15 days"),
    ("contract_broken", "Employment contract broken off"),
    ("contract_finished", "Employment contract finished"),
    ("structure_move", "Move to another structure"),
    ("passerelle", "Passerelle contract"),
]


class InclusionPassIaeSuspension(models.Model):
    _name = "inclusion.pass.iae.suspension"
    _description = "PASS IAE suspension"
    _order = "date_start, id"

    pass_id = fields.Many2one(
        "inclusion.pass.iae", string="PASS IAE", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="pass_id.company_id", store=True)
    reason = fields.Selection(SUSPENSION_REASONS, required=True)
    date_start = fields.Date(string="Start date", required=True)
    date_end = fields.Date(string="End date", required=True)
    days = fields.Integer(compute="_compute_days", store=True)

    @api.depends("date_start", "date_end")
    def _compute_days(self):
        for suspension in self:
            if suspension.date_start and suspension.date_end:
                suspension.days = max((suspension.date_end - suspension.date_start).days + 1, 0)
            else:
                suspension.days = 0

    @api.constrains("date_start", "date_end", "pass_id")
    def _check_dates(self):
        for suspension in self:
            if suspension.date_end < suspension.date_start:
                raise ValidationError(self.env._("A suspension cannot end before it starts."))
            if suspension.date_start < suspension.pass_id.date_start:
                raise ValidationError(
                    self.env._("A suspension cannot start before the PASS IAE itself.")
                )
            overlapping = suspension.pass_id.suspension_ids.filtered(
                lambda other, current=suspension: (
                    other != current
                    and other.date_start <= current.date_end
                    and current.date_start <= other.date_end
                )
            )
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "The suspensions of PASS IAE %(number)s overlap: "
                        "a period can only be suspended once.",
                        number=suspension.pass_id.name,
                    )
                )
