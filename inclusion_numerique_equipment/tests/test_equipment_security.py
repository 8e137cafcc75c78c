from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import EquipmentCase, EquipmentHttpCase

HANDOVER = "inclusion.equipment.handover"


@tagged("post_install", "-at_install")
class TestEquipmentAttacks(EquipmentCase):
    """Each attack of the security audit (issue 11, findings 1 and 5), through the ORM as the
    attacking user, without the accounting add-on's help."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.laptop = cls._new_equipment("SN-ATTACK")

    def _assert_hides_salome(self, error):
        self.assertIn("pas autorisé à consulter", str(error.exception))
        self.assertNotIn("Salomé", str(error.exception))

    # Finding 5: money and statuses outside their workflow

    def test_mediator_sells_at_one_cent(self):
        with self.assertRefused(AccessError, "Seuls les responsables et les comptables"):
            self._hand_over(self.laptop, price=0.01, amount_received=0.01)
        with self.assertRefused(AccessError, "Seuls les responsables et les comptables"):
            self._hand_over(self.laptop, mode="given", price=50, payment_method="cash")
        sale = self._hand_over(self.laptop, price=20)  # the price of the settings
        self.assertEqual((sale.price, sale.amount_received), (20, 20))

    def test_manager_sells_at_another_price(self):
        sale = self._hand_over(self.laptop, user=self.manager, price=5, amount_received=5)
        self.assertEqual((sale.price, sale.amount_received), (5, 5))

    def test_mediator_changes_the_price_of_an_issued_receipt(self):
        sale = self._hand_over(self.laptop)
        for user in (self.mediator, self.manager, self.accountant):
            with self.assertRefused(UserError, "reçu émis ne peut pas être modifié"):
                sale.with_user(user).write({"price": 0.01})

    def test_mediator_records_5000_received_for_a_sale(self):
        for user in (self.mediator, self.manager):
            with self.assertRefused(ValidationError, "ne peut pas dépasser le prix"):
                self._hand_over(self.laptop, user=user, amount_received=5000)
        with self.assertRefused(ValidationError, "ne peuvent pas être négatifs"):
            self._hand_over(self.laptop, amount_received=-1)
        sale = self._hand_over(self.laptop, amount_received=5)  # a partial payment
        self.assertEqual(sale.amount_received, 5)
        # A gift has no invoice, which would lock its payment when accounting is installed.
        gift = self._hand_over(self._new_equipment("SN-GIFT"), mode="given", payment_method=False)
        with self.assertRefused(ValidationError, "ne peut pas dépasser le prix"):
            gift.with_user(self.accountant).write({"amount_received": 5000})

    def test_mediator_dates_a_sale_in_the_future(self):
        tomorrow = fields.Date.context_today(self.laptop) + timedelta(days=1)
        with self.assertRefused(ValidationError, "ne peut pas être dans le futur"):
            self._hand_over(self.laptop, date=tomorrow)
        self.assertEqual(self._hand_over(self.laptop).date, fields.Date.context_today(self.laptop))

    def test_mediator_cancels_a_sale_by_writing_its_state(self):
        sale = self._hand_over(self.laptop).with_user(self.mediator)
        for vals in ({"state": "cancelled"}, {"state": "returned"}, {"cancel_reason": "x"}):
            with self.assertRefused(UserError, "ne changent que par ses actions"):
                sale.write(vals)
        for user in (self.manager, self.accountant):
            with self.assertRefused(UserError, "ne changent que par ses actions"):
                sale.with_user(user).write({"state": "cancelled"})

    def test_mediator_creates_a_handover_already_cancelled(self):
        with self.assertRefused(UserError, "ne changent que par ses actions"):
            self._hand_over(self.laptop, state="cancelled", cancel_reason="déjà annulée")

    def test_mediator_writes_the_state_of_equipment(self):
        scrapped = self._new_equipment("SN-SCRAPPED", state="scrapped")
        with self.assertRefused(UserError, "ne change que par les boutons"):
            scrapped.with_user(self.mediator).write({"state": "ready"})
        with self.assertRefused(UserError, "ne change que par les boutons"):
            self.env["inclusion.equipment"].with_user(self.mediator).create(
                {"brand": "Dell", "serial_number": "SN-FAKE", "state": "handed_over"}
            )
        with self.assertRefused(UserError, "ne peut pas être réservé"):
            scrapped.with_user(self.mediator).write({"reserved_for_id": self.fatou.id})
        received = (
            self.env["inclusion.equipment"]
            .with_user(self.mediator)
            .create({"brand": "Dell", "serial_number": "SN-NEW", "state": "received"})
        )
        received.action_set_ready()
        self.assertEqual(received.state, "ready")

    def test_other_roles_run_the_actions(self):
        with self.assertRaises(AccessError):
            self.laptop.with_user(self.accountant).action_scrap()
        sale = self._hand_over(self.laptop)
        for user in (self.accountant, self.adviser, self.mediator_b):
            with self.assertRaises(AccessError):
                sale.with_user(user).action_cancel("Pas mon rôle")

    # Finding 1: records of another company

    def test_mediator_reserves_equipment_for_another_companys_beneficiary(self):
        with self.assertRaises(AccessError) as error:
            self.laptop.with_user(self.mediator).write({"reserved_for_id": self.salome_b.id})
        self._assert_hides_salome(error)

    def test_mediator_hands_over_to_another_companys_beneficiary(self):
        with self.assertRaises(AccessError) as error:
            self._hand_over(self.laptop, self.salome_b, mode="given", payment_method=False)
        self._assert_hides_salome(error)

    def test_mediator_hands_over_another_companys_equipment(self):
        laptop_b = self._new_equipment("SN-B-SECRET", company_id=self.company_b.id)
        with self.assertRaises(AccessError) as error:
            self._hand_over(laptop_b)
        self.assertNotIn("SN-B-SECRET", str(error.exception))

    def _onchange(self, values, spec):
        self.env.invalidate_all()  # as in a new request: nothing read by the set-up is cached
        handovers = self.env[HANDOVER].with_user(self.mediator)
        return handovers.onchange(values, list(values), spec)

    def test_mediator_probes_another_companys_beneficiary_by_onchange(self):
        with self.assertRaises(AccessError) as error:
            self._onchange(
                {"equipment_id": self.laptop.id, "beneficiary_id": self.salome_b.id},
                {"beneficiary_id": {}, "partner_id": {"fields": {"display_name": {}}}},
            )
        self._assert_hides_salome(error)

    def test_mediator_probes_another_companys_equipment_by_onchange(self):
        laptop_b = self._new_equipment("SN-B-SECRET", company_id=self.company_b.id)
        spec = {
            "equipment_id": {"fields": {"display_name": {}}},
            "serial_number": {},
            "donor_id": {"fields": {"display_name": {}}},
        }
        with self.assertRaises(AccessError) as error:
            self._onchange({"equipment_id": laptop_b.id}, spec)
        self.assertNotIn("SN-B-SECRET", str(error.exception))
        own = self._onchange({"equipment_id": self.laptop.id}, spec)
        self.assertEqual(own["value"]["serial_number"], "SN-ATTACK")


@tagged("post_install", "-at_install")
class TestEquipmentAttacksOverHttp(EquipmentHttpCase):
    def test_mediator_cancels_a_sale_by_writing_its_state_through_call_kw(self):
        sale = self._hand_over(self._new_equipment("SN-RPC"))
        reply = self.call_kw(
            "inclusion_mediator", HANDOVER, "write", [sale.ids, {"state": "cancelled"}]
        )
        self.assertRpcError(reply, UserError, "ne changent que par ses actions")

    def test_mediator_reserves_for_another_companys_beneficiary_through_call_kw(self):
        laptop = self._new_equipment("SN-RPC-RES")
        reply = self.call_kw(
            "inclusion_mediator",
            "inclusion.equipment",
            "write",
            [laptop.ids, {"reserved_for_id": self.salome_b.id}],
        )
        self.assertRpcError(reply, AccessError, "pas autorisé à consulter")
        self.assertNotIn("Salomé", str(reply))
