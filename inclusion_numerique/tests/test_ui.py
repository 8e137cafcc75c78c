from odoo import Command, fields
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
        mediator.inclusion_place_id = self.env["inclusion.place"].create(
            {"name": "France Services"}
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


class DeskTapsMixin:
    """A drop-in morning at the desk, taps counted by the tour (desk_tap_counter.js)."""

    def test_named_and_anonymous_visits_within_the_taps_targets(self):
        place = self.env["inclusion.place"].create({"name": "Espace numérique du Lac"})
        mediator = new_test_user(
            self.env,
            login=f"desk_visit_{self.browser_size}",
            groups="inclusion_numerique.group_mediator",
            lang="fr_FR",
            tz="Europe/Paris",
        )
        mediator.inclusion_place_id = place
        awa, _homonym = self.env["inclusion.beneficiary"].create(
            [
                {"name": "Awa Traoré", "consent_date": "2026-01-05", "birth_year": 1984},
                {"name": "Awa Traoré", "consent_date": "2026-01-05", "birth_year": 1991},
            ]
        )
        email = self.env.ref("inclusion_numerique.theme_email")
        # Awa is a regular: her last visit puts her first in the list.
        self.env["inclusion.support"].with_user(mediator).create(
            {"kind": "drop_in", "beneficiary_id": awa.id, "theme_ids": [Command.set(email.ids)]}
        )
        self.start_tour("/odoo", "inclusion_numerique_desk_visit_taps", login=mediator.login)
        named, anonymous = self.env["inclusion.support"].search(
            [("mediator_id", "=", mediator.id)], order="id desc", limit=2
        )[::-1]
        self.assertEqual(named.beneficiary_id, awa)
        self.assertEqual((named.theme_ids, named.place_id), (email, place))
        self.assertFalse(anonymous.beneficiary_id)
        self.assertEqual(
            (
                anonymous.anonymous_gender,
                anonymous.anonymous_age_bracket,
                anonymous.anonymous_social_status,
            ),
            ("female", "60_69", "retired"),
        )
        self.assertEqual(anonymous.theme_ids, self.env.ref("inclusion_numerique.theme_health"))


@tagged("post_install", "-at_install")
class TestDeskTapsDesktop(DeskTapsMixin, HttpCase):
    browser_size = "1440x900"


@tagged("post_install", "-at_install")
class TestDeskTapsTablet(DeskTapsMixin, HttpCase):
    browser_size = "820x1180"
    touch_enabled = True
