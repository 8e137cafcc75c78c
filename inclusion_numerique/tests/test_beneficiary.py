from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import InclusionCase


@tagged("post_install", "-at_install")
class TestBeneficiary(InclusionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Beneficiary = cls.env["inclusion.beneficiary"].with_user(cls.mediator)
        cls.today = fields.Date.today()
        cls.theme = cls.env.ref("inclusion_numerique.theme_email")

    def _create(self, **values):
        return self.Beneficiary.create(
            {"name": "Karim Haddad", "consent_date": self.today, **values}
        )

    def test_contact_lives_on_the_partner_and_is_normalized(self):
        beneficiary = self._create(
            phone="0612345678", email=" Karim.Haddad@Example.COM ", city="Stains", zip="93240"
        )
        partner = beneficiary.partner_id
        self.assertEqual(partner.phone, "06 12 34 56 78")
        self.assertEqual(partner.email, "karim.haddad@example.com")
        self.assertEqual((partner.city, partner.zip), ("Stains", "93240"))
        self.assertTrue(beneficiary.has_email)
        beneficiary.phone = "+32 470 12 34 56"
        self.assertEqual(partner.phone, "+32 470 12 34 56")

    def test_age_bracket_from_birth_date_or_year(self):
        cases = [
            ({}, "unknown"),
            ({"birthdate": self.today - relativedelta(years=11)}, "under_12"),
            ({"birthdate": self.today - relativedelta(years=18)}, "18_24"),
            ({"birthdate": self.today - relativedelta(years=18, days=-1)}, "12_17"),
            ({"birth_year": self.today.year - 30}, "25_39"),
            ({"birthdate": self.today - relativedelta(years=70)}, "70_plus"),
        ]
        for values, bracket in cases:
            with self.subTest(values=values):
                self.assertEqual(self._create(**values).age_bracket, bracket)

    def test_cron_moves_brackets_with_birthdays(self):
        beneficiary = self._create(birthdate=self.today - relativedelta(years=25))
        self.assertEqual(beneficiary.age_bracket, "25_39")
        # Simulate a bracket computed a day before the birthday.
        self.env.cr.execute(
            "UPDATE inclusion_beneficiary SET age_bracket = '18_24' WHERE id = %s",
            [beneficiary.id],
        )
        beneficiary.invalidate_recordset(["age_bracket"])
        self.env["inclusion.beneficiary"]._cron_refresh_age_brackets()
        beneficiary.invalidate_recordset(["age_bracket"])
        self.assertEqual(beneficiary.age_bracket, "25_39")

    def test_social_data_needs_consent(self):
        french = self.Beneficiary.with_context(lang="fr_FR")
        partners = self.env["res.partner"].search_count([])
        with self.assertRaises(ValidationError) as caught:
            french.create({"name": "Sans Consentement", "social_status": "rsa"})
        self.assertIn("Recueillez le consentement", str(caught.exception))
        self.assertIn("Statut social", str(caught.exception))
        self.assertEqual(self.env["res.partner"].search_count([]), partners)
        # A first name and a contact need no consent.
        contact = french.create({"name": "Nadia", "phone": "06 98 76 54 32"})
        with self.assertRaises(ValidationError):
            contact.write({"has_computer": True})
        contact.write({"consent_date": self.today, "has_computer": True})
        self.assertEqual(contact.consent_user_id, self.mediator)
        self.assertEqual(contact.consent_scope, "support")

    def test_bad_input_reads_in_french_and_saves_nothing(self):
        french = self.Beneficiary.with_context(lang="fr_FR")
        partners = self.env["res.partner"].search_count([])
        beneficiaries = self.env["inclusion.beneficiary"].search_count([])
        cases = [
            ({"birthdate": self.today + relativedelta(days=1)}, "ne peut pas être dans le futur"),
            ({"birthdate": date(1899, 12, 31)}, "antérieure à 1900"),
            ({"birth_year": 1850}, "comprise entre 1900"),
            ({"email": "karim@@example"}, "adresse e-mail karim@@example n'est pas valide"),
            ({"phone": "12"}, "numéro de téléphone 12 n'est pas valide"),
            ({"phone": "06 12 34"}, "n'est pas valide"),
        ]
        for values, message in cases:
            with self.subTest(values=values):
                with self.assertRaises(ValidationError) as caught:
                    french.create({"name": "Erreur", "consent_date": self.today, **values})
                self.assertIn(message, str(caught.exception))
        self.assertEqual(self.env["res.partner"].search_count([]), partners)
        self.assertEqual(self.env["inclusion.beneficiary"].search_count([]), beneficiaries)
        beneficiary = self._create(email="karim@example.com")
        with self.assertRaises(ValidationError):
            beneficiary.with_context(lang="fr_FR").write({"email": "pas-une-adresse"})
        self.assertEqual(beneficiary.partner_id.email, "karim@example.com")

    def test_digital_level_and_progress_follow_diagnostics(self):
        beneficiary = self._create(digital_level="intermediate")
        self.assertEqual(beneficiary.digital_level, "intermediate")
        Diagnostic = self.env["inclusion.diagnostic"].with_user(self.mediator)
        Diagnostic.create(
            {"beneficiary_id": beneficiary.id, "date": "2026-01-10", "level": "beginner"}
        )
        self.assertEqual(beneficiary.digital_level, "beginner")
        self.assertEqual(beneficiary.digital_level_progress, 0)
        Diagnostic.create(
            {
                "beneficiary_id": beneficiary.id,
                "date": "2026-06-10",
                "level": "advanced",
                "tool": "pix_abc_diag",
                "score_security": 80,
            }
        )
        self.assertEqual(beneficiary.digital_level, "advanced")
        self.assertEqual(beneficiary.first_digital_level, "beginner")
        self.assertEqual(beneficiary.digital_level_progress, 2)
        self.assertEqual(beneficiary.diagnostic_count, 2)
        with self.assertRaises(ValidationError):
            Diagnostic.create(
                {"beneficiary_id": beneficiary.id, "level": "advanced", "score_security": 120}
            )
        with self.assertRaises(ValidationError):
            Diagnostic.create(
                {
                    "beneficiary_id": beneficiary.id,
                    "level": "advanced",
                    "date": self.today + relativedelta(days=3),
                }
            )

    def test_probable_duplicates(self):
        fatima = self._create(name="Fatima Benali", birthdate="1980-02-03")
        same_birth = self._create(name="fatima benali ", birthdate="1980-02-03")
        other_birth = self._create(name="Fatima Benali", birthdate="1981-02-03")
        same_phone = self._create(name="F. Benali", phone="06 11 22 33 44")
        same_phone_other_format = self._create(name="Fatima B.", phone="+33611223344")
        same_email = self._create(name="Fatou", email="fb@example.com")
        same_email_upper = self._create(name="Fatou B", email="FB@example.com")
        unrelated = self._create(name="Jean Dupont")
        self.env.invalidate_all()  # as in a new request: flags concern other records
        self.assertEqual(fatima.duplicate_ids, same_birth)
        self.assertTrue(same_birth.is_probable_duplicate)
        self.assertFalse(other_birth.is_probable_duplicate)
        self.assertEqual(same_phone.duplicate_ids, same_phone_other_format)
        self.assertEqual(same_email.duplicate_ids, same_email_upper)
        self.assertFalse(unrelated.is_probable_duplicate)
        # The form of a new or edited record computes the flag too.
        self.assertFalse(self.Beneficiary.new({"name": "Fatima Benali"}).is_probable_duplicate)
        self.assertEqual(self.Beneficiary.new(origin=fatima).duplicate_ids._origin, same_birth)
        created = (
            fatima
            | same_birth
            | other_birth
            | same_phone
            | same_phone_other_format
            | same_email
            | same_email_upper
            | unrelated
        )
        self.assertEqual(
            self.Beneficiary.search(
                [("is_probable_duplicate", "=", True), ("id", "in", created.ids)]
            ),
            created - other_birth - unrelated,
        )
        self.assertEqual(
            self.Beneficiary.search(
                [("is_probable_duplicate", "=", False), ("id", "in", created.ids)]
            ),
            other_birth | unrelated,
        )
        # Another company's homonym is not a duplicate.
        other_company = (
            self.env["inclusion.beneficiary"]
            .with_user(self.mediator_b)
            .create({"name": "Jean Dupont", "phone": "06 55 44 33 22"})
        )
        self._create(name="Jean D.", phone="06 55 44 33 22")
        self.env.invalidate_all()
        self.assertFalse(other_company.is_probable_duplicate)

    def test_merge_keeps_every_related_record(self):
        kept = self._create(name="Fatima Benali", birthdate="1980-02-03")
        duplicate = self._create(
            name="Fatima BENALI", birthdate="1980-02-03", phone="06 11 22 33 44", gender="female"
        )
        employee = self.env["hr.employee"].create({"name": "Fatima Benali"})
        duplicate.sudo().employee_id = employee
        Support = self.env["inclusion.support"].with_user(self.mediator)
        support = Support.create({"beneficiary_id": duplicate.id, "theme_ids": [self.theme.id]})
        diagnostic = (
            self.env["inclusion.diagnostic"]
            .with_user(self.mediator)
            .create({"beneficiary_id": duplicate.id, "level": "beginner"})
        )
        duplicate.message_post(body="Appel de la CAF")
        wizard = (
            self.env["inclusion.beneficiary.merge"]
            .with_user(self.mediator)
            .with_context(active_model="inclusion.beneficiary", active_ids=[kept.id, duplicate.id])
            .create({})
        )
        self.assertEqual(wizard.target_id, kept)
        wizard.action_merge()
        self.assertEqual(support.beneficiary_id, kept)
        self.assertEqual(diagnostic.beneficiary_id, kept)
        self.assertEqual(kept.employee_id, employee)
        self.assertEqual((kept.phone, kept.gender), ("06 11 22 33 44", "female"))
        self.assertEqual(support.person_gender, "female")
        self.assertTrue(any("Appel de la CAF" in body for body in kept.message_ids.mapped("body")))
        self.assertFalse(duplicate.active)
        self.assertFalse(kept.is_probable_duplicate)

    def test_merge_reassigns_relations_found_generically(self):
        """A relation added later (a registration, a handover…) follows without code."""
        self.env["ir.model.fields"].create(
            {
                "name": "x_beneficiary_id",
                "model_id": self.env.ref("base.model_res_partner").id,
                "ttype": "many2one",
                "relation": "inclusion.beneficiary",
                "field_description": "Beneficiary",
            }
        )
        kept, duplicate = self._create(name="Awa Sy"), self._create(name="Awa SY")
        partner = self.env["res.partner"].create(
            {"name": "Inscrite", "x_beneficiary_id": duplicate.id}
        )
        self.env["inclusion.beneficiary.merge"].create(
            {"beneficiary_ids": [kept.id, duplicate.id], "target_id": kept.id}
        ).action_merge()
        self.assertEqual(partner.x_beneficiary_id, kept)

    def test_mediator_sets_default_place_in_preferences(self):
        place = self.env["inclusion.place"].create({"name": "Maison France Services"})
        self.mediator.with_user(self.mediator).write({"inclusion_place_id": place.id})
        self.assertEqual(self.mediator.inclusion_place_id, place)
        support = self.env["inclusion.support"].with_user(self.mediator).new({})
        self.assertEqual(support.place_id, place)

    def test_access_per_role(self):
        beneficiary = self._create(notes="<p>Situation fragile</p>")
        self.assertTrue(beneficiary.with_user(self.mediator).notes)
        if "consent_insertion_sharing" in beneficiary._fields:
            # With the insertion add-on, advisers read only the files shared with them.
            beneficiary.consent_insertion_sharing = True
        beneficiary.with_user(self.adviser).read(["name", "social_status"])
        with self.assertRaises(AccessError):
            beneficiary.with_user(self.adviser).read(["notes"])
        for denied in (self.accountant, self.employee_user):
            with self.assertRaises(AccessError):
                beneficiary.with_user(denied).read(["name"])
            with self.assertRaises(AccessError):
                self.env["inclusion.diagnostic"].with_user(denied).search([])
        with self.assertRaises(AccessError):
            beneficiary.with_user(self.mediator).unlink()
        diagnostic = (
            self.env["inclusion.diagnostic"]
            .with_user(self.mediator)
            .create({"beneficiary_id": beneficiary.id, "level": "beginner"})
        )
        with self.assertRaises(AccessError):
            diagnostic.with_user(self.mediator).unlink()
        with self.assertRaises(AccessError):
            diagnostic.with_user(self.adviser).write({"level": "advanced"})
        with self.assertRaises(AccessError):
            diagnostic.with_user(self.mediator_b).read(["level"])
        with self.assertRaises(AccessError):
            self.env["inclusion.beneficiary.merge"].with_user(self.adviser).create({})
        diagnostic.with_user(self.manager).unlink()

    def test_employee_smart_buttons_both_ways(self):
        employee = self.env["hr.employee"].create({"name": "Moussa Diallo"})
        beneficiary = self._create(name="Moussa Diallo")
        beneficiary.sudo().employee_id = employee
        action = employee.with_user(self.mediator).action_open_beneficiary()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("inclusion.beneficiary", beneficiary.id)
        )
        action = beneficiary.action_open_employee()
        self.assertEqual((action["res_model"], action["res_id"]), ("hr.employee", employee.id))
        hr_officer = self._new_user("hr_officer", "hr.group_hr_user")
        arch = self.env["hr.employee"].with_user(hr_officer).get_views([(False, "form")])
        self.assertNotIn("action_open_beneficiary", arch["views"]["form"]["arch"])
        hr_adviser = self._new_user(
            "hr_adviser", "hr.group_hr_user,inclusion_numerique.group_insertion"
        )
        arch = self.env["hr.employee"].with_user(hr_adviser).get_views([(False, "form")])
        self.assertIn("action_open_beneficiary", arch["views"]["form"]["arch"])
        action = beneficiary.action_open_supports()
        self.assertEqual(action["domain"], [("beneficiary_id", "=", beneficiary.id)])
