from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    inclusion_no_show_threshold = fields.Integer(
        related="company_id.inclusion_no_show_threshold", readonly=False
    )
    inclusion_reminder_hours = fields.Integer(
        related="company_id.inclusion_reminder_hours", readonly=False
    )
