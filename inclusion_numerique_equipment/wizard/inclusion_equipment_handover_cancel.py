from odoo import fields, models


class InclusionEquipmentHandoverCancel(models.TransientModel):
    _name = "inclusion.equipment.handover.cancel"
    _description = "Cancel an equipment handover"

    handover_ids = fields.Many2many(
        "inclusion.equipment.handover", "inclusion_equipment_handover_cancel_rel", required=True
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.handover_ids.action_cancel(self.reason)
        return {"type": "ir.actions.act_window_close"}
