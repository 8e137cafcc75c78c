"""Regression tests of the security audit (issue 11), findings 2, 8 and 9, as each role."""

import json

from freezegun import freeze_time

from odoo import Command, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import BeneficiaryScopeCase, InsertionCase


@tagged("post_install", "-at_install")
class TestFinding2AdviserBeneficiaryScope(BeneficiaryScopeCase):
    def test_finding_2_adviser_sees_followed_or_shared_files_only(self):
        beneficiaries = self.env["inclusion.beneficiary"].with_user(self.adviser)
        visible = self.followed | self.cesf_followed | self.shared
        self.assertEqual(beneficiaries.search([("id", "in", self.all_files.ids)]), visible)
        rows = beneficiaries.search_read([("id", "in", self.all_files.ids)], ["name"])
        self.assertNotIn("Lucie Petit", [row["name"] for row in rows])
        groups = beneficiaries.read_group([("id", "in", self.all_files.ids)], ["name"], ["name"])
        self.assertNotIn("Lucie Petit", [group["name"] for group in groups])
        other = self.other.with_user(self.adviser)
        with self.assertRaises(AccessError):
            other.read(["name"])
        with self.assertRaises(AccessError):
            other.write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            other.unlink()
        with self.assertRaises(AccessError):
            other.message_post(body="Note")
        self.assertEqual(self.other.name, "Lucie Petit")
        # Naming oneself adviser of a colleague's contract does not open the file.
        omar_contract = self.cesf_followed.employee_id.contract_ids.with_user(self.adviser)
        with self.assertRaisesRegex(AccessError, "qui suit un contrat"):
            omar_contract.with_context(lang="fr_FR").insertion_adviser_id = self.adviser_employee
        with self.assertRaises(AccessError):
            self.contract.with_user(self.adviser).cesf_referent_id = self.adviser_employee
        self.contract.with_user(self.manager).cesf_referent_id = self.adviser_employee
        # The follow-up ends with the referents: a file of a person no longer followed closes.
        self.followed.with_user(self.adviser).write({"city": "Stains"})
        self.contract.write({"insertion_adviser_id": False, "cesf_referent_id": False})
        with self.assertRaises(AccessError):
            self.followed.with_user(self.adviser).read(["name"])

    def test_finding_2_support_diagnostics_attachments_and_messages(self):
        supports = self.env["inclusion.support"].with_user(self.adviser)
        found = supports.search([("beneficiary_id", "in", self.all_files.ids)])
        self.assertEqual(found.beneficiary_id, self.followed | self.shared)
        with self.assertRaises(AccessError):
            self.other_support.with_user(self.adviser).read(["beneficiary_id"])
        diagnostics = self.env["inclusion.diagnostic"].with_user(self.adviser)
        found = diagnostics.search([("beneficiary_id", "in", self.all_files.ids)])
        self.assertEqual(found.beneficiary_id, self.followed)
        attachments = self.env["ir.attachment"].with_user(self.adviser)
        found = attachments.search([("res_model", "=", "inclusion.beneficiary")])
        self.assertEqual(found, self.followed_attachment)
        with self.assertRaises(AccessError):
            self.other_attachment.with_user(self.adviser).read(["datas"])
        messages = self.env["mail.message"].with_user(self.adviser)
        found = messages.search(
            [("model", "=", "inclusion.beneficiary"), ("res_id", "=", self.other.id)]
        )
        self.assertFalse(found)

    def test_finding_2_mediators_and_managers_keep_every_file(self):
        both = self._new_user(
            "mediator_adviser",
            "inclusion_numerique.group_mediator,inclusion_numerique.group_insertion",
        )
        for user in (self.mediator, self.manager, both):
            beneficiaries = self.env["inclusion.beneficiary"].with_user(user)
            self.assertEqual(
                beneficiaries.search([("id", "in", self.all_files.ids)]),
                self.all_files,
                user.login,
            )
            supports = self.env["inclusion.support"].with_user(user)
            self.assertIn(self.other_support, supports.search([]), user.login)
            self.other.with_user(user).write({"city": "Stains"})

    def test_finding_2_sharing_needs_the_recorded_consent(self):
        beneficiaries = self.env["inclusion.beneficiary"].with_context(lang="fr_FR")
        with self.assertRaisesRegex(ValidationError, "partager le dossier"):
            beneficiaries.create({"name": "Sans consentement", "consent_insertion_sharing": True})
        self.other.consent_insertion_sharing = True
        self.assertEqual(self.other.with_user(self.adviser).name, "Lucie Petit")


@tagged("post_install", "-at_install")
class TestFinding2AdviserBeneficiaryScopeHttp(HttpCase, BeneficiaryScopeCase):
    def _call_kw(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def _export(self, ids, domain):
        return self.url_open(
            "/web/export/csv",
            data={
                "data": json.dumps(
                    {
                        "model": "inclusion.beneficiary",
                        "fields": [{"name": "name", "label": "Nom"}],
                        "ids": ids,
                        "domain": domain,
                        "import_compat": False,
                    }
                ),
                "csrf_token": http.Request.csrf_token(self),
            },
        )

    def test_finding_2_search_read_and_export_through_http(self):
        self.adviser.groups_id += self.env.ref("base.group_allow_export")
        self.authenticate(self.adviser.login, self.adviser.login)
        domain = [("id", "in", self.all_files.ids)]
        rows = self._call_kw("inclusion.beneficiary", "search_read", [domain, ["name"]])
        self.assertEqual({row["id"] for row in rows}, set(self.visible.ids))
        groups = self._call_kw(
            "inclusion.beneficiary",
            "web_read_group",
            [],
            {"domain": domain, "fields": [], "groupby": ["name"]},
        )
        self.assertNotIn("Lucie Petit", json.dumps(groups))
        exported = self._export(False, domain).text
        self.assertIn("Fatima Benali", exported)
        self.assertNotIn("Lucie Petit", exported)
        # Exporting the unreadable file by id is refused (and the refusal logged).
        with mute_logger("odoo.addons.web.controllers.export"):
            refused = self._export(self.all_files.ids, domain).text
        self.assertIn("odoo.exceptions.AccessError", refused)
        self.assertNotIn("Lucie Petit", refused)
        result = self.make_jsonrpc_request(
            "/mail/thread/messages",
            {"thread_model": "inclusion.beneficiary", "thread_id": self.other.id},
        )
        self.assertFalse(result["messages"])
        self.assertNotIn("hébergement d'urgence", json.dumps(result))


@tagged("post_install", "-at_install")
class TestFinding8InsertionContracts(InsertionCase):
    def test_finding_8_adviser_neither_reads_nor_sets_wages(self):
        contract = self._contract(date_start="2026-01-01").with_user(self.adviser)
        for attempt in (
            lambda: contract.read(["wage"]),
            lambda: contract.read(["contract_wage"]),
            lambda: contract.search([("wage", ">", 1000)]),
            lambda: contract.read_group([], ["wage:sum"], ["siae_kind"]),
            lambda: contract.onchange({}, ["weekly_hours"], {"wage": {}, "weekly_hours": {}}),
            lambda: contract.write({"wage": 2500.0}),
            lambda: contract.create(
                {"name": "CDDI", "employee_id": self.employee.id, "is_insertion": True, "wage": 9}
            ),
        ):
            with self.assertRaises(AccessError):
                attempt()
        self.assertEqual(contract.sudo().wage, 1400.0)
        arch = contract.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertNotIn('<field name="wage"', arch)
        # Tracked wage changes stay out of the adviser's chatter.
        self._contract_as_hr(contract).wage = 1500.0
        self.env.cr.precommit.run()
        trackings = contract.sudo().message_ids.tracking_value_ids
        self.assertIn("wage", trackings.field_id.mapped("name"))
        self.assertFalse(
            trackings.filtered(lambda t: t.field_id.name == "wage")._filter_has_field_access(
                contract.env
            )
        )

    def _contract_as_hr(self, contract):
        return contract.with_user(self.hr_officer)

    def test_finding_8_adviser_starts_follows_and_ends_an_insertion_contract(self):
        contracts = self.env["hr.contract"].with_user(self.adviser).with_context(lang="fr_FR")
        contract = contracts.create(
            {
                "name": "CDDI Fatima Benali",
                "employee_id": self.employee.id,
                "is_insertion": True,
                "siae_kind": "aci",
                "insertion_contract_type": "cddi",
                "date_start": "2026-01-05",
                "insertion_adviser_id": self.adviser_employee.id,
            }
        )
        self.assertEqual(contract.sudo().wage, 0.0)
        contract.action_start_insertion_contract()
        self.assertEqual(contract.state, "open")
        self.assertEqual(self.employee.contract_id, contract)
        self.assertTrue(self.employee.is_insertion_employee)
        with self.assertRaisesRegex(UserError, "brouillon"):
            contract.action_start_insertion_contract()
        contract.weekly_hours = 30
        wizard = (
            self.env["inclusion.exit.wizard"]
            .with_user(self.adviser)
            .create(
                {
                    "contract_id": contract.id,
                    "exit_date": "2026-06-12",
                    "exit_reason_id": self.reason_cdi.id,
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(contract.state, "close")
        self.assertEqual(contract.exit_reason_id, self.reason_cdi)
        # HR then completes the wage the adviser never saw.
        self._contract_as_hr(contract).wage = 1450.0
        self.assertEqual(contract.sudo().wage, 1450.0)

    def test_finding_8_hr_ends_a_contract_and_the_adviser_records_the_exit(self):
        contract = self._contract(date_start="2026-01-01", state="open")
        contract.with_user(self.hr_officer).state = "close"
        self.assertEqual(contract.activity_ids.user_id, self.adviser)
        with self.assertRaises(AccessError):
            contract.with_user(self.hr_officer).exit_reason_id = self.reason_cdi

    def test_finding_8_adviser_cannot_reach_staff_contracts(self):
        staff = self.env["hr.employee"].create({"name": "Paul Secrétaire"})
        staff_contract = self.env["hr.contract"].create(
            {"name": "CDI", "employee_id": staff.id, "wage": 2000.0, "state": "open"}
        )
        contracts = self.env["hr.contract"].with_user(self.adviser).with_context(lang="fr_FR")
        values = {"name": "CDDI", "employee_id": self.employee.id, "is_insertion": True}
        with self.assertRaisesRegex(AccessError, "que des contrats d'insertion"):
            contracts.create({**values, "is_insertion": False})
        with self.assertRaisesRegex(AccessError, "hors insertion"):
            contracts.create({**values, "employee_id": staff.id})
        own = self._contract(date_start="2026-01-01").with_user(self.adviser)
        with self.assertRaises(AccessError):
            own.with_context(lang="fr_FR").write({"is_insertion": False})
        with self.assertRaises(AccessError):
            own.write({"employee_id": staff.id})
        self.assertTrue(own.is_insertion)
        self.assertEqual(own.employee_id, self.employee)
        staff_contract = staff_contract.with_user(self.adviser)
        for attempt in (
            lambda: staff_contract.read(["name"]),
            lambda: staff_contract.write({"date_end": "2026-12-31"}),
            lambda: staff_contract.unlink(),
        ):
            with self.assertRaises(AccessError):
                attempt()
        self.assertFalse(contracts.search([("employee_id", "=", staff.id)]))

    @freeze_time("2026-06-01")  # suspensions are recorded at most 365 days after their start
    def test_finding_8_hr_officers_do_not_read_social_details(self):
        pass_iae = self._pass(date_start="2026-01-01")
        ref = self.env.ref
        self._contract(
            date_start="2026-01-01",
            pass_iae_id=pass_iae.id,
            siae_kind="aci",
            eligibility_criterion_ids=[
                Command.set(
                    (
                        ref("inclusion_numerique_insertion.eligibility_criterion_rsa")
                        | ref("inclusion_numerique_insertion.eligibility_criterion_disability")
                    ).ids
                )
            ],
            eligibility_date="2025-12-15",
        )
        pass_iae.write(
            {
                "prolongation_ids": [
                    Command.create(
                        {
                            "reason": "rqth",
                            "request_date": "2027-06-01",
                            "date_start": "2028-01-01",
                            "date_end": "2028-06-30",
                        }
                    )
                ],
                "suspension_ids": [
                    Command.create(
                        {
                            "reason": "contract_suspended",
                            "date_start": "2026-05-01",
                            "date_end": "2026-05-31",
                        }
                    )
                ],
            }
        )
        contract = self._contract(
            employee_id=self.env["hr.employee"].create({"name": "Omar Diallo"}).id,
            date_start="2025-01-01",
            date_end="2025-12-31",
            exit_date="2025-12-31",
            exit_reason_id=self.reason_cdi.id,
            exit_destination="CDI après un suivi SPIP",
            prescriber_type="spip",
            eligibility_criterion_ids=[
                Command.link(
                    ref("inclusion_numerique_insertion.eligibility_criterion_justice").id
                ),
                Command.link(ref("inclusion_numerique_insertion.eligibility_criterion_rsa").id),
            ],
            eligibility_date="2024-12-15",
        )
        report = self.env["inclusion.insertion.report"]
        sensitive = (
            (pass_iae.prolongation_ids, "reason"),
            (pass_iae.suspension_ids, "reason"),
            (contract, "eligibility_criterion_ids"),
            (contract, "prescriber_type"),
            (contract, "exit_reason_id"),
            (contract, "exit_category"),
            (contract, "exit_destination"),
            (
                report.search([("contract_id", "=", contract.id), ("event", "=", "exit")]),
                "exit_reason_id",
            ),
        )
        for records, field in sensitive:
            self.assertTrue(records.with_user(self.adviser).read([field])[0][field], field)
            hr_records = records.with_user(self.hr_officer)
            with self.assertRaises(AccessError, msg=field):
                hr_records.read([field])
            with self.assertRaises(AccessError, msg=field):
                hr_records.search([(field, "!=", False)])
        # HR keeps the dates that move the end of the PASS IAE, and cannot add reasons.
        periods = pass_iae.prolongation_ids.with_user(self.hr_officer)
        self.assertEqual(periods.read(["days"])[0]["days"], 182)
        with self.assertRaises(AccessError):
            periods.create(
                {"pass_id": pass_iae.id, "date_start": "2028-07-01", "date_end": "2028-07-31"}
            )
        with self.assertRaises(AccessError):
            self.env["inclusion.exit.wizard"].with_user(self.hr_officer).create(
                {"contract_id": contract.id, "exit_reason_id": self.reason_cdi.id}
            )

    def test_contract_and_pass_company_is_checked(self):
        employee_b = self.env["hr.employee"].create(
            {"name": "Salariée de Stains", "company_id": self.company_b.id}
        )
        with self.assertRaises(UserError):
            self._contract(date_start="2026-01-01", insertion_adviser_id=employee_b.id)
        with self.assertRaises(UserError):
            self._pass(employee_id=employee_b.id)


@tagged("post_install", "-at_install")
class TestFinding9PassIaeNumber(InsertionCase):
    def setUp(self):
        super().setUp()
        employee_b = self.env["hr.employee"].create(
            {"name": "Salariée de Stains", "company_id": self.company_b.id}
        )
        self.env["inclusion.pass.iae"].create(
            {"name": "TESTB0000001", "employee_id": employee_b.id, "company_id": self.company_b.id}
        )

    def test_finding_9_number_of_another_structure_is_not_revealed(self):
        passes = self.env["inclusion.pass.iae"].with_user(self.adviser).with_context(lang="fr_FR")
        self.assertFalse(passes.search([("name", "=", "TESTB0000001")]))
        with self.assertRaises(ValidationError) as caught:
            passes.create({"name": "testb 0000001", "employee_id": self.employee.id})
        message = str(caught.exception)
        self.assertIn("déjà enregistré", message)
        for revealed in ("Stains", "Salariée"):
            self.assertNotIn(revealed, message)
        mine = passes.create({"name": "TESTA0000002", "employee_id": self.employee.id})
        with self.assertRaisesRegex(ValidationError, "déjà enregistré"):
            mine.name = "TESTB0000001"


@tagged("post_install", "-at_install")
class TestFinding9PassIaeNumberHttp(HttpCase, InsertionCase):
    def test_finding_9_number_message_through_http(self):
        employee_b = self.env["hr.employee"].create(
            {"name": "Salariée de Stains", "company_id": self.company_b.id}
        )
        self.env["inclusion.pass.iae"].create(
            {"name": "TESTB0000001", "employee_id": employee_b.id, "company_id": self.company_b.id}
        )
        self.authenticate(self.adviser.login, self.adviser.login)
        response = self.url_open(
            "/web/dataset/call_kw/inclusion.pass.iae/create",
            data=json.dumps(
                {
                    "params": {
                        "model": "inclusion.pass.iae",
                        "method": "create",
                        "args": [{"name": "TESTB0000001", "employee_id": self.employee.id}],
                        "kwargs": {"context": {"lang": "fr_FR"}},
                    }
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        error = response.json()["error"]["data"]
        self.assertIn("déjà enregistré", error["message"])
        self.assertNotIn("Stains", json.dumps(error))
