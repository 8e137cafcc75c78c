from odoo import api, fields, models
from odoo.exceptions import ValidationError


class InclusionBeneficiary(models.Model):
    _inherit = "inclusion.beneficiary"

    is_insertion_employee = fields.Boolean(
        related="employee_id.is_insertion_employee",
        string="Currently in insertion",
        help="Has a running insertion contract (its details stay with the insertion team).",
    )
    # The consent scopes of the base add-on do not cover the insertion team; without this
    # consent, insertion advisers only see the files of the employees they follow.
    consent_insertion_sharing = fields.Boolean(
        string="Sharing with the insertion team",
        tracking=True,
        help="The person agreed that every insertion adviser of the structure reads their "
        "file, support sessions and diagnostics, not only the advisers following them.",
    )

    @api.constrains("consent_insertion_sharing", "consent_date")
    def _check_consent_insertion_sharing(self):
        if self.filtered(lambda b: b.consent_insertion_sharing and not b.consent_date):
            raise ValidationError(
                self.env._(
                    "Record the consent to the processing of personal data before sharing "
                    "the file with the insertion team."
                )
            )
