from odoo import api, fields, models

from .hr_contract import INSERTION_PRIVATE_GROUPS

# Who may know that a person is an insertion employee (the details stay private).
INSERTION_STATUS_GROUPS = (
    "inclusion_numerique.group_mediator,inclusion_numerique.group_insertion,hr.group_hr_user"
)


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    is_insertion_employee = fields.Boolean(
        string="Insertion employee",
        compute="_compute_is_insertion_employee",
        store=True,
        groups=INSERTION_STATUS_GROUPS,
        help="Has a running insertion contract. Mediators see it, not the contract details.",
    )
    insertion_contract_ids = fields.One2many(
        "hr.contract",
        "employee_id",
        string="Insertion contracts",
        domain=[("is_insertion", "=", True)],
        groups=INSERTION_PRIVATE_GROUPS,
    )
    # compute_sudo: advisers without HR rights cannot fetch hr.employee rows themselves;
    # these fields are restricted by their groups instead.
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

    def _is_staff(self):
        """Staff: a running contract outside insertion, which only HR may handle."""
        # Insertion advisers cannot read those contracts: only their existence is asked.
        return bool(
            self.env["hr.contract"]
            .sudo()
            .search_count(
                [
                    ("employee_id", "in", self.ids),
                    ("is_insertion", "=", False),
                    ("state", "=", "open"),
                ],
                limit=1,
            )
        )

    def action_open_insertion_contracts(self):
        return self._action_for(
            "inclusion_numerique_insertion.hr_contract_insertion_action",
            [("employee_id", "=", self.id), ("is_insertion", "=", True)],
            {"default_employee_id": self.id, "default_is_insertion": True},
        )

    def action_open_pass_iae(self):
        return self._action_for(
            "inclusion_numerique_insertion.inclusion_pass_iae_action",
            [("employee_id", "=", self.id)],
            {"default_employee_id": self.id},
        )
