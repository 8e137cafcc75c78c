import io
import warnings
from datetime import datetime

import openpyxl
from freezegun import freeze_time

from odoo.addons.inclusion_numerique.tests.common import STRUCTURE, render_pdf_pages
from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..report.export_stream import XlsxStreamWriter
from .common import ReportCase

ACTIVITY_PDF = "inclusion_numerique_report.action_report_activity_pdf"
ACTIVITY_XLSX = "inclusion_numerique_report.action_report_activity_xlsx"


@tagged("post_install", "-at_install")
class TestActivityDocuments(ReportCase):
    """The yearly report as funders read it: French formats, the structure on every page,
    page numbers; its XLSX with the period in the title and frozen headings."""

    def test_yearly_report_pdf_in_french_formats(self):
        self.company.write(STRUCTURE)
        wizards = self._wizard() | self._wizard(place_id=self.place_b.id)
        pages = render_pdf_pages(ACTIVITY_PDF, wizards, self.manager)
        self.assertGreaterEqual(len(pages), 2)
        text = " ".join(pages)
        numbers = [page.count("Page 1 / ") for page in pages]  # each report from page 1
        self.assertEqual(numbers.count(1), 2)
        for page in pages:
            self.assertIn("SIRET 44306184100047", page)
            self.assertRegex(page, r"Page \d+ / \d+")
        # 240 minutes of support sessions and 2 presences of 2 h: 8,0 h; 2 presences out
        # of 4 marks (Karim absent, then excused): 50,0 %.
        self.assertIn("Heures d'accompagnement (par personne) 8,0 h", text)
        self.assertIn("Taux d'assiduité 50,0 %", text)
        self.assertIn("Période : 01/01/2015 – 31/12/2015", text)
        # The second report, restricted to a place, starts on a page of its own.
        self.assertTrue(any(page.startswith("Bilan d'activité") for page in pages[1:]))

    def test_french_formats(self):
        figures = (
            self.env["inclusion.activity.figures"]
            .with_user(self.manager)
            .with_context(lang="fr_FR")
        )
        self.assertEqual(figures._format_figure(1234, "int"), "1\xa0234")
        self.assertEqual(figures._format_figure(1234.5, "amount"), "1\xa0234,50\xa0€")
        self.assertEqual(figures._format_figure(91.66, "percent"), "91,7\xa0%")
        self.assertEqual(figures._format_figure(12.25, "hours"), "12,2\xa0h")

    def test_yearly_report_xlsx_title_and_frozen_heading(self):
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            .with_context(lang="fr_FR")
            ._render_xlsx(ACTIVITY_XLSX, self._wizard().ids, {})
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        self.assertEqual(
            sheet["A1"].value,
            f"Bilan d'activité – {self.company.name} – du 01/01/2015 au 31/12/2015",
        )
        self.assertEqual(sheet.freeze_panes, "A3")
        self.assertGreater(sheet.column_dimensions["A"].width, 40)

    def test_streamed_xlsx_widths_and_default_style(self):
        path = f"{self.env['ir.attachment']._full_path('')}/stream_test.xlsx"
        writer = XlsxStreamWriter(path, "Ventes", ["Date", "Nom de la démarche administrative"])
        writer.write_rows([["2015-01-01", "CAF"]])
        writer.close()
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # "Workbook contains no default style" fails
            sheet = openpyxl.load_workbook(path).active
        self.assertEqual(sheet.freeze_panes, "A2")
        self.assertEqual(sheet.column_dimensions["A"].width, 12)
        self.assertEqual(sheet.column_dimensions["B"].width, 35)


@tagged("post_install", "-at_install")
class TestDashboard(ReportCase):
    def _tiles(self, year):
        dashboard = (
            self.env["inclusion.dashboard"]
            .with_user(self.manager)
            .with_context(lang="fr_FR")
            .create({"year": year})
        )
        return dashboard, {tile["label"]: tile for tile in dashboard._tiles()}

    @freeze_time("2016-02-01")
    def test_key_figures_and_trend(self):
        dashboard, tiles = self._tiles("2015")
        expected = {
            # Fatima, Karim and Odette; Karim's missed appointment is no contact.
            "Personnes accompagnées": ("3", "1", "+200,0\xa0%"),
            # 5 support sessions done and 2 presences; in 2014 Odette's one session.
            "Contacts": ("7", "1", "+600,0\xa0%"),
            "Heures d'accompagnement": ("8,0\xa0h", "1,0\xa0h", "+700,0\xa0%"),
            "Séances d'atelier tenues": ("2", "0", None),
            # Fatima completed the cycle, Karim did not.
            "Taux d'achèvement des ateliers": ("50,0\xa0%", "0,0\xa0%", "+50,0 pts"),
        }
        for label, (value, previous, trend) in expected.items():
            tile = tiles[label]
            self.assertEqual((tile["value"], tile["previous"]), (value, previous), label)
            self.assertEqual(tile["trend"] and tile["trend"]["text"], trend, label)
        self.assertIn("▲", dashboard.figures_html)

    @freeze_time("2016-02-01")
    def test_dashboard_queries_independent_of_volume(self):
        """Five times the support sessions: the same queries for the tiles."""
        dashboard, _tiles = self._tiles("2015")

        def queries():
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            dashboard._tiles()
            return self.env.cr.sql_log_count - before

        queries()  # the first run loads translations and labels
        count = queries()
        self.env["inclusion.support"].create(
            [
                {
                    "start": datetime(2015, 1 + index % 12, 3, 10, 0),
                    "beneficiary_id": (self.fatima, self.karim, self.odette)[index % 3].id,
                    "place_id": self.place_a.id,
                    "mediator_id": self.mediator.id,
                    "theme_ids": [self.theme_email.id],
                    "duration": 30,
                }
                for index in range(20)
            ]
        )
        queries()
        self.assertEqual(queries(), count)

    def test_dashboard_for_managers_only(self):
        with self.assertRaises(AccessError):
            self.env["inclusion.dashboard"].with_user(self.mediator).create({})
        # Another structure's figures: refused, whatever the form sends.
        with self.assertRaises(AccessError):
            self.env["inclusion.dashboard"].with_user(self.manager).create(
                {"company_id": self.company_b.id}
            )._tiles()
