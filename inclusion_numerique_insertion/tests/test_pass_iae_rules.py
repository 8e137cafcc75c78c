"""PASS IAE, eligibility and exit rules, cross-checked against Les emplois de l'inclusion
(gip-inclusion/les-emplois, itou/approvals, itou/eligibility and tests/approvals/tests.py).
Every refused input must leave nothing saved and say why in French."""

from datetime import date, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import InsertionCase

CRITERION = "inclusion_numerique_insertion.eligibility_criterion_%s"


@tagged("post_install", "-at_install")
@freeze_time("2027-06-01")
class TestPassIaeRules(InsertionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Everything in French: the refusals are asserted on the messages users read.
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR"))
        cls.passes = cls.env["inclusion.pass.iae"]
        cls.beneficiary = cls.env["inclusion.beneficiary"].create(
            {
                "name": "Fatima Benali",
                "employee_id": cls.employee.id,
                "consent_date": "2025-12-01",
                "birthdate": "1975-09-15",
            }
        )

    def _criteria(self, *codes):
        return [Command.set([self.env.ref(CRITERION % code).id for code in codes])]

    def _prolong(self, pass_iae, reason, start, end, request="2027-06-01"):
        return self.env["inclusion.pass.iae.prolongation"].create(
            {
                "pass_id": pass_iae.id,
                "reason": reason,
                "request_date": request,
                "date_start": start,
                "date_end": end,
            }
        )

    def _grant(self, prolongation):
        prolongation.prescriber_id = self.env["res.partner"].create({"name": "France Travail"})
        prolongation.action_grant()

    # Default duration and waiting period ------------------------------------------------

    def test_default_end_is_730_days_minus_one(self):
        """Approval.get_default_end_date(): start + DEFAULT_APPROVAL_DAYS (2 * 365) - 1 day.
        Across 29 February 2028 it is one day before "two years minus a day"."""
        pass_iae = self._pass(date_start="2027-03-01")
        self.assertEqual(pass_iae.date_end_initial, date(2029, 2, 27))
        self.assertEqual((pass_iae.date_end - pass_iae.date_start).days + 1, 730)

    def test_second_pass_refused_during_the_waiting_period(self):
        """TestApprovalModel.test_waiting_period_end: a PASS ending on 2000-01-01 has its
        waiting period until 2002-01-01 included (WAITING_PERIOD_YEARS = 2)."""
        self._pass(date_start="1998-01-02", date_end_initial="2000-01-01")
        for start in ("1999-06-01", "2000-01-02", "2002-01-01"):
            with self.assertRefused(ValidationError, "délai de carence|déjà un PASS IAE"):
                self.passes.create(
                    {"name": "999997654321", "employee_id": self.employee.id, "date_start": start}
                )
        self.assertEqual(self.passes.search_count([("employee_id", "=", self.employee.id)]), 1)
        second = self.passes.create(
            {"name": "999997654321", "employee_id": self.employee.id, "date_start": "2002-01-02"}
        )
        self.assertEqual(second.date_end, date(2004, 1, 1))

    # Suspensions ----------------------------------------------------------------------

    def _suspend(self, pass_iae, reason, start, end):
        return pass_iae.write(
            {
                "suspension_ids": [
                    Command.create({"reason": reason, "date_start": start, "date_end": end})
                ]
            }
        )

    def test_suspension_lasts_36_months_at_most(self):
        """Suspension.get_max_end_at(): start + MAX_DURATION_MONTHS (36) - 1 day."""
        pass_iae = self._pass(date_start="2027-01-01")
        with self.assertRefused(ValidationError, "36 mois au plus.*31/12/2029"):
            self._suspend(pass_iae, "contract_suspended", "2027-01-01", "2030-01-01")
        self.assertFalse(pass_iae.suspension_ids)
        self._suspend(pass_iae, "contract_suspended", "2027-01-01", "2029-12-31")
        self.assertEqual(pass_iae.suspended_days, 1096)
        self.assertEqual(pass_iae.date_end, date(2028, 12, 30) + timedelta(days=1096))

    def test_suspension_backdated_365_days_at_most(self):
        """Suspension.next_min_start_at(): today - MAX_RETROACTIVITY_DURATION_DAYS (365)."""
        pass_iae = self._pass(date_start="2026-01-01")
        with self.assertRefused(ValidationError, "365 jours dans le passé.*01/06/2026"):
            self._suspend(pass_iae, "contract_broken", "2026-05-31", "2026-07-31")
        self.assertFalse(pass_iae.suspension_ids)
        self._suspend(pass_iae, "contract_broken", "2026-06-01", "2026-07-31")
        self.assertEqual(len(pass_iae.suspension_ids), 1)

    def test_passerelle_only_in_ei_and_aci_and_cta_reason(self):
        """Suspension.Reason.displayed_choices_for_siae(): CONTRAT_PASSERELLE for ACI and EI
        only; APPROVAL_BETWEEN_CTA_MEMBERS for everyone (no "change of structure")."""
        reasons = dict(self.env["inclusion.pass.iae.suspension"]._fields["reason"].selection)
        self.assertIn("cta_agreement", reasons)
        self.assertNotIn("structure_move", reasons)
        pass_iae = self._pass(date_start="2027-01-01")
        self._contract(date_start="2027-01-01", siae_kind="ai", pass_iae_id=pass_iae.id)
        with self.assertRefused(ValidationError, "contrat passerelle.*EI ou une ACI"):
            self._suspend(pass_iae, "passerelle", "2027-03-01", "2027-04-30")
        self.assertFalse(pass_iae.suspension_ids)
        self._suspend(pass_iae, "cta_agreement", "2027-03-01", "2027-04-30")
        pass_iae.contract_ids.siae_kind = "ei"
        self._suspend(pass_iae, "passerelle", "2027-05-01", "2027-05-31")
        self.assertEqual(len(pass_iae.suspension_ids), 2)

    # Prolongations --------------------------------------------------------------------

    def test_prolongation_caps_per_request_and_in_all(self):
        """PROLONGATION_RULES: 365 days a request; RQTH 3 * 365 in all, counting every
        prolongation of the PASS (get_max_end_at() / get_cumulative_duration_for());
        SENIOR_CDI up to 10 * 365 days. A pending request does not move the end date."""
        pass_iae = self._pass(date_start="2026-01-01")
        self._contract(
            date_start="2026-01-01",
            pass_iae_id=pass_iae.id,
            eligibility_criterion_ids=self._criteria("rsa", "disability"),
            eligibility_date="2025-12-01",
        )
        with self.assertRefused(ValidationError, "limitée à 365 jours par demande"):
            self._prolong(pass_iae, "training", "2028-01-01", "2029-01-05")
        with self.assertRefused(ValidationError, "12 mois avant la fin"):
            self._prolong(pass_iae, "training", "2028-01-01", "2028-06-30", request="2026-12-01")
        training = self._prolong(pass_iae, "training", "2028-01-01", "2028-12-30")
        self.assertEqual(training.state, "granted")
        self.assertEqual(pass_iae.date_end, date(2028, 12, 30))
        first = self._prolong(pass_iae, "rqth", "2028-12-31", "2029-12-30", request="2028-06-01")
        self.assertEqual(first.state, "requested")
        self.assertEqual(pass_iae.date_end, date(2028, 12, 30))
        with freeze_time("2028-06-20"):
            self._grant(first)
        self.assertEqual((first.state, first.decision_date), ("granted", date(2028, 6, 20)))
        self.assertEqual(pass_iae.date_end, date(2029, 12, 30))
        second = self._prolong(pass_iae, "rqth", "2029-12-31", "2030-12-30", request="2029-06-01")
        with freeze_time("2029-06-20"):
            self._grant(second)
        # 365 (training) + 365 + 365 = 1095: one more day of RQTH exceeds the cap.
        with self.assertRefused(ValidationError, "limitées à 1095 jours au total"):
            self._prolong(pass_iae, "rqth", "2030-12-31", "2030-12-31", request="2030-06-01")
        self.assertEqual(len(pass_iae.prolongation_ids), 3)
        self.assertEqual(pass_iae.date_end, date(2030, 12, 30))

    def test_request_refused_by_the_prescriber_does_not_move_the_end(self):
        pass_iae = self._pass(date_start="2026-01-01")
        request = self._prolong(
            pass_iae, "senior", "2028-01-01", "2028-12-30", request="2027-05-15"
        )
        with self.assertRefused(UserError, "prescripteur habilité"):
            request.action_refuse()
        with self.assertRefused(UserError, "boutons"):
            request.write({"state": "granted"})
        request.prescriber_id = self.env["res.partner"].create({"name": "Mission locale"})
        with self.assertRefused(ValidationError, "entre la date de la demande et aujourd'hui"):
            request.decision_date = "2027-05-14"
        request.decision_date = "2027-05-20"
        request.action_refuse()
        self.assertEqual((request.state, request.decision_date), ("refused", date(2027, 5, 20)))
        self.assertEqual(pass_iae.date_end, date(2027, 12, 31))
        with self.assertRefused(UserError, "Seule une demande en attente"):
            request.action_grant()
        with self.assertRefused(UserError, "boutons"):
            self.env["inclusion.pass.iae.prolongation"].create(
                {
                    "pass_id": pass_iae.id,
                    "reason": "rqth",
                    "state": "granted",
                    "date_start": "2028-01-01",
                    "date_end": "2028-03-31",
                }
            )
        self.assertEqual(pass_iae.prolongation_ids, request)

    def test_reason_must_fit_the_person(self):
        """Age for 50+ (born 1975-09-15: 51 on 2027-06-01), RQTH recorded, CDI inclusion
        with a person aged 57 or more, SIAE kind for particular difficulties
        (test_clean_limit_particular_difficulties_to_some_siaes_error)."""
        pass_iae = self._pass(date_start="2026-01-01")
        contract = self._contract(date_start="2026-01-01", siae_kind="ei", pass_iae_id=pass_iae.id)
        for reason, message in (
            ("rqth", "Aucune reconnaissance de handicap"),
            ("senior_cdi", "CDI inclusion"),
            ("particular_difficulties", "AI ou un ACI"),
        ):
            with self.assertRefused(ValidationError, message):
                self._prolong(pass_iae, reason, "2028-01-01", "2028-06-30")
        self.beneficiary.birthdate = "1980-01-01"
        with self.assertRefused(ValidationError, "n'a pas 50 ans ou plus le 01/06/2027"):
            self._prolong(pass_iae, "senior", "2028-01-01", "2028-06-30")
        self.beneficiary.birthdate = False
        with self.assertRefused(ValidationError, "date de naissance"):
            self._prolong(pass_iae, "senior", "2028-01-01", "2028-06-30")
        self.beneficiary.birth_year = 1977  # 50 in 2027 (birth year only: as age brackets)
        self._prolong(pass_iae, "senior", "2028-01-01", "2028-06-30").unlink()
        self.assertFalse(pass_iae.prolongation_ids)
        self.beneficiary.birthdate = "1968-01-01"
        contract.write({"siae_kind": "aci", "insertion_contract_type": "cdi_inclusion"})
        for reason in ("senior_cdi", "particular_difficulties", "senior"):
            self._prolong(pass_iae, reason, "2028-01-01", "2028-06-30").unlink()

    # Eligibility ----------------------------------------------------------------------

    def test_criteria_list_and_levels(self):
        """itou/eligibility/data/administrative_criteria.json: 18 IAE criteria, RSA, ASS,
        AAH and DETLD at level 1, mobility (PM) and REF_DA (refugees, asylum seekers,
        temporary protection) among level 2."""
        criteria = self.env["inclusion.eligibility.criterion"].search([])
        self.assertEqual(len(criteria), 18)
        levels = {c.code: c.level for c in criteria}
        self.assertEqual(
            {code for code, level in levels.items() if level == "1"},
            {"rsa", "ass", "aah", "detld"},
        )
        self.assertEqual(levels["mobility"], "2")
        refugee = self.env.ref(CRITERION % "refugee").with_context(lang="fr_FR")
        self.assertRegex(refugee.name, "protection .*temporaire.*demandeur d'asile")

    def test_eligibility_rule_by_siae_kind_and_validity(self):
        """ADMINISTRATIVE_CRITERIA_LEVEL_2_REQUIRED_FOR_SIAE_KIND: AI/ETTI 2, ACI/EI/EITI 3;
        EXPIRATION_DELAY_MONTHS = 6."""
        contracts = self.env["hr.contract"]
        two_level_2 = self._criteria("qpv", "mobility")
        with self.assertRefused(ValidationError, "pas éligible en ACI.*3 critères de niveau 2"):
            self._contract(
                date_start="2027-05-01",
                eligibility_criterion_ids=two_level_2,
                eligibility_date="2027-04-01",
            )
        self.assertFalse(contracts.search([("employee_id", "=", self.employee.id)]))
        ai = self._contract(
            date_start="2027-05-01",
            siae_kind="ai",
            eligibility_criterion_ids=two_level_2,
            eligibility_date="2027-04-01",
        )
        with self.assertRefused(ValidationError, "pas éligible en EI"):
            ai.siae_kind = "ei"
        self.assertEqual(ai.siae_kind, "ai")
        ai.eligibility_criterion_ids = self._criteria("detld")
        ai.siae_kind = "ei"
        with self.assertRefused(ValidationError, "valable 6 mois"):
            ai.eligibility_date = "2026-11-01"
        with self.assertRefused(ValidationError, "date du diagnostic"):
            ai.eligibility_date = False
        self.assertEqual(ai.eligibility_date, date(2027, 4, 1))
        ai.eligibility_date = "2026-11-02"
        self.assertEqual(ai.eligibility_date, date(2026, 11, 2))
        # HR officers may not read the diagnosis: the refusal does not give its date.
        with self.assertRaises(ValidationError) as caught:
            ai.with_user(self.hr_officer).date_start = "2027-06-01"
        self.assertIn("adressez-vous à l'équipe insertion", str(caught.exception))
        self.assertNotIn("02/11/2026", str(caught.exception))
        self.assertEqual(ai.date_start, date(2027, 5, 1))

    # Exits ----------------------------------------------------------------------------

    def test_counted_exits_need_the_minimum_stay(self):
        """Sorties dynamiques: exits after less than 3 months (ACI, EI, EITI) or 150 hours
        (AI, ETTI) are not counted; a pre-qualifying training is a positive exit."""
        reason = self.env.ref("inclusion_numerique_insertion.exit_reason_pre_qualifying_training")
        self.assertEqual(reason.category, "positive")
        employees = self.env["hr.employee"].create([{"name": f"Salarié {i}"} for i in range(4)])
        cases = [
            # (kind, weekly hours, start, exit, counted)
            ("aci", 26, "2027-01-01", "2027-03-31", True),
            ("aci", 26, "2027-01-01", "2027-03-30", False),
            ("ai", 20, "2027-01-01", "2027-02-22", True),  # 53 days * 20 / 7 = 151 h
            ("ai", 20, "2027-01-01", "2027-02-20", False),  # 51 days: 145 h
        ]
        contracts = self.env["hr.contract"].create(
            [
                {
                    "name": f"CDDI {employee.name}",
                    "employee_id": employee.id,
                    "wage": 1400.0,
                    "is_insertion": True,
                    "siae_kind": kind,
                    "weekly_hours": hours,
                    "date_start": start,
                    "exit_date": exit_date,
                    "exit_reason_id": reason.id,
                }
                for employee, (kind, hours, start, exit_date, _c) in zip(
                    employees, cases, strict=True
                )
            ]
        )
        self.assertEqual(contracts.mapped("is_counted_exit"), [c[-1] for c in cases])
        self.assertEqual(contracts.mapped("is_dynamic_exit"), [c[-1] for c in cases])
        self.env.flush_all()  # the report is a view over the contracts
        report = self.env["inclusion.insertion.report"].search(
            [("contract_id", "in", contracts.ids), ("event", "=", "exit")]
        )
        self.assertEqual(sum(report.mapped("counted_exit_count")), 2)
        self.assertEqual(sum(report.mapped("dynamic_exit_count")), 2)
