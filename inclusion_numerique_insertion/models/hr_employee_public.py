from odoo import fields, models

from .hr_contract import INSERTION_PRIVATE_GROUPS
from .hr_employee import INSERTION_STATUS_GROUPS


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    # Mediators know that a person is an insertion employee, not the contract details;
    # the other staff do not even know that.
    is_insertion_employee = fields.Boolean(
        string="Insertion employee", readonly=True, groups=INSERTION_STATUS_GROUPS
    )
    insertion_contract_ids = fields.One2many(
        related="employee_id.insertion_contract_ids", groups=INSERTION_PRIVATE_GROUPS
    )
    current_insertion_contract_id = fields.Many2one(
        related="employee_id.current_insertion_contract_id", groups=INSERTION_PRIVATE_GROUPS
    )
    insertion_contract_count = fields.Integer(
        related="employee_id.insertion_contract_count", groups=INSERTION_PRIVATE_GROUPS
    )
    pass_iae_ids = fields.One2many(
        related="employee_id.pass_iae_ids", groups=INSERTION_PRIVATE_GROUPS
    )
    pass_iae_count = fields.Integer(
        related="employee_id.pass_iae_count", groups=INSERTION_PRIVATE_GROUPS
    )

    def action_open_insertion_contracts(self):
        return self.employee_id.action_open_insertion_contracts()

    def action_open_pass_iae(self):
        return self.employee_id.action_open_pass_iae()
