from odoo import api, fields, models

from .hr_contract import INSERTION_PRIVATE_GROUPS

# Who may read the beneficiary file, its support sessions and workshop attendance.
BENEFICIARY_GROUPS = "inclusion_numerique.group_mediator,inclusion_numerique.group_insertion"
# The recipient of a handover is visible to mediators only (not to insertion advisers).
EQUIPMENT_GROUPS = "inclusion_numerique.group_mediator"
ATTENDED_STATES = ("present", "late")


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    beneficiary_ids = fields.One2many(
        "inclusion.beneficiary", "employee_id", string="Beneficiary records"
    )
    beneficiary_id = fields.Many2one(
        "inclusion.beneficiary",
        compute="_compute_beneficiary_id",
        # beneficiary_ids is private to HR officers on hr.employee.
        compute_sudo=True,
        groups=BENEFICIARY_GROUPS,
    )
    workshop_training_hours = fields.Float(
        string="Training hours",
        compute="_compute_workshop_training_hours",
        groups=BENEFICIARY_GROUPS,
        help="Hours attended in workshops held on work time.",
    )
    workshop_count = fields.Integer(
        string="Workshops attended",
        compute="_compute_workshop_count",
        groups=BENEFICIARY_GROUPS,
        help="Workshop registrations with at least one session attended (present or late).",
    )
    support_count = fields.Integer(
        string="Support sessions", compute="_compute_support_count", groups=BENEFICIARY_GROUPS
    )
    equipment_handover_count = fields.Integer(
        string="Equipment received",
        compute="_compute_equipment_handover_count",
        groups=EQUIPMENT_GROUPS,
        help="Equipment handed over to the employee's beneficiary record (not cancelled).",
    )

    is_insertion_employee = fields.Boolean(
        string="Insertion employee",
        compute="_compute_is_insertion_employee",
        store=True,
        help="Has a running insertion contract. Visible to every user, unlike its details.",
    )
    insertion_contract_ids = fields.One2many(
        "hr.contract",
        "employee_id",
        string="Insertion contracts",
        domain=[("is_insertion", "=", True)],
        groups=INSERTION_PRIVATE_GROUPS,
    )
    current_insertion_contract_id = fields.Many2one(
        "hr.contract",
        string="Current insertion contract",
        compute="_compute_insertion_counts",
        compute_sudo=True,
        groups=INSERTION_PRIVATE_GROUPS,
    )
    insertion_contract_count = fields.Integer(
        compute="_compute_insertion_counts", compute_sudo=True, groups=INSERTION_PRIVATE_GROUPS
    )
    pass_iae_ids = fields.One2many(
        "inclusion.pass.iae", "employee_id", string="PASS IAE", groups=INSERTION_PRIVATE_GROUPS
    )
    pass_iae_count = fields.Integer(
        compute="_compute_insertion_counts", compute_sudo=True, groups=INSERTION_PRIVATE_GROUPS
    )

    @api.depends("beneficiary_ids")
    def _compute_beneficiary_id(self):
        for employee in self:
            employee.beneficiary_id = employee.beneficiary_ids[:1]

    @api.depends("contract_ids.is_insertion", "contract_ids.state")
    def _compute_is_insertion_employee(self):
        for employee in self:
            employee.is_insertion_employee = any(
                contract.is_insertion and contract.state == "open"
                for contract in employee.contract_ids
            )

    @api.depends("insertion_contract_ids.state", "pass_iae_ids")
    def _compute_insertion_counts(self):
        for employee in self:
            contracts = employee.insertion_contract_ids
            employee.insertion_contract_count = len(contracts)
            employee.current_insertion_contract_id = contracts.filtered(
                lambda c: c.state == "open"
            )[:1]
            employee.pass_iae_count = len(employee.pass_iae_ids)

    def action_open_insertion_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "inclusion_numerique.hr_contract_insertion_action"
        )
        action["domain"] = [("employee_id", "=", self.id), ("is_insertion", "=", True)]
        action["context"] = {"default_employee_id": self.id, "default_is_insertion": True}
        return action

    def action_open_pass_iae(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "inclusion_numerique.inclusion_pass_iae_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action

    def action_open_beneficiary(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "inclusion.beneficiary",
            "view_mode": "form",
            "res_id": self.beneficiary_id.id,
            "context": {"default_employee_id": self.id, "default_name": self.name},
        }

    def _compute_workshop_training_hours(self):
        hours = self._get_workshop_training_hours()
        for employee in self:
            employee.workshop_training_hours = hours.get(employee, 0.0)

    def _get_workshop_training_hours(self, date_from=None, date_to=None):
        """{employee: hours attended in workshops on work time} between two datetimes."""
        domain = [("employee_id", "in", self.ids), ("is_work_time", "=", True)]
        if date_from:
            domain.append(("date", ">=", date_from))
        if date_to:
            domain.append(("date", "<", date_to))
        groups = self.env["inclusion.attendance"]._read_group(
            domain, ["employee_id"], ["attended_hours:sum"]
        )
        return dict(groups)

    def action_view_workshop_training_hours(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "inclusion_numerique.inclusion_attendance_training_action"
        )
        action["domain"] = [
            ("employee_id", "=", self.id),
            ("is_work_time", "=", True),
            ("state", "in", ("present", "late")),
        ]
        return action

    def _workshop_attended_domain(self):
        return [("employee_id", "in", self.ids), ("attendance_ids.state", "in", ATTENDED_STATES)]

    def _support_domain(self):
        return [("beneficiary_id.employee_id", "in", self.ids)]

    def _equipment_handover_domain(self):
        return [("beneficiary_id.employee_id", "in", self.ids), ("state", "!=", "cancelled")]

    def _compute_workshop_count(self):
        counts = dict(
            self.env["inclusion.workshop.registration"]._read_group(
                self._workshop_attended_domain(), ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.workshop_count = counts.get(employee, 0)

    def _compute_support_count(self):
        counts = self._count_by_employee("inclusion.support", self._support_domain())
        for employee in self:
            employee.support_count = counts.get(employee, 0)

    def _compute_equipment_handover_count(self):
        counts = self._count_by_employee(
            "inclusion.equipment.handover", self._equipment_handover_domain()
        )
        for employee in self:
            employee.equipment_handover_count = counts.get(employee, 0)

    def _count_by_employee(self, model, domain):
        """{employee: count} of records of a model linked through their beneficiary_id, in
        one query (the beneficiaries' employees are read in one prefetch)."""
        counts = {}
        for beneficiary, count in self.env[model]._read_group(
            domain, ["beneficiary_id"], ["__count"]
        ):
            employee = beneficiary.employee_id
            counts[employee] = counts.get(employee, 0) + count
        return counts

    def _action_for(self, xml_id, domain, context=None):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xml_id)
        action["domain"] = domain
        action["context"] = context or {}
        return action

    def action_view_workshops(self):
        return self._action_for(
            "inclusion_numerique.inclusion_workshop_registration_action",
            self._workshop_attended_domain(),
            {"create": False},
        )

    def action_view_supports(self):
        return self._action_for(
            "inclusion_numerique.inclusion_support_action",
            self._support_domain(),
            {"default_beneficiary_id": self.beneficiary_id.id},
        )

    def action_view_equipment_handovers(self):
        return self._action_for(
            "inclusion_numerique.inclusion_equipment_handover_action",
            self._equipment_handover_domain(),
            {"default_beneficiary_id": self.beneficiary_id.id},
        )
