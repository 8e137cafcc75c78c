from odoo import models


class InclusionBeneficiary(models.Model):
    _inherit = "inclusion.beneficiary"

    def _privacy_partners_kept_for_accounting(self, partners):
        kept = super()._privacy_partners_kept_for_accounting(partners)
        # Invoices and payments are kept ten years with their customer's name and address.
        moves = (
            self.env["account.move"]
            .sudo()
            ._read_group([("partner_id", "in", partners.ids)], ["partner_id"])
        )
        return kept | partners.browse([partner.id for (partner,) in moves])
