from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import DEFAULT_TZ
from .inclusion_beneficiary import (
    AGE_BRACKETS,
    GENDERS,
    SOCIAL_STATUSES,
    age_bracket_on,
    bracket_case_sql,
)

SUPPORT_KINDS = [
    ("individual", "Individual support"),
    ("drop_in", "Drop-in visit"),
    ("appointment", "Appointment"),
]
SUPPORT_STATES = [
    ("planned", "Scheduled"),
    ("done", "Held"),
    ("no_show", "No-show"),
    ("excused", "Excused"),
]
PLACE_TYPES = [
    ("activity_place", "Place of activity"),
    ("home", "At home"),
    ("remote", "Remote"),
    ("other", "Other place"),
]
EQUIPMENT_USED = [
    ("computer", "Computer"),
    ("phone", "Phone"),
    ("tablet", "Tablet"),
    ("other", "Other"),
    ("none", "No equipment"),
]
AUTONOMY_LEVELS = [
    ("guided", "Guided"),
    ("partly_autonomous", "Autonomous with guidance when needed"),
    ("autonomous", "Autonomous"),
]
ORIENTATIONS = [
    ("administration", "Administration (town hall, prefecture…)"),
    ("digital_mediation", "Other digital mediation structure"),
    ("procedure_operator", "Operator of the procedure"),
    ("social_support", "Social support structure"),
    ("job_insertion", "Job insertion structure (France Travail, mission locale…)"),
    ("procedure_help", "Procedure help structure (France Services…)"),
    ("other", "Other"),
]
DURATION_PRESETS = [
    ("15", "15 min"),
    ("30", "30 min"),
    ("45", "45 min"),
    ("60", "1 h"),
    ("90", "1 h 30"),
    ("120", "2 h"),
    ("free", "Other"),
]
DURATION_BUCKETS = [
    ("under_30", "Less than 30 min"),
    ("30_60", "30 min – 1 h"),
    ("60_120", "1 h – 2 h"),
    ("120_plus", "2 h and more"),
]
# Upper duration limit (minutes, exclusive) of each bucket, the last one being open.
DURATION_BUCKET_LIMITS = [(30, "under_30"), (60, "30_60"), (120, "60_120")]
# Time zone of the dates of activity when the mediator has none (French structures).


def duration_bucket_of(minutes):
    """Statistics bucket code of a duration in minutes."""
    return next((code for limit, code in DURATION_BUCKET_LIMITS if minutes < limit), "120_plus")


def duration_bucket_sql(minutes):
    """SQL twin of duration_bucket_of, given the minutes as an SQL expression."""
    return bracket_case_sql(minutes, DURATION_BUCKET_LIMITS, "120_plus")


MAX_DURATION = 12 * 60
FOLLOWUP_DELAY_DAYS = 7


class InclusionSupport(models.Model):
    _name = "inclusion.support"
    _description = "Support session"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "inclusion.company.mixin",
        "inclusion.programme.mixin",
    ]
    _order = "start desc, id desc"
    _check_company_auto = True

    kind = fields.Selection(SUPPORT_KINDS, required=True, default="individual", tracking=True)
    state = fields.Selection(
        SUPPORT_STATES,
        compute="_compute_state",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        tracking=True,
        help="Only appointments are planned first, then done, missed or excused.",
    )
    start = fields.Datetime(required=True, default=fields.Datetime.now)
    duration = fields.Integer(string="Duration (min)", required=True, default=30)
    duration_preset = fields.Selection(
        DURATION_PRESETS,
        string="Duration",
        compute="_compute_duration_preset",
        inverse="_inverse_duration_preset",
    )
    duration_bucket = fields.Selection(
        DURATION_BUCKETS, compute="_compute_duration_bucket", store=True
    )
    stop = fields.Datetime(
        string="End", compute="_compute_stop", inverse="_inverse_stop", store=True
    )
    date = fields.Date(compute="_compute_date", store=True, index=True)
    place_type = fields.Selection(PLACE_TYPES, required=True, default="activity_place")
    place_id = fields.Many2one(
        "inclusion.place", default=lambda self: self._default_place_id(), check_company=True
    )
    mediator_id = fields.Many2one(
        "res.users",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        tracking=True,
        check_company=True,
    )
    co_facilitator_id = fields.Many2one(
        "res.partner",
        string="Co-facilitator",
        help="Volunteer or colleague who helped.",
        check_company=True,
    )
    beneficiary_id = fields.Many2one(
        "inclusion.beneficiary",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        check_company=True,
        help="Leave empty for an anonymous visit.",
    )
    theme_ids = fields.Many2many(
        "inclusion.theme",
        "inclusion_support_theme_rel",
        "support_id",
        "theme_id",
        string="Themes",
        domain=[("kind", "=", "digital")],
    )
    procedure_domain_ids = fields.Many2many(
        "inclusion.theme",
        "inclusion_support_procedure_domain_rel",
        "support_id",
        "theme_id",
        string="Procedure domains",
        domain=[("kind", "=", "procedure")],
    )
    organism_ids = fields.Many2many("inclusion.organism", string="Organisms")
    equipment_used = fields.Selection(EQUIPMENT_USED)
    autonomy = fields.Selection(AUTONOMY_LEVELS, string="Autonomy reached")
    orientation = fields.Selection(ORIENTATIONS, string="Redirected to")
    orientation_partner_id = fields.Many2one(
        "res.partner", string="Redirection structure", check_company=True
    )
    followup_needed = fields.Boolean(
        string="Follow-up needed", help="Schedules a to-do for the mediator."
    )
    notes = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    # Who was helped, when no beneficiary record is kept (anonymous visit).
    anonymous_gender = fields.Selection(GENDERS, string="Gender")
    anonymous_age_bracket = fields.Selection(AGE_BRACKETS, string="Age bracket")
    anonymous_social_status = fields.Selection(SOCIAL_STATUSES, string="Social status")
    anonymous_city = fields.Char(string="Commune")
    anonymous_zip = fields.Char(string="Zip")
    anonymous_qpv = fields.Boolean(string="Lives in a QPV")
    # The person's dimensions for statistics, named or anonymous.
    person_gender = fields.Selection(
        GENDERS, string="Person's gender", compute="_compute_person", store=True
    )
    person_age_bracket = fields.Selection(
        AGE_BRACKETS, string="Person's age bracket", compute="_compute_person", store=True
    )
    person_social_status = fields.Selection(
        SOCIAL_STATUSES, string="Person's status", compute="_compute_person", store=True
    )
    person_city = fields.Char(string="Person's commune", compute="_compute_person", store=True)
    person_zip = fields.Char(string="Person's zip", compute="_compute_person", store=True)
    person_qpv = fields.Boolean(
        string="Person lives in a QPV", compute="_compute_person", store=True
    )
    person_commune_id = fields.Many2one(
        "inclusion.commune",
        string="Person's INSEE commune",
        compute="_compute_person_commune_id",
        store=True,
    )
    is_past = fields.Boolean(
        compute="_compute_is_past", help="The session has started: its outcome can be told."
    )

    def _default_place_id(self):
        """The place of the mediator's last session, else their default place."""
        last = self.search(
            [("mediator_id", "=", self.env.uid), ("place_id", "!=", False)],
            order="start desc, id desc",
            limit=1,
        )
        return last.place_id or self.env.user.inclusion_place_id

    @api.depends("kind")
    def _compute_state(self):
        for support in self:
            if support.kind != "appointment":
                support.state = "done"
            elif not support.state or (support.state == "done" and not support._origin):
                support.state = "planned"

    @api.depends("duration")
    def _compute_duration_preset(self):
        presets = {code for code, _label in DURATION_PRESETS}
        for support in self:
            code = str(support.duration)
            support.duration_preset = code if code in presets else "free"

    def _inverse_duration_preset(self):
        for support in self:
            if support.duration_preset and support.duration_preset != "free":
                support.duration = int(support.duration_preset)

    @api.depends("start")
    def _compute_is_past(self):
        now = fields.Datetime.now()
        for support in self:
            support.is_past = bool(support.start) and support.start <= now

    @api.onchange("stop")
    def _onchange_stop(self):
        """The form shows start, end and duration together: they must agree at once."""
        self._inverse_stop()

    @api.depends("duration")
    def _compute_duration_bucket(self):
        for support in self:
            support.duration_bucket = duration_bucket_of(support.duration)

    @api.depends("start", "duration")
    def _compute_stop(self):
        for support in self:
            support.stop = support.start and support.start + timedelta(minutes=support.duration)

    def _inverse_stop(self):
        for support in self:
            if support.start and support.stop:
                support.duration = int((support.stop - support.start).total_seconds() // 60)

    @api.depends("start", "mediator_id.tz")
    def _compute_date(self):
        for support in self:
            # From the record only: a stored date must not depend on who computes it.
            tz = pytz.timezone(support.mediator_id.tz or DEFAULT_TZ)
            support.date = support.start and pytz.utc.localize(support.start).astimezone(tz).date()

    @api.depends(
        "date",
        "beneficiary_id.gender",
        "beneficiary_id.birthdate",
        "beneficiary_id.birth_year",
        "beneficiary_id.social_status",
        "beneficiary_id.city",
        "beneficiary_id.zip",
        "beneficiary_id.is_qpv",
        "anonymous_gender",
        "anonymous_age_bracket",
        "anonymous_social_status",
        "anonymous_city",
        "anonymous_zip",
        "anonymous_qpv",
    )
    def _compute_person(self):
        for support in self:
            person = support.beneficiary_id
            if person:
                support.person_gender = person.gender or "unknown"
                support.person_age_bracket = age_bracket_on(
                    person.birthdate, person.birth_year, support.date or fields.Date.today()
                )
                support.person_social_status = person.social_status or "unknown"
                support.person_city = person.city
                support.person_zip = person.zip
                support.person_qpv = person.is_qpv
            else:
                support.person_gender = support.anonymous_gender or "unknown"
                support.person_age_bracket = support.anonymous_age_bracket or "unknown"
                support.person_social_status = support.anonymous_social_status or "unknown"
                support.person_city = support.anonymous_city
                support.person_zip = support.anonymous_zip
                support.person_qpv = support.anonymous_qpv

    @api.depends("beneficiary_id.commune_id", "anonymous_zip", "anonymous_city")
    def _compute_person_commune_id(self):
        anonymous = self.filtered(lambda support: not support.beneficiary_id)
        guesses = self.env["inclusion.commune"]._guess(
            [(s.anonymous_zip, s.anonymous_city, s.person_commune_id) for s in anonymous]
        )
        for support, commune in zip(anonymous, guesses, strict=True):
            support.person_commune_id = commune
        for support in self - anonymous:
            support.person_commune_id = support.beneficiary_id.commune_id

    @api.depends("kind", "beneficiary_id.name")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for support in self:
            person = support.beneficiary_id.name or self.env._("Anonymous")
            support.display_name = f"{kinds.get(support.kind, '')} – {person}"

    @api.constrains("duration", "kind")
    def _check_duration(self):
        for support in self:
            if support.duration < 0 and support.kind == "appointment":
                raise ValidationError(self.env._("An appointment cannot end before it starts."))
            if support.duration <= 0:
                raise ValidationError(self.env._("The duration must be positive."))
            if support.duration > MAX_DURATION:
                raise ValidationError(self.env._("A session cannot last more than 12 hours."))

    @api.constrains("theme_ids", "kind")
    def _check_themes(self):
        for support in self:
            if not support.theme_ids:
                raise ValidationError(self.env._("Choose at least one theme for the session."))

    @api.constrains("state", "kind")
    def _check_state(self):
        for support in self:
            if support.kind != "appointment" and support.state != "done":
                raise ValidationError(
                    self.env._("Only appointments can be planned, missed or excused.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        supports = super().create(vals_list)
        supports._schedule_followups()
        return supports

    def write(self, vals):
        result = super().write(vals)
        if vals.get("followup_needed"):
            self._schedule_followups()
        return result

    def _schedule_followups(self):
        todo = self.env.ref("mail.mail_activity_data_todo")
        for support in self.filtered("followup_needed"):
            if todo not in support.activity_ids.activity_type_id:
                support.activity_schedule(
                    act_type_xmlid="mail.mail_activity_data_todo",
                    date_deadline=fields.Date.context_today(support)
                    + timedelta(days=FOLLOWUP_DELAY_DAYS),
                    summary=self.env._("Follow up the support session"),
                    user_id=support.mediator_id.id,
                )

    def action_mark_done(self):
        self._check_started()
        self.write({"state": "done"})

    def action_mark_no_show(self):
        self._check_started()
        self.write({"state": "no_show"})

    def _check_started(self):
        if not all(self.mapped("is_past")):
            raise UserError(
                self.env._("An appointment is held or missed only once its time has come.")
            )

    def action_save_and_new(self):
        """The desk's rhythm: the visit is saved (by the button), a blank one follows."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "inclusion_numerique.inclusion_support_action_quick"
        )
        action["target"] = "main"
        return action

    def action_mark_excused(self):
        self.write({"state": "excused"})
