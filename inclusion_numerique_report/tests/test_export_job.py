import base64
import csv
import io
from unittest.mock import patch

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..models import inclusion_export_job
from ..report.report_national_export_xlsx import COLUMNS
from .common import ReportCase


@tagged("post_install", "-at_install")
class TestExportJob(ReportCase):
    def _national_rows(self, file_format):
        action = self._wizard()._export_national(file_format)
        job = self.env["inclusion.export.job"].with_user(self.manager).search([], limit=1)
        self.assertEqual(action["url"], f"/web/content/{job.attachment_id.id}?download=true")
        self.assertEqual(job.state, "done")
        content = base64.b64decode(job.attachment_id.with_user(self.manager).datas)
        if file_format == "csv":
            return job, list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        return job, [list(row) for row in sheet.iter_rows(values_only=True)]

    def test_small_export_written_at_once_same_rows_as_the_xlsx_report(self):
        _job, rows = self._national_rows("xlsx")
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            ._render_xlsx(
                "inclusion_numerique_report.action_report_national_export",
                self._wizard().ids,
                {},
            )
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        expected = [[value for value in row] for row in sheet.iter_rows(values_only=True)]
        self.assertEqual(rows[0], COLUMNS)
        self.assertEqual(len(rows), len(self.supports) + len(self._presences()) + 1)
        # Empty cells read None in both files.
        self.assertEqual(rows, expected)

    def test_csv_export(self):
        job, rows = self._national_rows("csv")
        self.assertTrue(job.attachment_id.name.endswith(".csv"))
        self.assertEqual(rows[0], COLUMNS)
        self.assertEqual(len(rows), len(self.supports) + len(self._presences()) + 1)
        self.assertIn("Fatima Benali", [row[COLUMNS.index("Bénéficiaire")] for row in rows])
        self.assertIn("03/03/2015", [row[0] for row in rows])

    def test_large_export_runs_in_background_and_notifies_its_user(self):
        with (
            patch.object(inclusion_export_job, "SYNC_ROWS", 0),
            patch.object(type(self.env["ir.cron"]), "_trigger") as trigger,
        ):
            action = self._wizard()._export_national("xlsx")
        trigger.assert_called_once()
        job = self.env["inclusion.export.job"].browse(action["res_id"])
        self.assertEqual((job.state, job.progress), ("pending", 0.0))
        self.assertEqual(job.rows_total, len(self.supports) + len(self._presences()))
        # The scheduled action commits each job; a test cannot.
        with patch.object(self.env.cr, "commit"), patch.object(self.env.cr, "rollback"):
            self.env["inclusion.export.job"]._cron_run_jobs()
        self.assertEqual((job.state, job.progress), ("done", 100.0))
        message = job.message_ids[:1]
        self.assertIn(self.manager.partner_id, message.partner_ids)
        self.assertIn(f"/web/content/{job.attachment_id.id}?download=true", message.body)
        self.assertIn("est prêt", message.body)

    def test_jobs_and_files_are_their_users_only(self):
        job, _rows = self._national_rows("csv")
        other = self.manager.copy({"login": "other_manager"})
        self.assertFalse(self.env["inclusion.export.job"].with_user(other).search([]))
        with self.assertRaises(AccessError):
            job.attachment_id.with_user(other).read(["datas"])
        with self.assertRaises(AccessError):
            self.env["inclusion.export.job"].with_user(self.mediator).create(
                {"name": "x", "kind": "national", "user_id": self.manager.id}
            )
        with self.assertRaises(AccessError):
            job.with_user(self.manager).write({"state": "failed"})
