from psycopg2.errors import UniqueViolation

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, sql

RECEIPT_SEQUENCE_CODE = "inclusion.equipment.handover"
# Payment data: set by the mediator at the handover, afterwards managed by accountants.
PAYMENT_FIELDS = {"payment_method", "amount_received"}
# What a mediator may still change on an issued receipt (lent equipment, notes).
FOLLOW_UP_FIELDS = {"return_date", "note", "place_id", "programme_id"}
# Who may sell at another price than the one of the settings.
PRICE_GROUPS = "inclusion_numerique.group_manager,inclusion_numerique.group_equipment_accounting"


class InclusionEquipmentHandover(models.Model):
    _name = "inclusion.equipment.handover"
    _description = "Equipment handover"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "inclusion.company.mixin",
        "inclusion.programme.mixin",
    ]
    _order = "date desc, id desc"
    _rec_name = "name"
    _check_company_auto = True

    name = fields.Char(
        string="Receipt number", readonly=True, copy=False, default="/", index="trigram"
    )
    equipment_id = fields.Many2one(
        "inclusion.equipment",
        required=True,
        ondelete="restrict",
        index=True,
        domain="[('state', 'in', ('ready', 'reserved'))]",
        tracking=True,
        check_company=True,
    )
    # Read as the user (compute_sudo=False): an `onchange` with the id of another company's
    # equipment must not return its serial number or donor.
    company_id = fields.Many2one(
        related="equipment_id.company_id", store=True, index=True, compute_sudo=False
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    serial_number = fields.Char(
        related="equipment_id.serial_number", store=True, compute_sudo=False
    )
    equipment_type = fields.Selection(
        related="equipment_id.equipment_type", store=True, compute_sudo=False
    )
    donor_id = fields.Many2one(
        related="equipment_id.donor_id", store=True, string="Donor", compute_sudo=False
    )
    beneficiary_id = fields.Many2one(
        "inclusion.beneficiary",
        string="Recipient",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
        groups="inclusion_numerique.group_mediator",
    )
    # Stored copy of the recipient's contact: accountants see who paid, not the social file.
    partner_id = fields.Many2one(
        "res.partner",
        string="Recipient contact",
        compute="_compute_partner_id",
        store=True,
        compute_sudo=True,
        index=True,
        check_company=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    # Who handed the equipment over for the structure, named on the receipt: by default
    # whoever records it (existing receipts: whoever recorded them).
    user_id = fields.Many2one(
        "res.users",
        string="Handed over by",
        default=lambda self: self.env.user,
        tracking=True,
        check_company=True,
    )
    place_id = fields.Many2one(
        "inclusion.place",
        string="Place of activity",
        default=lambda self: self.env.user.inclusion_place_id,
        check_company=True,
        help="Where the computer is handed over; its programme is the place's by default.",
    )
    programme_id = fields.Many2one(tracking=True)
    mode = fields.Selection(
        [("sold", "Sold"), ("given", "Given"), ("lent", "Lent")],
        required=True,
        default="sold",
        tracking=True,
    )
    return_date = fields.Date(string="Expected return date", tracking=True)
    price = fields.Monetary(compute="_compute_price", store=True, readonly=False, tracking=True)
    payment_method = fields.Selection(
        [
            ("cash", "Cash"),
            ("cheque", "Cheque"),
            ("card", "Card"),
            ("transfer", "Bank transfer"),
        ],
        tracking=True,
    )
    amount_received = fields.Monetary(
        compute="_compute_amount_received",
        store=True,
        readonly=False,
        tracking=True,
    )
    state = fields.Selection(
        [("done", "Handed over"), ("returned", "Returned"), ("cancelled", "Cancelled")],
        required=True,
        default="done",
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    cancel_reason = fields.Text(readonly=True, copy=False)
    note = fields.Text(string="Conditions and notes")

    def _auto_init(self):
        # Receipts issued before the field existed were handed over by whoever recorded
        # them: set in one UPDATE, so that an upgrade writes no chatter line per receipt.
        cr = self.env.cr
        if sql.table_exists(cr, self._table) and not sql.column_exists(cr, self._table, "user_id"):
            sql.create_column(cr, self._table, "user_id", "int4")
            cr.execute(SQL("UPDATE %s SET user_id = create_uid", SQL.identifier(self._table)))
        return super()._auto_init()

    def init(self):
        # The database, not the ORM, guarantees a single active handover per equipment:
        # two users saving at the same moment cannot both succeed.
        self.env.cr.execute(
            f"""CREATE UNIQUE INDEX IF NOT EXISTS {self._table}_active_equipment_uniq
                ON {self._table} (equipment_id) WHERE state = 'done'"""
        )

    @api.depends("beneficiary_id.partner_id", "beneficiary_id.company_id", "company_id")
    def _compute_partner_id(self):
        for handover in self:
            beneficiary = handover.beneficiary_id
            # Computed as superuser: only a recipient of the handover's company is copied,
            # so that an `onchange` with another company's beneficiary reveals nothing.
            same_company = beneficiary.company_id == (handover.company_id or self.env.company)
            handover.partner_id = beneficiary.partner_id if same_company else False

    @api.depends("mode", "company_id")
    def _compute_price(self):
        for handover in self:
            handover.price = handover._settings_price()

    def _settings_price(self):
        """Price of the settings: a sale at the company's price, nothing otherwise."""
        self.ensure_one()
        company = self.company_id or self.env.company
        return company.inclusion_equipment_price if self.mode == "sold" else 0.0

    @api.depends("price")
    def _compute_amount_received(self):
        for handover in self:
            handover.amount_received = handover.price

    @api.constrains("price", "amount_received")
    def _check_amounts(self):
        for handover in self:
            if handover.price < 0 or handover.amount_received < 0:
                raise ValidationError(
                    self.env._("The price and the amount received cannot be negative.")
                )
            if handover.currency_id.compare_amounts(handover.amount_received, handover.price) > 0:
                raise ValidationError(self.env._("The amount received cannot exceed the price."))

    @api.constrains("date")
    def _check_date(self):
        # The date of the handover is also the date of its payment.
        for handover in self:
            if handover.date > fields.Date.context_today(handover):
                raise ValidationError(
                    self.env._("The date of a handover cannot be in the future.")
                )

    @api.constrains("mode", "payment_method", "return_date", "price")
    def _check_mode(self):
        for handover in self:
            if handover.mode == "sold" and handover.price and not handover.payment_method:
                raise ValidationError(self.env._("Choose how the sale was paid."))
            if handover.mode == "lent" and not handover.return_date:
                raise ValidationError(self.env._("Set the expected return date of the loan."))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self.check_access("create")
            for vals in vals_list:
                # A new handover is "done"; empty values set nothing.
                self._check_action_fields(
                    {
                        name
                        for name, value in vals.items()
                        if value and (name, value) != ("state", "done")
                    }
                )
        equipment_ids = [vals.get("equipment_id") for vals in vals_list]
        equipments = self.env["inclusion.equipment"].browse(equipment_ids)
        for vals, equipment in zip(vals_list, equipments, strict=True):
            self._check_can_hand_over(equipment, vals.get("beneficiary_id"))
            vals["name"] = self._next_receipt_number(equipment.company_id)
        # Pending state changes (cancellation, return) must reach the unique index first.
        self.flush_model(["state"])
        try:
            handovers = super().create(vals_list)
            handovers.flush_model()
        except UniqueViolation as error:
            raise ValidationError(
                self.env._("This equipment has just been handed over by another user.")
            ) from error
        if not self.env.su:
            handovers._check_price_rights(vals_list)
        handovers.equipment_id._write_state({"state": "handed_over", "reserved_for_id": False})
        return handovers

    def _check_price_rights(self, vals_list):
        """Only managers and accountants sell at another price than the settings'."""
        if self.env.user.has_groups(PRICE_GROUPS):
            return
        for handover, vals in zip(self, vals_list, strict=True):
            settings_price = handover._settings_price()
            if "price" in vals and handover.currency_id.compare_amounts(
                handover.price, settings_price
            ):
                raise AccessError(
                    self.env._("Only managers and accountants can change the sale price.")
                )

    def _check_can_hand_over(self, equipment, beneficiary_id):
        # Read with the user's rights: another company's equipment is refused unread, and
        # the company of the recipient is checked by `check_company`.
        if equipment.state == "reserved" and equipment.reserved_for_id.id != beneficiary_id:
            raise UserError(
                self.env._(
                    "%(equipment)s is reserved for %(beneficiary)s.",
                    equipment=equipment.name,
                    beneficiary=equipment.reserved_for_id.name,
                )
            )
        if equipment.state not in ("ready", "reserved"):
            state_labels = dict(equipment._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "%(equipment)s cannot be handed over: it is %(state)s.",
                    equipment=equipment.name,
                    state=state_labels[equipment.state].lower(),
                )
            )

    @api.model
    def _next_receipt_number(self, company):
        # Users have no rights on sequences: the receipt numbering is the only use.
        sequences = self.env["ir.sequence"].sudo()
        sequence = sequences.search(
            [("code", "=", RECEIPT_SEQUENCE_CODE), ("company_id", "=", company.id)], limit=1
        )
        if not sequence:
            sequence = sequences.create(
                {
                    "name": self.env._("Equipment receipts (%s)", company.name),
                    "code": RECEIPT_SEQUENCE_CODE,
                    "company_id": company.id,
                    "prefix": "REC/%(year)s/",
                    "padding": 5,
                }
            )
        return sequence.next_by_id()

    def write(self, vals):
        if not self.env.su:
            self._check_write_rights(set(vals))
        return super().write(vals)

    def _action_fields(self):
        """Fields that only the actions (handover, cancellation, return) set."""
        return {"state", "cancel_reason"}

    def _check_action_fields(self, changed):
        if changed & self._action_fields():
            raise UserError(
                self.env._(
                    "The status, the cancellation and the accounting documents of a handover "
                    "change only through its actions."
                )
            )

    def _check_write_rights(self, changed):
        self._check_action_fields(changed)
        user = self.env.user
        if changed & PAYMENT_FIELDS and not user.has_group(
            "inclusion_numerique.group_equipment_accounting"
        ):
            raise AccessError(
                self.env._("Only accountants can change the payment of an issued receipt.")
            )
        if changed - PAYMENT_FIELDS - FOLLOW_UP_FIELDS:
            raise UserError(
                self.env._(
                    "An issued receipt cannot be modified: cancel the handover and record "
                    "a new one."
                )
            )
        if changed & FOLLOW_UP_FIELDS:
            self._check_mediator()

    def _check_mediator(self):
        if not self.env.user.has_group("inclusion_numerique.group_mediator"):
            raise AccessError(self.env._("Only mediators can follow up a handover."))
        self.check_access("write")

    def _write_state(self, vals):
        """Write the status change of an action; `write` refuses it to users."""
        self._check_mediator()
        # The user's role and access were checked above; `write` refuses statuses to users.
        self.sudo().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A receipt is never deleted: cancel the handover instead."))

    def action_cancel(self, reason):
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for the cancellation."))
        if any(handover.state != "done" for handover in self):
            raise UserError(self.env._("Only a current handover can be cancelled."))
        self._write_state({"state": "cancelled", "cancel_reason": reason})
        self.equipment_id._write_state({"state": "ready"})
        for handover in self:
            handover.message_post(
                body=self.env._(
                    "Receipt %(receipt)s voided: %(reason)s", receipt=handover.name, reason=reason
                )
            )

    def action_open_cancel_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Cancel the handover"),
            "res_model": "inclusion.equipment.handover.cancel",
            "view_mode": "form",
            "target": "new",
            "context": {"default_handover_ids": self.ids},
        }

    def action_mark_returned(self):
        if any(handover.state != "done" or handover.mode != "lent" for handover in self):
            raise UserError(self.env._("Only lent equipment can be returned."))
        self._write_state({"state": "returned"})
        self.equipment_id._write_state({"state": "returned"})

    def action_print_certificate(self):
        return self.env.ref(
            "inclusion_numerique_equipment.action_report_equipment_handover"
        ).report_action(self)

    def _get_invoice_reference(self):
        """Invoice shown in the sales export; the accounting bridge fills it in."""
        self.ensure_one()
        return ""
