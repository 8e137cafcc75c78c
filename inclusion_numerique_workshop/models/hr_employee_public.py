from odoo import fields, models
from odoo.addons.inclusion_numerique.models.hr_employee import BENEFICIARY_GROUPS


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    workshop_training_hours = fields.Float(
        related="employee_id.workshop_training_hours", groups=BENEFICIARY_GROUPS
    )
    workshop_count = fields.Integer(
        related="employee_id.workshop_count", groups=BENEFICIARY_GROUPS
    )

    def action_view_workshop_training_hours(self):
        return self.employee_id.action_view_workshop_training_hours()

    def action_view_workshops(self):
        return self.employee_id.action_view_workshops()
