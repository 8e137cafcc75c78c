import csv
import io

import openpyxl

from odoo.addons.inclusion_numerique_equipment.tests.common import EquipmentCase
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestSalesExport(EquipmentCase):
    def test_sales_xlsx_export(self):
        handover = self._hand_over(self._new_equipment("SN-XLSX"), payment_method="cheque")
        content, report_type = (
            self.env["ir.actions.report"]
            .with_user(self.accountant)
            .with_context(lang="fr_FR")
            ._render_xlsx("inclusion_numerique_report_equipment.sales_xlsx", handover.ids, {})
        )
        self.assertEqual(report_type, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = list(sheet.iter_rows(values_only=True))
        today = handover.date.strftime("%d/%m/%Y")
        self.assertEqual(rows[0][0], f"Ventes du {today} au {today}")
        self.assertEqual(
            rows[1],
            (
                "Date",
                "Numéro de reçu",
                "Destinataire",
                "Matériel",
                "Numéro de série",
                "Montant",
                "Mode de paiement",
                "Facture",
            ),
        )
        self.assertEqual(
            rows[2][1:7],
            (handover.name, "Fatou Diallo", handover.equipment_id.name, "SN-XLSX", 20, "Chèque"),
        )
        # Totals under the rows, the header frozen, the columns wide enough to read.
        self.assertEqual(rows[3][:2], ("Total", "1 vente(s)"))
        self.assertEqual(rows[3][5], "=SUM(F3:F3)")
        self.assertEqual(sheet.freeze_panes, "A3")
        self.assertEqual(sheet.column_dimensions["C"].width, 28.7109375)


@tagged("post_install", "-at_install")
class TestSalesExportRoute(EquipmentCase, HttpCase):
    """The accountants' sales export, downloaded by URL as the web client does."""

    def test_sales_xlsx_by_url(self):
        handover = self._hand_over(self._new_equipment("SN-URL"), payment_method="cheque")
        url = f"/report/xlsx/inclusion_numerique_report_equipment.sales_xlsx/{handover.id}"
        self.authenticate(self.mediator.login, self.mediator.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 403)
        self.assertNotIn("Fatou", response.text)
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.mediator)._render_xlsx(
                "inclusion_numerique_report_equipment.sales_xlsx", handover.ids, {}
            )

        self.authenticate(self.accountant.login, self.accountant.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        self.assertEqual(sheet.cell(3, 2).value, handover.name)


@tagged("post_install", "-at_install")
class TestSalesExportJob(EquipmentCase):
    def test_sales_job_csv_and_xlsx(self):
        handovers = self._hand_over(self._new_equipment("SN-JOB1")) | self._hand_over(
            self._new_equipment("SN-JOB2"), payment_method="cheque"
        )
        Handover = self.env["inclusion.equipment.handover"].with_user(self.accountant)
        for file_format in ("csv", "xlsx"):
            Handover.browse(handovers.ids).with_context(lang="fr_FR")._export_sales_job(
                file_format
            )
            job = self.env["inclusion.export.job"].with_user(self.accountant).search([], limit=1)
            self.assertEqual((job.kind, job.state, job.rows_done), ("sales", "done", 2))
            content = job.attachment_id.with_user(self.accountant).raw
            if file_format == "csv":
                rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
            else:
                sheet = openpyxl.load_workbook(io.BytesIO(content)).active
                rows = [list(row) for row in sheet.iter_rows(values_only=True)]
            self.assertEqual(rows[0][:2], ["Date", "Numéro de reçu"])
            self.assertEqual([row[4] for row in rows[1:]], ["SN-JOB1", "SN-JOB2"])
            self.assertIn(rows[2][6], ("Chèque",))
