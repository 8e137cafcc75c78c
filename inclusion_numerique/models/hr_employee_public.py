from odoo import fields, models


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    # Mediators know that a person is an insertion employee, not the contract details.
    is_insertion_employee = fields.Boolean(string="Insertion employee", readonly=True)
