from odoo import fields, models

# The recipient of a handover is visible to mediators only (not to insertion advisers).
EQUIPMENT_GROUPS = "inclusion_numerique.group_mediator"


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    equipment_handover_count = fields.Integer(
        string="Equipment received",
        compute="_compute_equipment_handover_count",
        groups=EQUIPMENT_GROUPS,
        help="Equipment handed over to the employee's beneficiary record (not cancelled).",
    )

    def _equipment_handover_domain(self):
        return [("beneficiary_id.employee_id", "in", self.ids), ("state", "!=", "cancelled")]

    def _compute_equipment_handover_count(self):
        counts = self._count_by_employee(
            "inclusion.equipment.handover", self._equipment_handover_domain()
        )
        for employee in self:
            employee.equipment_handover_count = counts.get(employee, 0)

    def action_view_equipment_handovers(self):
        return self._action_for(
            "inclusion_numerique_equipment.inclusion_equipment_handover_action",
            self._equipment_handover_domain(),
            {"default_beneficiary_id": self.beneficiary_id.id},
        )
