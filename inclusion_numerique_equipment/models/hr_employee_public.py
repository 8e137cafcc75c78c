from odoo import fields, models

from .hr_employee import EQUIPMENT_GROUPS


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    equipment_handover_count = fields.Integer(
        related="employee_id.equipment_handover_count", groups=EQUIPMENT_GROUPS
    )

    def action_view_equipment_handovers(self):
        return self.employee_id.action_view_equipment_handovers()
