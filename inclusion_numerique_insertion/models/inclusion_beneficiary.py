from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, format_date


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

    # ---- Personal-data lifecycle ----------------------------------------------------------

    def _privacy_consent_withdrawal_values(self):
        # Sharing with the whole insertion team rests on the consent only.
        return {**super()._privacy_consent_withdrawal_values(), "consent_insertion_sharing": False}

    def _privacy_activity_dates_sql(self):
        return [
            *super()._privacy_activity_dates_sql(),
            SQL(
                """(SELECT max(COALESCE(c.date_end, c.date_start)) FROM hr_contract c
                     WHERE c.employee_id = b.employee_id AND c.is_insertion)"""
            ),
        ]

    def _privacy_erasure_blockers(self):
        blockers = super()._privacy_erasure_blockers()
        # Contracts are HR's: read as superuser to know whether one runs, nothing shown.
        running = (
            self.env["hr.contract"]
            .sudo()
            ._read_group(
                [
                    ("employee_id", "in", self.sudo().employee_id.ids),
                    ("is_insertion", "=", True),
                    ("state", "=", "open"),
                ],
                ["employee_id"],
            )
        )
        employees = {employee for (employee,) in running}
        for person in self.filtered(lambda b: b.sudo().employee_id in employees):
            blockers.setdefault(person, []).append(self.env._("an insertion contract is running"))
        return blockers

    def _privacy_anonymise(self):
        if self:
            self.env.flush_all()
            self.env.cr.execute(
                SQL(
                    """UPDATE inclusion_beneficiary SET consent_insertion_sharing = FALSE
                        WHERE id = ANY(%s)""",
                    self.ids,
                )
            )
        return super()._privacy_anonymise()

    def _privacy_access_sections(self):
        # The contracts the user may read, with the fields their groups allow (wages
        # stay HR's, the social details the insertion team's).
        return [
            *super()._privacy_access_sections(),
            {
                "key": "insertion_contracts",
                "title": self.env._("Insertion contracts"),
                "model": "hr.contract",
                "domain": [
                    ("employee_id", "=", self.sudo().employee_id.id),
                    ("employee_id", "!=", False),
                    ("is_insertion", "=", True),
                ],
                "fields": [
                    "name",
                    "date_start",
                    "date_end",
                    "state",
                    "siae_kind",
                    "insertion_contract_type",
                    "weekly_hours",
                    "work_activity_id",
                    "insertion_adviser_id",
                    "pass_iae_id",
                    "prescriber_type",
                    "eligibility_criterion_ids",
                    "exit_date",
                    "exit_reason_id",
                    "exit_destination",
                    "wage",
                ],
            },
        ]
