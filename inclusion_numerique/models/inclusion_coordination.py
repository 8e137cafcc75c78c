from odoo import api, fields, models
from odoo.exceptions import ValidationError

# As La Coop de la médiation numérique records the coordinators' activity.
COORDINATION_KINDS = [
    ("partner_meeting", "Partner meeting"),
    ("neighbourhood_event", "Neighbourhood event"),
    ("network_day", "Network day"),
    ("other", "Other"),
]


class InclusionCoordination(models.Model):
    """Time spent with the partners of the territory rather than with the public."""

    _name = "inclusion.coordination"
    _description = "Coordination activity"
    _inherit = ["mail.thread", "inclusion.company.mixin", "inclusion.programme.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Subject", required=True)
    kind = fields.Selection(COORDINATION_KINDS, required=True, default="partner_meeting")
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    duration = fields.Integer(string="Duration (min)", required=True, default=60)
    partner_ids = fields.Many2many(
        "res.partner", string="Partners", check_company=True, help="Structures met."
    )
    user_id = fields.Many2one(
        "res.users",
        string="Staff member",
        required=True,
        default=lambda self: self.env.user,
        check_company=True,
    )
    place_id = fields.Many2one("inclusion.place", check_company=True)
    notes = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.constrains("duration")
    def _check_duration(self):
        if any(activity.duration <= 0 for activity in self):
            raise ValidationError(self.env._("The duration must be positive."))
