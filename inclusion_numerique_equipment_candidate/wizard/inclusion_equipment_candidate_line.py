from odoo import fields, models
from odoo.exceptions import UserError


class InclusionEquipmentCandidate(models.TransientModel):
    _name = "inclusion.equipment.candidate"
    _description = "Equipment candidate"
    _order = "priority, seniority_date, id"

    wizard_id = fields.Many2one(
        "inclusion.equipment.candidate.wizard", required=True, ondelete="cascade"
    )
    priority = fields.Integer(help="Lower comes first.")
    beneficiary_id = fields.Many2one("inclusion.beneficiary", readonly=True)
    employee_id = fields.Many2one("hr.employee", string="Insertion employee", readonly=True)
    seniority_date = fields.Date(string="In the structure since", readonly=True)
    reason = fields.Char(readonly=True)

    def action_reserve(self):
        self.ensure_one()
        equipment = self.wizard_id.equipment_id
        if not equipment:
            raise UserError(self.env._("Choose the equipment to reserve first."))
        equipment.reserved_for_id = self.beneficiary_id
        equipment.action_reserve()
        return equipment._get_records_action()
