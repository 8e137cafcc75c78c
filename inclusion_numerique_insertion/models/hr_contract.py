from odoo import api, fields, models
from odoo.exceptions import ValidationError

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
# Who may see the social data of insertion contracts (criteria, prescriber, exit).
INSERTION_PRIVATE_GROUPS = "inclusion_numerique.group_insertion,hr.group_hr_user"
MAX_WEEKLY_HOURS = 48


class HrContract(models.Model):
    _inherit = "hr.contract"

    is_insertion = fields.Boolean(string="Insertion contract", tracking=True, index=True)
    siae_kind = fields.Selection(SIAE_KINDS, string="SIAE kind", tracking=True)
    insertion_contract_type = fields.Selection(INSERTION_CONTRACT_TYPES, tracking=True)
    weekly_hours = fields.Float(tracking=True, aggregator="avg")
    work_activity_id = fields.Many2one(
        "inclusion.work.activity", string="Activity or work site", tracking=True
    )
    insertion_adviser_id = fields.Many2one(
        "hr.employee",
        string="Insertion adviser",
        tracking=True,
        domain="[('company_id', 'in', (company_id, False))]",
    )
    cesf_referent_id = fields.Many2one(
        "hr.employee",
        string="CESF referent",
        tracking=True,
        domain="[('company_id', 'in', (company_id, False))]",
    )
    pass_iae_id = fields.Many2one(
        "inclusion.pass.iae",
        string="PASS IAE",
        tracking=True,
        index="btree_not_null",
        domain="[('employee_id', '=', employee_id)]",
        groups=INSERTION_PRIVATE_GROUPS,
    )
    prescriber_type = fields.Selection(
        PRESCRIBER_TYPES, tracking=True, groups=INSERTION_PRIVATE_GROUPS
    )
    prescriber_partner_id = fields.Many2one(
        "res.partner", string="Prescribing organisation", groups=INSERTION_PRIVATE_GROUPS
    )
    eligibility_criterion_ids = fields.Many2many(
        "inclusion.eligibility.criterion",
        string="Eligibility criteria",
        groups=INSERTION_PRIVATE_GROUPS,
    )
    exit_date = fields.Date(tracking=True, copy=False, groups=INSERTION_PRIVATE_GROUPS)
    exit_reason_id = fields.Many2one(
        "inclusion.exit.reason",
        tracking=True,
        copy=False,
        ondelete="restrict",
        groups=INSERTION_PRIVATE_GROUPS,
    )
    exit_category = fields.Selection(
        related="exit_reason_id.category",
        string="Exit category",
        store=True,
        groups=INSERTION_PRIVATE_GROUPS,
    )
    exit_destination = fields.Text(
        string="Destination details",
        copy=False,
        groups=INSERTION_PRIVATE_GROUPS,
        help="Employer, training body or situation after the exit.",
    )

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

    @api.constrains("pass_iae_id", "employee_id")
    def _check_pass_iae_employee(self):
        for contract in self.sudo().filtered("pass_iae_id"):
            if contract.pass_iae_id.employee_id != contract.employee_id:
                raise ValidationError(
                    self.env._("The PASS IAE must belong to the employee of the contract.")
                )

    def write(self, vals):
        res = super().write(vals)
        if vals.get("state") == "close":
            self._ask_for_exit_record()
        return res

    def _ask_for_exit_record(self):
        """An insertion contract that ends without a recorded exit: remind the adviser."""
        for contract in self.sudo().filtered(lambda c: c.is_insertion and not c.exit_date):
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
