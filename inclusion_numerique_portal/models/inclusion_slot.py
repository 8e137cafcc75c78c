import pytz

from odoo import api, fields, models
from odoo.addons.inclusion_numerique.tools import DEFAULT_TZ
from odoo.exceptions import UserError, ValidationError

DIAGNOSTIC_THEME = "inclusion_numerique.theme_diagnostic"


class InclusionSlot(models.Model):
    """A bookable appointment slot: one person, one mediator, one place."""

    _name = "inclusion.slot"
    _description = "Appointment slot"
    _inherit = ["inclusion.company.mixin"]
    _order = "start, id"
    _rec_names_search = ["place_id.name", "mediator_id.name"]
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    pattern_id = fields.Many2one(
        "inclusion.slot.pattern",
        string="Availability",
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
    )
    place_id = fields.Many2one("inclusion.place", required=True, index=True, check_company=True)
    mediator_id = fields.Many2one(
        "res.users",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        check_company=True,
    )
    start = fields.Datetime(required=True, index=True)
    stop = fields.Datetime(string="End", required=True)
    reserved_partner_id = fields.Many2one(
        "res.partner",
        string="Reserved for",
        index="btree_not_null",
        domain=[("is_company", "=", True)],
        help="Only this partner organisation may book the slot in the portal.",
    )
    support_id = fields.Many2one(
        "inclusion.support",
        string="Appointment",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
    )
    referral_id = fields.Many2one(
        "inclusion.referral", readonly=True, copy=False, check_company=True
    )
    beneficiary_id = fields.Many2one(related="support_id.beneficiary_id", string="Booked for")
    is_booked = fields.Boolean(string="Booked", compute="_compute_is_booked", store=True)

    @api.depends("support_id")
    def _compute_is_booked(self):
        for slot in self:
            slot.is_booked = bool(slot.support_id)

    @api.depends("start", "place_id.name", "mediator_id.tz")
    def _compute_display_name(self):
        for slot in self:
            # The local time of the place, whoever reads it (partners may have no time zone).
            tz = pytz.timezone(slot.mediator_id.tz or DEFAULT_TZ)
            start = slot.start and pytz.utc.localize(slot.start).astimezone(tz)
            label = start.strftime("%d/%m/%Y %H:%M") if start else ""
            slot.display_name = f"{label} – {slot.place_id.name or ''}"

    @api.constrains("start", "stop")
    def _check_dates(self):
        for slot in self:
            if slot.stop <= slot.start:
                raise ValidationError(self.env._("A slot must end after it starts."))

    @api.constrains("start", "stop", "mediator_id")
    def _check_overlap(self):
        self.flush_model(["start", "stop", "mediator_id"])
        for slot in self:
            # A mediator's slots of every structure count: they cannot be in two places.
            overlapping = self.sudo().search_count(
                [
                    ("id", "!=", slot.id),
                    ("mediator_id", "=", slot.mediator_id.id),
                    ("start", "<", slot.stop),
                    ("stop", ">", slot.start),
                ],
                limit=1,
            )
            if overlapping:
                raise ValidationError(
                    self.env._("This slot overlaps another slot of the same mediator.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        if any(fields.Datetime.to_datetime(vals.get("start")) < now for vals in vals_list):
            raise ValidationError(self.env._("A slot cannot start in the past."))
        return super().create(vals_list)

    def write(self, vals):
        if {"start", "stop", "mediator_id", "place_id"} & set(vals) and self.filtered(
            "support_id"
        ):
            raise UserError(self.env._("Cancel the booking before moving a booked slot."))
        return super().write(vals)

    # ---- Booking --------------------------------------------------------------------------

    def _lock_for_booking(self):
        """Serialise the bookings of this slot across transactions, as workshop seats are:
        the row lock makes a concurrent booking wait, touching the row makes it fail with a
        serialisation error once we commit (Odoo then retries the request, which sees the
        slot taken)."""
        self.env.cr.execute("SELECT id FROM inclusion_slot WHERE id = %s FOR UPDATE", [self.id])
        self.env.cr.execute(
            "UPDATE inclusion_slot SET write_date = write_date WHERE id = %s", [self.id]
        )
        self.invalidate_recordset(["support_id"])

    def _book(self, beneficiary=None, referral=None):
        """Book this slot for a person (their file, or a referral whose file is created)
        and create the appointment, with the rights of the slot's environment (the system
        in a partner's booking, see _portal_book). Refused when the slot is taken or past,
        or when the person must be called first after repeated no-shows."""
        self.ensure_one()
        self._lock_for_booking()
        if self.support_id:
            raise UserError(self.env._("This slot is already booked: choose another one."))
        if self.start <= fields.Datetime.now():
            raise UserError(self.env._("This slot has already started: choose another one."))
        referral = (referral or self.env["inclusion.referral"]).with_env(self.env)
        beneficiary = (beneficiary or referral._ensure_beneficiary()).with_env(self.env)
        if not beneficiary:
            raise UserError(self.env._("Choose the person to book the slot for."))
        if beneficiary.no_show_call_needed:
            raise UserError(
                self.env._(
                    "The person missed several appointments: the structure calls them before "
                    "booking a new one."
                )
            )
        support = self.env["inclusion.support"].create(
            {
                "kind": "appointment",
                "start": self.start,
                "duration": int((self.stop - self.start).total_seconds() // 60),
                "place_id": self.place_id.id,
                "mediator_id": self.mediator_id.id,
                "beneficiary_id": beneficiary.id,
                "company_id": self.company_id.id,
                "theme_ids": [
                    fields.Command.set((referral.theme_ids or self.env.ref(DIAGNOSTIC_THEME)).ids)
                ],
            }
        )
        self.write({"support_id": support.id, "referral_id": referral.id})
        referral.support_id = support
        return support

    def action_cancel_booking(self):
        """Free the slot; the appointment stays, excused, in the person's history."""
        self.support_id.action_mark_excused()
        self.write({"support_id": False, "referral_id": False})
