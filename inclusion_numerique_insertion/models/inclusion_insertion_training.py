from odoo import api, fields, models
from odoo.exceptions import ValidationError


class InclusionInsertionTraining(models.Model):
    """A training an insertion employee followed outside the structure's workshops."""

    _name = "inclusion.insertion.training"
    _description = "Training outside the workshops"
    _inherit = ["inclusion.insertion.follow.up.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(string="Training", required=True)
    organisation_id = fields.Many2one(
        "res.partner", string="Training organisation", check_company=True
    )
    date_start = fields.Date(string="Start date", required=True)
    date_end = fields.Date(string="End date", required=True)
    hours = fields.Float(required=True)
    is_qualifying = fields.Boolean(
        string="Qualifying", help="Leads to a diploma, a certificate or a qualification."
    )

    @api.constrains("date_start", "date_end", "hours")
    def _check_values(self):
        for training in self:
            if training.date_end < training.date_start:
                raise ValidationError(self.env._("A training cannot end before it starts."))
            if training.hours <= 0:
                raise ValidationError(self.env._("The training hours must be more than 0."))
