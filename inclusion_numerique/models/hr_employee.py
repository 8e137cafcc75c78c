from odoo import api, fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    beneficiary_ids = fields.One2many(
        "inclusion.beneficiary", "employee_id", string="Beneficiary records"
    )
    beneficiary_id = fields.Many2one(
        "inclusion.beneficiary",
        compute="_compute_beneficiary_id",
        groups="inclusion_numerique.group_mediator,inclusion_numerique.group_insertion",
    )

    @api.depends("beneficiary_ids")
    def _compute_beneficiary_id(self):
        for employee in self:
            employee.beneficiary_id = employee.beneficiary_ids[:1]
