from odoo import api, fields, models

# Who may read the beneficiary file, its support sessions and workshop attendance.
BENEFICIARY_GROUPS = "inclusion_numerique.group_mediator,inclusion_numerique.group_insertion"


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
    support_count = fields.Integer(
        string="Support sessions", compute="_compute_support_count", groups=BENEFICIARY_GROUPS
    )

    @api.depends("beneficiary_ids")
    def _compute_beneficiary_id(self):
        for employee in self:
            employee.beneficiary_id = employee.beneficiary_ids[:1]

    def action_open_beneficiary(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "inclusion.beneficiary",
            "view_mode": "form",
            "res_id": self.beneficiary_id.id,
            "context": {"default_employee_id": self.id, "default_name": self.name},
        }

    def _support_domain(self):
        return [("beneficiary_id.employee_id", "in", self.ids)]

    def _compute_support_count(self):
        counts = self._count_by_employee("inclusion.support", self._support_domain())
        for employee in self:
            employee.support_count = counts.get(employee, 0)

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

    def action_view_supports(self):
        return self._action_for(
            "inclusion_numerique.inclusion_support_action",
            self._support_domain(),
            {"default_beneficiary_id": self.beneficiary_id.id},
        )
