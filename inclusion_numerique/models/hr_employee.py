from odoo import api, fields, models

from .hr_contract import INSERTION_PRIVATE_GROUPS


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    beneficiary_ids = fields.One2many(
        "inclusion.beneficiary", "employee_id", string="Beneficiary records"
    )
    beneficiary_id = fields.Many2one(
        "inclusion.beneficiary",
        compute="_compute_beneficiary_id",
        groups="inclusion_numerique.group_mediator,inclusion_numerique.group_insertion",
    )
    workshop_training_hours = fields.Float(
        string="Training hours",
        compute="_compute_workshop_training_hours",
        groups="inclusion_numerique.group_mediator,inclusion_numerique.group_insertion",
        help="Hours attended in workshops held on work time.",
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
