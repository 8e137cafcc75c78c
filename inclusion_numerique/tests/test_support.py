from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import InclusionCase


@tagged("post_install", "-at_install")
class TestSupport(InclusionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.theme_email = cls.env.ref("inclusion_numerique.theme_email")
        cls.theme_procedures = cls.env.ref("inclusion_numerique.theme_administrative_procedures")
        cls.domain_social = cls.env.ref("inclusion_numerique.procedure_social_health")
        cls.caf = cls.env.ref("inclusion_numerique.organism_caf")
        cls.place = cls.env["inclusion.place"].create(
            {"name": "Espace numérique", "city": "Carcassonne", "is_qpv": True}
        )
        cls.beneficiary = cls.env["inclusion.beneficiary"].create(
            {
                "name": "Fatima Benali",
                "consent_date": fields.Date.today(),
                "birthdate": "1960-05-12",
                "gender": "female",
                "social_status": "retired",
                "is_qpv": True,
                "city": "Carcassonne",
                "zip": "11000",
            }
        )
        cls.Support = cls.env["inclusion.support"].with_user(cls.mediator)
        cls.french_support = cls.Support.with_context(lang="fr_FR")

    def _values(self, **values):
        return {"theme_ids": [self.theme_email.id], **values}

    def test_seeded_reference_lists(self):
        themes = self.env["inclusion.theme"]
        self.assertEqual(themes.search_count([("kind", "=", "digital")]), 19)
        self.assertEqual(themes.search_count([("kind", "=", "procedure")]), 11)
        self.assertEqual(self.caf.procedure_domain_id, self.domain_social)
        self.assertEqual(self.theme_email.with_context(lang="fr_FR").name, "E-mail")

    def test_named_session_takes_person_dimensions_from_beneficiary(self):
        support = self.Support.create(
            self._values(
                beneficiary_id=self.beneficiary.id,
                start=datetime(2026, 3, 2, 23, 30),
                duration=45,
                procedure_domain_ids=[self.domain_social.id],
                organism_ids=[self.caf.id],
            )
        )
        self.assertEqual(support.kind, "individual")
        self.assertEqual(support.state, "done")
        self.assertEqual(support.mediator_id, self.mediator)
        # 23:30 UTC is already the next day in Paris, the mediator's time zone.
        self.assertEqual(support.date, fields.Date.to_date("2026-03-03"))
        self.assertEqual(support.stop, datetime(2026, 3, 3, 0, 15))
        self.assertEqual(support.duration_bucket, "30_60")
        self.assertEqual(support.duration_preset, "45")
        self.assertEqual(
            (support.person_gender, support.person_age_bracket, support.person_social_status),
            ("female", "60_69", "retired"),
        )
        self.assertEqual((support.person_city, support.person_qpv), ("Carcassonne", True))
        # The bracket is the person's age on the day of the session, not today.
        older = self.Support.create(self._values(beneficiary_id=self.beneficiary.id))
        self.assertEqual(older.person_age_bracket, self.beneficiary.age_bracket)
        self.beneficiary.gender = "male"
        self.assertEqual(support.person_gender, "male")

    def test_anonymous_visit_counts_its_own_dimensions(self):
        support = self.Support.create(
            self._values(
                kind="drop_in",
                anonymous_gender="male",
                anonymous_age_bracket="25_39",
                anonymous_social_status="job_seeker",
                anonymous_city="Stains",
                anonymous_zip="93240",
            )
        )
        self.assertFalse(support.beneficiary_id)
        self.assertEqual(
            (support.person_gender, support.person_age_bracket, support.person_social_status),
            ("male", "25_39", "job_seeker"),
        )
        self.assertEqual((support.person_city, support.person_zip), ("Stains", "93240"))
        bare = self.Support.create(self._values(kind="drop_in"))
        self.assertEqual((bare.person_gender, bare.person_age_bracket), ("unknown", "unknown"))

    def test_quick_drop_in_defaults(self):
        self.mediator.inclusion_place_id = self.place
        form = Form(
            self.Support.with_context(default_kind="drop_in"),
            "inclusion_numerique.inclusion_support_view_form_quick",
        )
        form.theme_ids.add(self.theme_procedures)
        form.duration_preset = "15"
        support = form.save()
        self.assertEqual(support.duration, 15)
        self.assertEqual(support.place_id, self.place)
        self.assertEqual(support.date, fields.Date.context_today(support))
        self.assertEqual(support.state, "done")
        # The next visit proposes the place of the mediator's last session.
        other_place = self.env["inclusion.place"].create({"name": "Maison de quartier"})
        support.place_id = other_place
        self.assertEqual(self.Support.new({}).place_id, other_place)

    def test_appointment_life_cycle(self):
        start = fields.Datetime.now() + timedelta(days=2)
        appointment = self.Support.create(
            self._values(kind="appointment", start=start, stop=start + timedelta(minutes=90))
        )
        self.assertEqual(appointment.state, "planned")
        self.assertEqual(appointment.duration, 90)
        # Whether the person came is told once the time has come, not before.
        with self.assertRaises(UserError), self.env.cr.savepoint():
            appointment.action_mark_no_show()
        self.assertEqual(appointment.state, "planned")
        appointment.start = fields.Datetime.now() - timedelta(hours=2)
        appointment.action_mark_no_show()
        self.assertEqual(appointment.state, "no_show")
        with self.assertRaises(ValidationError):
            self.Support.create(self._values(kind="drop_in", state="planned"))

    def test_followup_creates_an_activity(self):
        support = self.Support.create(self._values(followup_needed=True))
        self.assertEqual(len(support.activity_ids), 1)
        self.assertEqual(support.activity_ids.user_id, self.mediator)
        support.write({"followup_needed": True, "notes": "Rappeler la CAF"})
        self.assertEqual(len(support.activity_ids), 1)
        later = self.Support.create(self._values())
        self.assertFalse(later.activity_ids)
        later.followup_needed = True
        self.assertEqual(len(later.activity_ids), 1)

    def test_bad_input_reads_in_french_and_saves_nothing(self):
        count = self.Support.search_count([])
        start = fields.Datetime.now()
        cases = [
            ({"duration": 0}, "durée doit être positive"),
            ({"duration": -10}, "durée doit être positive"),
            ({"duration": 12 * 60 + 1}, "plus de 12 heures"),
            (
                {"kind": "appointment", "start": start, "stop": start - timedelta(hours=1)},
                "rendez-vous ne peut pas se terminer avant",
            ),
            ({"theme_ids": []}, "au moins une thématique"),
        ]
        for values, message in cases:
            with self.subTest(values=values):
                # assertRaises rolls back to a savepoint, as a failed request would.
                with self.assertRaises(ValidationError) as caught:
                    self.french_support.create(self._values(**values))
                self.assertIn(message, str(caught.exception))
        self.assertEqual(self.Support.search_count([]), count)

    def test_access_per_role(self):
        support = self.Support.create(self._values(beneficiary_id=self.beneficiary.id))
        support.with_user(self.mediator).write({"notes": "Dossier CAF"})
        with self.assertRaises(AccessError):
            support.with_user(self.mediator).unlink()
        if "consent_insertion_sharing" in self.beneficiary._fields:
            # With the insertion add-on, advisers read only the files shared with them.
            self.beneficiary.consent_insertion_sharing = True
        support.with_user(self.adviser).read(["beneficiary_id"])
        with self.assertRaises(AccessError):
            support.with_user(self.adviser).write({"notes": "x"})
        with self.assertRaises(AccessError):
            self.env["inclusion.support"].with_user(self.adviser).create(self._values())
        for denied in (self.accountant, self.employee_user):
            with self.assertRaises(AccessError):
                support.with_user(denied).read(["notes"])
            with self.assertRaises(AccessError):
                self.env["inclusion.support"].with_user(denied).create(self._values())
        with self.assertRaises(AccessError):
            support.with_user(self.mediator_b).read(["notes"])
        self.assertFalse(
            self.env["inclusion.support"]
            .with_user(self.mediator_b)
            .search([("id", "=", support.id)])
        )
        support.with_user(self.manager).unlink()
        self.assertFalse(support.exists())
