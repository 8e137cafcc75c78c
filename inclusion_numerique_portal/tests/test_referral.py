from datetime import datetime, time, timedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestReferral(PortalCase):
    def test_partner_refers_for_their_own_organisation(self):
        referral = self._refer(person_phone="06 12 45 78 90")
        self.assertEqual(referral.organisation_id, self.org_a)
        self.assertEqual(referral.referrer_id, self.referrer_a)
        self.assertEqual(referral.state, "received")
        self.assertEqual(referral.person_phone, "06 12 45 78 90")

    def test_partner_cannot_choose_the_organisation_or_the_structure_fields(self):
        referrals = self.env["inclusion.referral"].with_user(self.referrer_a)
        count = self.env["inclusion.referral"].search_count([])
        for forged in (
            {"organisation_id": self.org_b.id},
            {"referrer_id": self.referrer_b.id},
            {"is_closed": True},
            {"beneficiary_id": self._new_beneficiary(self.company, name="Autre").id},
        ):
            with self.assertRaises(AccessError), self._undo():
                referrals.create(self._referral_values(**forged))
        self.assertEqual(self.env["inclusion.referral"].search_count([]), count)

    def test_bad_inputs_are_refused_in_french_and_nothing_saved(self):
        referrals = self.env["inclusion.referral"].with_user(self.referrer_a)
        count = self.env["inclusion.referral"].search_count([])
        with self.assertRaisesRegex(ValidationError, "qu'avec son accord"), self._undo():
            referrals.create(self._referral_values(person_agreement=False))
        with self.assertRaisesRegex(ValidationError, "numéro de téléphone"), self._undo():
            referrals.create(self._referral_values(person_phone="12"))
        with self.assertRaisesRegex(ValidationError, "adresse e-mail"), self._undo():
            referrals.create(self._referral_values(person_email="pas-un-mail"))
        with self.assertRaisesRegex(ValidationError, "nom de la personne"), self._undo():
            referrals.create(self._referral_values(person_name="  "))
        with self.assertRaisesRegex(AccessError, "organisation partenaire"), self._undo():
            self._refer(self.lone_portal)
        self.assertEqual(self.env["inclusion.referral"].search_count([]), count)

    def test_partners_read_their_organisation_referrals_only(self):
        mine = self._refer()
        colleague = self._refer(self.colleague_a, person_name="Sylvie Martin")
        other = self._refer(self.referrer_b, person_name="Gérard Lefèvre")
        referrals = self.env["inclusion.referral"].with_user(self.referrer_a)
        self.assertEqual(referrals.search([]), mine | colleague)
        with self.assertRaises(AccessError):
            other.with_user(self.referrer_a).read(["person_name"])
        with self.assertRaises(AccessError):
            mine.with_user(self.referrer_a).write({"need": "Autre chose"})
        with self.assertRaises(AccessError):
            mine.with_user(self.referrer_a).unlink()

    def test_partners_never_reach_the_beneficiary_file(self):
        referral = self._refer()
        referral.sudo()._ensure_beneficiary()
        as_partner = referral.with_user(self.referrer_a)
        for fname in ("beneficiary_id", "support_id"):
            with self.assertRaises(AccessError):
                as_partner.read([fname])
        beneficiaries = self.env["inclusion.beneficiary"].with_user(self.referrer_a)
        with self.assertRaises(AccessError):
            beneficiaries.search([])
        with self.assertRaises(AccessError):
            referral.sudo().beneficiary_id.with_user(self.referrer_a).read(["name"])
        with self.assertRaises(AccessError):
            as_partner.search([("beneficiary_id.name", "=", "Ahmed Benslimane")])

    def test_file_created_from_the_referral_records_the_consent(self):
        referral = self._refer(sharing_agreed=False)
        beneficiary = referral.with_user(self.mediator)._ensure_beneficiary()
        self.assertEqual(beneficiary.name, "Ahmed Benslimane")
        self.assertEqual(beneficiary.phone, "06 12 45 78 90")
        self.assertEqual(beneficiary.consent_scope, "support")
        self.assertEqual(beneficiary.prescriber_partner_id, self.org_a)
        self.assertEqual(referral.with_user(self.mediator)._ensure_beneficiary(), beneficiary)

    def test_outcome_follows_the_appointment_and_the_consent(self):
        referral = self._refer()
        slot = self._slot()
        support = slot._book(referral=referral)
        self.assertEqual(referral.state, "booked")
        support.write({"autonomy": "partly_autonomous", "orientation": "procedure_help"})
        self._tell_outcome(support)
        as_partner = referral.with_user(self.referrer_a)
        self.assertEqual(as_partner.state, "seen")
        self.assertTrue(as_partner.outcome_shared)
        self.assertEqual(as_partner.outcome_autonomy, "partly_autonomous")
        self.assertEqual(as_partner.outcome_theme_ids, self.health)
        self.assertEqual(as_partner.outcome_date, support.date)
        # The person withdraws the sharing: the referrer no longer reads the outcome.
        referral.sudo().beneficiary_id.consent_scope = "support"
        as_partner.invalidate_recordset()
        self.assertFalse(as_partner.outcome_shared)
        self.assertFalse(as_partner.outcome_autonomy)
        self.assertFalse(as_partner.outcome_theme_ids)
        referral.with_user(self.mediator).action_close()
        self.assertEqual(referral.state, "closed")

    def test_no_outcome_without_sharing_consent(self):
        referral = self._refer(sharing_agreed=False)
        support = self._slot()._book(referral=referral)
        support.write({"autonomy": "autonomous"})
        self._tell_outcome(support)
        self.assertEqual(referral.state, "seen")
        self.assertFalse(referral.outcome_shared)
        self.assertFalse(referral.with_user(self.referrer_a).outcome_autonomy)

    def test_referrals_analysis_per_organisation(self):
        seen = self._refer()
        self._refer(person_name="Sans rendez-vous")
        self._refer(self.referrer_b, person_name="Martine Lecoq")
        noon = datetime.combine(seen.date + timedelta(days=2), time(12))
        support = self._slot(start=noon)._book(referral=seen)
        support.write({"autonomy": "autonomous"})
        self._tell_outcome(support)
        self.env.flush_all()
        report = self.env["inclusion.referral.report"].with_user(self.mediator)
        domain = [("organisation_id", "in", (self.org_a | self.org_b).ids)]
        rows = report._read_group(
            domain, ["organisation_id"], ["referral_count:sum", "appointment_days:avg"]
        )
        # The referral still waiting for its appointment stays out of the average.
        self.assertEqual(
            {org: (count, days) for org, count, days in rows},
            {self.org_a: (2, 2.0), self.org_b: (1, False)},
        )
        outcomes = dict(report._read_group(domain, ["autonomy"], ["__count"]))
        self.assertEqual(outcomes["autonomous"], 1)
        with self.assertRaises(AccessError):
            report.with_user(self.referrer_a).search([])
