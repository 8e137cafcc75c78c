from datetime import date, datetime

from odoo import Command
from odoo.tests import Form, tagged

from .common import InclusionCase


@tagged("post_install", "-at_install")
class TestDesk(InclusionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Beneficiary = cls.env["inclusion.beneficiary"]
        cls.awa = cls.Beneficiary.create(
            cls._person_values("Awa Traoré", birth_year=1984, city="Carcassonne")
        )
        cls.email = cls.env.ref("inclusion_numerique.theme_email")
        cls.support = cls.env["inclusion.support"].create(
            {
                "kind": "drop_in",
                "beneficiary_id": cls.awa.id,
                "mediator_id": cls.mediator.id,
                "start": datetime(2026, 3, 12, 9, 0),
                "theme_ids": [Command.set(cls.email.ids)],
            }
        )
        cls.env["inclusion.diagnostic"].create(
            {"beneficiary_id": cls.awa.id, "date": date(2026, 4, 2), "level": "beginner"}
        )

    def test_homonyms_are_told_apart_where_a_person_is_chosen(self):
        awa = self.awa.with_user(self.mediator).with_context(lang="fr_FR")
        self.assertEqual(awa.display_name, "Awa Traoré")
        self.assertEqual(
            awa.with_context(inclusion_identity=True).display_name,
            "Awa Traoré (1984 · Carcassonne · vu le 12/03/2026)",
        )
        # Before any typing, the people the mediator saw lately come first; an appointment
        # still to come is no visit.
        later = self.Beneficiary.create(self._person_values("Zoé Martin"))
        self.env["inclusion.support"].create(
            {
                "kind": "appointment",
                "beneficiary_id": later.id,
                "mediator_id": self.mediator.id,
                "start": datetime(2099, 1, 5, 9, 0),
                "theme_ids": [Command.set(self.email.ids)],
            }
        )
        found = awa.with_context(inclusion_recent_first=True, inclusion_identity=True)
        self.assertEqual(found.name_search("", limit=3)[0], (awa.id, found.display_name))

    def test_last_visit_follows_the_user_rights_even_as_superuser(self):
        # name_search computes the names as superuser: the visits still go by the user.
        plain = self.awa.with_user(self.employee_user).sudo()
        self.assertEqual(plain._last_visit_dates(), {})
        self.assertEqual(
            self.awa.with_user(self.mediator)._last_visit_dates(), {self.awa.id: date(2026, 3, 12)}
        )

    def test_duplicates_are_flagged_while_typing_among_readable_people(self):
        typed = self.Beneficiary.with_user(self.mediator).new({"name": " awa traoré"})
        warning = typed._onchange_warn_duplicates()["warning"]
        self.assertIn("Awa Traoré (1984", warning["message"])
        # Another structure's mediator learns nothing of this person.
        other = self.Beneficiary.with_user(self.mediator_b).new({"name": "Awa Traoré"})
        self.assertIsNone(other._onchange_warn_duplicates())

    def test_story_newest_first_and_only_what_the_user_may_read(self):
        story = self.awa.with_user(self.mediator).with_context(lang="fr_FR").timeline_html
        self.assertLess(story.index("Diagnostic"), story.index("Passage en permanence"))
        self.assertIn("E-mail", story)
        self.assertEqual(
            self.awa.with_user(self.employee_user)._timeline_records("inclusion.support"),
            self.env["inclusion.support"],
        )

    def test_person_created_from_a_visit_keeps_the_typed_name(self):
        # "Create and edit…" sends the typed name as a context default: the new contact gets
        # it, without a write on contacts that mediators may not do.
        person = (
            self.Beneficiary.with_user(self.mediator)
            .with_context(default_name="Moussa Keita")
            .create({"city": "Narbonne"})
        )
        self.assertEqual((person.name, person.partner_id.name), ("Moussa Keita", "Moussa Keita"))
        self.assertEqual(person.partner_id.city, "Narbonne")

    def test_appointment_end_and_duration_agree_in_the_form(self):
        form = Form(
            self.env["inclusion.support"]
            .with_user(self.mediator)
            .with_context(default_kind="appointment"),
            "inclusion_numerique.inclusion_support_view_form",
        )
        form.start = datetime(2026, 12, 4, 9, 0)
        form.stop = datetime(2026, 12, 4, 10, 30)
        self.assertEqual(form.duration, 90)
        form.duration = 45
        self.assertEqual(form.stop, datetime(2026, 12, 4, 9, 45))

    def test_new_person_form_opens_for_a_mediator(self):
        # The form of a person being created reads a new record: no file open to log yet.
        result = (
            self.Beneficiary.with_user(self.mediator)
            .with_context(default_name="Moussa Keita")
            .onchange({}, [], {"name": {}, "needs_consent": {}})
        )
        self.assertEqual(result["value"]["name"], "Moussa Keita")
