import base64
import json
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import InclusionCase


@tagged("post_install", "-at_install")
class PrivacyCase(InclusionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.theme = cls.env.ref("inclusion_numerique.theme_email")
        cls.company.inclusion_legal_basis = "consent"
        cls.company.inclusion_retention_months = 24
        cls.Beneficiary = cls.env["inclusion.beneficiary"].with_user(cls.mediator)

    @classmethod
    def _person(cls, **values):
        return cls.env["inclusion.beneficiary"].create(
            {
                "name": "Fatima Benali",
                "consent_date": date(2024, 1, 5),
                "birthdate": date(1960, 5, 12),
                "gender": "female",
                "social_status": "rsa",
                "is_qpv": True,
                "qpv_name": "La Conte",
                "city": "Carcassonne",
                "zip": "11000",
                "phone": "06 12 34 56 78",
                "email": "fatima@example.com",
                "notes": "<p>Cherche un logement</p>",
                "consent_scope": "support_sharing",
                **values,
            }
        )

    @classmethod
    def _support(cls, person, start, **values):
        return cls.env["inclusion.support"].create(
            {
                "beneficiary_id": person.id,
                "start": start,
                "theme_ids": [cls.theme.id],
                "notes": "A oublié son mot de passe Ameli",
                **values,
            }
        )


@tagged("post_install", "-at_install")
class TestPrivacySettings(PrivacyCase):
    def test_retention_under_one_month_is_refused_in_french(self):
        for fname in ("inclusion_retention_months", "inclusion_audit_retention_months"):
            with self.subTest(fname=fname), self.assertRaises(ValidationError) as error:
                with self.env.cr.savepoint():
                    self.company.with_context(lang="fr_FR")[fname] = 0
            self.assertIn("au moins 1 mois", str(error.exception))
        self.assertEqual(self.company.inclusion_retention_months, 24)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env["res.config.settings"].create({"inclusion_retention_months": 0}).execute()
        self.assertEqual(self.company.inclusion_retention_months, 24)

    def test_birth_year_only_for_new_structures_existing_ones_keep_birth_dates(self):
        # The structure existing when the add-on was installed keeps birth dates...
        self.assertFalse(self.company.inclusion_birth_year_only)
        kept = self._person()
        self.assertEqual(kept.birthdate, date(1960, 5, 12))
        # ...a new one stores the year only, whatever the caller sends.
        self.assertTrue(self.company_b.inclusion_birth_year_only)
        person_b = self._new_beneficiary(
            self.company_b, name="Odette Martin", birthdate=date(1950, 2, 3)
        )
        self.assertFalse(person_b.birthdate)
        self.assertEqual(person_b.birth_year, 1950)
        person_b.birthdate = date(1951, 4, 4)
        self.assertEqual((person_b.birthdate, person_b.birth_year), (False, 1951))

    def test_switching_to_birth_year_only_keeps_years_and_past_statistics(self):
        person = self._person()
        support = self._support(person, datetime(2024, 5, 2, 9, 0))
        self.assertEqual(support.person_age_bracket, "60_69")
        self.company.inclusion_birth_year_only = True
        self.assertFalse(person.birthdate)
        self.assertEqual(person.birth_year, 1960)
        support.invalidate_recordset()
        self.assertEqual(support.person_age_bracket, "60_69")

    def test_legal_basis_decides_what_needs_a_consent(self):
        values = {"name": "Karim Haddad", "gender": "male", "social_status": "job_seeker"}
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.Beneficiary.create(dict(values))
        self.company.inclusion_legal_basis = "public_interest"
        person = self.Beneficiary.create(dict(values))
        self.assertEqual(person.gender, "male")
        self.assertFalse(person.needs_consent)
        # Sharing with the referring partner still needs the consent.
        with self.assertRaises(ValidationError) as error, self.env.cr.savepoint():
            person.with_context(lang="fr_FR").consent_scope = "support_sharing"
        self.assertIn("nécessite le consentement", str(error.exception))
        self.assertEqual(person.consent_scope, "support")

    def test_register_of_processing_follows_the_settings(self):
        self.company.write(
            {
                "inclusion_legal_basis": "public_interest",
                "inclusion_retention_months": 36,
                "inclusion_dpo_contact": "DPO du CCAS, dpo@ccas.example",
            }
        )
        report = self.env["ir.actions.report"].with_user(self.manager).with_context(lang="fr_FR")
        html = report._render_qweb_html(
            "inclusion_numerique.action_report_processing_register", self.company.ids
        )[0].decode()
        self.assertIn("article 30", html)
        self.assertIn("Mission d&#39;intérêt public", html)
        self.assertIn("36", html)
        self.assertIn("dpo@ccas.example", html)
        settings = self.env["res.config.settings"].with_context(discard_logo_check=True)
        action = settings.create({}).action_print_processing_register()
        self.assertEqual(action["report_name"], "inclusion_numerique.report_processing_register")


@tagged("post_install", "-at_install")
class TestNoticeAndConsent(PrivacyCase):
    @freeze_time("2026-03-10")
    def test_information_notice_recorded_by_the_system_and_printable(self):
        person = self._person().with_user(self.mediator)
        person.action_record_information_notice()
        self.assertEqual(person.information_notice_date, date(2026, 3, 10))
        self.assertEqual(person.information_notice_user_id, self.mediator)
        with self.assertRaises(UserError), self.env.cr.savepoint():
            person.write({"information_notice_user_id": self.manager.id})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            person.information_notice_date = date(2026, 3, 11)
        self.assertEqual(person.information_notice_user_id, self.mediator)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.mediator)
            .with_context(lang="fr_FR")
            ._render_qweb_html("inclusion_numerique.action_report_information_notice", person.ids)[
                0
            ]
            .decode()
        )
        self.assertIn("Fatima Benali", html)
        self.assertIn("CNIL", html)
        self.assertIn("10/03/2026", html)
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.accountant)._render_qweb_html(
                "inclusion_numerique.action_report_information_notice", person.ids
            )

    @freeze_time("2026-03-10")
    def test_withdrawal_removes_what_only_consent_allowed_and_keeps_statistics(self):
        person = self._person()
        support = self._support(person, datetime(2025, 5, 2, 9, 0))
        snapshot = (support.person_gender, support.person_age_bracket, support.person_qpv)
        person.with_user(self.mediator).with_context(lang="fr_FR").action_withdraw_consent()
        self.assertFalse(person.consent_date)
        self.assertEqual(person.consent_scope, "support")
        self.assertEqual(person.consent_withdrawal_date, date(2026, 3, 10))
        self.assertFalse(person.gender or person.birthdate or person.is_qpv or person.notes)
        # Identity and contact are not consent-based: they stay.
        self.assertEqual(person.phone, "06 12 34 56 78")
        support.invalidate_recordset()
        self.assertEqual(
            (support.person_gender, support.person_age_bracket, support.person_qpv), snapshot
        )
        self.assertTrue(
            any("Consentement retiré" in message.body for message in person.message_ids)
        )
        log = self.env["inclusion.privacy.log"].search([("beneficiary_id", "=", person.id)])
        self.assertIn("withdrawal", log.mapped("action"))

    def test_withdrawal_and_anonymisation_marks_are_the_system_s(self):
        person = self._person().with_user(self.mediator).with_context(lang="fr_FR")
        for values in (
            {"is_anonymised": True},
            {"anonymisation_date": "2026-01-01"},
            {"consent_withdrawal_date": "2026-01-01"},
        ):
            with self.subTest(values=values), self.assertRaises(UserError) as error:
                person.write(values)
            self.assertIn("uniquement par leurs boutons", str(error.exception))
        self.assertFalse(person.is_anonymised or person.consent_withdrawal_date)

    def test_withdrawing_twice_is_refused_in_french(self):
        person = self._person()
        person.with_user(self.mediator).action_withdraw_consent()
        messages = len(person.message_ids)
        with self.assertRaises(UserError) as error:
            person.with_user(self.mediator).with_context(lang="fr_FR").action_withdraw_consent()
        self.assertIn("Aucun consentement à retirer", str(error.exception))
        self.assertEqual(len(person.message_ids), messages)

    def test_withdrawal_under_public_interest_stops_sharing_only(self):
        self.company.inclusion_legal_basis = "public_interest"
        person = self._person()
        person.action_withdraw_consent()
        self.assertEqual(person.consent_scope, "support")
        self.assertEqual((person.gender, person.social_status), ("female", "rsa"))

    def test_notes_are_flagged_with_a_reminder(self):
        arch = (
            self.env["inclusion.beneficiary"]
            .with_user(self.mediator)
            .with_context(lang="fr_FR")
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn("notes_reminder", arch)
        self.assertIn("jamais de données de santé", arch)


@tagged("post_install", "-at_install")
class TestRetention(PrivacyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inactive = cls._person()
        cls.active = cls._person(name="Karim Haddad", phone=False, email=False)
        cls.never_seen = cls._person(name="Odette Martin", phone=False, email=False)
        # Files created on 2023-06-01 (the ORM dates creations by the database's clock).
        people = cls.inactive | cls.active | cls.never_seen
        cls.env.flush_all()
        cls.env.cr.execute(
            "UPDATE inclusion_beneficiary SET create_date = '2023-06-01' WHERE id IN %s",
            [tuple(people.ids)],
        )
        people.invalidate_recordset(["create_date"])
        cls.old_support = cls._support(cls.inactive, datetime(2024, 1, 10, 9, 0))
        cls._support(cls.active, datetime(2025, 12, 1, 9, 0))
        cls.env["inclusion.diagnostic"].create(
            {
                "beneficiary_id": cls.inactive.id,
                "date": date(2023, 12, 1),
                "level": "beginner",
                "comment": "Ne sait pas ouvrir un courriel",
            }
        )

    def test_last_activity_and_due_date(self):
        self.assertEqual(self.inactive.last_activity_date, date(2024, 1, 10))
        self.assertEqual(self.inactive.erasure_due_date, date(2026, 1, 10))
        # Without any activity, the creation of the file counts.
        self.assertEqual(self.never_seen.last_activity_date, date(2023, 6, 1))
        self.assertEqual(self.never_seen.erasure_due_date, date(2025, 6, 1))
        self.company.inclusion_retention_months = 36
        self.env.invalidate_all()
        self.assertEqual(self.inactive.erasure_due_date, date(2027, 1, 10))

    @freeze_time("2025-12-20")
    def test_list_of_people_to_anonymise_within_30_days(self):
        action = self.Beneficiary.with_user(self.manager).action_open_erasure_due_soon()
        due = self.env["inclusion.beneficiary"].search(action["domain"])
        self.assertIn(self.inactive, due)
        self.assertNotIn(self.active, due)
        self.assertIn(self.never_seen, due)  # already past: the night's run will take it

    @freeze_time("2026-01-11")
    def test_daily_run_anonymises_past_the_period_in_batches(self):
        message = self.inactive.message_post(body="Appel de la CAF")
        self.env["ir.attachment"].create(
            {
                "name": "justificatif.pdf",
                "raw": b"%PDF",
                "res_model": "inclusion.beneficiary",
                "res_id": self.inactive.id,
            }
        )
        self.inactive.write({"social_status": "retired"})  # a tracking value, if any
        partner = self.inactive.partner_id
        Beneficiary = self.env["inclusion.beneficiary"]
        self.assertGreaterEqual(Beneficiary._cron_anonymise_inactive(batch_size=1), 2)
        person = self.inactive.with_context(active_test=False)
        self.assertTrue(person.is_anonymised)
        self.assertFalse(person.active)
        self.assertNotIn("Fatima", person.name)
        self.assertFalse(person.phone or person.email or person.notes or person.birthdate)
        self.assertFalse(person.qpv_name or person.consent_date)
        self.assertEqual(partner.name, "Anonymised person")
        self.assertFalse(partner.phone or partner.email or partner.street)
        self.assertEqual(partner.city, "Carcassonne")
        # What the statistics need stays.
        self.assertEqual(
            (person.gender, person.social_status, person.is_qpv), ("female", "retired", True)
        )
        self.assertEqual(self.old_support.person_age_bracket, "60_69")
        self.assertEqual(self.old_support.person_gender, "female")
        self.assertFalse(self.old_support.notes)
        self.assertFalse(person.diagnostic_ids.comment)
        self.assertFalse(message.exists())
        self.assertFalse(
            self.env["mail.message"].search_count(
                [("model", "=", "inclusion.beneficiary"), ("res_id", "=", person.id)]
            )
        )
        self.assertFalse(
            self.env["ir.attachment"].search_count(
                [("res_model", "=", "inclusion.beneficiary"), ("res_id", "=", person.id)]
            )
        )
        self.assertFalse(self.active.is_anonymised)
        self.assertTrue(self.never_seen.with_context(active_test=False).is_anonymised)
        # Nothing left to do the next night.
        self.assertFalse(Beneficiary._privacy_due_ids())

    def test_anonymisation_queries_do_not_grow_with_the_batch(self):
        def queries_for(count):
            people = self.env["inclusion.beneficiary"].create(
                [{"name": f"Personne {i}", "phone": False} for i in range(count)]
            )
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            people._privacy_anonymise()
            return self.env.cr.sql_log_count - before

        queries_for(1)  # caches warmed up
        self.assertEqual(queries_for(5), queries_for(50))

    @freeze_time("2026-03-10")
    def test_anonymise_now_is_for_managers_and_once(self):
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.active.with_user(self.mediator).action_anonymise()
        self.assertFalse(self.active.is_anonymised)
        self.active.with_user(self.manager).action_anonymise()
        person = self.active.with_context(active_test=False)
        self.assertTrue(person.is_anonymised)
        with self.assertRaises(UserError) as error:
            person.with_user(self.manager).with_context(lang="fr_FR").action_anonymise()
        self.assertIn("déjà anonymisé", str(error.exception))


@tagged("post_install", "-at_install")
class TestAccessAndAudit(PrivacyCase):
    def test_access_export_gives_a_french_pdf_and_a_json_of_everything(self):
        person = self._person()
        self._support(person, datetime(2025, 5, 2, 9, 0))
        person.message_post(body="Rendez-vous CAF le 12")
        action = (
            person.with_user(self.manager).with_context(lang="fr_FR").action_export_personal_data()
        )
        wizard = self.env[action["res_model"]].browse(action["res_id"])
        data = json.loads(base64.b64decode(wizard.json_file))
        sections = {section["key"]: section for section in data["sections"]}
        self.assertEqual(sections["person"]["records"][0]["name"], "Fatima Benali")
        self.assertEqual(sections["person"]["records"][0]["gender"], "Féminin")
        self.assertEqual(
            sections["supports"]["records"][0]["notes"], "A oublié son mot de passe Ameli"
        )
        self.assertTrue(
            any(
                "Rendez-vous CAF" in message["body"] for message in sections["messages"]["records"]
            )
        )
        # (Tests render reports as HTML instead of calling wkhtmltopdf.)
        self.assertTrue(wizard.pdf_file)
        self.assertTrue(wizard.pdf_filename.endswith(".pdf"))
        html = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            .with_context(lang="fr_FR")
            ._render_qweb_html("inclusion_numerique.action_report_personal_data", person.ids)[0]
            .decode()
        )
        self.assertIn("Données personnelles de", html)
        self.assertIn("Accompagnements", html)
        self.assertRegex(html, r"Habite en QPV</th>\s*<td>Oui")
        actions = (
            self.env["inclusion.privacy.log"]
            .search([("beneficiary_id", "=", person.id)])
            .mapped("action")
        )
        self.assertIn("export", actions)
        self.assertIn("print", actions)

    def test_access_export_is_refused_to_other_roles(self):
        person = self._person()
        for user in (self.mediator, self.adviser, self.accountant, self.mediator_b):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["inclusion.beneficiary.access.export"].with_user(user).create(
                    {"beneficiary_id": person.id}
                )
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.mediator)._render_qweb_html(
                "inclusion_numerique.action_report_personal_data", person.ids
            )

    def test_audit_trail_of_openings_and_changes_read_by_managers_only(self):
        person = self._person()
        Log = self.env["inclusion.privacy.log"]
        as_mediator = person.with_user(self.mediator)
        as_mediator.web_read({"name": {}, "gender": {}})
        as_mediator.web_read({"name": {}})  # the form read again after a save
        as_mediator.write({"social_status": "retired"})
        as_mediator.write({"phone": "06 98 76 54 32"})  # contact: not social data
        logs = Log.search([("beneficiary_id", "=", person.id), ("user_id", "=", self.mediator.id)])
        self.assertEqual(sorted(logs.mapped("action")), ["change", "open"])
        self.assertEqual(
            logs.filtered(lambda log: log.action == "change").details, "social_status"
        )
        self.assertEqual(Log.with_user(self.manager).search_count([("id", "in", logs.ids)]), 2)
        for user in (self.mediator, self.adviser, self.accountant, self.employee_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Log.with_user(user).search([])
        with self.assertRaises(AccessError):
            Log.with_user(self.manager).create(
                {
                    "user_id": self.manager.id,
                    "beneficiary_id": person.id,
                    "action": "open",
                    "company_id": self.company.id,
                }
            )
        with self.assertRaises(AccessError):
            logs.with_user(self.manager).unlink()

    def test_audit_trail_purged_after_its_retention(self):
        person = self._person()
        self.company.inclusion_audit_retention_months = 6
        with freeze_time("2026-01-05"):
            old = self.env["inclusion.privacy.log"]._log(person, "print")
        with freeze_time("2026-06-01"):
            recent = self.env["inclusion.privacy.log"]._log(person, "print")
        with freeze_time("2026-07-10"):
            self.env["inclusion.privacy.log"]._cron_purge()
        self.assertFalse(old.exists())
        self.assertTrue(recent.exists())
