from odoo import fields, models


class InclusionWorkshop(models.Model):
    _inherit = "inclusion.workshop"

    is_paid_training = fields.Boolean(
        string="Voluntary hours are paid training time",
        tracking=True,
        help="Hours attended by insertion employees count as paid training time in their "
        "work entries, although the workshop is not mandatory for them.",
    )

    def write(self, vals):
        res = super().write(vals)
        if {"is_work_time", "is_paid_training"} & vals.keys():
            self.session_ids.attendance_ids._sync_training_work_entries()
        return res

    def _counts_as_paid_training(self):
        self.ensure_one()
        return self.is_work_time or self.is_paid_training
