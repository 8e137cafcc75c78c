from odoo.addons.inclusion_numerique_equipment.tests.common import (
    EquipmentCase,
    EquipmentHttpCase,
)
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

HANDOVER = "inclusion.equipment.handover"


@tagged("post_install", "-at_install")
class TestAccountAttacks(EquipmentCase):
    """Issue 11, finding 5: invoices, payments and credit notes only through the sale and
    its cancellation, at the price of the settings, as the mediator."""

    def _sell(self, serial, beneficiary=None, **values):
        """A sale by the mediator, read back with every right to check its accounting."""
        return self._hand_over(self._new_equipment(serial), beneficiary, **values).sudo()

    def test_mediator_posts_a_one_cent_invoice_with_5000_cash(self):
        laptop = self._new_equipment("SN-CENT")
        with self.assertRefused(AccessError, "Seuls les responsables et les comptables"):
            self._hand_over(laptop, price=0.01, amount_received=0.01)
        with self.assertRefused(ValidationError, "ne peut pas dépasser le prix"):
            self._hand_over(laptop, amount_received=5000)
        sale = self._hand_over(laptop).sudo()
        self.assertEqual(sale.invoice_id.amount_total, 20)
        self.assertEqual(sale.payment_id.amount, 20)

    def test_manager_sells_at_another_price_and_the_invoice_follows(self):
        sale = self._hand_over(
            self._new_equipment("SN-MGR"), user=self.manager, price=5, amount_received=2
        )
        self.assertEqual(sale.invoice_id.amount_total, 5)
        self.assertEqual(sale.payment_id.amount, 2)
        self.assertEqual(sale.invoice_id.amount_residual, 3)

    def test_mediator_posts_a_sale_dated_in_the_future(self):
        with self.assertRefused(ValidationError, "ne peut pas être dans le futur"):
            self._hand_over(self._new_equipment("SN-FUTURE"), date="2999-01-01")

    def test_mediator_cancels_a_sale_by_writing_its_state(self):
        sale = self._sell("SN-STATE")
        with self.assertRefused(UserError, "ne changent que par ses actions"):
            sale.with_user(self.mediator).write({"state": "cancelled"})
        self.assertEqual(sale.state, "done")
        self.assertFalse(sale.credit_note_id)
        sale.with_user(self.mediator).action_cancel("Erreur de destinataire")
        self.assertEqual(sale.state, "cancelled")
        self.assertEqual(sale.credit_note_id.state, "posted")
        self.assertEqual(sale.credit_note_id.reversed_entry_id, sale.invoice_id)

    def test_accountant_rewires_the_invoice_links(self):
        sale = self._sell("SN-LINK")
        other = self._sell("SN-LINK-2", self.kevin)
        as_accountant = sale.with_user(self.accountant)
        for vals in (
            {"invoice_id": False},
            {"payment_id": other.payment_id.id},
            {"credit_note_id": other.invoice_id.id},
        ):
            with self.assertRefused(UserError, "ne changent que par ses actions"):
                as_accountant.write(vals)
        self.assertEqual(sale.invoice_id.ref, sale.name)
        self.assertFalse(sale.credit_note_id)

    def test_mediator_creates_a_sale_with_an_invoice_of_their_choice(self):
        paid = self._sell("SN-PAID")
        for user in (self.mediator, self.manager):
            with self.assertRefused(UserError, "ne changent que par ses actions"):
                self._hand_over(
                    self._new_equipment(f"SN-FREE-{user.id}"),
                    user=user,
                    invoice_id=paid.invoice_id.id,
                    credit_note_id=paid.invoice_id.id,
                )


@tagged("post_install", "-at_install")
class TestAccountAttacksOverHttp(EquipmentHttpCase):
    def test_mediator_posts_a_one_cent_invoice_with_5000_cash_through_call_kw(self):
        laptop = self._new_equipment("SN-RPC-CENT")
        sale = {
            "equipment_id": laptop.id,
            "beneficiary_id": self.fatou.id,
            "mode": "sold",
            "payment_method": "cash",
        }
        for values, exception, message in (
            ({"price": 0.01, "amount_received": 5000}, ValidationError, "dépasser le prix"),
            ({"price": 0.01, "amount_received": 0.01}, AccessError, "Seuls les responsables"),
            ({"amount_received": 5000}, ValidationError, "dépasser le prix"),
        ):
            reply = self.call_kw("inclusion_mediator", HANDOVER, "create", [{**sale, **values}])
            self.assertRpcError(reply, exception, message)
        reply = self.call_kw("inclusion_mediator", HANDOVER, "create", [sale])
        handover = self.env[HANDOVER].browse(reply["result"])
        self.assertEqual(handover.invoice_id.amount_total, 20)

    def test_mediator_cancels_a_sale_by_writing_its_state_through_call_kw(self):
        sale = self._hand_over(self._new_equipment("SN-RPC-STATE")).sudo()
        reply = self.call_kw(
            "inclusion_mediator", HANDOVER, "write", [sale.ids, {"state": "cancelled"}]
        )
        self.assertRpcError(reply, UserError, "ne changent que par ses actions")
        self.assertEqual(sale.state, "done")
        self.assertFalse(sale.credit_note_id)
