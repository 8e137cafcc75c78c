from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    inclusion_attendance_threshold = fields.Float(
        related="company_id.inclusion_attendance_threshold", readonly=False
    )
    inclusion_absence_alert_count = fields.Integer(
        related="company_id.inclusion_absence_alert_count", readonly=False
    )
    inclusion_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Equipment price currency"
    )
    inclusion_equipment_price = fields.Monetary(
        related="company_id.inclusion_equipment_price",
        readonly=False,
        currency_field="inclusion_currency_id",
    )
