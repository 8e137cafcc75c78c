from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.addons.inclusion_numerique.tools import DEFAULT_TZ
from odoo.exceptions import UserError, ValidationError

from .inclusion_attendance import ATTENDANCE_STATES, ATTENDED_STATES

# Fields that would change the hours of a closed roll call.
FROZEN_WHEN_CLOSED = ("date_begin", "date_end")


class InclusionWorkshopSession(models.Model):
    _name = "inclusion.workshop.session"
    _description = "Workshop session"
    _inherit = ["inclusion.workshop.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_begin, id"
    _workflow_create_states = ("planned",)

    workshop_id = fields.Many2one(
        "inclusion.workshop", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="workshop_id.company_id", store=True, index=True)
    date_begin = fields.Datetime(string="Start", required=True, tracking=True)
    date_end = fields.Datetime(string="End", required=True, tracking=True)
    duration = fields.Float(string="Duration (hours)", compute="_compute_duration", store=True)
    address_id = fields.Many2one(
        "res.partner",
        string="Place",
        compute="_compute_address_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
    )
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Closed"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        tracking=True,
        copy=False,
    )
    anonymous_ids = fields.One2many(
        "inclusion.workshop.anonymous",
        "session_id",
        string="Anonymous participants",
        help="People who took part without being registered by name.",
    )
    anonymous_count = fields.Integer(
        string="Anonymous people", compute="_compute_anonymous_count", store=True
    )
    attendance_ids = fields.One2many(
        "inclusion.attendance", "session_id", string="Roll call", copy=False
    )
    facilitator_user_ids = fields.Many2many(related="workshop_id.facilitator_user_ids")
    facilitator_partner_ids = fields.Many2many(related="workshop_id.facilitator_partner_ids")
    workshop_state = fields.Selection(related="workshop_id.state", string="Workshop status")
    user_id = fields.Many2one(related="workshop_id.user_id")
    present_count = fields.Integer(string="Attended", compute="_compute_counts")
    expected_count = fields.Integer(string="Expected", compute="_compute_counts")
    notes = fields.Html()

    @api.depends("anonymous_ids.count")
    def _compute_anonymous_count(self):
        for session in self:
            session.anonymous_count = sum(session.anonymous_ids.mapped("count"))

    @api.depends("date_begin", "date_end")
    def _compute_duration(self):
        for session in self:
            if session.date_begin and session.date_end:
                delta = session.date_end - session.date_begin
                session.duration = delta.total_seconds() / 3600
            else:
                session.duration = 0.0

    @api.depends("workshop_id")
    def _compute_address_id(self):
        for session in self:
            session.address_id = session.workshop_id.address_id

    @api.depends("attendance_ids.state")
    def _compute_counts(self):
        for session in self:
            session.expected_count = len(session.attendance_ids)
            session.present_count = len(
                session.attendance_ids.filtered(lambda a: a.state in ATTENDED_STATES)
            )

    @api.depends("workshop_id.name", "date_begin")
    def _compute_display_name(self):
        for session in self:
            if session.date_begin:
                day = fields.Datetime.context_timestamp(session, session.date_begin)
                session.display_name = f"{session.workshop_id.name} – {day:%d/%m/%Y %H:%M}"
            else:
                session.display_name = session.workshop_id.name

    @api.constrains("date_begin", "date_end")
    def _check_dates(self):
        for session in self:
            if session.date_end <= session.date_begin:
                raise ValidationError(
                    self.env._(
                        "A session must end after it starts (%(session)s).",
                        session=session.display_name,
                    )
                )

    @api.constrains("date_begin", "date_end", "address_id", "state")
    def _check_overlap(self):
        """Two sessions cannot use the same place at the same time (one query)."""
        self.flush_model(["date_begin", "date_end", "address_id", "state"])
        self.env.cr.execute(
            """
            SELECT mine.id, other.id
              FROM inclusion_workshop_session mine
              JOIN inclusion_workshop_session other
                ON other.address_id = mine.address_id
               AND other.id != mine.id
               AND other.state != 'cancelled'
               AND other.date_begin < mine.date_end
               AND mine.date_begin < other.date_end
             WHERE mine.id IN %s AND mine.state != 'cancelled'
             LIMIT 1
            """,
            [tuple(self.ids)],
        )
        clash = self.env.cr.fetchone()
        if clash:
            mine, other = self.browse(clash)
            raise ValidationError(
                self.env._(
                    "The session %(session)s overlaps the session %(other)s in the same "
                    "place (%(place)s).",
                    session=mine.display_name,
                    other=other.display_name,
                    place=mine.address_id.display_name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        sessions = super().create(vals_list)
        sessions._sync_attendances()
        return sessions

    def write(self, vals):
        if "workshop_id" in vals and any(s.workshop_id.id != vals["workshop_id"] for s in self):
            raise UserError(self.env._("A session cannot move to another workshop."))
        if set(FROZEN_WHEN_CLOSED) & set(vals) and any(s.state != "planned" for s in self):
            raise UserError(
                self.env._("A closed or cancelled session cannot be moved: reopen it first.")
            )
        return super().write(vals)

    def _sync_attendances(self):
        """Add a roll call line for each registered participant missing from these
        planned sessions, in one batch."""
        sessions = self.filtered(lambda s: s.state == "planned")
        registrations = sessions.workshop_id.registration_ids.filtered(
            lambda r: r.state == "registered"
        )
        existing = {(a.session_id.id, a.registration_id.id) for a in sessions.attendance_ids}
        # Bookkeeping of the roll call: advisers registering an employee cannot create it.
        self.env["inclusion.attendance"].sudo().create(
            [
                {"session_id": session.id, "registration_id": registration.id}
                for session in sessions
                for registration in registrations
                if registration.workshop_id == session.workshop_id
                and (session.id, registration.id) not in existing
            ]
        )

    def _check_planned(self):
        if any(session.state != "planned" for session in self):
            raise UserError(self.env._("Only a planned session can take a roll call."))

    def _check_roll_call(self):
        """Mediators (and managers) take the roll call; advisers only read it."""
        self._check_role(
            "inclusion_numerique.group_mediator",
            self.env._("Only a digital mediator can take the roll call."),
        )
        self._check_planned()

    def mark_attendance(self, states):
        """Roll call: `states` maps attendance ids of these sessions (int, or str as JSON
        sends them) to present/absent/excused/late; one write per state, whatever the number
        of participants."""
        self._check_roll_call()
        marks = dict(ATTENDANCE_STATES)
        by_state = defaultdict(list)
        for key, state in states.items():
            if state not in marks:
                raise UserError(
                    self.env._("A mark of the roll call is present, absent, excused or late.")
                )
            by_state[state].append(self._attendance_id(key))
        lines = {line for ids in by_state.values() for line in ids}
        if not lines <= set(self.attendance_ids.ids):
            raise UserError(self.env._("These roll call lines are not those of this session."))
        for state, ids in by_state.items():
            self.attendance_ids.browse(ids).write({"state": state})

    def _attendance_id(self, key):
        if isinstance(key, int) or (isinstance(key, str) and key.isdigit()):
            return int(key)
        raise UserError(self.env._("These roll call lines are not those of this session."))

    def action_all_present(self):
        self._check_roll_call()
        self.attendance_ids.filtered(lambda a: not a.state).write({"state": "present"})

    def action_close(self):
        """Close the roll call; repeated absences raise an activity for the mediator."""
        self._check_roll_call()
        if any(session.date_begin > fields.Datetime.now() for session in self):
            raise UserError(self.env._("A session cannot be closed before it starts."))
        unmarked = self.attendance_ids.filtered(lambda a: not a.state)
        if unmarked:
            raise UserError(
                self.env._(
                    "Mark every participant before closing the session (%(names)s).",
                    names=", ".join(unmarked.beneficiary_id.mapped("name")),
                )
            )
        self._workflow().write({"state": "done"})
        self.attendance_ids.filtered(
            lambda a: a.state == "absent"
        ).registration_id._alert_absences()
        self.workshop_id.filtered(lambda w: w.state == "open")._workflow().write(
            {"state": "in_progress"}
        )

    def action_cancel(self):
        self._check_mediator()
        closed = self.filtered(lambda s: s.state == "done")
        if closed:
            raise UserError(self.env._("A closed session cannot be cancelled."))
        # Mediators may not delete roll call lines one by one; a cancelled session has none.
        self.attendance_ids.sudo().unlink()
        self._workflow().write({"state": "cancelled"})

    def action_reopen(self):
        """Managers only: reopening changes a roll call that funders may have seen."""
        self._check_role(
            "inclusion_numerique.group_manager",
            self.env._("Only a manager can reopen a session."),
        )
        if any(session.workshop_id.state in ("done", "cancelled") for session in self):
            raise UserError(self.env._("The sessions of an ended workshop cannot be reopened."))
        self._workflow().write({"state": "planned"})
        self._sync_attendances()

    @api.model
    def action_open_roll_call(self):
        """The roll call opens on the user's planned sessions of today, else on those of
        the next day they run one: straight on the form when there is only one."""
        tz = pytz.timezone(self.env.user.tz or DEFAULT_TZ)
        today = fields.Date.context_today(self)
        mine = [
            ("state", "=", "planned"),
            "|",
            ("workshop_id.user_id", "=", self.env.uid),
            ("workshop_id.facilitator_user_ids", "in", self.env.uid),
        ]
        first = self.search([*mine, ("date_begin", ">=", self._utc_midnight(today, tz))], limit=1)
        day = first and fields.Datetime.context_timestamp(self, first.date_begin).date()
        sessions = day and self.search(
            [
                *mine,
                ("date_begin", ">=", self._utc_midnight(day, tz)),
                ("date_begin", "<", self._utc_midnight(day + timedelta(days=1), tz)),
            ]
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "inclusion_numerique_workshop.inclusion_workshop_session_roll_call_action"
        )
        if len(sessions) == 1:
            action.update(res_id=sessions.id, view_mode="form", views=[(False, "form")])
        elif sessions:
            action.update(domain=[("id", "in", sessions.ids)], context={})
        return action

    @api.model
    def _utc_midnight(self, day, tz):
        """The start of a local day, as the naive UTC datetime the ORM stores."""
        local = tz.localize(datetime.combine(day, time.min))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def action_print_sheet(self):
        return self.env.ref(
            "inclusion_numerique_workshop.action_report_attendance_sheet"
        ).report_action(self)

    def _get_sheet_attendances(self):
        """Rows of the attendance sheet, alphabetical."""
        self.ensure_one()
        return self.attendance_ids.sorted(lambda a: a.beneficiary_id.name or "")
