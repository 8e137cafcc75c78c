from odoo import api, fields, models
from odoo.exceptions import ValidationError

LEGAL_BASES = [
    ("public_interest", "Public-interest mission"),
    ("legitimate_interest", "Legitimate interest"),
    ("consent", "Consent"),
]
DEFAULT_RETENTION_MONTHS = 24
DEFAULT_AUDIT_RETENTION_MONTHS = 12


class ResCompany(models.Model):
    _inherit = "res.company"

    # Consent by default: the rule of the releases before the setting existed (no social
    # data without consent).
    inclusion_legal_basis = fields.Selection(
        LEGAL_BASES, string="Legal basis", required=True, default="consent"
    )
    inclusion_retention_months = fields.Integer(
        string="Retention after the last activity (months)",
        required=True,
        default=DEFAULT_RETENTION_MONTHS,
    )
    # On for the structures created from now on; the ones that exist when the field is
    # added keep their birth dates (see _init_column).
    inclusion_birth_year_only = fields.Boolean(string="Birth year only", default=True)
    inclusion_audit_retention_months = fields.Integer(
        string="Audit trail retention (months)",
        required=True,
        default=DEFAULT_AUDIT_RETENTION_MONTHS,
    )
    inclusion_dpo_contact = fields.Char(
        string="Data protection officer",
        help="Name and address of the data protection officer, printed on the notices.",
    )

    def _init_column(self, column_name):
        # Structures existing at install or upgrade keep recording birth dates until they
        # switch: the column starts empty (False) instead of the default for new ones.
        if column_name == "inclusion_birth_year_only":
            return
        super()._init_column(column_name)

    @api.constrains("inclusion_retention_months", "inclusion_audit_retention_months")
    def _check_inclusion_retention(self):
        for company in self:
            if company.inclusion_retention_months < 1:
                raise ValidationError(self.env._("The retention period must be at least 1 month."))
            if company.inclusion_audit_retention_months < 1:
                raise ValidationError(self.env._("The audit trail must be kept at least 1 month."))

    def write(self, vals):
        switched = self.filtered(lambda c: not c.inclusion_birth_year_only)
        result = super().write(vals)
        if vals.get("inclusion_birth_year_only") and switched:
            self.env["inclusion.beneficiary"]._privacy_keep_birth_years(switched)
        return result
