from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date

from .inclusion_exit_reason import DYNAMIC_EXIT_CATEGORIES

SIAE_KINDS = [
    ("aci", "ACI"),
    ("ai", "AI"),
    ("ei", "EI"),
    ("eiti", "EITI"),
    ("etti", "ETTI"),
]
INSERTION_CONTRACT_TYPES = [
    ("cddi", "CDD insertion (CDDI)"),
    ("cdi_inclusion", "CDI inclusion"),
    ("cdd", "CDD"),
    ("cdd_usage", "CDD d'usage"),
    ("interim_mission", "Temporary work assignment"),
    ("professionalisation", "Professionalisation contract"),
    ("apprenticeship", "Apprenticeship"),
    ("other", "Other"),
]
PRESCRIBER_TYPES = [
    ("mission_locale", "Mission locale"),
    ("cap_emploi", "Cap emploi"),
    ("france_travail", "France Travail"),
    ("plie", "PLIE"),
    ("departmental_council", "Departmental council"),
    ("other_authorised", "Other authorised prescriber"),
    ("spontaneous", "Spontaneous application"),
    ("spip", "SPIP"),
    ("pjj", "PJJ"),
    ("ccas", "CCAS"),
    ("chrs", "CHRS"),
    ("cidff", "CIDFF"),
    ("caf", "CAF"),
    ("cada", "CADA"),
    ("ase", "ASE"),
    ("unknown", "Unknown"),
]
# Who may see that a contract runs under a PASS IAE and when the person left.
INSERTION_PRIVATE_GROUPS = "inclusion_numerique.group_insertion,hr.group_hr_user"
# Who may see the social details (eligibility such as disability or justice, prescriber,
# exit reason): the insertion team only, not every HR officer.
INSERTION_TEAM_GROUP = "inclusion_numerique.group_insertion"
# Who may read the pay of a contract: hr_contract's own readers, not insertion advisers.
WAGE_GROUPS = "hr_contract.group_hr_contract_employee_manager"
WAGE_FIELDS = ("wage", "contract_wage")
# Who may create and change every contract: the others are limited to insertion ones.
CONTRACT_MANAGER_GROUP = "hr_contract.group_hr_contract_manager"
MAX_WEEKLY_HOURS = 48
# Les emplois, itou/eligibility/enums.py, ADMINISTRATIVE_CRITERIA_LEVEL_2_REQUIRED_FOR_SIAE_KIND
# (one level-1 criterion is always enough).
LEVEL_2_CRITERIA_REQUIRED = {"ai": 2, "etti": 2, "aci": 3, "ei": 3, "eiti": 3}
# AbstractEligibilityDiagnosisModel.EXPIRATION_DELAY_MONTHS: a diagnosis is valid 6 months.
ELIGIBILITY_VALIDITY = relativedelta(months=6)
# An exit counts in the State's figures once the person stayed a minimum time: 3 months in
# an ACI, EI or EITI, 150 hours of work in an AI or ETTI (DGEFP definition of a "sortie",
# as recalled by the inclusion community: communaute.inclusion.beta.gouv.fr, "Les sorties
# dynamiques dans l'IAE").
MIN_STAY = relativedelta(months=3)
MIN_HOURS_SIAE_KINDS = ("ai", "etti")
MIN_HOURS = 150


class HrContract(models.Model):
    _inherit = "hr.contract"
    _check_company_auto = True

    wage = fields.Monetary(groups=WAGE_GROUPS)
    contract_wage = fields.Monetary(groups=WAGE_GROUPS)

    is_insertion = fields.Boolean(string="Insertion contract", tracking=True, index=True)
    siae_kind = fields.Selection(SIAE_KINDS, string="SIAE kind", tracking=True)
    insertion_contract_type = fields.Selection(INSERTION_CONTRACT_TYPES, tracking=True)
    weekly_hours = fields.Float(tracking=True, aggregator="avg")
    work_activity_id = fields.Many2one(
        "inclusion.work.activity", string="Activity or work site", tracking=True
    )
    insertion_adviser_id = fields.Many2one(
        "hr.employee", string="Insertion adviser", tracking=True, check_company=True
    )
    cesf_referent_id = fields.Many2one(
        "hr.employee", string="CESF referent", tracking=True, check_company=True
    )
    pass_iae_id = fields.Many2one(
        "inclusion.pass.iae",
        string="PASS IAE",
        tracking=True,
        index="btree_not_null",
        check_company=True,
        domain="[('employee_id', '=', employee_id)]",
        groups=INSERTION_PRIVATE_GROUPS,
    )
    pass_iae_date_end = fields.Date(
        related="pass_iae_id.date_end", string="PASS IAE end", groups=INSERTION_PRIVATE_GROUPS
    )
    prescriber_type = fields.Selection(
        PRESCRIBER_TYPES, tracking=True, groups=INSERTION_TEAM_GROUP
    )
    prescriber_partner_id = fields.Many2one(
        "res.partner", string="Prescribing organisation", groups=INSERTION_TEAM_GROUP
    )
    eligibility_criterion_ids = fields.Many2many(
        "inclusion.eligibility.criterion",
        string="Eligibility criteria",
        groups=INSERTION_TEAM_GROUP,
    )
    exit_date = fields.Date(tracking=True, copy=False, groups=INSERTION_PRIVATE_GROUPS)
    exit_reason_id = fields.Many2one(
        "inclusion.exit.reason",
        tracking=True,
        copy=False,
        ondelete="restrict",
        groups=INSERTION_TEAM_GROUP,
    )
    exit_category = fields.Selection(
        related="exit_reason_id.category",
        string="Exit category",
        store=True,
        groups=INSERTION_TEAM_GROUP,
    )
    eligibility_date = fields.Date(
        string="Eligibility diagnosis date",
        tracking=True,
        groups=INSERTION_TEAM_GROUP,
        help="Date of the eligibility diagnosis: it is valid 6 months, the contract must "
        "start within them.",
    )
    is_counted_exit = fields.Boolean(
        string="Counted exit",
        compute="_compute_is_counted_exit",
        store=True,
        groups=INSERTION_TEAM_GROUP,
        help="Exit counted in the State's figures: not withdrawn, after a stay of at least "
        "3 months (ACI, EI, EITI) or 150 hours of work (AI, ETTI).",
    )
    is_dynamic_exit = fields.Boolean(
        string="Dynamic exit",
        compute="_compute_is_counted_exit",
        store=True,
        groups=INSERTION_TEAM_GROUP,
        help="Counted exit to durable or transition employment, or a positive exit.",
    )
    exit_destination = fields.Text(
        string="Destination details",
        copy=False,
        groups=INSERTION_TEAM_GROUP,
        help="Employer, training body or situation after the exit.",
    )

    @api.depends("exit_date", "exit_category", "date_start", "siae_kind", "weekly_hours")
    def _compute_is_counted_exit(self):
        for contract in self:
            counted = (
                contract.exit_date
                and contract.exit_category
                and contract.exit_category != "withdrawn"
                and contract._stayed_minimum_time()
            )
            contract.is_counted_exit = bool(counted)
            contract.is_dynamic_exit = bool(
                counted and contract.exit_category in DYNAMIC_EXIT_CATEGORIES
            )

    def _stayed_minimum_time(self):
        self.ensure_one()
        if self.siae_kind in MIN_HOURS_SIAE_KINDS:
            # Hours are not clocked here: the weekly hours of the contract over the stay.
            days = (self.exit_date - self.date_start).days + 1
            return self.weekly_hours * days / 7 >= MIN_HOURS
        return self.exit_date >= self.date_start + MIN_STAY - relativedelta(days=1)

    @api.model
    def _search(self, domain, *args, **kwargs):
        # Odoo checks the groups of the fields searched on, except of x2many fields (e.g.
        # a disability eligibility criterion): check them here.
        names = {leaf[0].split(".")[0] for leaf in domain if isinstance(leaf, list | tuple)}
        private = [
            name
            for name in names
            if name in self._fields
            and self._fields[name].type in ("one2many", "many2many")
            and self._fields[name].groups
        ]
        if private:
            self.check_field_access_rights("read", private)
        return super()._search(domain, *args, **kwargs)

    @api.constrains("is_insertion", "employee_id", "state")
    def _check_single_running_insertion_contract(self):
        running = self.filtered(lambda c: c.is_insertion and c.state == "open" and c.employee_id)
        if not running:
            return
        duplicates = self._read_group(
            [
                ("employee_id", "in", running.employee_id.ids),
                ("is_insertion", "=", True),
                ("state", "=", "open"),
            ],
            ["employee_id"],
            having=[("__count", ">", 1)],
        )
        if duplicates:
            raise ValidationError(
                self.env._(
                    "%(employee)s already has a running insertion contract: "
                    "close it before starting another one.",
                    employee=duplicates[0][0].name,
                )
            )

    @api.constrains("weekly_hours")
    def _check_weekly_hours(self):
        for contract in self:
            if not 0 <= contract.weekly_hours <= MAX_WEEKLY_HOURS:
                raise ValidationError(
                    self.env._(
                        "The weekly hours must be between 0 and %(max)s.", max=MAX_WEEKLY_HOURS
                    )
                )

    @api.constrains("exit_date", "exit_reason_id", "date_start")
    def _check_exit(self):
        # HR officers change the start date without reading the (private) exit reason.
        for contract in self.sudo():
            if contract.exit_date and not contract.exit_reason_id:
                raise ValidationError(
                    self.env._(
                        "Please give the exit reason of %(employee)s.",
                        employee=contract.employee_id.name,
                    )
                )
            if contract.exit_date and contract.exit_date < contract.date_start:
                raise ValidationError(
                    self.env._("The exit date cannot be before the start of the contract.")
                )

    @api.constrains("eligibility_criterion_ids", "eligibility_date", "siae_kind", "date_start")
    def _check_eligibility(self):
        """A recorded diagnosis must make the person eligible in this kind of SIAE, and be
        valid when the contract starts (Les emplois, itou/eligibility/utils.py)."""
        # HR officers change the start date without reading the (private) criteria.
        for contract in self.sudo().filtered("eligibility_criterion_ids"):
            contract._check_eligibility_rule()
            diagnosed = contract.eligibility_date
            if not diagnosed:
                raise ValidationError(
                    self.env._(
                        "Please give the date of the eligibility diagnosis of %(employee)s.",
                        employee=contract.employee_id.name,
                    )
                )
            if not diagnosed <= contract.date_start < diagnosed + ELIGIBILITY_VALIDITY:
                raise ValidationError(self._eligibility_validity_error(diagnosed))

    def _eligibility_validity_error(self, diagnosed):
        # HR officers may not read the diagnosis: the message does not give its date.
        if not self.env.su and not self.env.user.has_group(INSERTION_TEAM_GROUP):
            return self.env._(
                "The contract must start within the 6 months of validity of the eligibility "
                "diagnosis: please ask the insertion team."
            )
        return self.env._(
            "The eligibility diagnosis of %(date)s is valid 6 months: the contract must start "
            "within them.",
            date=format_date(self.env, diagnosed),
        )

    def _check_eligibility_rule(self):
        self.ensure_one()
        if not self.siae_kind:
            raise ValidationError(
                self.env._("Please give the SIAE kind: the eligibility rule depends on it.")
            )
        levels = self.eligibility_criterion_ids.mapped("level")
        required = LEVEL_2_CRITERIA_REQUIRED[self.siae_kind]
        if "1" not in levels and levels.count("2") < required:
            kind = dict(self._fields["siae_kind"]._description_selection(self.env))
            raise ValidationError(
                self.env._(
                    "The person is not eligible in an %(kind)s: one level-1 criterion or "
                    "%(count)s level-2 criteria are needed.",
                    kind=kind[self.siae_kind],
                    count=required,
                )
            )

    @api.constrains("pass_iae_id", "employee_id")
    def _check_pass_iae_employee(self):
        for contract in self.filtered("pass_iae_id"):
            if contract.pass_iae_id.employee_id != contract.employee_id:
                raise ValidationError(
                    self.env._("The PASS IAE must belong to the employee of the contract.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        if self._is_insertion_only_user():
            for vals in vals_list:
                self._check_insertion_only_values(vals, creating=True)
                # The wage is required but set by HR: the adviser neither sees nor gives it.
                vals["wage"] = 0.0
        return super().create(vals_list)

    def write(self, vals):
        if self._is_insertion_only_user():
            self._check_insertion_only_values(vals)
        res = super().write(vals)
        if vals.get("state") == "close":
            self._ask_for_exit_record()
        return res

    def _is_insertion_only_user(self):
        """Insertion advisers without contract rights: limited to insertion contracts."""
        return not self.env.su and not self.env.user.has_group(CONTRACT_MANAGER_GROUP)

    @api.model
    def _check_insertion_only_values(self, vals, creating=False):
        if any(fname in vals for fname in WAGE_FIELDS):
            raise AccessError(self.env._("Only HR can set the wage of a contract."))
        if (creating or "is_insertion" in vals) and not vals.get("is_insertion"):
            raise AccessError(
                self.env._("Insertion advisers can only create and keep insertion contracts.")
            )
        # Who follows a contract decides who reads the person's file: an adviser names the
        # referents when starting a contract, a manager changes them afterwards.
        if (
            not creating
            and {"insertion_adviser_id", "cesf_referent_id"} & vals.keys()
            and not self.env.user.has_group("inclusion_numerique.group_manager")
        ):
            raise AccessError(
                self.env._("Only a manager or HR can change who follows an insertion contract.")
            )
        employee = self.env["hr.employee"].browse(vals.get("employee_id"))
        if employee and employee._is_staff():
            raise AccessError(
                self.env._(
                    "This employee has a running contract outside insertion: only HR can "
                    "create or change their contracts."
                )
            )

    def action_start_insertion_contract(self):
        """Set a draft insertion contract running (advisers may, not only HR)."""
        for contract in self:
            if not contract.is_insertion or contract.state != "draft":
                raise UserError(self.env._("Only a draft insertion contract can be started."))
        self.write({"state": "open"})
        return True

    def _ask_for_exit_record(self):
        """An insertion contract that ends without a recorded exit: remind the adviser."""
        for contract in self.filtered(lambda c: c.is_insertion and not c.exit_date):
            user = contract.insertion_adviser_id.user_id or contract.hr_responsible_id
            translated = self.with_context(lang=user.lang).env
            contract.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=translated._(
                    "Record the exit of %(employee)s", employee=contract.employee_id.name
                ),
                user_id=user.id or self.env.uid,
            )

    def action_open_exit_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record the exit"),
            "res_model": "inclusion.exit.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_contract_id": self.id},
        }
