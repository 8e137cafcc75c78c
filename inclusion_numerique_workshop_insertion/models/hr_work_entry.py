from odoo import fields, models


class HrWorkEntry(models.Model):
    _inherit = "hr.work.entry"

    # The roll call line that made this training entry: deleting the line (a cancelled
    # session) deletes the entry with it.
    inclusion_attendance_id = fields.Many2one(
        "inclusion.attendance",
        string="Workshop attendance",
        ondelete="cascade",
        index="btree_not_null",
        readonly=True,
        copy=False,
    )

    _sql_constraints = [
        (
            "inclusion_attendance_unique",
            "unique(inclusion_attendance_id)",
            "A workshop attendance makes one training work entry at most.",
        ),
    ]
