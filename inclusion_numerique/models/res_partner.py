from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Hides beneficiaries' contacts from employees outside the inclusion groups (record
    # rules); archived files stay hidden too.
    inclusion_beneficiary_ids = fields.One2many(
        "inclusion.beneficiary",
        "partner_id",
        string="Beneficiary files",
        context={"active_test": False},
        groups="inclusion_numerique.group_mediator,inclusion_numerique.group_insertion",
    )
