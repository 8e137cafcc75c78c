import re
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import format_date

PASS_NUMBER_PATTERN = re.compile(r"^[A-Z0-9]{12}$")
PASS_STATES = [
    ("future", "Not started"),
    ("valid", "Valid"),
    ("suspended", "Suspended"),
    ("expired", "Expired"),
]
# Months before the end date at which the adviser is warned, most urgent first.
EXPIRY_ALERT_MONTHS = (1, 3)
# Les emplois, itou/approvals/models.py: CommonApprovalMixin.DEFAULT_APPROVAL_DAYS = 2 * 365
# and get_default_end_date() = start + 730 days - 1 (the end date is inclusive).
DEFAULT_PASS_DAYS = 2 * 365
# CommonApprovalMixin.WAITING_PERIOD_YEARS: no new PASS during 2 years after the end of one.
WAITING_PERIOD = relativedelta(years=2)
# CDI inclusion: for people aged 57 or more (prolongation reason SENIOR_CDI).
SENIOR_CDI_AGE = 57


class InclusionPassIae(models.Model):
    _name = "inclusion.pass.iae"
    _description = "PASS IAE"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_end desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="PASS IAE number",
        required=True,
        tracking=True,
        help="The 12-character identifier given by the Plateforme de l'inclusion.",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    date_start = fields.Date(
        string="Start date", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end_initial = fields.Date(
        string="Initial end date",
        compute="_compute_date_end_initial",
        store=True,
        readonly=False,
        tracking=True,
        help="730 days after the start, minus one day, by default.",
    )
    date_end = fields.Date(
        string="End date",
        compute="_compute_date_end",
        store=True,
        tracking=True,
        help="Initial end date pushed back by the suspensions and the prolongations.",
    )
    suspension_ids = fields.One2many("inclusion.pass.iae.suspension", "pass_id")
    prolongation_ids = fields.One2many("inclusion.pass.iae.prolongation", "pass_id")
    suspended_days = fields.Integer(compute="_compute_date_end", store=True)
    prolonged_days = fields.Integer(compute="_compute_date_end", store=True)
    state = fields.Selection(
        PASS_STATES, string="Status", compute="_compute_state", search="_search_state"
    )
    contract_ids = fields.One2many("hr.contract", "pass_iae_id", string="Contracts")
    adviser_id = fields.Many2one(
        "hr.employee",
        string="Insertion adviser",
        compute="_compute_adviser_id",
        help="Adviser of the latest contract run under this PASS IAE.",
    )
    expiry_alert_3_months_end = fields.Date(
        copy=False, help="End date the three-month expiry warning was sent for."
    )
    expiry_alert_1_month_end = fields.Date(
        copy=False, help="End date the one-month expiry warning was sent for."
    )

    # A PASS IAE number is national: unique across structures. The message names nothing,
    # since the other record may belong to a structure the user cannot read.
    _sql_constraints = [
        (
            "name_unique",
            "unique(name)",
            "This PASS IAE number is already recorded, in this structure or in another one.",
        ),
    ]

    @api.depends("date_start")
    def _compute_date_end_initial(self):
        for pass_iae in self:
            if pass_iae.date_start:
                pass_iae.date_end_initial = pass_iae.date_start + timedelta(
                    days=DEFAULT_PASS_DAYS - 1
                )

    @api.depends(
        "date_end_initial",
        "suspension_ids.days",
        "prolongation_ids.days",
        "prolongation_ids.state",
    )
    def _compute_date_end(self):
        for pass_iae in self:
            pass_iae.suspended_days = sum(pass_iae.suspension_ids.mapped("days"))
            # A request waiting for (or refused by) the prescriber does not move the end.
            pass_iae.prolonged_days = sum(pass_iae._granted_prolongations().mapped("days"))
            pass_iae.date_end = pass_iae.date_end_initial and (
                pass_iae.date_end_initial
                + relativedelta(days=pass_iae.suspended_days + pass_iae.prolonged_days)
            )

    @api.depends("date_start", "date_end", "suspension_ids.date_start", "suspension_ids.date_end")
    def _compute_state(self):
        today = fields.Date.context_today(self)
        for pass_iae in self:
            if today < pass_iae.date_start:
                pass_iae.state = "future"
            elif today > pass_iae.date_end:
                pass_iae.state = "expired"
            elif pass_iae.suspension_ids.filtered(lambda s: s.date_start <= today <= s.date_end):
                pass_iae.state = "suspended"
            else:
                pass_iae.state = "valid"

    def _search_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(self.env._("Unsupported search on the PASS IAE status."))
        values = [value] if isinstance(value, str) else list(value)
        today = fields.Date.context_today(self)
        suspended_today = [
            ("suspension_ids", "any", [("date_start", "<=", today), ("date_end", ">=", today)])
        ]
        running = [("date_start", "<=", today), ("date_end", ">=", today)]
        domains = {
            "future": [("date_start", ">", today)],
            "expired": [("date_end", "<", today)],
            "suspended": running + suspended_today,
            "valid": [*running, "!", *suspended_today],
        }
        selected = [domains[state] for state in values if state in domains]
        domain = expression.OR(selected) if selected else expression.FALSE_DOMAIN
        if operator in ("!=", "not in"):
            domain = ["!", *expression.normalize_domain(domain)]
        return domain

    @api.depends("contract_ids.date_start", "contract_ids.insertion_adviser_id")
    def _compute_adviser_id(self):
        for pass_iae in self:
            followed = pass_iae.contract_ids.filtered("insertion_adviser_id")
            latest = followed.sorted("date_start", reverse=True)[:1]
            pass_iae.adviser_id = latest.insertion_adviser_id

    @api.constrains("name")
    def _check_name(self):
        for pass_iae in self:
            if not PASS_NUMBER_PATTERN.match(pass_iae.name or ""):
                raise ValidationError(
                    self.env._(
                        "The PASS IAE number %(number)s must have exactly 12 characters, "
                        "letters or digits only.",
                        number=pass_iae.name,
                    )
                )

    @api.constrains("date_start", "date_end_initial")
    def _check_dates(self):
        for pass_iae in self:
            if not pass_iae.date_end_initial or pass_iae.date_end_initial < pass_iae.date_start:
                raise ValidationError(
                    self.env._(
                        "The end date of PASS IAE %(number)s cannot be before its start date.",
                        number=pass_iae.name,
                    )
                )

    @api.constrains("employee_id", "date_start", "date_end_initial", "date_end")
    def _check_waiting_period(self):
        """One PASS at a time, and none during the 2 years after the end of the previous one
        (Les emplois: Approval.clean() and Approval.is_in_waiting_period)."""
        # The other passes of the person may be out of the user's reach (another structure):
        # only whether one blocks is read, and the message names none.
        others = (
            self.sudo()
            .search([("employee_id", "in", self.employee_id.ids), ("id", "not in", self.ids)])
            .grouped("employee_id")
        )
        for pass_iae in self:
            for other in others.get(pass_iae.employee_id, []):
                if pass_iae.date_start <= other.date_end and other.date_start <= pass_iae.date_end:
                    raise ValidationError(
                        self.env._(
                            "%(employee)s already has a PASS IAE over these dates.",
                            employee=pass_iae.employee_id.name,
                        )
                    )
                if other.date_end < pass_iae.date_start <= other.date_end + WAITING_PERIOD:
                    raise ValidationError(
                        self.env._(
                            "%(employee)s is in the 2-year waiting period after a previous "
                            "PASS IAE: a new one can start from %(date)s.",
                            employee=pass_iae.employee_id.name,
                            date=format_date(
                                self.env, other.date_end + WAITING_PERIOD + timedelta(days=1)
                            ),
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._normalize_number(vals)
            self._check_number_free(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._normalize_number(vals)
        self._check_number_free(vals)
        return super().write(vals)

    def _check_number_free(self, vals):
        """Refuse a number already recorded, before the database does, with a message that
        says nothing of the other record."""
        if not vals.get("name"):
            return
        # The company rule hides other structures' passes, but the number is national.
        taken = self.sudo().search_count(
            [("name", "=", vals["name"]), ("id", "not in", self.ids)], limit=1
        )
        if taken:
            raise ValidationError(
                self.env._(
                    "This PASS IAE number is already recorded, in this structure or in "
                    "another one."
                )
            )

    @api.model
    def _normalize_number(self, vals):
        """Numbers are often typed with spaces (e.g. "99999 12 34567") or in lower case."""
        if vals.get("name"):
            vals["name"] = re.sub(r"\s+", "", vals["name"]).upper()

    def _granted_prolongations(self):
        return self.prolongation_ids.filtered(lambda p: p.state == "granted")

    def _siae_kinds(self):
        """SIAE kinds of the contracts run under this PASS (some rules depend on them)."""
        # HR officers record suspensions without reading every contract field: kinds only.
        return set(self.sudo().contract_ids.mapped("siae_kind"))

    def _age_on(self, day):
        """Age of the person on ``day``, from their file (birth date, or birth year only,
        counted as the base add-on's age brackets do) or their employee record."""
        self.ensure_one()
        # Advisers may not read employee records; only the age is used, never shown.
        employee = self.employee_id.sudo()
        beneficiary = (
            self.env["inclusion.beneficiary"]
            .sudo()
            .search([("employee_id", "=", employee.id)], limit=1)
        )
        birthdate = beneficiary.birthdate or employee.birthday
        if birthdate:
            return relativedelta(day, birthdate).years
        if beneficiary.birth_year:
            return day.year - beneficiary.birth_year
        raise ValidationError(
            self.env._(
                "Record the birth date of %(employee)s first: this reason depends on age.",
                employee=employee.name,
            )
        )

    def _criterion_codes(self):
        """Codes of the eligibility criteria recorded on the contracts of this PASS."""
        return set(self.sudo().contract_ids.eligibility_criterion_ids.mapped("code"))

    def _has_senior_cdi(self):
        """A CDI inclusion under this PASS, signed with the person aged 57 or more."""
        self.ensure_one()
        cdi = self.sudo().contract_ids.filtered(
            lambda c: c.insertion_contract_type == "cdi_inclusion"
        )
        return any(self._age_on(contract.date_start) >= SENIOR_CDI_AGE for contract in cdi)

    def _end_before(self, prolongation):
        """End date of the PASS before ``prolongation`` and the later ones are added."""
        self.ensure_one()
        earlier = self._granted_prolongations().filtered(
            lambda p: (
                p != prolongation
                and (p.date_start, p.id) < (prolongation.date_start, prolongation.id)
            )
        )
        return self.date_end_initial + relativedelta(
            days=self.suspended_days + sum(earlier.mapped("days"))
        )

    @api.model
    def _cron_warn_upcoming_expiry(self):
        """Warn the adviser 3 months then 1 month before the end, once each per end date."""
        today = fields.Date.context_today(self)
        horizon = today + relativedelta(months=max(EXPIRY_ALERT_MONTHS))
        passes = self.search([("date_end", ">=", today), ("date_end", "<=", horizon)])
        activities = []
        for pass_iae in passes:
            months = pass_iae._due_expiry_alert(today)
            user = pass_iae._expiry_alert_user()
            if not (months and user):
                continue
            activities.append(pass_iae._prepare_expiry_activity(months, user))
            # Once the one-month warning is sent, the three-month one is pointless.
            pass_iae.expiry_alert_3_months_end = pass_iae.date_end
            if months == 1:
                pass_iae.expiry_alert_1_month_end = pass_iae.date_end
        self.env["mail.activity"].create(activities)

    def _due_expiry_alert(self, today):
        """Months of the alert to send today (1 or 3), or 0 when none is due."""
        self.ensure_one()
        sent = {1: self.expiry_alert_1_month_end, 3: self.expiry_alert_3_months_end}
        for months in EXPIRY_ALERT_MONTHS:
            if self.date_end <= today + relativedelta(months=months):
                return months if sent[months] != self.date_end else 0
        return 0

    def _expiry_alert_user(self):
        self.ensure_one()
        latest_contract = self.contract_ids.sorted("date_start", reverse=True)[:1]
        return self.adviser_id.user_id or latest_contract.hr_responsible_id

    def _prepare_expiry_activity(self, months, user):
        self.ensure_one()
        translated = self.with_context(lang=user.lang).env
        date_end = format_date(translated, self.date_end)
        if months == 1:
            summary = translated._("PASS IAE ends in one month")
        else:
            summary = translated._("PASS IAE ends in three months")
        return {
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
            "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
            "user_id": user.id,
            "summary": summary,
            "note": translated._(
                "The PASS IAE %(number)s of %(employee)s ends on %(date)s: "
                "plan a prolongation or the exit.",
                number=self.name,
                employee=self.employee_id.name,
                date=date_end,
            ),
            "date_deadline": fields.Date.context_today(self),
        }
