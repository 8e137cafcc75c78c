import io

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from ..report.report_national_export_xlsx import COLUMNS
from .common import PERIOD, ReportCase

PDF_URL = "/report/pdf/inclusion_numerique_report.report_activity/%s"
NATIONAL_URL = "/report/xlsx/inclusion_numerique.report_national_export_xlsx/%s"


@tagged("post_install", "-at_install")
class TestReportSecurity(ReportCase):
    def _national_rows(self, wizard):
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            ._render_xlsx(
                "inclusion_numerique_report.action_report_national_export", wizard.ids, {}
            )
        )
        rows = openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True)
        next(rows)
        return [dict(zip(COLUMNS, row, strict=True)) for row in rows]

    def test_report_groups_and_records(self):
        """Rendering checks the report's groups, then the read access to the records."""
        wizard = self._wizard()
        Report = self.env["ir.actions.report"]
        for user in (self.mediator, self.accountant, self.adviser):
            for render in (
                Report.with_user(user)._render_qweb_html,
                Report.with_user(user)._render_qweb_pdf,
            ):
                with self.assertRaises(AccessError):
                    render("inclusion_numerique_report.action_report_activity_pdf", wizard.ids)
            with self.assertRaises(AccessError):
                Report.with_user(user)._render_xlsx(
                    "inclusion_numerique_report.action_report_national_export", wizard.ids, {}
                )
        # Another manager may not print the wizard (period, filters) of this one.
        other_manager = new_test_user(
            self.env, login="inclusion_manager_2", groups="inclusion_numerique.group_manager"
        )
        with self.assertRaises(AccessError):
            Report.with_user(other_manager)._render_xlsx(
                "inclusion_numerique_report.action_report_activity_xlsx", wizard.ids, {}
            )
        html = Report.with_user(self.manager)._render_qweb_html(
            "inclusion_numerique_report.action_report_activity_pdf", wizard.ids
        )[0]
        self.assertIn(b"Espace num", html)

    def test_national_export_honours_consent(self):
        """Named rows and notes only for people who consented to sharing; the others are
        anonymous, with their statistical dimensions kept."""
        fatima_support, _drop_in, karim_support = self.supports[:3]
        karim_support.notes = "Expulsion en cours, hospitalisation"
        rows = self._national_rows(self._wizard())
        fatima_row = next(row for row in rows if row["Date"].date() == fatima_support.date)
        self.assertEqual(fatima_row["Bénéficiaire"], "Fatima Benali")
        self.assertEqual(fatima_row["Notes supplémentaires"], "Dossier CAF")
        karim_row = next(row for row in rows if row["Date"].date() == karim_support.date)
        self.assertEqual(karim_row["Bénéficiaire"], "Anonyme")
        self.assertIsNone(karim_row["Notes supplémentaires"])
        self.assertEqual(karim_row["Genre du bénéficiaire"], "Masculin")
        self.assertEqual(karim_row["Commune du bénéficiaire"], "Trèbes")
        self.assertEqual(karim_row["Durée (min)"], 90)
        names = {row["Bénéficiaire"] for row in rows}
        self.assertNotIn("Karim Haddad", names)
        self.assertNotIn("Odette Martin", names)

    def _link_to_company_b(self):
        """A support session and a presence of company A pointing to a beneficiary of
        company B, as records made before links were checked could."""
        stranger = self.env["inclusion.beneficiary"].create(
            {
                "name": "Personne de Stains",
                "company_id": self.company_b.id,
                "consent_date": PERIOD[0],
                "consent_scope": "support_sharing",
                "gender": "male",
                "social_status": "insertion_employee",
                "birth_year": 1950,
                "city": "Stains",
                "is_qpv": True,
            }
        )
        support = self.supports[4]
        presence = self._presences()[0]
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE inclusion_support SET beneficiary_id = %s WHERE id = %s",
            [stranger.id, support.id],
        )
        self.env.cr.execute(
            "UPDATE inclusion_attendance SET beneficiary_id = %s WHERE id = %s",
            [stranger.id, presence.id],
        )
        self.env.invalidate_all()
        # The snapshot computed as superuser (before the fix) holds B's data.
        support._compute_person()
        self.env.flush_all()
        return stranger, support, presence

    def test_company_b_absent_from_analysis_and_export(self):
        stranger, support, presence = self._link_to_company_b()
        self.assertEqual(support.person_social_status, "insertion_employee")
        rows = (
            self.env["inclusion.activity.report"]
            .with_user(self.mediator)
            .search_read(
                [("date", ">=", PERIOD[0]), ("date", "<=", PERIOD[1])],
                [
                    "beneficiary_id",
                    "person_gender",
                    "person_social_status",
                    "person_city",
                    "person_qpv",
                    "support_id",
                    "attendance_id",
                ],
            )
        )
        linked = [
            row
            for row in rows
            if (row["support_id"] and row["support_id"][0] == support.id)
            or (row["attendance_id"] and row["attendance_id"][0] == presence.id)
        ]
        self.assertEqual(len(linked), 2)
        for row in linked:
            self.assertFalse(row["beneficiary_id"])
            self.assertEqual(row["person_gender"], "unknown")
            self.assertEqual(row["person_social_status"], "unknown")
            self.assertFalse(row["person_city"])
            self.assertFalse(row["person_qpv"])
        self.assertNotIn(
            stranger.id, [row["beneficiary_id"] and row["beneficiary_id"][0] for row in rows]
        )

        figures = self._wizard()._get_figures()
        self.assertNotIn("insertion_employee", self._rows(figures, "person_social_status"))
        self.assertNotIn("Stains", self._rows(figures, "person_city"))
        for row in self._national_rows(self._wizard()):
            self.assertNotIn("Stains", str(row.values()))

    def test_wizard_company(self):
        """A report covers only the user's companies, set at creation or later."""
        with self.assertRaises(AccessError):
            self._wizard(company_id=self.company_b.id)
        wizard = self._wizard()
        with self.assertRaises(AccessError):
            wizard.write({"company_id": self.company_b.id})
        criteria = {**wizard._criteria(), "company_id": self.company_b}
        with self.assertRaises(AccessError):
            self.env["inclusion.activity.figures"].with_user(self.manager)._get_figures(criteria)


@tagged("post_install", "-at_install")
class TestReportRoutes(ReportCase, HttpCase):
    def test_activity_report_by_url(self):
        wizard = self._wizard()
        self.authenticate(self.mediator.login, self.mediator.login)
        for url in (PDF_URL, NATIONAL_URL):
            response = self.url_open(url % wizard.id)
            self.assertNotEqual(response.status_code, 200, url)
            self.assertNotIn("Fatima", response.text)
        self.authenticate(self.manager.login, self.manager.login)
        response = self.url_open(PDF_URL % wizard.id)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        response = self.url_open(NATIONAL_URL % wizard.id)
        self.assertEqual(response.status_code, 200)
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        self.assertEqual(book.sheetnames, ["Activités"])
