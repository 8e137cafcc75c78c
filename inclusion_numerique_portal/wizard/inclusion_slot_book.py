from odoo import api, fields, models
from odoo.exceptions import UserError


class InclusionSlotBook(models.TransientModel):
    _name = "inclusion.slot.book"
    _description = "Book an appointment slot"

    slot_id = fields.Many2one(
        "inclusion.slot",
        required=True,
        domain="[('is_booked', '=', False), ('start', '>', now)]",
    )
    referral_id = fields.Many2one("inclusion.referral")
    beneficiary_id = fields.Many2one(
        "inclusion.beneficiary",
        string="Person",
        compute="_compute_beneficiary_id",
        store=True,
        readonly=False,
    )
    now = fields.Datetime(default=fields.Datetime.now)

    @api.depends("referral_id")
    def _compute_beneficiary_id(self):
        for wizard in self:
            wizard.beneficiary_id = wizard.referral_id.beneficiary_id or wizard.beneficiary_id

    def action_book(self):
        self.ensure_one()
        self.slot_id.check_access("write")
        # The booking creates the appointment as the system: the people it links must be
        # readable by the mediator who books.
        self.beneficiary_id.check_access("read")
        self.referral_id.check_access("write")
        if not (self.beneficiary_id or self.referral_id):
            raise UserError(self.env._("Choose the person to book the slot for."))
        self.slot_id._book(beneficiary=self.beneficiary_id, referral=self.referral_id)
        return {"type": "ir.actions.act_window_close"}
