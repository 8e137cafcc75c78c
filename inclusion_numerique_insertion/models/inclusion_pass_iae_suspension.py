from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

from .hr_contract import INSERTION_TEAM_GROUP

# Les emplois, itou/approvals/models.py, Suspension.Reason.displayed_choices_for_siae().
SUSPENSION_REASONS = [
    ("contract_suspended", "Employment contract suspended for more than 15 days"),
    ("contract_broken", "Employment contract broken off"),
    ("contract_finished", "Employment contract finished"),
    (
        "cta_agreement",
        "Situation agreed between the members of the CTA (comité technique d'animation)",
    ),
    ("passerelle", "Switch to the passerelle contract experiment"),
]
# CONTRAT_PASSERELLE "must only be available for EI and ACI SIAE kinds".
PASSERELLE_SIAE_KINDS = ("ei", "aci")
# Suspension.MAX_DURATION_MONTHS and Suspension.MAX_RETROACTIVITY_DURATION_DAYS.
MAX_SUSPENSION_MONTHS = 36
MAX_BACKDATING_DAYS = 365


class InclusionPassIaeSuspension(models.Model):
    _name = "inclusion.pass.iae.suspension"
    _description = "PASS IAE suspension"
    _inherit = "inclusion.pass.iae.period"

    # Reasons tell why the work stopped (illness, broken contract): insertion team only.
    reason = fields.Selection(SUSPENSION_REASONS, required=True, groups=INSERTION_TEAM_GROUP)

    @api.constrains("date_start", "date_end", "pass_id")
    def _check_dates(self):
        for suspension in self:
            if suspension.date_end < suspension.date_start:
                raise ValidationError(self.env._("A suspension cannot end before it starts."))
            # Suspension.get_max_end_at(): start + 36 months - 1 day.
            max_end = suspension.date_start + relativedelta(months=MAX_SUSPENSION_MONTHS, days=-1)
            if suspension.date_end > max_end:
                raise ValidationError(
                    self.env._(
                        "A suspension lasts at most 36 months: it can end on %(date)s at the "
                        "latest.",
                        date=format_date(self.env, max_end),
                    )
                )
            if suspension.date_start < suspension.pass_id.date_start:
                raise ValidationError(
                    self.env._("A suspension cannot start before the PASS IAE itself.")
                )
            overlapping = suspension.pass_id.suspension_ids.filtered(
                lambda other, current=suspension: (
                    other != current
                    and other.date_start <= current.date_end
                    and current.date_start <= other.date_end
                )
            )
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "The suspensions of PASS IAE %(number)s overlap: "
                        "a period can only be suspended once.",
                        number=suspension.pass_id.name,
                    )
                )

    @api.constrains("date_start")
    def _check_backdating(self):
        """Recorded at most 365 days after its start (Suspension.next_min_start_at()).
        Only a new start date is checked, so that an old suspension can still be ended."""
        earliest = fields.Date.context_today(self) - timedelta(days=MAX_BACKDATING_DAYS)
        if any(suspension.date_start < earliest for suspension in self):
            raise ValidationError(
                self.env._(
                    "A suspension can start at most 365 days in the past, on %(date)s at the "
                    "earliest.",
                    date=format_date(self.env, earliest),
                )
            )

    @api.constrains("reason", "pass_id")
    def _check_passerelle(self):
        for suspension in self.filtered(lambda s: s.reason == "passerelle"):
            if not suspension.pass_id._siae_kinds() & set(PASSERELLE_SIAE_KINDS):
                raise ValidationError(
                    self.env._(
                        "The switch to a passerelle contract is only possible in an EI or an ACI."
                    )
                )
