from odoo import fields, models

from .hr_employee import BENEFICIARY_GROUPS


class HrEmployeePublic(models.Model):
    """Users without HR rights see employees through their public profile: each add-on
    relays its smart buttons here."""

    _inherit = "hr.employee.public"

    beneficiary_id = fields.Many2one(
        related="employee_id.beneficiary_id", groups=BENEFICIARY_GROUPS
    )
    support_count = fields.Integer(related="employee_id.support_count", groups=BENEFICIARY_GROUPS)

    def action_open_beneficiary(self):
        return self.employee_id.action_open_beneficiary()

    def action_view_supports(self):
        return self.employee_id.action_view_supports()
