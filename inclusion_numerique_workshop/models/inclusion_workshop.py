from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.addons.inclusion_numerique.models.inclusion_beneficiary import DIGITAL_LEVELS
from odoo.addons.inclusion_numerique.tools import DEFAULT_TZ
from odoo.exceptions import UserError, ValidationError

WORKSHOP_STATES = [
    ("draft", "Draft"),
    ("open", "Open for registration"),
    ("in_progress", "In progress"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]


class InclusionWorkshop(models.Model):
    _name = "inclusion.workshop"
    _description = "Workshop"
    _inherit = ["inclusion.workshop.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_begin desc, id desc"
    # Opening registrations or starting needs nothing beforehand: a workshop may be
    # created in those states; ending and cancelling go through their actions.
    _workflow_create_states = ("draft", "open", "in_progress")

    name = fields.Char(string="Title", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    color = fields.Integer()
    description = fields.Html()
    state = fields.Selection(
        WORKSHOP_STATES, default="draft", required=True, tracking=True, copy=False
    )
    level = fields.Selection(
        DIGITAL_LEVELS,
        string="Expected level",
        tracking=True,
        help="Registrants whose digital level differs get a warning.",
    )
    homogeneous_level = fields.Boolean(
        string="Homogeneous level groups",
        help="The waiting list puts first the people whose level fits the expected level.",
    )
    theme_ids = fields.Many2many(
        "inclusion.theme",
        "inclusion_workshop_theme_rel",
        "workshop_id",
        "theme_id",
        string="Themes",
        domain=[("kind", "=", "digital")],
    )
    address_id = fields.Many2one(
        "res.partner",
        string="Place",
        tracking=True,
        check_company=True,
        help="Where the sessions take place; each session can move elsewhere.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Mediator",
        default=lambda self: self.env.user,
        tracking=True,
        check_company=True,
        help="Receives the activities of the workshop: promotions from the waiting list, "
        "repeated absences.",
    )
    facilitator_user_ids = fields.Many2many(
        "res.users",
        string="Facilitating staff",
        check_company=True,
        help="Mediators running the sessions.",
    )
    facilitator_partner_ids = fields.Many2many(
        "res.partner",
        string="Other facilitators",
        check_company=True,
        help="Volunteers, former learners and partner agents who co-facilitate.",
    )
    capacity = fields.Integer(
        string="Seats", default=10, required=True, tracking=True, help="Number of learners."
    )
    is_work_time = fields.Boolean(
        string="Mandatory for insertion employees, on work time",
        help="Hours attended by insertion employees count as training hours on paid work time.",
    )
    subgroup_count = fields.Integer(
        string="Sub-groups", help="Split the participants into this many sub-groups (optional)."
    )
    session_ids = fields.One2many("inclusion.workshop.session", "workshop_id", string="Sessions")
    registration_ids = fields.One2many(
        "inclusion.workshop.registration", "workshop_id", string="Registrations"
    )
    date_begin = fields.Datetime(
        string="Start", compute="_compute_dates", store=True, help="Start of the first session."
    )
    date_end = fields.Datetime(
        string="End", compute="_compute_dates", store=True, help="End of the last session."
    )
    session_count = fields.Integer(compute="_compute_session_count")
    seats_taken = fields.Integer(
        string="Registered", compute="_compute_seats", store=True, compute_sudo=True
    )
    seats_available = fields.Integer(
        string="Available seats", compute="_compute_seats", store=True, compute_sudo=True
    )
    waiting_count = fields.Integer(
        string="Waiting list", compute="_compute_seats", store=True, compute_sudo=True
    )

    @api.depends("session_ids.date_begin", "session_ids.date_end", "session_ids.state")
    def _compute_dates(self):
        for workshop in self:
            sessions = workshop.session_ids.filtered(lambda s: s.state != "cancelled")
            workshop.date_begin = min(sessions.mapped("date_begin"), default=False)
            workshop.date_end = max(sessions.mapped("date_end"), default=False)

    def _compute_session_count(self):
        counts = dict(
            self.env["inclusion.workshop.session"]._read_group(
                [("workshop_id", "in", self.ids)], ["workshop_id"], ["__count"]
            )
        )
        for workshop in self:
            workshop.session_count = counts.get(workshop, 0)

    @api.depends("capacity", "registration_ids.state")
    def _compute_seats(self):
        counts = self._count_registrations()
        for workshop in self:
            workshop.seats_taken = counts.get((workshop.id, "registered"), 0)
            workshop.seats_available = max(workshop.capacity - workshop.seats_taken, 0)
            workshop.waiting_count = counts.get((workshop.id, "waiting"), 0)

    def _count_registrations(self):
        """{(workshop id, state): count} of the registered and waiting people, in one query."""
        if not self.ids:
            return {}
        # Seats are counted over everyone, whoever asks: an adviser sees only the people
        # they follow, and only numbers leave this query.
        groups = (
            self.env["inclusion.workshop.registration"]
            .sudo()
            ._read_group(
                [("workshop_id", "in", self.ids), ("state", "in", ("registered", "waiting"))],
                ["workshop_id", "state"],
                ["__count"],
            )
        )
        return {(workshop.id, state): count for workshop, state, count in groups}

    @api.constrains("capacity")
    def _check_capacity(self):
        for workshop in self:
            if workshop.capacity < 1:
                raise ValidationError(self.env._("A workshop needs at least one seat."))
        counts = self._count_registrations()
        for workshop in self:
            registered = counts.get((workshop.id, "registered"), 0)
            if workshop.capacity < registered:
                raise ValidationError(
                    self.env._(
                        "The workshop %(workshop)s has %(registered)s registered participants: "
                        "its capacity cannot be lower.",
                        workshop=workshop.name,
                        registered=registered,
                    )
                )

    @api.constrains("subgroup_count")
    def _check_subgroup_count(self):
        if any(workshop.subgroup_count < 0 for workshop in self):
            raise ValidationError(self.env._("The number of sub-groups cannot be negative."))

    def write(self, vals):
        # Its participants and places stay in their structure: Odoo's company check only
        # sees the workshop's own fields.
        if "company_id" in vals and any(
            workshop.company_id.id != vals["company_id"]
            and (workshop.session_ids or workshop.registration_ids)
            for workshop in self
        ):
            raise UserError(
                self.env._(
                    "A workshop with sessions or registrations cannot move to another structure."
                )
            )
        if "capacity" in vals:
            self._lock_seats()
        result = super().write(vals)
        if "capacity" in vals:
            self._promote_waiting()
        return result

    # ---- Seats -------------------------------------------------------------------------

    def _lock_seats(self):
        """Serialise the seat changes of these workshops across transactions.

        The row lock makes a concurrent registration wait; touching the row makes that
        concurrent transaction fail with a serialisation error once we commit (Odoo runs in
        REPEATABLE READ, where a waiter would otherwise count seats on its old snapshot).
        Odoo retries the failed request, which then sees the seat taken.
        """
        if self.ids:
            self.env.cr.execute(
                "SELECT id FROM inclusion_workshop WHERE id IN %s ORDER BY id FOR UPDATE",
                [tuple(self.ids)],
            )
            self.env.cr.execute(
                "UPDATE inclusion_workshop SET write_date = write_date WHERE id IN %s",
                [tuple(self.ids)],
            )

    def _free_seats(self):
        """{workshop: free seats}, counted in the database after locking the workshops."""
        self.env["inclusion.workshop.registration"].flush_model(["workshop_id", "state"])
        self._lock_seats()
        counts = self._count_registrations()
        return {
            workshop: workshop.capacity - counts.get((workshop.id, "registered"), 0)
            for workshop in self
        }

    def _promote_waiting(self):
        """Give the free seats to the first people on the waiting list, in order."""
        free = self._free_seats()
        # Whoever freed the seat (an adviser, say) promotes whoever waits first.
        waiting = (
            self.env["inclusion.workshop.registration"]
            .sudo()
            .search([("workshop_id", "in", self.ids), ("state", "=", "waiting")])
        )
        promoted = waiting.browse()
        for workshop in self:
            seats = free[workshop]
            if seats > 0:
                promoted |= waiting.filtered(lambda r, w=workshop: r.workshop_id == w)[:seats]
        if promoted:
            promoted._workflow().write({"state": "registered"})
            promoted._notify_promotion()
        return promoted

    # ---- Sessions ----------------------------------------------------------------------

    def _compute_session_slots(self, date_start, weekdays, start_hour, duration, count):
        """Start and end datetimes (UTC, naive) of `count` sessions on the given weekdays
        (0 = Monday) from `date_start`, at `start_hour` (local time of the user) lasting
        `duration` hours."""
        tz = pytz.timezone(self.env.user.tz or DEFAULT_TZ)
        hours, minutes = divmod(round(start_hour * 60), 60)
        slots = []
        day = date_start
        while len(slots) < count:
            if day.weekday() in weekdays:
                local = tz.localize(datetime.combine(day, time(hours, minutes)))
                begin = local.astimezone(pytz.utc).replace(tzinfo=None)
                slots.append((begin, begin + timedelta(hours=duration)))
            day += timedelta(days=1)
        return slots

    def _create_sessions(self, date_start, weekdays, start_hour, duration, count):
        """Create the sessions of this workshop in one batch."""
        self.ensure_one()
        if count < 1 or count > 100:
            raise UserError(self.env._("Generate between 1 and 100 sessions."))
        if duration <= 0:
            raise UserError(self.env._("The duration of a session must be positive."))
        if not weekdays:
            raise UserError(self.env._("Choose at least one day of the week."))
        if not 0 <= start_hour < 24:
            raise UserError(self.env._("The start time must be between 00:00 and 23:59."))
        slots = self._compute_session_slots(date_start, weekdays, start_hour, duration, count)
        return self.env["inclusion.workshop.session"].create(
            [
                {"workshop_id": self.id, "date_begin": begin, "date_end": end}
                for begin, end in slots
            ]
        )

    # ---- State buttons -----------------------------------------------------------------

    def _check_state(self, allowed, action):
        wrong = self.filtered(lambda w: w.state not in allowed)
        if wrong:
            raise UserError(
                self.env._(
                    "%(action)s is not possible for the workshop %(workshop)s in its current "
                    "state.",
                    action=action,
                    workshop=wrong[0].name,
                )
            )

    def action_open(self):
        self._check_mediator()
        self._check_state(("draft",), self.env._("Opening registrations"))
        self._workflow().state = "open"

    def action_start(self):
        self._check_mediator()
        self._check_state(("draft", "open"), self.env._("Starting"))
        self._workflow().state = "in_progress"

    def action_done(self):
        """End the cycle: participants at or above the attendance threshold complete it."""
        self._check_mediator()
        self._check_state(("open", "in_progress"), self.env._("Ending"))
        unfinished = self.session_ids.filtered(lambda s: s.state == "planned")
        if unfinished:
            raise UserError(
                self.env._(
                    "Close or cancel every session before ending the cycle (%(count)s left).",
                    count=len(unfinished),
                )
            )
        registrations = self.registration_ids._workflow()
        for workshop in self:
            threshold = workshop.company_id.inclusion_attendance_threshold
            registrations.filtered(
                lambda r, w=workshop, t=threshold: (
                    r.workshop_id == w and r.state == "registered" and r.attendance_rate >= t
                )
            ).write({"state": "completed"})
        registrations.filtered(lambda r: r.state == "waiting").write({"state": "cancelled"})
        self._workflow().state = "done"

    def action_cancel(self):
        self._check_mediator()
        self._check_state(("draft", "open", "in_progress"), self.env._("Cancelling"))
        self.session_ids.filtered(lambda s: s.state == "planned").action_cancel()
        self._workflow().state = "cancelled"

    def action_draft(self):
        self._check_mediator()
        self._check_state(("cancelled",), self.env._("Resetting to draft"))
        self._workflow().state = "draft"

    # ---- Smart buttons -----------------------------------------------------------------

    def action_view_sessions(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "inclusion_numerique_workshop.inclusion_workshop_session_action"
        )
        action["domain"] = [("workshop_id", "in", self.ids)]
        action["context"] = {"default_workshop_id": self.id}
        action["views"] = [(False, "list"), (False, "calendar"), (False, "form")]
        return action

    def action_view_registrations(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "inclusion_numerique_workshop.inclusion_workshop_registration_action"
        )
        action["domain"] = [("workshop_id", "in", self.ids)]
        action["context"] = {"default_workshop_id": self.id}
        return action

    def action_generate_sessions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Generate sessions"),
            "res_model": "inclusion.workshop.session.generate",
            "view_mode": "form",
            "target": "new",
            "context": {"default_workshop_id": self.id},
        }

    def action_register_beneficiary(self):
        """Register the person of the diagnostic being read (suggested workshops)."""
        self.ensure_one()
        beneficiary = self.env["inclusion.beneficiary"].browse(
            self.env.context.get("inclusion_beneficiary_id")
        )
        if not beneficiary:
            raise UserError(self.env._("Choose the person to register."))
        self.env["inclusion.workshop.registration"].create(
            {"workshop_id": self.id, "beneficiary_id": beneficiary.id}
        )

    def action_split_subgroups(self):
        """Spread the registered participants over the sub-groups, alphabetically."""
        for workshop in self:
            if workshop.subgroup_count < 2:
                raise UserError(self.env._("Set at least two sub-groups first."))
            participants = workshop.registration_ids.filtered(
                lambda r: r.state == "registered"
            ).sorted(lambda r: r.beneficiary_id.name or "")
            for group in range(1, workshop.subgroup_count + 1):
                participants[group - 1 :: workshop.subgroup_count].write({"subgroup": group})
