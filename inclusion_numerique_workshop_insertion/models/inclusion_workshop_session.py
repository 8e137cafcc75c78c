from odoo import models


class InclusionWorkshopSession(models.Model):
    _inherit = "inclusion.workshop.session"

    def write(self, vals):
        res = super().write(vals)
        if {"date_begin", "date_end"} & vals.keys():
            self.attendance_ids._sync_training_work_entries()
        return res
