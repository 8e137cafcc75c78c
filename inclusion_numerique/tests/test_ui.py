from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_mediator_opens_root_menu(self):
        new_test_user(
            self.env,
            login="tour_mediator",
            groups="inclusion_numerique.group_mediator",
            lang="fr_FR",
        )
        self.start_tour("/odoo", "inclusion_numerique_root_menu", login="tour_mediator")

    def test_mediator_records_drop_in_visit_for_new_beneficiary(self):
        mediator = new_test_user(
            self.env,
            login="tour_drop_in_mediator",
            groups="inclusion_numerique.group_mediator",
            lang="fr_FR",
            tz="Europe/Paris",
        )
        self.start_tour("/odoo", "inclusion_numerique_support_drop_in", login=mediator.login)
        support = self.env["inclusion.support"].search([("mediator_id", "=", mediator.id)])
        self.assertEqual(len(support), 1)
        self.assertEqual(support.beneficiary_id.name, "Awa Traoré")
        self.assertEqual(support.kind, "drop_in")
        self.assertEqual(support.duration, 15)
        self.assertEqual(support.theme_ids, self.env.ref("inclusion_numerique.theme_email"))
        self.assertEqual(support.date, fields.Date.context_today(support.with_user(mediator)))

    def test_manager_answers_access_and_erasure_requests(self):
        manager = new_test_user(
            self.env,
            login="tour_privacy_manager",
            groups="inclusion_numerique.group_manager",
            lang="fr_FR",
            tz="Europe/Paris",
        )
        person = self.env["inclusion.beneficiary"].create(
            {"name": "Jeanne Petit", "phone": "06 45 67 89 01", "consent_date": "2025-03-04"}
        )
        self.start_tour(
            f"/odoo/action-inclusion_numerique.inclusion_beneficiary_action/{person.id}",
            "inclusion_numerique_privacy_requests",
            login=manager.login,
        )
        person = person.with_context(active_test=False)
        self.assertTrue(person.is_anonymised)
        self.assertFalse(person.phone)
        actions = (
            self.env["inclusion.privacy.log"]
            .search([("beneficiary_id", "=", person.id), ("user_id", "=", manager.id)])
            .mapped("action")
        )
        self.assertEqual(sorted(set(actions)), ["anonymisation", "export", "open", "print"])
