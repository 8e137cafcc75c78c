from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    inclusion_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Equipment price currency"
    )
    inclusion_equipment_price = fields.Monetary(
        related="company_id.inclusion_equipment_price",
        readonly=False,
        currency_field="inclusion_currency_id",
    )
