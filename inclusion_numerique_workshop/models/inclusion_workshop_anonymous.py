from odoo import api, fields, models
from odoo.addons.inclusion_numerique.models.inclusion_beneficiary import (
    AGE_BRACKETS,
    GENDERS,
    SOCIAL_STATUSES,
)
from odoo.exceptions import ValidationError


class InclusionWorkshopAnonymous(models.Model):
    """Participants of a workshop session whose names are not kept, counted by gender,
    age bracket and status (as La Coop de la médiation numérique records them)."""

    _name = "inclusion.workshop.anonymous"
    _description = "Anonymous workshop participants"
    _order = "session_id, id"

    session_id = fields.Many2one(
        "inclusion.workshop.session", required=True, index=True, ondelete="cascade"
    )
    workshop_id = fields.Many2one(related="session_id.workshop_id", store=True)
    company_id = fields.Many2one(related="session_id.company_id", store=True, index=True)
    gender = fields.Selection(GENDERS, required=True, default="unknown")
    age_bracket = fields.Selection(AGE_BRACKETS, required=True, default="unknown")
    social_status = fields.Selection(
        SOCIAL_STATUSES, string="Status", required=True, default="unknown"
    )
    count = fields.Integer(string="People", required=True, default=1)

    @api.constrains("count")
    def _check_count(self):
        if any(line.count < 1 for line in self):
            raise ValidationError(self.env._("Count at least one person on each line."))
