from odoo import fields, models


class InclusionBeneficiary(models.Model):
    _inherit = "inclusion.beneficiary"

    is_insertion_employee = fields.Boolean(
        related="employee_id.is_insertion_employee",
        string="Currently in insertion",
        help="Has a running insertion contract (its details stay with the insertion team).",
    )
