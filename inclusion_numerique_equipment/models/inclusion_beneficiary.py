from odoo import models


class InclusionBeneficiary(models.Model):
    _inherit = "inclusion.beneficiary"

    def _timeline_events(self):
        events = super()._timeline_events()
        modes = self._selection_labels("inclusion.equipment.handover", "mode")
        events += [
            self._timeline_event(
                handover.date,
                "fa-laptop",
                self.env._("Equipment %(mode)s", mode=modes[handover.mode].lower()),
                handover.equipment_id.display_name,
            )
            for handover in self._timeline_records(
                "inclusion.equipment.handover",
                [("beneficiary_id", "=", self.id), ("state", "!=", "cancelled")],
            )
        ]
        return events
