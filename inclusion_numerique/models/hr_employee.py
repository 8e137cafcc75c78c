from odoo import api, fields, models


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

    @api.depends("beneficiary_ids")
    def _compute_beneficiary_id(self):
        for employee in self:
            employee.beneficiary_id = employee.beneficiary_ids[:1]

    def action_open_beneficiary(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "inclusion.beneficiary",
            "res_id": self.beneficiary_id.id,
            "view_mode": "form",
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
