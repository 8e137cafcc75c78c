import pytz

from odoo import api, fields, models
from odoo.addons.inclusion_numerique.models.inclusion_beneficiary import (
    AGE_BRACKETS,
    age_bracket_on,
)
from odoo.addons.inclusion_numerique.tools import DEFAULT_TZ
from odoo.exceptions import UserError, ValidationError

ATTENDANCE_STATES = [
    ("present", "Present"),
    ("absent", "Absent"),
    ("excused", "Excused"),
    ("late", "Late"),
]
# Marks that count as attending a session (hours, completion, training time).
ATTENDED_STATES = ("present", "late")


class InclusionAttendance(models.Model):
    _name = "inclusion.attendance"
    _description = "Workshop attendance"
    _inherit = ["inclusion.workshop.workflow.mixin"]
    _order = "date desc, session_id, id"
    _rec_name = "beneficiary_id"

    session_id = fields.Many2one(
        "inclusion.workshop.session",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    registration_id = fields.Many2one(
        "inclusion.workshop.registration",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    state = fields.Selection(ATTENDANCE_STATES, string="Attendance")
    beneficiary_id = fields.Many2one(
        related="registration_id.beneficiary_id", store=True, index=True
    )
    # Cascade as the session does: with "set null", deleting a workshop could update an
    # attendance row whose session PostgreSQL has just deleted (the order of the cascades).
    workshop_id = fields.Many2one(
        related="session_id.workshop_id", store=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="session_id.company_id", store=True, index=True)
    employee_id = fields.Many2one(
        related="registration_id.employee_id",
        store=True,
        index="btree_not_null",
        string="Insertion employee",
    )
    date = fields.Datetime(related="session_id.date_begin", store=True)
    # Stored once at write time so that reports filter and group by them with an index
    # instead of converting time zones and computing ages on every row they read.
    local_date = fields.Date(
        compute="_compute_local_date",
        store=True,
        index=True,
        string="Day",
        help="Day of the session in the time zone of the workshop's mediator.",
    )
    person_age_bracket = fields.Selection(
        AGE_BRACKETS,
        compute="_compute_person_age_bracket",
        store=True,
        string="Age bracket",
        help="Age bracket of the participant on the day of the session.",
    )
    is_work_time = fields.Boolean(
        related="workshop_id.is_work_time", store=True, string="On work time"
    )
    subgroup = fields.Integer(related="registration_id.subgroup")
    attended_hours = fields.Float(
        compute="_compute_attended_hours",
        store=True,
        help="Duration of the session when the participant attended it (present or late).",
    )

    _sql_constraints = [
        (
            "session_registration_unique",
            "unique(session_id, registration_id)",
            "A participant appears only once in the roll call of a session.",
        ),
    ]

    @api.depends("session_id.date_begin", "workshop_id.user_id.tz")
    def _compute_local_date(self):
        for attendance in self:
            begin = attendance.session_id.date_begin
            tz = pytz.timezone(attendance.workshop_id.user_id.tz or DEFAULT_TZ)
            attendance.local_date = begin and pytz.utc.localize(begin).astimezone(tz).date()

    @api.depends("local_date", "beneficiary_id.birthdate", "beneficiary_id.birth_year")
    def _compute_person_age_bracket(self):
        for attendance in self:
            person = attendance.beneficiary_id
            attendance.person_age_bracket = age_bracket_on(
                person.birthdate, person.birth_year, attendance.local_date or fields.Date.today()
            )

    @api.depends("state", "session_id.duration")
    def _compute_attended_hours(self):
        for attendance in self:
            attended = attendance.state in ATTENDED_STATES
            attendance.attended_hours = attendance.session_id.duration if attended else 0.0

    @api.constrains("session_id", "registration_id", "state")
    def _check_registration(self):
        for attendance in self:
            session = attendance.session_id
            registration = attendance.registration_id
            if session.state == "cancelled":
                raise ValidationError(
                    self.env._(
                        "The session %(session)s is cancelled: no attendance can be recorded.",
                        session=session.display_name,
                    )
                )
            if session.state == "done":
                raise ValidationError(
                    self.env._(
                        "The roll call of the session %(session)s is closed: only a manager "
                        "can reopen it.",
                        session=session.display_name,
                    )
                )
            if registration.workshop_id != session.workshop_id or registration.state in (
                "waiting",
                "cancelled",
            ):
                raise ValidationError(
                    self.env._(
                        "%(name)s is not registered for the workshop %(workshop)s.",
                        name=registration.beneficiary_id.name,
                        workshop=session.workshop_id.name,
                    )
                )

    def write(self, vals):
        if any(
            attendance[name].id != vals[name]
            for name in ("session_id", "registration_id")
            if name in vals
            for attendance in self
        ):
            raise UserError(
                self.env._(
                    "A roll call line cannot move to another session or participant: "
                    "register the participant instead."
                )
            )
        return super().write(vals)

    def action_mark_present(self):
        self._mark("present")

    def action_mark_absent(self):
        self._mark("absent")

    def action_mark_excused(self):
        self._mark("excused")

    def _mark(self, state):
        """One tap of the roll call: the session checks who may mark and when."""
        for session, lines in self.grouped("session_id").items():
            session.mark_attendance(dict.fromkeys(lines.ids, state))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed_session(self):
        """The roll call of a closed session is what funders see: it stays."""
        if any(attendance.session_id.state == "done" for attendance in self):
            raise UserError(self.env._("The roll call of a closed session cannot be deleted."))
