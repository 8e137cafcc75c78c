from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date


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

    def _timeline_events(self):
        events = super()._timeline_events()
        if not self.employee_id:
            return events
        # Searched as the user: only the contracts and passes their rules let them read.
        contracts = self._timeline_records(
            "hr.contract", [("employee_id", "=", self.employee_id.id), ("is_insertion", "=", True)]
        )
        today = fields.Date.context_today(self)
        for contract in contracts:
            events.append(
                self._timeline_event(
                    contract.date_start,
                    "fa-briefcase",
                    self.env._("Insertion contract starts"),
                    contract.work_activity_id.name or "",
                )
            )
            if contract.date_end and contract.date_end <= today:
                events.append(
                    self._timeline_event(
                        contract.date_end, "fa-briefcase", self.env._("Insertion contract ends")
                    )
                )
        events += [
            self._timeline_event(
                pass_iae.date_start,
                "fa-id-card-o",
                self.env._("PASS IAE %(number)s", number=pass_iae.name),
                self.env._("valid until %(date)s", date=format_date(self.env, pass_iae.date_end))
                if pass_iae.date_end
                else "",
            )
            for pass_iae in self._timeline_records(
                "inclusion.pass.iae", [("employee_id", "=", self.employee_id.id)]
            )
        ]
        return events
