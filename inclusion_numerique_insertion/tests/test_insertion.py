from datetime import date

import psycopg2
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import InsertionCase


@tagged("post_install", "-at_install")
class TestInsertionContract(InsertionCase):
    @freeze_time("2026-06-15")
    def test_one_running_insertion_contract_per_employee(self):
        first = self._contract(date_start="2026-01-01", date_end="2026-03-31", state="open")
        self.assertTrue(self.employee.is_insertion_employee)
        contracts = self.env["hr.contract"].with_context(lang="fr_FR")
        with self.assertRefused(ValidationError, "a déjà un contrat d'insertion en cours"):
            contracts.create(
                {
                    "name": "Second CDDI",
                    "employee_id": self.employee.id,
                    "wage": 1400.0,
                    "is_insertion": True,
                    "date_start": "2026-04-01",
                    "state": "open",
                }
            )
        self.assertEqual(
            self.env["hr.contract"].search_count([("employee_id", "=", self.employee.id)]), 1
        )
        first.state = "close"
        self.assertFalse(self.employee.is_insertion_employee)
        second = self._contract(date_start="2026-04-01", state="open")
        self.assertEqual(self.employee.current_insertion_contract_id, second)
        self.assertEqual(self.employee.insertion_contract_count, 2)

    def test_weekly_hours_are_bounded(self):
        contract = self._contract(date_start="2026-01-01").with_context(lang="fr_FR")
        with self.assertRefused(ValidationError, "heures hebdomadaires"):
            contract.weekly_hours = 60

    def test_seeded_reference_lists(self):
        categories = set(self.env["inclusion.exit.reason"].search([]).mapped("category"))
        self.assertEqual(categories, {"durable", "transition", "positive", "other", "withdrawn"})
        self.assertFalse(
            self.env.ref("inclusion_numerique_insertion.exit_reason_group_move").is_dynamic
        )
        self.assertTrue(
            self.env.ref(
                "inclusion_numerique_insertion.exit_reason_qualifying_training"
            ).is_dynamic
        )
        self.assertGreaterEqual(self.env["inclusion.eligibility.criterion"].search_count([]), 15)
        french = self.env["inclusion.eligibility.criterion"].with_context(lang="fr_FR")
        self.assertEqual(
            french.browse(
                self.env.ref("inclusion_numerique_insertion.eligibility_criterion_rsa").id
            ).name,
            "Bénéficiaire du RSA",
        )
        with self.assertRaises(psycopg2.IntegrityError), mute_logger("odoo.sql_db"):
            self.env["inclusion.exit.reason"].create({"name": "Sans catégorie", "code": "none"})

    def test_employee_buttons_and_tab(self):
        pass_iae = self._pass(date_start="2026-01-01")
        contract = self._contract(date_start="2026-01-01", pass_iae_id=pass_iae.id)
        beneficiary = self.env["inclusion.beneficiary"].create(
            {"name": "Fatima Benali", "employee_id": self.employee.id}
        )
        employee = self.employee.with_user(self.adviser)
        self.assertEqual(employee.pass_iae_count, 1)
        action = employee.action_open_insertion_contracts()
        self.assertEqual(self.env["hr.contract"].search(action["domain"]), contract)
        self.assertEqual(
            employee.action_open_pass_iae()["domain"], [("employee_id", "=", self.employee.id)]
        )
        self.assertEqual(employee.action_open_beneficiary()["res_id"], beneficiary.id)
        self.assertEqual(pass_iae.adviser_id, self.adviser_employee)
        arch = (
            self.env["hr.employee"]
            .with_user(self.adviser)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn('name="insertion_contract_ids"', arch)
        self.assertIn("action_open_pass_iae", arch)


@tagged("post_install", "-at_install")
class TestPassIae(InsertionCase):
    def test_number_is_validated_and_normalised(self):
        passes = self.env["inclusion.pass.iae"].with_context(lang="fr_FR")
        for number in ("99999123456", "9999912345678", "99999-1234567"):
            with self.assertRefused(ValidationError, "exactement 12 caractères"):
                passes.create({"name": number, "employee_id": self.employee.id})
        self.assertFalse(passes.search([("employee_id", "=", self.employee.id)]))
        pass_iae = passes.create({"name": "99999 12345ab", "employee_id": self.employee.id})
        self.assertEqual(pass_iae.name, "9999912345AB")

    def test_default_end_and_end_before_start(self):
        pass_iae = self._pass(date_start="2026-01-01")
        self.assertEqual(pass_iae.date_end_initial, date(2027, 12, 31))
        self.assertEqual(pass_iae.date_end, date(2027, 12, 31))
        with self.assertRefused(ValidationError, "ne peut pas être antérieure"):
            pass_iae.with_context(lang="fr_FR").date_end_initial = "2025-12-01"

    @freeze_time("2026-06-01")  # suspensions are recorded at most 365 days after their start
    def test_status_follows_today(self):
        pass_iae = self._pass(
            date_start="2026-01-01",
            suspension_ids=[
                Command.create(
                    {
                        "reason": "contract_suspended",
                        "date_start": "2026-05-01",
                        "date_end": "2026-05-31",
                    }
                )
            ],
        )
        expected = {
            "2025-12-31": "future",
            "2026-03-01": "valid",
            "2026-05-15": "suspended",
            "2028-01-31": "valid",
            "2028-02-01": "expired",
        }
        for today, state in expected.items():
            with freeze_time(today):
                pass_iae.invalidate_recordset(["state"])
                self.assertEqual(pass_iae.state, state, today)
                passes = self.env["inclusion.pass.iae"]
                self.assertTrue(passes.search([("state", "=", state), ("id", "=", pass_iae.id)]))
                self.assertFalse(passes.search([("state", "!=", state), ("id", "=", pass_iae.id)]))

    @freeze_time("2026-06-01")
    def test_suspensions_push_the_end_and_never_overlap(self):
        pass_iae = self._pass(date_start="2026-01-01")
        pass_iae.suspension_ids = [
            Command.create(
                {"reason": "contract_broken", "date_start": "2026-03-01", "date_end": "2026-03-10"}
            )
        ]
        self.assertEqual(pass_iae.date_end, date(2028, 1, 10))
        french = pass_iae.with_context(lang="fr_FR")
        with self.assertRefused(ValidationError, "se chevauchent"):
            french.suspension_ids = [
                Command.create(
                    {"reason": "passerelle", "date_start": "2026-03-10", "date_end": "2026-04-10"}
                )
            ]
        with self.assertRefused(ValidationError, "ne peut pas se terminer avant"):
            french.suspension_ids = [
                Command.create(
                    {"reason": "passerelle", "date_start": "2026-06-10", "date_end": "2026-06-01"}
                )
            ]
        self.assertEqual(len(pass_iae.suspension_ids), 1)
        self.assertEqual(pass_iae.date_end, date(2028, 1, 10))

    def test_expiry_alerts_three_and_one_month_before_once_each(self):
        pass_iae = self._pass(date_start="2026-01-01")
        self._contract(date_start="2026-01-01", pass_iae_id=pass_iae.id)
        cron = self.env["inclusion.pass.iae"]

        def alerts():
            return pass_iae.activity_ids.filtered(lambda a: a.user_id == self.adviser)

        with freeze_time("2027-09-30"):
            cron._cron_warn_upcoming_expiry()
            self.assertFalse(alerts())
        for day in ("2027-10-01", "2027-10-02", "2027-11-30"):
            with freeze_time(day):
                cron._cron_warn_upcoming_expiry()
                self.assertEqual(len(alerts()), 1, day)
        self.assertEqual(alerts().summary, "Le PASS IAE se termine dans trois mois")
        for day in ("2027-12-01", "2027-12-15"):
            with freeze_time(day):
                cron._cron_warn_upcoming_expiry()
                self.assertEqual(len(alerts()), 2, day)
        self.assertIn("Le PASS IAE se termine dans un mois", alerts().mapped("summary"))
        self.assertIn("31/12/2027", alerts()[-1].note)


@tagged("post_install", "-at_install")
class TestInsertionExit(InsertionCase):
    @freeze_time("2026-06-15")
    def test_adviser_records_exit_with_follow_ups(self):
        contract = self._contract(date_start="2026-01-01", state="open")
        wizard = (
            self.env["inclusion.exit.wizard"]
            .with_user(self.adviser)
            .with_context(lang="fr_FR")
            .create({"contract_id": contract.id, "exit_date": "2026-06-12"})
        )
        with self.assertRefused(UserError, "Veuillez choisir le motif de sortie"):
            wizard.action_confirm()
        contract.invalidate_recordset()
        self.assertFalse(contract.exit_date)
        self.assertEqual(contract.state, "open")
        wizard.write(
            {"exit_reason_id": self.reason_cdi.id, "exit_destination": "CDI agent d'entretien"}
        )
        wizard.action_confirm()
        self.assertEqual(contract.exit_date, date(2026, 6, 12))
        self.assertEqual(contract.date_end, date(2026, 6, 12))
        self.assertEqual(contract.state, "close")
        self.assertEqual(contract.exit_category, "durable")
        self.assertFalse(self.employee.is_insertion_employee)
        self.assertEqual(
            sorted(contract.activity_ids.mapped("date_deadline")),
            [date(2026, 9, 12), date(2026, 12, 12)],
        )
        self.assertEqual(contract.activity_ids.user_id, self.adviser)

    def test_ended_contract_without_exit_reminds_the_adviser(self):
        contract = self._contract(date_start="2026-01-01", state="open")
        contract.state = "close"
        self.assertEqual(contract.activity_ids.user_id, self.adviser)
        self.assertEqual(contract.activity_ids.summary, "Enregistrer la sortie de Fatima Benali")

    def test_exit_without_reason_is_refused(self):
        contract = self._contract(date_start="2026-01-01")
        with self.assertRefused(ValidationError, "motif de sortie"):
            contract.with_context(lang="fr_FR").exit_date = "2026-03-01"
        contract.invalidate_recordset()
        self.assertFalse(contract.exit_date)

    def test_dynamic_exit_rate_report(self):
        reasons = ["cdi", "cdd_short", "unemployed", "group_move"]
        for index, code in enumerate(reasons):
            employee = self.env["hr.employee"].create({"name": f"Salarié {index}"})
            self._contract(
                employee_id=employee.id,
                date_start="2025-01-01",
                date_end="2025-12-31",
                exit_date="2025-12-31",
                exit_reason_id=self.env.ref(
                    f"inclusion_numerique_insertion.exit_reason_{code}"
                ).id,
            )
        report = self.env["inclusion.insertion.report"].with_user(self.manager)
        domain = [("employee_id.name", "like", "Salarié")]
        totals = report._read_group(
            domain,
            [],
            [
                "entry_count:sum",
                "exit_count:sum",
                "counted_exit_count:sum",
                "dynamic_exit_rate:avg",
            ],
        )[0]
        self.assertEqual(totals[:3], (4, 4, 3))
        self.assertAlmostEqual(totals[3], 200 / 3, places=2)
        by_category = dict(
            report._read_group([*domain, ("event", "=", "exit")], ["exit_category"], ["__count"])
        )
        self.assertEqual(by_category, {"durable": 1, "transition": 1, "other": 1, "withdrawn": 1})
        headcount = dict(
            self.env["hr.contract"]._read_group(
                [("is_insertion", "=", True), ("employee_id.name", "like", "Salarié")],
                ["siae_kind"],
                ["__count"],
            )
        )
        self.assertEqual(headcount, {"aci": 4})


@tagged("post_install", "-at_install")
class TestInsertionSecurity(InsertionCase):
    def test_each_role_sees_what_it_may(self):
        criterion = self.env.ref("inclusion_numerique_insertion.eligibility_criterion_rsa")
        pass_iae = self._pass(date_start="2026-01-01")
        contract = self._contract(
            date_start="2026-01-01",
            state="open",
            pass_iae_id=pass_iae.id,
            prescriber_type="france_travail",
            eligibility_criterion_ids=[Command.set(criterion.ids)],
            eligibility_date="2025-12-15",
        )
        private = [
            "eligibility_criterion_ids",
            "prescriber_type",
            "exit_reason_id",
            "exit_destination",
        ]
        for allowed in (self.adviser, self.manager):
            values = contract.with_user(allowed).read(private)[0]
            self.assertEqual(values["eligibility_criterion_ids"], criterion.ids)
            self.assertEqual(pass_iae.with_user(allowed).name, "999991234567")
        # HR officers follow the PASS IAE and the dates, not the social details.
        values = contract.with_user(self.hr_officer).read(["pass_iae_id", "exit_date"])[0]
        self.assertEqual(values["pass_iae_id"][0], pass_iae.id)
        for field in private:
            with self.assertRaises(AccessError):
                contract.with_user(self.hr_officer).read([field])
        line_manager = new_test_user(
            self.env, login="line_manager", groups="hr_contract.group_hr_contract_employee_manager"
        )
        self.employee.parent_id = self.env["hr.employee"].create(
            {"name": "Chef", "user_id": line_manager.id}
        )
        self.assertEqual(
            contract.with_user(line_manager).read(["name"])[0]["name"], "CDDI Fatima Benali"
        )
        for field in private:
            with self.assertRaises(AccessError):
                contract.with_user(line_manager).read([field])
        for denied in (self.mediator, self.accountant, self.employee_user):
            with self.assertRaises(AccessError):
                contract.with_user(denied).read(["name"])
            with self.assertRaises(AccessError):
                pass_iae.with_user(denied).read(["name"])
            with self.assertRaises(AccessError):
                criterion.with_user(denied).read(["name"])
            with self.assertRaises(AccessError):
                self.env["inclusion.insertion.report"].with_user(denied).search([])
        # Mediators know who is an insertion employee, nothing more.
        beneficiary = self.env["inclusion.beneficiary"].create(
            {"name": "Fatima Benali", "employee_id": self.employee.id}
        )
        self.assertTrue(beneficiary.with_user(self.mediator).is_insertion_employee)
        employee = self.env["hr.employee"].with_user(self.mediator).browse(self.employee.id)
        self.assertTrue(employee.is_insertion_employee)
        with self.assertRaises(AccessError):
            employee.read(["insertion_contract_ids"])

    def test_adviser_only_reaches_insertion_contracts(self):
        other = self.env["hr.contract"].create(
            {"name": "CDI secrétaire", "employee_id": self.adviser_employee.id, "wage": 2000.0}
        )
        contracts = self.env["hr.contract"].with_user(self.adviser)
        with self.assertRaises(AccessError):
            other.with_user(self.adviser).read(["name"])
        contract = self._contract(date_start="2026-01-01")
        self.assertEqual(
            contracts.search(
                [("employee_id", "in", [self.employee.id, self.adviser_employee.id])]
            ),
            contract,
        )
        contract.with_user(self.adviser).weekly_hours = 30
        with self.assertRaises(AccessError):
            contract.with_user(self.adviser).unlink()
        pass_iae = self._pass()
        with self.assertRaises(AccessError):
            pass_iae.with_user(self.adviser).unlink()


@tagged("post_install", "-at_install")
class TestInsertionPayroll(InsertionCase):
    def test_payslip_on_insertion_contract(self):
        if "hr.payslip" not in self.env:
            self.skipTest("OCA payroll is not installed")
        category = self.env["hr.salary.rule.category"].create({"name": "Base", "code": "BASIC"})
        rule = self.env["hr.salary.rule"].create(
            {
                "name": "Salaire de base",
                "code": "BASIC",
                "sequence": 1,
                "category_id": category.id,
                "condition_select": "none",
                "amount_select": "code",
                "amount_python_compute": "result = contract.wage",
            }
        )
        structure = self.env["hr.payroll.structure"].create(
            {"name": "CDDI", "code": "CDDI", "rule_ids": [Command.link(rule.id)]}
        )
        contract = self._contract(date_start="2026-01-01", state="open", struct_id=structure.id)
        payslip = self.env["hr.payslip"].create(
            {
                "employee_id": self.employee.id,
                "contract_id": contract.id,
                "struct_id": structure.id,
                "date_from": "2026-03-01",
                "date_to": "2026-03-31",
            }
        )
        payslip.compute_sheet()
        self.assertEqual(payslip.state, "verify")
        self.assertEqual(
            payslip.line_ids.filtered(lambda line: line.code == "BASIC").total, 1400.0
        )
