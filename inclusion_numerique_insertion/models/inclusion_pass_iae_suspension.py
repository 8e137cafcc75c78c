from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .hr_contract import INSERTION_TEAM_GROUP

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
    _inherit = "inclusion.pass.iae.period"

    # Reasons tell why the work stopped (illness, broken contract): insertion team only.
    reason = fields.Selection(SUSPENSION_REASONS, required=True, groups=INSERTION_TEAM_GROUP)

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
