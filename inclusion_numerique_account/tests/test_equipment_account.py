from odoo import Command
from odoo.addons.inclusion_numerique_equipment.tests.common import EquipmentCase
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestEquipmentAccount(EquipmentCase):
    def test_sale_becomes_a_paid_invoice_without_tax(self):
        handover = self._hand_over(self._new_equipment("SN-INV"))
        invoice = handover.invoice_id
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.partner_id, self.fatou.partner_id)
        self.assertEqual(
            (invoice.amount_untaxed, invoice.amount_tax, invoice.amount_total), (20, 0, 20)
        )
        self.assertEqual(
            invoice.invoice_line_ids.product_id,
            self.env.ref("inclusion_numerique_account.product_refurbished_equipment"),
        )
        self.assertEqual(handover.payment_id.journal_id.type, "cash")
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        cheque = self._hand_over(
            self._new_equipment("SN-CHQ"), self.kevin, payment_method="cheque"
        )
        self.assertEqual(cheque.payment_id.journal_id.type, "bank")

    def test_configured_product_account_and_tax(self):
        tax = self.env["account.tax"].create(
            {
                "name": "TVA 20 % test",
                "amount": 20,
                "type_tax_use": "sale",
                "price_include_override": "tax_included",
            }
        )
        account = self.env["account.account"].search(
            [("account_type", "=", "income_other"), ("company_ids", "in", self.company.id)],
            limit=1,
        )
        product = self.env["product.product"].create({"name": "Tablette reconditionnée"})
        self.company.write(
            {
                "inclusion_equipment_product_id": product.id,
                "inclusion_equipment_income_account_id": account.id,
                "inclusion_equipment_tax_id": tax.id,
            }
        )
        line = self._hand_over(self._new_equipment("SN-CONF")).invoice_id.invoice_line_ids
        self.assertEqual((line.product_id, line.account_id, line.tax_ids), (product, account, tax))
        self.assertAlmostEqual(line.move_id.amount_total, 20)

    def test_gift_has_no_invoice(self):
        gift = self._hand_over(self._new_equipment("SN-GIFT"), mode="given", payment_method=False)
        self.assertFalse(gift.invoice_id)

    def test_cancellation_issues_a_credit_note(self):
        handover = self._hand_over(self._new_equipment("SN-REFUND"))
        handover.with_user(self.mediator).action_cancel("Écran cassé")
        credit_note = handover.credit_note_id
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(credit_note.state, "posted")
        self.assertEqual(credit_note.amount_total, 20)
        self.assertEqual(credit_note.reversed_entry_id, handover.invoice_id)
        self.assertEqual(handover.invoice_id.state, "posted")

    def test_posted_accounting_data_is_locked(self):
        handover = self._hand_over(self._new_equipment("SN-LOCK"))
        with self.assertRaises(AccessError):
            handover.with_user(self.mediator).write({"amount_received": 10})
        with self.assertRaises(AccessError):
            handover.invoice_id.with_user(self.mediator).write({"ref": "modifié"})
        with self.assertRaisesRegex(UserError, "facture de cette vente est validée"):
            handover.with_user(self.accountant).write({"payment_method": "card"})
        self.assertEqual(handover.with_user(self.accountant).invoice_id.amount_total, 20)

    def test_sales_export_shows_the_invoice(self):
        handover = self._hand_over(self._new_equipment("SN-EXP"))
        self.assertEqual(handover._get_invoice_reference(), handover.invoice_id.name)
        self.assertTrue(handover.invoice_id.name.startswith(("FAC", "INV")))

    def test_settings_expose_the_invoicing_choices(self):
        settings = self.env["res.config.settings"].create(
            {
                "inclusion_equipment_cash_journal_id": self.env["account.journal"]
                .search([("type", "=", "cash"), ("company_id", "=", self.company.id)], limit=1)
                .id
            }
        )
        settings.execute()
        self.assertEqual(self.company.inclusion_equipment_cash_journal_id.type, "cash")
        self.assertFalse(self.company.inclusion_equipment_tax_id)
        self.assertEqual(Command.clear(), (5, 0, 0))
