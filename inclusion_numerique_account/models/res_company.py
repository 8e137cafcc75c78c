from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    inclusion_equipment_product_id = fields.Many2one(
        "product.product",
        string="Equipment sale product",
        help="Product of the customer invoice of each equipment sale.",
    )
    inclusion_equipment_income_account_id = fields.Many2one(
        "account.account",
        string="Equipment sale income account",
        help="Leave empty to use the income account of the product.",
    )
    inclusion_equipment_tax_id = fields.Many2one(
        "account.tax",
        string="Equipment sale tax",
        help="Associations are often outside VAT: no tax by default.",
    )
    inclusion_equipment_cash_journal_id = fields.Many2one(
        "account.journal",
        string="Cash journal for equipment sales",
        help="Journal of the cash payments; the first cash journal when empty.",
    )
    inclusion_equipment_bank_journal_id = fields.Many2one(
        "account.journal",
        string="Bank journal for equipment sales",
        help="Journal of cheque, card and transfer payments; the first bank journal when empty.",
    )
