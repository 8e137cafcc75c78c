import html
import json

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestPortalPages(PortalCase, HttpCase):
    """The portal pages as a referring partner would use and attack them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls._refer(person_name="Ahmed Benslimane")
        cls.theirs = cls._refer(cls.referrer_b, person_name="Martine Lecoq")
        cls.theirs.sudo()._ensure_beneficiary()
        cls.secret = cls._new_beneficiary(cls.company, name="Secret Personne", gender="female")
        cls.secret.message_post(body="Hébergement d'urgence", message_type="comment")

    def setUp(self):
        super().setUp()
        self.authenticate(self.referrer_a.login, self.referrer_a.login)

    def _call_kw(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_list_shows_own_organisation_referrals_only(self):
        page = self.url_open("/my/referrals")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Ahmed Benslimane", page.text)
        self.assertNotIn("Martine Lecoq", page.text)
        self.assertIn("Orientations", page.text)
        mine = self.url_open(f"/my/referrals/{self.mine.id}")
        self.assertEqual(mine.status_code, 200)
        self.assertIn("Reçue", mine.text)

    def test_another_organisation_referral_is_not_found(self):
        for url in (f"/my/referrals/{self.theirs.id}", "/my/referrals/999999"):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 404)
            self.assertNotIn("Martine Lecoq", response.text)
        response = self.url_open(
            f"/my/referrals/{self.theirs.id}/book",
            data={"csrf_token": self.csrf_token(), "slot_id": "1"},
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.theirs.sudo().support_id)

    def csrf_token(self):
        page = self.url_open("/my/referrals/new")
        marker = 'name="csrf_token" value="'
        start = page.text.index(marker) + len(marker)
        return page.text[start : page.text.index('"', start)]

    def test_new_referral_form(self):
        count = self.env["inclusion.referral"].search_count([])
        form = {
            "csrf_token": self.csrf_token(),
            "person_name": "Nadia Chérif",
            "need": "Prendre rendez-vous chez le médecin en ligne.",
            "theme_ids": str(self.health.id),
        }
        refused = self.url_open("/my/referrals/new", data=form)
        self.assertIn("qu'avec son accord", html.unescape(refused.text))
        self.assertIn("Nadia Chérif", refused.text)  # what was typed is kept
        self.assertEqual(self.env["inclusion.referral"].search_count([]), count)
        refused = self.url_open(
            "/my/referrals/new", data=dict(form, person_agreement="1", person_phone="12")
        )
        self.assertIn("numéro de téléphone", refused.text)
        self.assertEqual(self.env["inclusion.referral"].search_count([]), count)
        sent = self.url_open("/my/referrals/new", data=dict(form, person_agreement="1"))
        referral = self.env["inclusion.referral"].search([("person_name", "=", "Nadia Chérif")])
        self.assertTrue(sent.url.endswith(f"/my/referrals/{referral.id}"))
        self.assertEqual(referral.organisation_id, self.org_a)
        self.assertEqual(referral.theme_ids, self.health)

    def test_partner_books_a_slot_in_the_portal(self):
        slot = self._slot(reserved_partner_id=self.org_a.id)
        page = self.url_open(f"/my/referrals/{self.mine.id}")
        self.assertIn(f'value="{slot.id}"', page.text)
        self.url_open(
            f"/my/referrals/{self.mine.id}/book",
            data={"csrf_token": self.csrf_token(), "slot_id": str(slot.id)},
        )
        self.assertEqual(self.mine.state, "booked")
        self.assertTrue(slot.is_booked)

    @mute_logger("odoo.http")
    def test_no_beneficiary_through_call_kw_or_mail_routes(self):
        for model, method, args, kwargs in (
            ("inclusion.beneficiary", "search_read", [[]], {"fields": ["name"]}),
            ("inclusion.beneficiary", "read", [self.secret.ids, ["name"]], {}),
            ("inclusion.referral", "read", [self.mine.ids, ["beneficiary_id"]], {}),
            ("inclusion.referral", "read", [self.theirs.ids, ["person_name"]], {}),
            ("inclusion.support", "search_read", [[]], {"fields": ["beneficiary_id"]}),
            ("inclusion.slot", "search_read", [[]], {"fields": ["support_id"]}),
        ):
            with self.subTest(model=model, method=method):
                with self.assertRaises(Exception) as caught:
                    self._call_kw(model, method, args, kwargs)
                self.assertNotIn("Secret Personne", str(caught.exception))
                self.assertNotIn("Martine Lecoq", str(caught.exception))
        rows = self._call_kw(
            "inclusion.referral", "search_read", [[]], {"fields": ["person_name", "state"]}
        )
        self.assertNotIn("Martine Lecoq", json.dumps(rows))
        self.assertIn("Ahmed Benslimane", json.dumps(rows))
        for thread in (self.secret, self.theirs.sudo().beneficiary_id):
            try:
                result = self.make_jsonrpc_request(
                    "/mail/thread/messages",
                    {"thread_model": "inclusion.beneficiary", "thread_id": thread.id},
                )
            except Exception as error:
                result = str(error)
            self.assertNotIn("Hébergement", json.dumps(result))
            self.assertNotIn("Secret Personne", json.dumps(result))
