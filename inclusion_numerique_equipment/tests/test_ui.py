from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_mediator_hands_over_a_computer_and_prints_the_certificate(self):
        new_test_user(
            self.env,
            login="tour_equipment_mediator",
            groups="inclusion_numerique.group_mediator",
            lang="fr_FR",
        )
        fatou = self.env["inclusion.beneficiary"].create({"name": "Fatou Tour"})
        equipment = self.env["inclusion.equipment"].create(
            {
                "brand": "Dell",
                "model_name": "Latitude 5490",
                "serial_number": "SN-TOUR",
                "state": "ready",
            }
        )
        self.start_tour(
            "/odoo", "inclusion_numerique_equipment_handover", login="tour_equipment_mediator"
        )
        handover = equipment.handover_ids
        self.assertEqual((handover.beneficiary_id, handover.price), (fatou, 20))
        self.assertEqual((handover.payment_method, equipment.state), ("cash", "handed_over"))
