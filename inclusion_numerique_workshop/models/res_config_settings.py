from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    inclusion_attendance_threshold = fields.Float(
        related="company_id.inclusion_attendance_threshold", readonly=False
    )
    inclusion_absence_alert_count = fields.Integer(
        related="company_id.inclusion_absence_alert_count", readonly=False
    )
