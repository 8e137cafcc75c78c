from odoo import api, fields, models
from odoo.addons.inclusion_numerique.models.inclusion_beneficiary import DIGITAL_LEVELS
from odoo.exceptions import UserError, ValidationError

from .inclusion_attendance import ATTENDED_STATES

REGISTRATION_STATES = [
    ("registered", "Registered"),
    ("waiting", "Waiting list"),
    ("cancelled", "Cancelled"),
    ("completed", "Completed"),
    ("dropped", "Dropped out"),
]


class InclusionWorkshopRegistration(models.Model):
    _name = "inclusion.workshop.registration"
    _description = "Workshop registration"
    _inherit = ["inclusion.workshop.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    # The seats decide between the two; completion, drop-out and cancellation are actions.
    _workflow_create_states = ("registered", "waiting")
    # Waiting-list order: first come, first served, after the people whose level fits
    # where the workshop asks for homogeneous groups.
    _order = "workshop_id, level_gap, date_waiting, id"
    _rec_name = "beneficiary_id"

    workshop_id = fields.Many2one(
        "inclusion.workshop",
        required=True,
        ondelete="cascade",
        index=True,
        tracking=True,
        check_company=True,
    )
    beneficiary_id = fields.Many2one(
        "inclusion.beneficiary",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="workshop_id.company_id", store=True, index=True)
    employee_id = fields.Many2one(
        related="beneficiary_id.employee_id", store=True, string="Insertion employee"
    )
    state = fields.Selection(
        REGISTRATION_STATES, default="registered", required=True, tracking=True, copy=False
    )
    date_waiting = fields.Datetime(
        string="Registered on",
        default=fields.Datetime.now,
        required=True,
        readonly=True,
        help="Order of the waiting list.",
    )
    subgroup = fields.Integer(string="Sub-group")
    attendance_ids = fields.One2many("inclusion.attendance", "registration_id")
    attendance_rate = fields.Float(
        string="Attendance (%)",
        compute="_compute_attendance",
        store=True,
        aggregator="avg",
        help="Sessions attended (present or late) out of the closed sessions; an excused "
        "absence is still an absence.",
    )
    attended_hours = fields.Float(compute="_compute_attendance", store=True)
    workshop_level = fields.Selection(related="workshop_id.level")
    beneficiary_level = fields.Selection(related="beneficiary_id.digital_level")
    waiting_rank = fields.Integer(
        string="Rank",
        compute="_compute_waiting_rank",
        help="Place on the waiting list: first come, first served.",
    )
    level_gap = fields.Integer(
        string="Level gap",
        compute="_compute_level_gap",
        store=True,
        help="Levels between the person's and the expected one, where the workshop asks for "
        "homogeneous groups (unknown level last); 0 otherwise.",
    )
    level_warning = fields.Boolean(
        compute="_compute_level_warning",
        help="The beneficiary's digital level differs from the level expected by the workshop.",
    )

    @api.depends(
        "attendance_ids.state", "attendance_ids.session_id.state", "attendance_ids.attended_hours"
    )
    def _compute_attendance(self):
        groups = self.env["inclusion.attendance"]._read_group(
            [("registration_id", "in", self.ids), ("session_id.state", "=", "done")],
            ["registration_id", "state"],
            ["__count", "attended_hours:sum"],
        )
        totals, attended, hours = {}, {}, {}
        for registration, state, count, state_hours in groups:
            totals[registration] = totals.get(registration, 0) + count
            hours[registration] = hours.get(registration, 0.0) + state_hours
            if state in ATTENDED_STATES:
                attended[registration] = attended.get(registration, 0) + count
        for registration in self:
            total = totals.get(registration, 0)
            registration.attendance_rate = (
                100.0 * attended.get(registration, 0) / total if total else 0.0
            )
            registration.attended_hours = hours.get(registration, 0.0)

    @api.depends("state", "date_waiting", "workshop_id")
    def _compute_waiting_rank(self):
        """One query for the waiting lists of all the workshops shown."""
        waiting = self.search(
            [("workshop_id", "in", self.workshop_id.ids), ("state", "=", "waiting")]
        )
        ranks = {}
        for workshop_waiting in waiting.grouped("workshop_id").values():
            ranks.update({reg.id: rank for rank, reg in enumerate(workshop_waiting, start=1)})
        for registration in self:
            registration.waiting_rank = ranks.get(registration._origin.id, 0)

    @api.depends(
        "workshop_id.homogeneous_level", "workshop_id.level", "beneficiary_id.digital_level"
    )
    def _compute_level_gap(self):
        ranks = {code: rank for rank, (code, _label) in enumerate(DIGITAL_LEVELS)}
        for registration in self:
            workshop = registration.workshop_id
            level = registration.beneficiary_id.digital_level
            if not (workshop.homogeneous_level and workshop.level):
                registration.level_gap = 0
            elif not level:
                registration.level_gap = len(DIGITAL_LEVELS)
            else:
                registration.level_gap = abs(ranks[level] - ranks[workshop.level])

    @api.depends("workshop_level", "beneficiary_level")
    def _compute_level_warning(self):
        for registration in self:
            registration.level_warning = bool(
                registration.workshop_level
                and registration.beneficiary_level
                and registration.workshop_level != registration.beneficiary_level
            )

    @api.constrains("workshop_id", "beneficiary_id", "state")
    def _check_unique_active(self):
        active = self.filtered(lambda r: r.state != "cancelled")
        others = self.search(
            [
                ("id", "not in", active.ids),
                ("workshop_id", "in", active.workshop_id.ids),
                ("beneficiary_id", "in", active.beneficiary_id.ids),
                ("state", "!=", "cancelled"),
            ]
        )
        pairs = [(r.workshop_id, r.beneficiary_id) for r in active]
        taken = {(r.workshop_id, r.beneficiary_id) for r in others}
        if len(pairs) != len(set(pairs)) or taken.intersection(pairs):
            raise ValidationError(
                self.env._("This beneficiary is already registered for this workshop.")
            )

    @api.constrains("subgroup")
    def _check_subgroup(self):
        for registration in self:
            if not 0 <= registration.subgroup <= registration.workshop_id.subgroup_count:
                raise ValidationError(
                    self.env._(
                        "The sub-group must be between 1 and %(count)s.",
                        count=registration.workshop_id.subgroup_count,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        """Take the free seats in order; the others join the waiting list."""
        workshops = self.env["inclusion.workshop"].browse(
            {vals["workshop_id"] for vals in vals_list if vals.get("workshop_id")}
        )
        closed = workshops.filtered(lambda w: w.state not in ("open", "in_progress"))
        if closed:
            raise UserError(
                self.env._(
                    "The workshop %(workshop)s is not open for registration.",
                    workshop=closed[0].name,
                )
            )
        free = workshops._free_seats()
        for vals in vals_list:
            if vals.get("state", "registered") in ("registered", "waiting"):
                workshop = workshops.browse(vals["workshop_id"])
                vals["state"] = "registered" if free[workshop] > 0 else "waiting"
                free[workshop] -= vals["state"] == "registered"
        registrations = super().create(vals_list)
        registrations.filtered(lambda r: r.state == "registered")._sync_attendances()
        return registrations

    def write(self, vals):
        if any(
            registration[name].id != vals[name]
            for name in ("workshop_id", "beneficiary_id")
            if name in vals
            for registration in self
        ):
            raise UserError(
                self.env._(
                    "To change the workshop or the participant, cancel this registration and "
                    "register again."
                )
            )
        if vals.get("state") == "registered":
            free = self.workshop_id._free_seats()
            for workshop in self.workshop_id:
                joining = self.filtered(
                    lambda r, w=workshop: r.workshop_id == w and r.state != "registered"
                )
                if len(joining) > free[workshop]:
                    raise UserError(
                        self.env._(
                            "The workshop %(workshop)s is full: %(name)s stays on the waiting "
                            "list.",
                            workshop=workshop.name,
                            name=joining[0].beneficiary_id.name,
                        )
                    )
        result = super().write(vals)
        if vals.get("state") == "registered":
            self._sync_attendances()
        return result

    def _sync_attendances(self):
        self.workshop_id.session_ids._sync_attendances()

    def _check_registration_state(self, allowed, message):
        if any(registration.state not in allowed for registration in self):
            raise UserError(message)

    def action_register(self):
        """Move to the registered participants if a seat is free (from the waiting list)."""
        self._check_registration_state(
            ("waiting", "cancelled"),
            self.env._("Only a waiting or cancelled registration can be registered."),
        )
        closed = self.workshop_id.filtered(lambda w: w.state not in ("open", "in_progress"))
        if closed:
            raise UserError(
                self.env._(
                    "The workshop %(workshop)s is not open for registration.",
                    workshop=closed[0].name,
                )
            )
        self._workflow().write({"state": "registered"})

    def action_cancel(self):
        """Cancel; the first people waiting take the freed seats."""
        self._check_registration_state(
            ("registered", "waiting"),
            self.env._("Only a registered or waiting participant can be cancelled."),
        )
        freed = self.filtered(lambda r: r.state == "registered")
        self._workflow().write({"state": "cancelled"})
        freed._remove_future_attendances()
        freed.workshop_id._promote_waiting()

    def action_drop(self):
        """The participant dropped out of the cycle: the seat stays taken for the records but
        the person is no longer expected."""
        self._check_registration_state(
            ("registered",), self.env._("Only a registered participant can drop out.")
        )
        self._workflow().write({"state": "dropped"})
        self._remove_future_attendances()

    def _remove_future_attendances(self):
        # Mediators and advisers may not delete roll call lines: only the unmarked ones of
        # the sessions still to come go, with the registration.
        self.sudo().attendance_ids.filtered(
            lambda a: a.session_id.state == "planned" and not a.state
        ).unlink()

    def _notify_promotion(self):
        """Tell the mediator who got a seat from the waiting list."""
        notes = {}
        for registration in self:
            notes[registration] = self.env._(
                "%(name)s gets a seat from the waiting list: tell them.",
                name=registration.beneficiary_id.name,
            )
            # Advisers freeing a seat cannot write on the workshop, where the news belongs.
            registration.workshop_id.sudo().message_post(body=notes[registration])
        self._schedule_mediator_activities(self.env._("Seat from the waiting list"), notes)

    def _alert_absences(self):
        """An activity for the mediator when a participant missed the last N closed
        sessions in a row (N: company setting)."""
        if not self:
            return
        attendances = self.env["inclusion.attendance"].search(
            [("registration_id", "in", self.ids), ("session_id.state", "=", "done")],
            order="date desc, id desc",
        )
        last_states = {}
        for attendance in attendances:
            last_states.setdefault(attendance.registration_id, []).append(attendance.state)
        notes = {}
        for registration in self:
            count = registration.company_id.inclusion_absence_alert_count
            last = last_states.get(registration, [])[:count]
            if len(last) == count and set(last) == {"absent"}:
                notes[registration] = self.env._(
                    "%(name)s missed the last %(count)s sessions of %(workshop)s.",
                    name=registration.beneficiary_id.name,
                    count=count,
                    workshop=registration.workshop_id.name,
                )
        self._schedule_mediator_activities(self.env._("Absences in a row"), notes)

    def _schedule_mediator_activities(self, summary, notes):
        """One to-do for the workshop's mediator per registration in `notes`, created in
        one batch (the mediator may not be the current user, hence sudo)."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].sudo().create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": registration.id,
                    "activity_type_id": todo.id,
                    "summary": summary,
                    "note": note,
                    "user_id": registration.workshop_id.user_id.id or self.env.uid,
                    "date_deadline": fields.Date.context_today(self),
                }
                for registration, note in notes.items()
            ]
        )

    def action_print_certificate(self):
        return self.env.ref(
            "inclusion_numerique_workshop.action_report_workshop_certificate"
        ).report_action(self)
