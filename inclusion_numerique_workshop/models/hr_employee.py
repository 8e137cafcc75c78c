from odoo import fields, models
from odoo.addons.inclusion_numerique.models.hr_employee import BENEFICIARY_GROUPS

from .inclusion_attendance import ATTENDED_STATES


class HrEmployee(models.Model):
    _inherit = "hr.employee"

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
        return self._action_for(
            "inclusion_numerique_workshop.inclusion_attendance_training_action",
            [
                ("employee_id", "=", self.id),
                ("is_work_time", "=", True),
                ("state", "in", ATTENDED_STATES),
            ],
        )

    def _workshop_attended_domain(self):
        return [("employee_id", "in", self.ids), ("attendance_ids.state", "in", ATTENDED_STATES)]

    def _compute_workshop_count(self):
        counts = dict(
            self.env["inclusion.workshop.registration"]._read_group(
                self._workshop_attended_domain(), ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.workshop_count = counts.get(employee, 0)

    def action_view_workshops(self):
        return self._action_for(
            "inclusion_numerique_workshop.inclusion_workshop_registration_action",
            self._workshop_attended_domain(),
            {"create": False},
        )
