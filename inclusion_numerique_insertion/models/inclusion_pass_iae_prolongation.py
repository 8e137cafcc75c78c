from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

from .hr_contract import INSERTION_TEAM_GROUP

PROLONGATION_REASONS = [
    ("training", "Completing a training"),
    ("rqth", "Recognised disabled worker (RQTH)"),
    ("senior", "Aged 50 or more"),
    ("particular_difficulties", "Particular difficulties (AI and ACI only)"),
]
# Per reason: (days allowed per request, days allowed in all or None when unlimited).
PROLONGATION_LIMITS = {
    "training": (365, None),
    "rqth": (365, 3 * 365),
    "senior": (365, 5 * 365),
    "particular_difficulties": (365, 3 * 365),
}
PARTICULAR_DIFFICULTIES_SIAE_KINDS = ("ai", "aci")
# A prolongation can be asked from 12 months before the end until 6 months after it.
REQUEST_WINDOW_BEFORE = relativedelta(months=12)
REQUEST_WINDOW_AFTER = relativedelta(months=6)


class InclusionPassIaeProlongation(models.Model):
    _name = "inclusion.pass.iae.prolongation"
    _description = "PASS IAE prolongation"
    _inherit = "inclusion.pass.iae.period"

    # Reasons tell disability (RQTH) or particular difficulties: insertion team only.
    reason = fields.Selection(PROLONGATION_REASONS, required=True, groups=INSERTION_TEAM_GROUP)
    request_date = fields.Date(required=True, default=fields.Date.context_today)

    @api.onchange("pass_id")
    def _onchange_pass_id(self):
        """Propose a prolongation starting right after the current end of the PASS."""
        if self.pass_id.date_end and not self.date_start:
            self.date_start = self.pass_id.date_end + relativedelta(days=1)

    @api.constrains("date_start", "date_end", "reason", "request_date", "pass_id")
    def _check_limits(self):
        for prolongation in self:
            prolongation._check_duration()
            prolongation._check_request_window()
            prolongation._check_siae_kind()

    def _check_duration(self):
        if self.date_end < self.date_start:
            raise ValidationError(self.env._("A prolongation cannot end before it starts."))
        per_request, in_all = PROLONGATION_LIMITS[self.reason]
        reason_label = dict(self._fields["reason"]._description_selection(self.env))[self.reason]
        if self.days > per_request:
            raise ValidationError(
                self.env._(
                    "A prolongation for “%(reason)s” is limited to %(limit)s days per request "
                    "(%(days)s days asked).",
                    reason=reason_label,
                    limit=per_request,
                    days=self.days,
                )
            )
        same_reason = self.pass_id.prolongation_ids.filtered(lambda p: p.reason == self.reason)
        total = sum(same_reason.mapped("days"))
        if in_all and total > in_all:
            raise ValidationError(
                self.env._(
                    "Prolongations for “%(reason)s” are limited to %(limit)s days in all "
                    "(%(total)s days with this one).",
                    reason=reason_label,
                    limit=in_all,
                    total=total,
                )
            )

    def _check_request_window(self):
        end = self.pass_id._end_before(self)
        if not end - REQUEST_WINDOW_BEFORE <= self.request_date <= end + REQUEST_WINDOW_AFTER:
            raise ValidationError(
                self.env._(
                    "A prolongation can only be asked from 12 months before the end of the "
                    "PASS IAE (%(end)s) until 6 months after it.",
                    end=format_date(self.env, end),
                )
            )

    def _check_siae_kind(self):
        if self.reason != "particular_difficulties":
            return
        kinds = set(self.pass_id.contract_ids.mapped("siae_kind"))
        if not kinds & set(PARTICULAR_DIFFICULTIES_SIAE_KINDS):
            raise ValidationError(
                self.env._(
                    "A prolongation for particular difficulties is only possible in an "
                    "AI or an ACI."
                )
            )
