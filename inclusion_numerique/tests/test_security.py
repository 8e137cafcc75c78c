"""Regression tests of the security audit (issue 11), called the way an attacker would:
through the ORM as each user, with a fresh cache as in a new request."""

import json
from datetime import datetime

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from ..tools import DEFAULT_TZ
from .common import InclusionCase

# What structure A must never learn about structure B's beneficiary and contact.
SECRETS = ("Secret Stains", "Stains", "93240", "Assistante Stains", "CCAS de Stains")
PERSON_SPEC = {
    fname: {}
    for fname in (
        "person_gender",
        "person_age_bracket",
        "person_social_status",
        "person_city",
        "person_zip",
        "person_qpv",
        "display_name",
    )
}


@tagged("post_install", "-at_install")
class TestSecurity(InclusionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.theme = cls.env.ref("inclusion_numerique.theme_email")
        cls.beneficiary = cls._new_beneficiary(
            cls.company, name="Fatima Benali", phone="06 11 22 33 44", email="fatima@example.com"
        )
        cls.beneficiary_b = cls._new_beneficiary(
            cls.company_b,
            name="Secret Stains",
            gender="female",
            social_status="rsa",
            birthdate="1990-01-01",
            city="Stains",
            zip="93240",
            is_qpv=True,
        )
        cls.contact_b = cls.env["res.partner"].create(
            {"name": "Assistante Stains", "company_id": cls.company_b.id}
        )
        cls.place_b = cls.env["inclusion.place"].create(
            {"name": "Médiathèque Stains", "company_id": cls.company_b.id}
        )
        cls.multi_manager = cls._new_user("multi_manager", "inclusion_numerique.group_manager")
        cls.multi_manager.company_ids |= cls.company_b

    def _as(self, user, model, **context):
        """The model as the user, in French, with a cache as empty as a new request's."""
        self.env.invalidate_all()
        return self.env[model].with_user(user).with_context(lang="fr_FR", **context)

    def _assert_reveals_nothing(self, text):
        for secret in SECRETS:
            self.assertNotIn(secret, str(text))

    def _support_values(self, **values):
        return {"theme_ids": [Command.set(self.theme.ids)], **values}

    def test_finding_1_support_refuses_beneficiary_of_another_company(self):
        Support = self._as(self.mediator, "inclusion.support")
        with self.assertRaises(AccessError) as caught:
            Support.create(self._support_values(beneficiary_id=self.beneficiary_b.id))
        self.assertIn("pas autorisé à consulter", str(caught.exception))
        self._assert_reveals_nothing(caught.exception)
        support = Support.create(self._support_values(beneficiary_id=self.beneficiary.id))
        with self.assertRaises(AccessError) as caught:
            support.write({"beneficiary_id": self.beneficiary_b.id})
        self._assert_reveals_nothing(caught.exception)
        self.assertEqual(support.beneficiary_id, self.beneficiary)
        self.assertEqual(support.person_gender, "unknown")

    def test_finding_1_onchange_reveals_nothing_of_another_company(self):
        spec = {**PERSON_SPEC, "beneficiary_id": {"fields": {"display_name": {}}}}
        Support = self._as(self.mediator, "inclusion.support")
        with self.assertRaises(AccessError) as caught:
            Support.onchange({"beneficiary_id": self.beneficiary_b.id}, ["beneficiary_id"], spec)
        self._assert_reveals_nothing(caught.exception)
        # Nor through a default value given in the context of a new form.
        with self.assertRaises(AccessError) as caught:
            self._as(
                self.mediator, "inclusion.support", default_beneficiary_id=self.beneficiary_b.id
            ).onchange({}, [], spec)
        self._assert_reveals_nothing(caught.exception)
        with self.assertRaises(AccessError) as caught:
            self._as(self.mediator, "inclusion.diagnostic").onchange(
                {"beneficiary_id": self.beneficiary_b.id},
                ["beneficiary_id"],
                {"display_name": {}, "company_id": {"fields": {"display_name": {}}}},
            )
        self._assert_reveals_nothing(caught.exception)
        # The same call with a beneficiary of the mediator's structure works.
        result = Support.onchange(
            {"beneficiary_id": self.beneficiary.id}, ["beneficiary_id"], spec
        )
        self.assertIn("Fatima Benali", result["value"]["display_name"])

    def test_finding_1_contacts_places_and_diagnostics_of_another_company(self):
        Support = self._as(self.mediator, "inclusion.support")
        for values in (
            {"co_facilitator_id": self.contact_b.id},
            {"orientation_partner_id": self.contact_b.id},
            {"place_id": self.place_b.id},
            {"mediator_id": self.mediator_b.id},
        ):
            with self.subTest(values=values), self.assertRaises(UserError) as caught:
                Support.create(self._support_values(**values))
            self._assert_reveals_nothing(caught.exception)
        with self.assertRaises(AccessError) as caught:
            self._as(self.mediator, "inclusion.diagnostic").create(
                {"beneficiary_id": self.beneficiary_b.id, "level": "beginner"}
            )
        self._assert_reveals_nothing(caught.exception)
        with self.assertRaises(AccessError) as caught:
            self.beneficiary.with_user(self.mediator).write(
                {"prescriber_partner_id": self.contact_b.id}
            )
        self._assert_reveals_nothing(caught.exception)

    def test_finding_1_company_check_names_no_record(self):
        """A user of both structures reads both, but cannot mix them; the message of
        Odoo's company check would name the records."""
        Support = self._as(
            self.multi_manager,
            "inclusion.support",
            allowed_company_ids=[self.company.id, self.company_b.id],
        )
        for values in (
            {"beneficiary_id": self.beneficiary_b.id},
            {"co_facilitator_id": self.contact_b.id},
            {"place_id": self.place_b.id},
        ):
            with self.subTest(values=values), self.assertRaises(UserError) as caught:
                Support.create(self._support_values(company_id=self.company.id, **values))
            self.assertEqual(
                str(caught.exception),
                "Cet enregistrement ne peut pas être lié à un enregistrement d'une autre "
                "structure.",
            )

    def test_finding_1_person_snapshot_needs_a_readable_beneficiary(self):
        """Stored as superuser, the snapshot copies only what the user may read, even in
        the same structure (e.g. a beneficiary hidden by a stricter rule: a global rule, as
        the rules of a group add up with the add-ons' rules of that group)."""
        hidden = self._new_beneficiary(self.company, name="Awa Sy", gender="female")
        self.env["ir.rule"].create(
            {
                "name": "Hide one beneficiary",
                "model_id": self.env.ref("inclusion_numerique.model_inclusion_beneficiary").id,
                "domain_force": f"[('id', '!=', {hidden.id})]",
            }
        )
        Support = self._as(self.mediator, "inclusion.support")
        with self.assertRaises(AccessError):
            Support.create(self._support_values(beneficiary_id=hidden.id))
        self.assertFalse(
            self.env["inclusion.support"].search([("beneficiary_id", "=", hidden.id)])
        )

    def test_finding_1_duplicates_and_merge_stay_in_readable_records(self):
        duplicate = self._new_beneficiary(self.company, name="Fatima BENALI", phone="0611223344")
        self.assertEqual(self.beneficiary.duplicate_ids, duplicate)
        self.env["ir.rule"].create(
            {
                "name": "Hide the duplicate",
                "model_id": self.env.ref("inclusion_numerique.model_inclusion_beneficiary").id,
                "domain_force": f"[('id', '!=', {duplicate.id})]",
            }
        )
        beneficiary = self._as(self.mediator, "inclusion.beneficiary").browse(self.beneficiary.id)
        self.assertFalse(beneficiary.duplicate_ids)
        self.assertFalse(beneficiary.is_probable_duplicate)
        # Merging another structure's beneficiary, or a hidden one, into one's own
        # copies and archives nothing.
        for other in (self.beneficiary_b, duplicate):
            wizard = self._as(self.mediator, "inclusion.beneficiary.merge").create(
                {
                    "beneficiary_ids": [Command.set([self.beneficiary.id, other.id])],
                    "target_id": self.beneficiary.id,
                }
            )
            with self.assertRaises(UserError) as caught:
                wizard.action_merge()
            self._assert_reveals_nothing(caught.exception)
            self.assertTrue(other.active)
        self.assertFalse(self.beneficiary.city)
        # A user of both structures cannot merge across them either.
        other = self._new_beneficiary(self.company_b, name="Fatima Benali")
        wizard = self._as(
            self.multi_manager,
            "inclusion.beneficiary.merge",
            allowed_company_ids=[self.company.id, self.company_b.id],
        ).create(
            {
                "beneficiary_ids": [Command.set([self.beneficiary.id, other.id])],
                "target_id": self.beneficiary.id,
            }
        )
        with self.assertRaisesRegex(UserError, "même structure"):
            wizard.action_merge()
        self.assertTrue(other.active)

    def test_finding_3_employee_cannot_read_beneficiary_contact(self):
        partner = self.beneficiary.partner_id
        Partner = self._as(self.employee_user, "res.partner")
        self.assertFalse(Partner.search_read([("id", "=", partner.id)], ["phone", "email"]))
        self.assertFalse(Partner.search([("phone", "=", "06 11 22 33 44")]))
        with self.assertRaises(AccessError):
            Partner.browse(partner.id).read(["phone", "email", "street"])
        # Archived files stay hidden too.
        self.beneficiary.action_archive()
        with self.assertRaises(AccessError):
            self._as(self.employee_user, "res.partner").browse(partner.id).read(["email"])
        # Partners of users and companies stay visible to everyone.
        visible = Partner.browse((self.mediator.partner_id | self.company.partner_id).ids)
        self.assertEqual(len(visible.read(["name"])), 2)
        for user in (self.mediator, self.adviser, self.accountant):
            record = self._as(user, "res.partner").browse(partner.id)
            self.assertEqual(record.read(["email"])[0]["email"], "fatima@example.com")
        # Accountants read them for invoices and receipts, but do not change them.
        accountant = self.accountant
        accountant.groups_id |= self.env.ref("base.group_partner_manager")
        with self.assertRaises(AccessError):
            self._as(accountant, "res.partner").browse(partner.id).write({"phone": "0100000000"})

    def test_finding_4_mediator_is_not_a_contact_manager(self):
        for user in (self.mediator, self.adviser):
            self.assertFalse(user.has_group("base.group_partner_manager"))
        supplier = self.env["res.partner"].create({"name": "Fournisseur informatique"})
        with self.assertRaises(AccessError):
            self._as(self.mediator, "res.partner.bank").create(
                {"acc_number": "FR7630006000011234567890189", "partner_id": supplier.id}
            )
        with self.assertRaises(AccessError):
            self._as(self.mediator, "res.partner").browse(supplier.id).unlink()
        with self.assertRaises(AccessError):
            self._as(self.mediator, "res.partner").browse(supplier.id).write({"phone": "1"})
        # Beneficiaries still keep their own contact up to date.
        Beneficiary = self._as(self.mediator, "inclusion.beneficiary")
        created = Beneficiary.create({"name": "Karim Haddad", "phone": "0612345678"})
        self.assertEqual(created.partner_id.phone, "06 12 34 56 78")
        created.write({"name": "Karim HADDAD", "email": "karim@example.com", "city": "Stains"})
        partner = created.partner_id
        self.assertEqual(
            (partner.name, partner.email, partner.city),
            ("Karim HADDAD", "karim@example.com", "Stains"),
        )
        self.assertEqual(created.name, "Karim HADDAD")
        # ...but no other contact can be taken over through a beneficiary file.
        with self.assertRaises(AccessError):
            Beneficiary.create({"partner_id": supplier.id, "phone": "0612345678"})
        with self.assertRaises(AccessError):
            created.write({"partner_id": supplier.id})
        self.assertFalse(supplier.phone)

    def test_finding_7_consent_cannot_be_forged(self):
        Beneficiary = self._as(self.mediator, "inclusion.beneficiary")
        tomorrow = fields.Date.add(fields.Date.today(), days=1)
        with self.assertRaisesRegex(ValidationError, "consentement ne peut pas être dans le"):
            Beneficiary.create({"name": "Awa Sy", "consent_date": tomorrow})
        with self.assertRaisesRegex(UserError, "renseigné automatiquement"):
            Beneficiary.create(
                {
                    "name": "Awa Sy",
                    "consent_date": fields.Date.today(),
                    "consent_user_id": self.manager.id,
                }
            )
        beneficiary = Beneficiary.create({"name": "Awa Sy", "consent_date": fields.Date.today()})
        self.assertEqual(beneficiary.consent_user_id, self.mediator)
        with self.assertRaises(ValidationError):
            beneficiary.write({"consent_date": tomorrow})
        with self.assertRaises(UserError):
            beneficiary.write({"consent_user_id": self.manager.id})
        self.assertEqual(beneficiary.consent_user_id, self.mediator)
        # A new consent is recorded by whoever records it.
        beneficiary.with_user(self.manager).write({"consent_scope": "support_sharing"})
        self.assertEqual(beneficiary.consent_user_id, self.manager)

    def test_issue_10_support_date_does_not_depend_on_the_user_time_zone(self):
        mediator = self._new_user("mediator_without_tz", "inclusion_numerique.group_mediator")
        mediator.tz = False
        start = datetime(2026, 3, 2, 12, 0)  # already 3 March in New Zealand
        support = self._as(mediator, "inclusion.support", tz="Pacific/Auckland").create(
            self._support_values(start=start)
        )
        self.assertEqual(DEFAULT_TZ, "Europe/Paris")
        self.assertEqual(support.date, fields.Date.to_date("2026-03-02"))


@tagged("post_install", "-at_install")
class TestSecurityHttp(HttpCase):
    """The same attacks through the web client's JSON-RPC route."""

    def _call_kw(self, model, method, args, kwargs=None):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        }
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    def test_finding_1_and_3_through_call_kw(self):
        company_b = self.env["res.company"].create({"name": "CCAS de Stains"})
        secret = (
            self.env["inclusion.beneficiary"]
            .with_company(company_b)
            .create(
                {
                    "name": "Secret Stains",
                    "company_id": company_b.id,
                    "consent_date": fields.Date.today(),
                    "gender": "female",
                    "phone": "0611223344",
                }
            )
        )
        for login, groups in (
            ("sec_http_mediator", "inclusion_numerique.group_mediator"),
            ("sec_http_employee", "base.group_user"),
        ):
            new_test_user(self.env, login=login, groups=groups, lang="fr_FR")
        self.authenticate("sec_http_mediator", "sec_http_mediator")
        result = self._call_kw(
            "inclusion.support",
            "onchange",
            [[], {"beneficiary_id": secret.id}, ["beneficiary_id"], PERSON_SPEC],
        )
        self.assertIn("error", result)
        self.assertNotIn("Secret Stains", json.dumps(result))
        self.assertNotIn("female", json.dumps(result))
        self.authenticate("sec_http_employee", "sec_http_employee")
        result = self._call_kw(
            "res.partner",
            "search_read",
            [[("id", "=", secret.partner_id.id)]],
            {"fields": ["phone", "name"]},
        )
        self.assertEqual(result["result"], [])
