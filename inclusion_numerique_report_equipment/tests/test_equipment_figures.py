from datetime import date

from odoo.addons.inclusion_numerique_report.tests.common import PERIOD, ReportCase
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestEquipmentFigures(ReportCase):
    """Equipment handovers in the yearly report."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_equipment()

    @classmethod
    def _create_equipment(cls):
        """Handovers of 2015: two sales (one partly paid), a gift, a loan, a cancelled
        sale; and a sale of 2014."""
        donor = cls.env["res.partner"].create({"name": "Ecodair", "is_company": True})
        equipment = cls.env["inclusion.equipment"].create(
            [
                {
                    "equipment_type": "laptop",
                    "brand": "Lenovo",
                    "model_name": "ThinkPad T470",
                    "serial_number": f"SN-{index}",
                    "donor_id": donor.id,
                    "state": "ready",
                }
                for index in range(6)
            ]
        )
        values = [
            {"date": date(2015, 5, 2), "mode": "sold", "payment_method": "cash"},
            {
                "date": date(2015, 6, 2),
                "mode": "sold",
                "payment_method": "cash",
                "amount_received": 15.0,
            },
            {"date": date(2015, 6, 3), "mode": "given"},
            {"date": date(2015, 7, 1), "mode": "lent", "return_date": date(2015, 9, 1)},
            {"date": date(2015, 7, 2), "mode": "sold", "payment_method": "cash"},
            {"date": date(2014, 12, 2), "mode": "sold", "payment_method": "cash"},
        ]
        cls.handovers = cls.env["inclusion.equipment.handover"].create(
            [
                {"equipment_id": item.id, "beneficiary_id": cls.fatima.id, **vals}
                for item, vals in zip(equipment, values, strict=True)
            ]
        )
        cls.handovers[4].write({"state": "cancelled"})

    def test_equipment_figures(self):
        figures = self._wizard()._get_figures()
        handed = self.handovers.filtered(
            lambda h: h.state != "cancelled" and PERIOD[0] <= h.date <= PERIOD[1]
        )
        sold = handed.filtered(lambda h: h.mode == "sold")
        self.assertEqual(
            figures["equipment"],
            {
                "handed_over": len(handed),
                "sold": len(sold),
                "given": len(handed.filtered(lambda h: h.mode == "given")),
                "lent": len(handed.filtered(lambda h: h.mode == "lent")),
                "amount_sold": sum(sold.mapped("price")),
                "amount_received": sum(handed.mapped("amount_received")),
            },
        )
        self.assertEqual(
            (figures["equipment"]["handed_over"], figures["equipment"]["sold"]), (4, 2)
        )

    def test_programme_place_and_mediator_filters(self):
        """Computers count for their programme against its target, and the place and
        mediator filters reach the equipment figures."""
        programme = self.env["inclusion.programme"].create(
            {
                "name": "Reconditionnement solidaire",
                "funder_id": self.env["res.partner"].create({"name": "Région Occitanie"}).id,
                "date_start": date(2015, 1, 1),
                "date_end": date(2015, 12, 31),
                "target_computers": 8,
            }
        )
        self.place_a.programme_id = programme
        # The first two handovers of 2015 were made at the Espace numérique by the mediator.
        self.handovers[:2].write({"place_id": self.place_a.id})
        self.assertEqual(self.handovers[:2].programme_id, programme)
        # Who recorded them (the ORM never writes create_uid).
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE inclusion_equipment_handover SET create_uid = %s WHERE id IN %s",
            [self.mediator.id, tuple(self.handovers[:2].ids)],
        )
        wizard = self._wizard(programme_id=programme.id)
        [(_programme, lines)] = wizard._programme_reports()
        self.assertEqual(lines[-1][1:3], (8, 2))
        for filters, handed_over in (
            ({"place_id": self.place_a.id}, 2),
            ({"place_id": self.place_b.id}, 0),
            ({"mediator_id": self.mediator.id}, 2),
            ({}, 4),
        ):
            with self.subTest(filters=filters):
                figures = self._wizard(**filters)._get_figures()
                self.assertEqual(figures["equipment"]["handed_over"], handed_over)
