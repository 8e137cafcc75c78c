from odoo import Command, api, fields, models
from odoo.addons.inclusion_numerique_equipment.models.inclusion_equipment_handover import (
    PAYMENT_FIELDS,
)
from odoo.exceptions import UserError

ACCOUNTING_GROUP = "account.group_account_invoice"
# Set by the sale and the cancellation only.
ACCOUNTING_LINKS = {"invoice_id", "payment_id", "credit_note_id"}


class InclusionEquipmentHandover(models.Model):
    _inherit = "inclusion.equipment.handover"

    invoice_id = fields.Many2one(
        "account.move", readonly=True, copy=False, check_company=True, groups=ACCOUNTING_GROUP
    )
    payment_id = fields.Many2one(
        "account.payment", readonly=True, copy=False, check_company=True, groups=ACCOUNTING_GROUP
    )
    credit_note_id = fields.Many2one(
        "account.move",
        string="Credit note",
        readonly=True,
        copy=False,
        check_company=True,
        groups=ACCOUNTING_GROUP,
    )

    @api.model_create_multi
    def create(self, vals_list):
        # The role, price, amount and date of each sale are checked by the creation.
        handovers = super().create(vals_list)
        sales = handovers.filtered(lambda handover: handover.mode == "sold" and handover.price)
        # Mediators have no accounting rights: the invoice of the checked sale is posted for them.
        sales.sudo()._create_invoices()
        return handovers

    def _create_invoices(self):
        invoices = self.env["account.move"].create(
            [handover._prepare_invoice_values() for handover in self]
        )
        invoices.action_post()
        for handover, invoice in zip(self, invoices, strict=True):
            handover.invoice_id = invoice
            if handover.amount_received:
                handover.payment_id = handover._register_payment(invoice)

    def _prepare_invoice_values(self):
        self.ensure_one()
        company = self.company_id
        product = company.inclusion_equipment_product_id or self.env.ref(
            "inclusion_numerique_account.product_refurbished_equipment"
        )
        line = {
            "product_id": product.id,
            "name": self.equipment_id.name,
            "quantity": 1,
            "price_unit": self.price,
            "tax_ids": [Command.set(company.inclusion_equipment_tax_id.ids)],
        }
        if company.inclusion_equipment_income_account_id:
            line["account_id"] = company.inclusion_equipment_income_account_id.id
        return {
            "move_type": "out_invoice",
            "company_id": company.id,
            "partner_id": self.partner_id.id,
            "invoice_date": self.date,
            "ref": self.name,
            "invoice_origin": self.name,
            "invoice_line_ids": [Command.create(line)],
        }

    def _payment_journal(self):
        self.ensure_one()
        company = self.company_id
        if self.payment_method == "cash":
            journal, journal_type = company.inclusion_equipment_cash_journal_id, "cash"
        else:
            journal, journal_type = company.inclusion_equipment_bank_journal_id, "bank"
        journal = journal or self.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", journal_type)], limit=1
        )
        if not journal:
            journal_types = dict(journal._fields["type"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "No journal of type %(type)s in %(company)s to register the payment.",
                    type=journal_types[journal_type],
                    company=company.name,
                )
            )
        return journal

    def _register_payment(self, invoice):
        wizard = (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create(
                {
                    "journal_id": self._payment_journal().id,
                    "amount": self.amount_received,
                    "payment_date": self.date,
                    "communication": self.name,
                }
            )
        )
        return wizard._create_payments()

    def _action_fields(self):
        return super()._action_fields() | ACCOUNTING_LINKS

    def _check_write_rights(self, changed):
        result = super()._check_write_rights(changed)
        # Reached by accountants only (the payment of others is refused above).
        if changed & PAYMENT_FIELDS and self.invoice_id.filtered(
            lambda invoice: invoice.state == "posted"
        ):
            raise UserError(
                self.env._(
                    "The invoice of this sale is posted: correct the payment in Accounting."
                )
            )
        return result

    def action_cancel(self, reason):
        result = super().action_cancel(reason)
        # The cancellation checked the user's role: the credit note is posted for mediators.
        self.sudo()._create_credit_notes()
        return result

    def _create_credit_notes(self):
        for handover in self.filtered("invoice_id"):
            credit_note = handover.invoice_id._reverse_moves(
                [{"ref": handover.name, "invoice_date": fields.Date.context_today(handover)}]
            )
            credit_note.action_post()
            handover.credit_note_id = credit_note

    def _get_invoice_reference(self):
        return self.invoice_id.name or super()._get_invoice_reference()
