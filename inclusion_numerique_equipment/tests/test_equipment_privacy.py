from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import EquipmentCase


@tagged("post_install", "-at_install")
class TestEquipmentPrivacy(EquipmentCase):
    def test_pending_handover_blocks_the_erasure_in_french(self):
        reserved = self._new_equipment("SN-RES", reserved_for_id=self.fatou.id)
        reserved.action_reserve()
        lent = self._hand_over(
            self._new_equipment("SN-LENT"), self.kevin, mode="lent", return_date="2027-01-04"
        )
        for person, reason in (
            (self.fatou, "un ordinateur lui est réservé"),
            (self.kevin, "un ordinateur prêté n'a pas été rendu"),
        ):
            with self.subTest(person=person.name), self.assertRefused(UserError, reason):
                person.with_user(self.manager).action_anonymise()
            self.assertFalse(person.is_anonymised)
            self.assertIn(person.name, ("Fatou Diallo", "Kevin Martin"))
        # Once the computer is back, nothing blocks the erasure any more.
        lent.with_user(self.mediator).action_mark_returned()
        self.assertNotIn(self.kevin, self.kevin._privacy_erasure_blockers())

    def test_receipts_keep_their_recipient_when_the_person_is_anonymised(self):
        sale = self._hand_over(self._new_equipment("SN-SOLD"), note="Paiera en deux fois")
        partner = self.fatou.partner_id
        sale.message_post(body="Reçu remis en main propre à Fatou")
        self.fatou.with_user(self.manager).action_anonymise()
        person = self.fatou.with_context(active_test=False)
        self.assertTrue(person.is_anonymised)
        self.assertNotEqual(person.partner_id, partner)
        self.assertNotIn("Fatou", person.partner_id.name)
        # The receipt still names who paid, without phone or e-mail; its free note goes.
        self.assertEqual(sale.partner_id, partner)
        self.assertEqual(partner.name, "Fatou Diallo")
        self.assertFalse(partner.active or partner.phone or partner.email)
        self.assertFalse(sale.note)
        self.assertFalse(sale.message_ids.filtered(lambda m: "Fatou" in (m.body or "")))

    def test_handovers_count_as_activity_and_appear_in_the_access_export(self):
        sale = self._hand_over(self._new_equipment("SN-ACC"), date="2025-02-03")
        self.assertEqual(str(self.fatou.last_activity_date), "2025-02-03")
        data = self.fatou.with_user(self.manager)._privacy_access_data()
        section = next(s for s in data["sections"] if s["key"] == "handovers")
        self.assertEqual(section["records"][0]["name"], sale.name)
        self.assertEqual(section["title"], "Remises de matériel")
