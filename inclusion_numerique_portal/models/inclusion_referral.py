from odoo import api, fields, models
from odoo.addons.inclusion_numerique.models.inclusion_beneficiary import (
    NAMED_SHARING_CONSENT_SCOPES,
)
from odoo.addons.inclusion_numerique.models.inclusion_support import (
    AUTONOMY_LEVELS,
    ORIENTATIONS,
)
from odoo.exceptions import AccessError, UserError, ValidationError

from .inclusion_beneficiary import REMINDER_CHANNELS

REFERRAL_STATES = [
    ("received", "Received"),
    ("booked", "Appointment booked"),
    ("seen", "Seen"),
    ("no_show", "No-show"),
    ("closed", "Closed"),
]
URGENCIES = [("normal", "Normal"), ("urgent", "Urgent")]
# What a referring partner enters; everything else is the structure's.
PARTNER_FIELDS = {
    "person_name",
    "person_phone",
    "person_email",
    "need",
    "theme_ids",
    "urgency",
    "reminder_channel",
    "person_agreement",
    "sharing_agreed",
}
APPOINTMENT_STATES = {"planned": "booked", "done": "seen", "no_show": "no_show"}


class InclusionReferral(models.Model):
    _name = "inclusion.referral"
    _description = "Referral"
    _inherit = ["inclusion.company.mixin"]
    _order = "date desc, id desc"
    _rec_name = "person_name"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    date = fields.Date(
        string="Referred on", required=True, readonly=True, default=fields.Date.context_today
    )
    referrer_id = fields.Many2one(
        "res.users",
        string="Referred by",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.user,
    )
    organisation_id = fields.Many2one(
        "res.partner",
        string="Partner organisation",
        required=True,
        readonly=True,
        index=True,
        help="Organisation of the referrer, whose agents follow the referral.",
    )
    person_name = fields.Char(string="Person referred", required=True)
    person_phone = fields.Char(string="Phone")
    person_email = fields.Char(string="E-mail")
    need = fields.Text(required=True)
    theme_ids = fields.Many2many(
        "inclusion.theme",
        "inclusion_referral_theme_rel",
        "referral_id",
        "theme_id",
        string="Themes",
        domain=[("kind", "=", "digital")],
    )
    urgency = fields.Selection(URGENCIES, required=True, default="normal")
    reminder_channel = fields.Selection(
        REMINDER_CHANNELS, string="Appointment reminders", required=True, default="sms"
    )
    person_agreement = fields.Boolean(
        string="The person agrees to be referred",
    )
    sharing_agreed = fields.Boolean(
        string="The person agrees that the outcome is shared with the referrer",
    )
    beneficiary_id = fields.Many2one(
        "inclusion.beneficiary",
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
        groups="inclusion_numerique.group_mediator",
    )
    support_id = fields.Many2one(
        "inclusion.support",
        string="Appointment",
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
        groups="inclusion_numerique.group_mediator",
    )
    appointment_start = fields.Datetime(related="support_id.start", store=True)
    is_closed = fields.Boolean(string="Closed", readonly=True)
    state = fields.Selection(
        REFERRAL_STATES,
        string="Status",
        compute="_compute_state",
        store=True,
        compute_sudo=True,
        index=True,
    )
    referrer_notified = fields.Boolean(readonly=True, copy=False)
    # The outcome that the referrer reads: filled only while the person's consent covers
    # sharing with the referring partner, emptied as soon as it no longer does.
    sharing_consent = fields.Boolean(
        string="Outcome shared with the referrer",
        compute="_compute_sharing_consent",
        store=True,
        compute_sudo=True,
        help="The person's consent covers sharing the outcome with the referring partner.",
    )
    outcome_shared = fields.Boolean(compute="_compute_outcome", store=True, compute_sudo=True)
    outcome_date = fields.Date(
        string="Seen on", compute="_compute_outcome", store=True, compute_sudo=True
    )
    outcome_theme_ids = fields.Many2many(
        "inclusion.theme",
        "inclusion_referral_outcome_theme_rel",
        "referral_id",
        "theme_id",
        string="Themes handled",
        compute="_compute_outcome",
        store=True,
        compute_sudo=True,
    )
    outcome_autonomy = fields.Selection(
        AUTONOMY_LEVELS,
        string="Autonomy reached",
        compute="_compute_outcome",
        store=True,
        compute_sudo=True,
    )
    outcome_orientation = fields.Selection(
        ORIENTATIONS,
        string="Referred onward to",
        compute="_compute_outcome",
        store=True,
        compute_sudo=True,
    )

    @api.depends("support_id.state", "is_closed")
    def _compute_state(self):
        for referral in self:
            if referral.is_closed:
                referral.state = "closed"
            else:
                referral.state = APPOINTMENT_STATES.get(referral.support_id.state, "received")

    @api.depends("beneficiary_id.consent_date", "beneficiary_id.consent_scope")
    def _compute_sharing_consent(self):
        for referral in self:
            person = referral.beneficiary_id
            referral.sharing_consent = bool(
                person.consent_date and person.consent_scope in NAMED_SHARING_CONSENT_SCOPES
            )

    @api.depends(
        "sharing_consent",
        "support_id.state",
        "support_id.date",
        "support_id.theme_ids",
        "support_id.autonomy",
        "support_id.orientation",
    )
    def _compute_outcome(self):
        for referral in self:
            support = referral.support_id
            shared = referral.sharing_consent and support.state == "done"
            referral.outcome_shared = shared
            referral.outcome_date = shared and support.date
            referral.outcome_theme_ids = support.theme_ids if shared else False
            referral.outcome_autonomy = shared and support.autonomy
            referral.outcome_orientation = shared and support.orientation

    @api.constrains("person_agreement")
    def _check_person_agreement(self):
        if not all(self.mapped("person_agreement")):
            raise ValidationError(
                self.env._("A person can only be referred with their agreement.")
            )

    @api.constrains("person_name", "need")
    def _check_required_text(self):
        for referral in self:
            if not (referral.person_name or "").strip() or not (referral.need or "").strip():
                raise ValidationError(
                    self.env._("Give the name of the person and what they need.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        is_staff = self.env.su or self.env.user.has_group("inclusion_numerique.group_mediator")
        organisation = self.env.user.partner_id.commercial_partner_id
        for vals in vals_list:
            if not is_staff:
                self._check_partner_values(vals)
                if not self.env.user.partner_id.parent_id:
                    raise AccessError(
                        self.env._("Only the agents of a partner organisation can refer people.")
                    )
                vals.update(organisation_id=organisation.id, referrer_id=self.env.uid)
            self._normalize_person_contact(vals)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and not self.env.user.has_group("inclusion_numerique.group_mediator"):
            raise AccessError(self.env._("Only the structure can change a referral."))
        self._normalize_person_contact(vals)
        return super().write(vals)

    @api.model
    def _check_partner_values(self, vals):
        if set(vals) - PARTNER_FIELDS:
            raise AccessError(self.env._("These details of a referral are the structure's."))

    @api.model
    def _normalize_person_contact(self, vals):
        """Same checks and formats as the beneficiary file, which the referral feeds."""
        contact = {
            "email": vals.get("person_email"),
            "phone": vals.get("person_phone"),
        }
        self.env["inclusion.beneficiary"]._normalize_contact_values(contact)
        for key, fname in (("email", "person_email"), ("phone", "person_phone")):
            if vals.get(fname):
                vals[fname] = contact[key]

    # ---- Mediators' actions --------------------------------------------------------------

    def _ensure_beneficiary(self):
        """The beneficiary file of each referred person, created from the referral when the
        structure has none yet. The person agreed to the referral in front of the referrer:
        their consent is recorded with its scope (sharing or not)."""
        for referral in self.filtered(lambda r: not r.beneficiary_id):
            scope = "support_sharing" if referral.sharing_agreed else "support"
            referral.beneficiary_id = (
                self.env["inclusion.beneficiary"]
                .with_company(referral.company_id)
                .create(
                    {
                        "name": referral.person_name,
                        "phone": referral.person_phone,
                        "email": referral.person_email,
                        "company_id": referral.company_id.id,
                        "reminder_channel": referral.reminder_channel,
                        "consent_date": referral.date,
                        "consent_scope": scope,
                        "prescriber_partner_id": referral.organisation_id.id,
                    }
                )
            )
        return self.beneficiary_id

    def action_create_beneficiary(self):
        self.check_access("write")
        beneficiary = self._ensure_beneficiary()
        return {
            "type": "ir.actions.act_window",
            "res_model": "inclusion.beneficiary",
            "res_id": beneficiary[:1].id,
            "view_mode": "form",
        }

    def action_close(self):
        self.is_closed = True

    def action_reopen(self):
        self.is_closed = False

    def action_open_appointment(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "inclusion.support",
            "res_id": self.support_id.id,
            "view_mode": "form",
        }

    # ---- Referrers -----------------------------------------------------------------------

    def _portal_can_book(self):
        self.ensure_one()
        return self.state in ("received", "no_show")

    def _portal_free_slots(self, slot_ids=None):
        """The free future slots that this referral's organisation may book."""
        self.ensure_one()
        self.check_access("read")
        domain = [
            ("company_id", "=", self.company_id.id),
            ("is_booked", "=", False),
            ("start", ">", fields.Datetime.now()),
            "|",
            ("reserved_partner_id", "=", False),
            ("reserved_partner_id", "=", self.organisation_id.id),
        ]
        if slot_ids is not None:
            domain.append(("id", "in", slot_ids))
        # Partners have no rights on slots: they see only these free slots, and nothing of
        # who booked the others.
        return self.env["inclusion.slot"].sudo().search(domain)

    def _portal_book(self, slot_id):
        """A partner books one of the slots offered to their organisation."""
        if not self._portal_can_book():
            raise UserError(self.env._("An appointment is already booked for this referral."))
        slot = self._portal_free_slots([slot_id])
        if not slot:
            raise UserError(self.env._("This slot is no longer available: choose another one."))
        # Partners may read neither files nor appointments: once the referral and the slot
        # are checked as theirs, the booking creates them as the system.
        return slot._book(referral=self.sudo())

    @api.model
    def _cron_notify_referrers(self):
        """Tell the referrer how the appointment went, once, where the person's consent
        covers sharing; referrals without that consent are only marked as handled."""
        referrals = self.search(
            [("state", "in", ("seen", "no_show")), ("referrer_notified", "=", False)]
        )
        shared = referrals.filtered("sharing_consent")
        template = self.env.ref("inclusion_numerique_portal.mail_template_referral_outcome")
        if shared:
            template.send_mail_batch(shared.ids)
        referrals.write({"referrer_notified": True})
