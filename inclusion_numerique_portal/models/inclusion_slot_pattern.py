from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.addons.inclusion_numerique.tools import DEFAULT_TZ
from odoo.exceptions import ValidationError

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class InclusionSlotPattern(models.Model):
    """A weekly availability of a mediator at a place, cut into bookable slots."""

    _name = "inclusion.slot.pattern"
    _description = "Weekly availability"
    _inherit = ["inclusion.company.mixin"]
    _order = "place_id, weekday, hour_from"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    place_id = fields.Many2one("inclusion.place", required=True, check_company=True)
    mediator_id = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user, check_company=True
    )
    weekday = fields.Selection(WEEKDAYS, string="Day", required=True, default="4")
    hour_from = fields.Float(string="From", required=True, default=14.0)
    hour_to = fields.Float(string="To", required=True, default=17.0)
    slot_duration = fields.Integer(string="Slot duration (min)", required=True, default=60)
    reserved_partner_id = fields.Many2one(
        "res.partner",
        string="Reserved for",
        domain=[("is_company", "=", True)],
        help="Only this partner organisation may book these slots in the portal.",
    )
    date_from = fields.Date(string="Valid from", required=True, default=fields.Date.context_today)
    date_to = fields.Date(string="Valid until")
    weeks_ahead = fields.Integer(
        string="Weeks published ahead",
        default=4,
        required=True,
        help="Slots are published this many weeks ahead, every day.",
    )
    slot_ids = fields.One2many("inclusion.slot", "pattern_id", string="Slots")

    @api.depends("place_id.name", "weekday", "hour_from", "hour_to")
    def _compute_name(self):
        days = dict(self._fields["weekday"]._description_selection(self.env))
        for pattern in self:
            pattern.name = (
                f"{pattern.place_id.name or ''} – {days.get(pattern.weekday, '')} "
                f"{_hour_label(pattern.hour_from)}–{_hour_label(pattern.hour_to)}"
            )

    @api.constrains("hour_from", "hour_to", "slot_duration", "weeks_ahead", "date_from", "date_to")
    def _check_hours(self):
        for pattern in self:
            if not 0 <= pattern.hour_from < pattern.hour_to <= 24:
                raise ValidationError(
                    self.env._("The availability must start before it ends, within the day.")
                )
            span = round((pattern.hour_to - pattern.hour_from) * 60)
            if not 0 < pattern.slot_duration <= span:
                raise ValidationError(
                    self.env._("A slot must last between 1 minute and the whole availability.")
                )
            if not 1 <= pattern.weeks_ahead <= 26:
                raise ValidationError(
                    self.env._("Slots are published between 1 and 26 weeks ahead.")
                )
            if pattern.date_to and pattern.date_to < pattern.date_from:
                raise ValidationError(self.env._("The end of validity is before its start."))

    def _slot_starts(self, first_day, last_day):
        """Start and end (UTC, naive) of every slot of this pattern between two days."""
        self.ensure_one()
        tz = pytz.timezone(self.mediator_id.tz or DEFAULT_TZ)
        first_day = max(first_day, self.date_from)
        last_day = min(last_day, self.date_to) if self.date_to else last_day
        step = timedelta(minutes=self.slot_duration)
        offset = (int(self.weekday) - first_day.weekday()) % 7
        day = first_day + timedelta(days=offset)
        slots = []
        while day <= last_day:
            begin = datetime.combine(day, time()) + timedelta(hours=self.hour_from)
            end_of_day = datetime.combine(day, time()) + timedelta(hours=self.hour_to)
            while begin + step <= end_of_day:
                start = tz.localize(begin).astimezone(pytz.utc).replace(tzinfo=None)
                slots.append((start, start + step))
                begin += step
            day += timedelta(days=7)
        return slots

    def action_generate_slots(self):
        """Publish the missing future slots of these patterns, in one batch. Running it
        again creates nothing new (the daily cron does)."""
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        existing = {
            (slot.pattern_id.id, slot.start)
            for slot in self.env["inclusion.slot"].search_fetch(
                [("pattern_id", "in", self.ids), ("start", ">=", now)], ["pattern_id", "start"]
            )
        }
        values = [
            {
                "pattern_id": pattern.id,
                "place_id": pattern.place_id.id,
                "mediator_id": pattern.mediator_id.id,
                "reserved_partner_id": pattern.reserved_partner_id.id,
                "company_id": pattern.company_id.id,
                "start": start,
                "stop": stop,
            }
            for pattern in self
            for start, stop in pattern._slot_starts(
                today, today + timedelta(weeks=pattern.weeks_ahead)
            )
            if start > now and (pattern.id, start) not in existing
        ]
        return self.env["inclusion.slot"].create(values)

    @api.model
    def _cron_generate_slots(self):
        today = fields.Date.context_today(self)
        self.search(
            ["|", ("date_to", "=", False), ("date_to", ">=", today)]
        ).action_generate_slots()


def _hour_label(hour):
    hours, minutes = divmod(round(hour * 60), 60)
    return f"{hours:02d}:{minutes:02d}"
