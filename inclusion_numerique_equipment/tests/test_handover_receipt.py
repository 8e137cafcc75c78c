from datetime import date

from odoo.addons.inclusion_numerique.tests.common import STRUCTURE, render_pdf_pages
from odoo.tests import tagged

from .common import EquipmentCase

RECEIPT = "inclusion_numerique_equipment.action_report_equipment_handover"


@tagged("post_install", "-at_install")
class TestHandoverReceipt(EquipmentCase):
    def test_batch_of_receipts_name_the_seller(self):
        self.company.write(STRUCTURE)
        self.mediator.name = "Sophie Marchal"
        sale = self._hand_over(self._new_equipment("SN-R1"), date=date(2026, 3, 12))
        gift = self._hand_over(
            self._new_equipment("SN-R2"), self.kevin, mode="given", date=date(2026, 3, 13)
        )
        self.assertEqual(sale.user_id, self.mediator)

        pages = render_pdf_pages(RECEIPT, sale | gift, self.mediator)
        self.assertEqual(len(pages), 2)
        for page in pages:
            self.assertStructurePage(page)
            self.assertIn(f"{STRUCTURE['name']}, représentée par Sophie Marchal", page)
        self.assertIn("Vendeur", pages[0])
        self.assertIn("20,00 €", pages[0])
        self.assertIn("Fait à Carcassonne le 12 mars 2026.", pages[0])
        self.assertIn("Remis par", pages[1])
        self.assertIn("Fait à Carcassonne le 13 mars 2026.", pages[1])
