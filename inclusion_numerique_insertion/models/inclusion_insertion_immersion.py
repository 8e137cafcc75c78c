from odoo import api, fields, models
from odoo.exceptions import ValidationError

IMMERSION_OUTCOMES = [
    ("pending", "Not assessed yet"),
    ("project_confirmed", "Career project confirmed"),
    ("project_changed", "Career project changed"),
    ("hired", "Hiring offered"),
    ("training", "Training considered"),
    ("none", "No follow-up"),
]


class InclusionInsertionImmersion(models.Model):
    """An immersion period in a company (PMSMP: période de mise en situation en milieu
    professionnel)."""

    _name = "inclusion.insertion.immersion"
    _description = "Immersion period (PMSMP)"
    _inherit = ["inclusion.insertion.follow.up.mixin"]
    _order = "date_start desc, id desc"
    _rec_name = "host_partner_id"

    host_partner_id = fields.Many2one(
        "res.partner", string="Host company", required=True, check_company=True
    )
    job = fields.Char(string="Job discovered")
    date_start = fields.Date(string="Start date", required=True)
    date_end = fields.Date(string="End date", required=True)
    outcome = fields.Selection(IMMERSION_OUTCOMES, required=True, default="pending")
    notes = fields.Text()

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for immersion in self:
            if immersion.date_end < immersion.date_start:
                raise ValidationError(
                    self.env._("An immersion period cannot end before it starts.")
                )
