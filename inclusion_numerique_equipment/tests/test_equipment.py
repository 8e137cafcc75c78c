from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.service.model import _as_validation_error
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import EquipmentCase


@tagged("post_install", "-at_install")
class TestEquipment(EquipmentCase):
    def test_lifecycle_with_history(self):
        equipment = self._new_equipment("SN-LIFE", state="received")
        self._flush_tracking()  # Odoo does not track changes of records created in the transaction
        self.assertEqual(equipment.name, "Lenovo ThinkPad T470 (SN-LIFE)")
        equipment.with_user(self.mediator).action_set_ready()
        self._flush_tracking()
        equipment.with_user(self.mediator).reserved_for_id = self.fatou
        equipment.with_user(self.mediator).action_reserve()
        self.assertEqual(equipment.state, "reserved")
        self._flush_tracking()
        handover = self._hand_over(equipment)
        self.assertEqual(equipment.state, "handed_over")
        self.assertFalse(equipment.reserved_for_id)
        self.assertEqual(equipment.handover_count, 1)
        self._flush_tracking()
        tracked_states = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "inclusion.equipment"),
                ("mail_message_id.res_id", "=", equipment.id),
                ("field_id.name", "=", "state"),
            ]
        )
        self.assertEqual(
            tracked_states.sorted("id").mapped("new_value_char"), ["Prêt", "Réservé", "Remis"]
        )
        with self.assertRaisesRegex(UserError, "ne peut pas être mis au rebut"):
            equipment.with_user(self.mediator).action_scrap()
        handover.with_user(self.mediator).action_cancel("L'ordinateur ne démarre pas")
        self.assertEqual(equipment.state, "ready")
        equipment.with_user(self.mediator).action_scrap()
        self.assertEqual(equipment.state, "scrapped")

    def test_serial_number_unique_per_company(self):
        self._new_equipment("SN-DUP")
        self._new_equipment("SN-DUP", company_id=self.company_b.id)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError) as caught:
            with self.env.cr.savepoint():
                self._new_equipment("SN-DUP")
        message = _as_validation_error(self.env, caught.exception).args[0]
        self.assertIn("numéro de série est déjà enregistré", message)

    def test_sale_uses_price_from_settings_and_company_receipts(self):
        self.company.inclusion_equipment_price = 25
        handover = self._hand_over(self._new_equipment("SN-SALE"))
        self.assertEqual(
            (handover.mode, handover.price, handover.amount_received), ("sold", 25, 25)
        )
        self.assertRegex(handover.name, r"^REC/\d{4}/\d{5}$")
        self.assertEqual(handover.partner_id, self.fatou.partner_id)
        second = self._hand_over(self._new_equipment("SN-SALE-2"), self.kevin)
        self.assertEqual(int(second.name[-5:]), int(handover.name[-5:]) + 1)
        beneficiary_b = self.env["inclusion.beneficiary"].create(
            {"name": "Inès Garcia", "company_id": self.company_b.id}
        )
        gift = self._hand_over(
            self._new_equipment("SN-GIFT", company_id=self.company_b.id),
            beneficiary_b,
            user=self.mediator_b,
            mode="given",
        )
        self.assertEqual(gift.price, 0)
        sequences = self.env["ir.sequence"].search([("code", "=", "inclusion.equipment.handover")])
        self.assertEqual(sequences.company_id, self.company | self.company_b)

    def test_bad_input_saves_nothing(self):
        equipment = self._new_equipment("SN-BAD")
        handovers = self.env["inclusion.equipment.handover"]
        with self.assertRaisesRegex(ValidationError, "ne peuvent pas être négatifs"):
            with self.env.cr.savepoint():
                self._hand_over(equipment, price=-20)
        with self.assertRaisesRegex(ValidationError, "mode de paiement"):
            with self.env.cr.savepoint():
                self._hand_over(equipment, payment_method=False)
        with self.assertRaisesRegex(ValidationError, "date de retour"):
            with self.env.cr.savepoint():
                self._hand_over(equipment, mode="lent")
        scrapped = self._new_equipment("SN-SCRAP", state="scrapped")
        with self.assertRaisesRegex(UserError, "ne peut pas être remis : il est mis au rebut"):
            self._hand_over(scrapped)
        reserved = self._new_equipment("SN-RES", state="reserved", reserved_for_id=self.kevin.id)
        with self.assertRaisesRegex(UserError, "est réservé pour Kevin Martin"):
            self._hand_over(reserved)
        elsewhere = self._new_equipment("SN-ELSEWHERE", company_id=self.company_b.id)
        # Odoo's company check runs once the record is written: the savepoint undoes it.
        with self.assertRefused(UserError, "enregistrement d'une autre structure"):
            self._hand_over(elsewhere, user=self.env.ref("base.user_root"))
        self.assertFalse(
            handovers.search(
                [("equipment_id", "in", (equipment | scrapped | reserved | elsewhere).ids)]
            )
        )
        self.assertEqual(equipment.state, "ready")
        self.assertEqual(reserved.state, "reserved")
        self._hand_over(reserved, self.kevin)
        with self.assertRaisesRegex(UserError, "ne peut pas être remis : il est remis"):
            self._hand_over(reserved, self.kevin)

    def test_cancellation_voids_the_receipt_without_deleting_it(self):
        equipment = self._new_equipment("SN-CANCEL")
        handover = self._hand_over(equipment)
        wizard = (
            self.env["inclusion.equipment.handover.cancel"]
            .with_user(self.mediator)
            .create({"handover_ids": [Command.set(handover.ids)], "reason": " "})
        )
        with self.assertRaisesRegex(UserError, "motif de l'annulation"):
            wizard.action_confirm()
        wizard.reason = "Erreur de destinataire"
        wizard.action_confirm()
        self.assertEqual(
            (handover.state, handover.cancel_reason), ("cancelled", "Erreur de destinataire")
        )
        self.assertEqual(equipment.state, "ready")
        with self.assertRaises(AccessError):
            handover.with_user(self.manager).unlink()
        with self.assertRaisesRegex(UserError, "jamais supprimé"):
            handover.sudo().unlink()
        self.assertTrue(handover.exists())
        with self.assertRaisesRegex(UserError, "remise en cours"):
            handover.with_user(self.mediator).action_cancel("deux fois")
        self.assertEqual(self._hand_over(equipment, self.kevin).state, "done")

    def test_loan_and_return(self):
        equipment = self._new_equipment("SN-LOAN")
        loan = self._hand_over(
            equipment, mode="lent", return_date="2030-01-31", payment_method=False
        )
        self.assertEqual(loan.price, 0)
        loan.with_user(self.mediator).action_mark_returned()
        self.assertEqual((loan.state, equipment.state), ("returned", "returned"))
        equipment.with_user(self.mediator).action_set_ready()
        self._hand_over(equipment, self.kevin)

    def test_certificate_pdf(self):
        handover = self._hand_over(self._new_equipment("SN-PDF"))
        action = handover.with_user(self.mediator).action_print_certificate()
        self.assertEqual(
            action["report_name"], "inclusion_numerique_equipment.report_equipment_handover"
        )
        reports = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, report_type = reports.with_user(self.mediator)._render_qweb_pdf(
            "inclusion_numerique_equipment.action_report_equipment_handover", handover.ids
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        html = reports._render_qweb_html(
            "inclusion_numerique_equipment.action_report_equipment_handover", handover.ids
        )[0].decode()
        for expected in ("Attestation de remise", "SN-PDF", "Fatou Diallo", "Signature"):
            self.assertIn(expected, html)

    def test_ledger_and_stock_group_by_month_method_donor_state(self):
        self._hand_over(self._new_equipment("SN-L1"), payment_method="cash")
        self._hand_over(self._new_equipment("SN-L2"), self.kevin, payment_method="card")
        self._new_equipment("SN-L3")
        ledger = self.env["inclusion.equipment.handover"].with_user(self.accountant)
        groups = ledger._read_group(
            [("donor_id", "=", self.donor.id)],
            ["date:month", "payment_method", "donor_id"],
            ["amount_received:sum"],
        )
        self.assertEqual(
            {(method, total) for _month, method, _donor, total in groups},
            {("cash", 20), ("card", 20)},
        )
        stock = (
            self.env["inclusion.equipment"]
            .with_user(self.accountant)
            ._read_group([("donor_id", "=", self.donor.id)], ["state", "donor_id"], ["__count"])
        )
        self.assertEqual(
            {(state, count) for state, _donor, count in stock}, {("handed_over", 2), ("ready", 1)}
        )


@tagged("post_install", "-at_install")
class TestEquipmentSecurity(EquipmentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.equipment = cls._new_equipment("SN-SEC")

    def test_accountant_reads_sales_without_social_data(self):
        handover = self._hand_over(self.equipment)
        as_accountant = handover.with_user(self.accountant)
        self.assertEqual(as_accountant.partner_id.name, "Fatou Diallo")
        self.assertEqual(self.equipment.with_user(self.accountant).serial_number, "SN-SEC")
        with self.assertRaises(AccessError):
            as_accountant.read(["beneficiary_id"])
        with self.assertRaises(AccessError):
            self.fatou.with_user(self.accountant).read(["name"])
        with self.assertRaises(AccessError):
            self.equipment.with_user(self.accountant).read(["reserved_for_id"])
        self.assertNotIn("beneficiary_id", as_accountant.fields_get())

    def test_accountant_manages_payment_fields_only(self):
        handover = self._hand_over(
            self._new_equipment("SN-PAY"), mode="given", payment_method=False
        )
        as_accountant = handover.with_user(self.accountant)
        as_accountant.write({"payment_method": "card"})
        self.assertEqual(handover.payment_method, "card")
        with self.assertRaisesRegex(ValidationError, "ne peut pas dépasser le prix"):
            as_accountant.write({"amount_received": 5})
        with self.assertRaisesRegex(UserError, "reçu émis ne peut pas être modifié"):
            as_accountant.write({"date": "2020-01-01"})
        with self.assertRaises(AccessError):
            as_accountant.action_cancel("Pas le droit")
        with self.assertRaises(AccessError):
            self._hand_over(self._new_equipment("SN-ACC"), user=self.accountant)
        with self.assertRaises(AccessError):
            self.equipment.with_user(self.accountant).write({"brand": "Dell"})
        with self.assertRaises(AccessError):
            self.env["inclusion.equipment"].with_user(self.accountant).create(
                {"brand": "Dell", "serial_number": "SN-NEW"}
            )

    def test_mediator_cannot_change_issued_accounting_data(self):
        handover = self._hand_over(self.equipment).with_user(self.mediator)
        with self.assertRaisesRegex(AccessError, "Seuls les comptables"):
            handover.write({"amount_received": 0})
        with self.assertRaisesRegex(UserError, "reçu émis ne peut pas être modifié"):
            handover.write({"price": 0})
        with self.assertRaises(AccessError):
            handover.unlink()
        with self.assertRaises(AccessError):
            self.equipment.with_user(self.mediator).unlink()
        handover.note = "Sacoche fournie"

    def test_other_roles_and_companies_are_denied(self):
        handover = self._hand_over(self.equipment)
        for user in (self.adviser, self.employee_user):
            with self.assertRaises(AccessError):
                self.equipment.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                handover.with_user(user).read(["name"])
        with self.assertRaises(AccessError):
            self.equipment.with_user(self.mediator_b).read(["name"])
        with self.assertRaises(AccessError):
            handover.with_user(self.mediator_b).read(["name"])
        self.assertFalse(
            self.env["inclusion.equipment"]
            .with_user(self.mediator_b)
            .search([("id", "=", self.equipment.id)])
        )
