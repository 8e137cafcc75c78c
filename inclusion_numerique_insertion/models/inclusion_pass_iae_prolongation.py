from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from .hr_contract import INSERTION_TEAM_GROUP

# Les emplois, itou/approvals/enums.py, ProlongationReason (HEALTH_CONTEXT is closed).
PROLONGATION_REASONS = [
    ("senior_cdi", "CDI inclusion signed with a person aged 57 or more"),
    ("training", "Completing a training"),
    ("rqth", "Recognised disabled worker (RQTH)"),
    ("senior", "Aged 50 or more"),
    ("particular_difficulties", "Particular difficulties (AI and ACI only)"),
]
# CommonProlongation.PROLONGATION_RULES, per reason: (max_duration of one request in days,
# max_cumulative_duration in days or None). The cumulative cap counts every prolongation
# of the PASS, whatever its reason (get_max_end_at() / get_cumulative_duration_for()).
PROLONGATION_LIMITS = {
    "senior_cdi": (10 * 365, None),
    "training": (365, None),
    "rqth": (365, 3 * 365),
    "senior": (365, 5 * 365),
    "particular_difficulties": (365, 3 * 365),
}
# Reasons outside CommonProlongation.REASONS_NOT_NEED_PRESCRIBER_OPINION: an authorised
# prescriber grants or refuses them (ProlongationRequest.grant() / deny()).
PRESCRIBER_REASONS = ("rqth", "senior", "particular_difficulties")
PARTICULAR_DIFFICULTIES_SIAE_KINDS = ("ai", "aci")
SENIOR_AGE = 50
# The eligibility criterion that records a recognised disability (Les emplois: TH).
DISABILITY_CRITERION_CODE = "disability"
# Approval.IS_OPEN_TO_PROLONGATION_BOUNDARIES_MONTHS_BEFORE_END / _AFTER_END.
REQUEST_WINDOW_BEFORE = relativedelta(months=12)
REQUEST_WINDOW_AFTER = relativedelta(months=6)
PROLONGATION_STATES = [
    ("requested", "Requested"),
    ("granted", "Granted"),
    ("refused", "Refused"),
]
# Marks the writes of the decision actions. An object, not a string: a caller of the
# external API can put any JSON value in the context, never this one.
_DECISION = object()


class InclusionPassIaeProlongation(models.Model):
    _name = "inclusion.pass.iae.prolongation"
    _description = "PASS IAE prolongation"
    _inherit = "inclusion.pass.iae.period"

    # Reasons tell disability (RQTH) or particular difficulties: insertion team only.
    reason = fields.Selection(PROLONGATION_REASONS, required=True, groups=INSERTION_TEAM_GROUP)
    request_date = fields.Date(required=True, default=fields.Date.context_today)
    state = fields.Selection(
        PROLONGATION_STATES,
        string="Status",
        default="granted",
        required=True,
        readonly=True,
        copy=False,
        help="Requests for RQTH, aged 50 or more and particular difficulties wait for the "
        "decision of an authorised prescriber; the end date only moves once granted.",
    )
    needs_prescriber = fields.Boolean(
        string="Needs a prescriber's decision", compute="_compute_needs_prescriber"
    )
    prescriber_id = fields.Many2one(
        "res.partner",
        string="Authorised prescriber",
        groups=INSERTION_TEAM_GROUP,
        help="Organisation of the authorised prescriber who decides on the request.",
    )
    decision_date = fields.Date(string="Decision date", copy=False)

    @api.depends("reason")
    def _compute_needs_prescriber(self):
        for prolongation in self:
            prolongation.needs_prescriber = prolongation.reason in PRESCRIBER_REASONS

    @api.onchange("reason")
    def _onchange_reason(self):
        """Show a new line as the request it will be (set again when it is created)."""
        if not self._origin:
            self.state = self._initial_state(self.reason)

    @api.model
    def _initial_state(self, reason):
        return "requested" if reason in PRESCRIBER_REASONS else "granted"

    @api.onchange("pass_id")
    def _onchange_pass_id(self):
        """Propose a prolongation starting right after the current end of the PASS."""
        if self.pass_id.date_end and not self.date_start:
            self.date_start = self.pass_id.date_end + relativedelta(days=1)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            expected = self._initial_state(vals.get("reason"))
            if vals.setdefault("state", expected) != expected:
                raise UserError(self._decision_error())
        return super().create(vals_list)

    def write(self, vals):
        if "state" in vals and (
            self.env.context.get("inclusion_prolongation_decision") is not _DECISION
        ):
            raise UserError(self._decision_error())
        if self.filtered(lambda p: p.state != "requested") and {"reason", "prescriber_id"} & (
            vals.keys()
        ):
            raise UserError(
                self.env._("The reason and the prescriber of a decided request cannot change.")
            )
        return super().write(vals)

    def _decision_error(self):
        return self.env._(
            "A prolongation request is granted or refused with its buttons, once the "
            "authorised prescriber has decided."
        )

    def action_grant(self):
        self._record_decision("granted")

    def action_refuse(self):
        self._record_decision("refused")

    def _record_decision(self, state):
        for prolongation in self:
            if prolongation.state != "requested":
                raise UserError(self.env._("Only a pending request can be granted or refused."))
            if not prolongation.prescriber_id:
                raise UserError(
                    self.env._("Please give the authorised prescriber who took the decision.")
                )
        undated = self.filtered(lambda p: not p.decision_date)
        undated.decision_date = fields.Date.context_today(self)
        self.with_context(inclusion_prolongation_decision=_DECISION).write({"state": state})

    @api.constrains("decision_date", "request_date")
    def _check_decision_date(self):
        today = fields.Date.context_today(self)
        for prolongation in self.filtered("decision_date"):
            if not prolongation.request_date <= prolongation.decision_date <= today:
                raise ValidationError(
                    self.env._("The decision date must be between the request date and today.")
                )

    @api.constrains("date_start", "date_end", "reason", "request_date", "pass_id", "state")
    def _check_limits(self):
        for prolongation in self.filtered(lambda p: p.state != "refused"):
            prolongation._check_duration()
            prolongation._check_request_window()
            prolongation._check_siae_kind()
            prolongation._check_person()

    def _reason_label(self):
        return dict(self._fields["reason"]._description_selection(self.env))[self.reason]

    def _check_duration(self):
        if self.date_end < self.date_start:
            raise ValidationError(self.env._("A prolongation cannot end before it starts."))
        per_request, in_all = PROLONGATION_LIMITS[self.reason]
        if self.days > per_request:
            raise ValidationError(
                self.env._(
                    "A prolongation for “%(reason)s” is limited to %(limit)s days per request "
                    "(%(days)s days asked).",
                    reason=self._reason_label(),
                    limit=per_request,
                    days=self.days,
                )
            )
        others = self.pass_id._granted_prolongations() - self
        total = sum(others.mapped("days")) + self.days
        if in_all and total > in_all:
            raise ValidationError(
                self.env._(
                    "With “%(reason)s”, the prolongations of a PASS IAE are limited to "
                    "%(limit)s days in all (%(total)s days with this one).",
                    reason=self._reason_label(),
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
        if not self.pass_id._siae_kinds() & set(PARTICULAR_DIFFICULTIES_SIAE_KINDS):
            raise ValidationError(
                self.env._(
                    "A prolongation for particular difficulties is only possible in an "
                    "AI or an ACI."
                )
            )

    def _check_person(self):
        """The reason must fit the person: age, recorded RQTH, CDI inclusion."""
        pass_iae = self.pass_id
        if self.reason == "senior" and pass_iae._age_on(self.request_date) < SENIOR_AGE:
            raise ValidationError(
                self.env._(
                    "%(employee)s is not aged 50 or more on %(date)s: this reason does not apply.",
                    employee=pass_iae.employee_id.name,
                    date=format_date(self.env, self.request_date),
                )
            )
        if self.reason == "rqth" and DISABILITY_CRITERION_CODE not in pass_iae._criterion_codes():
            raise ValidationError(
                self.env._(
                    "No recognised disability (RQTH) is recorded in the eligibility of "
                    "%(employee)s: this reason does not apply.",
                    employee=pass_iae.employee_id.name,
                )
            )
        if self.reason == "senior_cdi" and not pass_iae._has_senior_cdi():
            raise ValidationError(
                self.env._(
                    "This reason needs a CDI inclusion signed under this PASS IAE with "
                    "%(employee)s aged 57 or more at its start.",
                    employee=pass_iae.employee_id.name,
                )
            )
