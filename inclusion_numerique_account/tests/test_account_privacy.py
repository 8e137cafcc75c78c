from odoo.addons.inclusion_numerique_equipment.tests.common import EquipmentCase
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestAccountPrivacy(EquipmentCase):
    def test_invoices_keep_their_customer_when_the_person_is_anonymised(self):
        handover = self._hand_over(self._new_equipment("SN-INV-RGPD"), mode="given")
        invoice = self.env["account.move"].create(
            {"move_type": "out_invoice", "partner_id": self.fatou.partner_id.id}
        )
        partner = self.fatou.partner_id
        self.fatou.with_user(self.manager).action_anonymise()
        self.assertEqual(invoice.partner_id, partner)
        self.assertEqual(partner.name, "Fatou Diallo")
        self.assertNotEqual(self.fatou.with_context(active_test=False).partner_id, partner)
        self.assertFalse(handover.note)
