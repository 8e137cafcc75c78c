from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    inclusion_equipment_price = fields.Monetary(
        string="Equipment sale price",
        default=20.0,
        currency_field="currency_id",
    )

    @api.constrains("inclusion_equipment_price")
    def _check_inclusion_equipment_price(self):
        for company in self:
            if company.inclusion_equipment_price < 0:
                raise ValidationError(self.env._("The equipment sale price cannot be negative."))
