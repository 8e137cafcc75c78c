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

    def action_open_beneficiary(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "inclusion.beneficiary",
            "res_id": self.beneficiary_id.id,
            "view_mode": "form",
        }
