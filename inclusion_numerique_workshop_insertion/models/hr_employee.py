from odoo import models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    def _sync_training_work_entries(self):
        """A contract recorded, moved or ended after the roll call: the training work
        entries of these employees follow it."""
        if not self:
            return
        # HR may not read every roll call line (the insertion team's rules): only the work
        # entries of these employees are rewritten.
        attendances = (
            self.env["inclusion.attendance"].sudo().search([("employee_id", "in", self.ids)])
        )
        attendances._sync_training_work_entries()
