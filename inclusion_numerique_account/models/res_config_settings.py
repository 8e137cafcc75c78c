from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    inclusion_equipment_product_id = fields.Many2one(
        related="company_id.inclusion_equipment_product_id", readonly=False
    )
    inclusion_equipment_income_account_id = fields.Many2one(
        related="company_id.inclusion_equipment_income_account_id", readonly=False
    )
    inclusion_equipment_tax_id = fields.Many2one(
        related="company_id.inclusion_equipment_tax_id", readonly=False
    )
    inclusion_equipment_cash_journal_id = fields.Many2one(
        related="company_id.inclusion_equipment_cash_journal_id", readonly=False
    )
    inclusion_equipment_bank_journal_id = fields.Many2one(
        related="company_id.inclusion_equipment_bank_journal_id", readonly=False
    )
