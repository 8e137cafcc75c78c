from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .inclusion_beneficiary import DIGITAL_LEVELS

DIAGNOSTIC_TOOLS = [
    ("les_bons_clics", "Les Bons Clics"),
    ("pix_abc_diag", "Pix ABC Diag"),
    ("in_house", "In-house questionnaire"),
    ("other", "Other"),
]
PIX_SCORE_FIELDS = [
    "score_information",
    "score_communication",
    "score_content_creation",
    "score_security",
    "score_environment",
]


class InclusionDiagnostic(models.Model):
    _name = "inclusion.diagnostic"
    _description = "Digital diagnostic"
    _inherit = ["inclusion.company.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    beneficiary_id = fields.Many2one(
        "inclusion.beneficiary", required=True, index=True, ondelete="cascade", check_company=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    tool = fields.Selection(DIAGNOSTIC_TOOLS, required=True, default="les_bons_clics")
    level = fields.Selection(DIGITAL_LEVELS, string="Global level", required=True)
    score_information = fields.Integer(string="Information and data (%)")
    score_communication = fields.Integer(string="Communication and collaboration (%)")
    score_content_creation = fields.Integer(string="Content creation (%)")
    score_security = fields.Integer(string="Protection and security (%)")
    score_environment = fields.Integer(string="Digital environment (%)")
    comment = fields.Text()
    mediator_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, check_company=True
    )
    company_id = fields.Many2one(
        related="beneficiary_id.company_id", store=True, index=True, precompute=True
    )

    @api.depends("beneficiary_id.name", "date")
    def _compute_display_name(self):
        for diagnostic in self:
            diagnostic.display_name = (
                f"{diagnostic.beneficiary_id.name or ''} – {diagnostic.date or ''}"
            )

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        for diagnostic in self:
            if diagnostic.date > today:
                raise ValidationError(self.env._("A diagnostic cannot be dated in the future."))

    @api.constrains(*PIX_SCORE_FIELDS)
    def _check_scores(self):
        for diagnostic in self:
            if any(not 0 <= diagnostic[fname] <= 100 for fname in PIX_SCORE_FIELDS):
                raise ValidationError(self.env._("Pix scores are percentages, from 0 to 100."))
