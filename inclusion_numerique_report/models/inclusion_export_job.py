import hashlib
import logging
import os
import shutil
import tempfile
import time

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.safe_eval import safe_eval

from ..report.export_stream import WRITERS
from ..report.report_national_export_xlsx import COLUMNS, SHEET_NAME

_logger = logging.getLogger(__name__)

# Exports of up to this many rows are written during the request (about a second);
# longer ones run in the background and notify their user.
SYNC_ROWS = 20_000
# Progress is saved (in a transaction of its own) every this many seconds.
PROGRESS_SECONDS = 2


class InclusionExportJob(models.Model):
    """An export written to a file attachment in the background by a scheduled action,
    with its progress, for its user only. The export reads the records as that user
    (record rules and consent apply), streaming them so that memory stays constant."""

    _name = "inclusion.export.job"
    _description = "Export job"
    _inherit = ["mail.thread"]
    _order = "id desc"

    name = fields.Char(required=True, readonly=True)
    kind = fields.Selection([("national", "National export")], required=True, readonly=True)
    file_format = fields.Selection(
        [("xlsx", "XLSX"), ("csv", "CSV")], required=True, default="xlsx", readonly=True
    )
    user_id = fields.Many2one(
        "res.users", required=True, readonly=True, default=lambda self: self.env.user
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    domain = fields.Char(readonly=True, help="Records exported, as the user reads them.")
    state = fields.Selection(
        [("pending", "Pending"), ("running", "Running"), ("done", "Done"), ("failed", "Failed")],
        default="pending",
        required=True,
        readonly=True,
    )
    rows_total = fields.Integer(readonly=True)
    rows_done = fields.Integer(readonly=True)
    progress = fields.Float(compute="_compute_progress", string="Progress (%)")
    duration = fields.Float(string="Duration (s)", readonly=True)
    attachment_id = fields.Many2one("ir.attachment", readonly=True)
    error = fields.Text(readonly=True)

    @api.depends("rows_done", "rows_total", "state")
    def _compute_progress(self):
        for job in self:
            if job.state == "done":
                job.progress = 100.0
            else:
                job.progress = 100.0 * job.rows_done / job.rows_total if job.rows_total else 0.0

    @api.model_create_multi
    def create(self, vals_list):
        jobs = super().create(vals_list)
        if any(job.user_id != self.env.user for job in jobs) and not self.env.su:
            raise AccessError(self.env._("An export runs for the user who asks for it."))
        return jobs

    # ---- What each kind exports: (sheet name, header, row count, batches of rows) -------

    def _source(self):
        return getattr(self, f"_source_{self.kind}")()

    def _source_national(self):
        export = self.env["report.inclusion_numerique.report_national_export_xlsx"]
        domain = safe_eval(self.domain or "[]")
        count = self.env["inclusion.activity.report"].search_count(domain)
        return SHEET_NAME, COLUMNS, count, export._export_batches(domain)

    # ---- Running -----------------------------------------------------------------------

    def _start(self):
        """Run now when small, else in the background; the action to show the user."""
        self.ensure_one()
        # The user only reads and creates jobs: their state is the export's to write.
        job = self.sudo()
        job.rows_total = self._as_user()._source()[2]
        if job.rows_total <= SYNC_ROWS:
            job._run()
            return self.action_download()
        self.env.ref("inclusion_numerique_report.ir_cron_export_jobs")._trigger()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def _as_user(self):
        """The job as its user: the export reads only what they may read."""
        return self.with_user(self.user_id).with_company(self.company_id).sudo(False)

    @api.model
    def _cron_run_jobs(self):
        """Scheduled action: run the pending jobs, one transaction each."""
        while True:
            self.env.cr.execute(
                """SELECT id FROM inclusion_export_job WHERE state = 'pending'
                   ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED"""
            )
            row = self.env.cr.fetchone()
            if not row:
                return
            job = self.browse(row[0])
            job.state = "running"
            # Committed so that the progress, saved by another transaction, can update it;
            # a scheduled action of its own, one job per transaction, as Odoo's crons do.
            self.env.cr.commit()  # pylint: disable=invalid-commit
            try:
                job._run()
                self.env.cr.commit()  # pylint: disable=invalid-commit
            except Exception as error:
                self.env.cr.rollback()
                _logger.exception("Export job %s failed", job.id)
                job.write({"state": "failed", "error": str(error)})
                job._notify_user(failed=True)
                self.env.cr.commit()  # pylint: disable=invalid-commit

    def _run(self):
        """Write the file as the job's user, then attach it and notify the user."""
        self.ensure_one()
        start = time.perf_counter()
        sheet_name, header, total, batches = self._as_user()._source()
        writer_class = WRITERS[self.file_format]
        handle, path = tempfile.mkstemp(suffix=f".{writer_class.extension}")
        os.close(handle)
        try:
            writer = writer_class(path, sheet_name, header)
            done, saved_at = 0, time.monotonic()
            for batch in batches:
                writer.write_rows(batch)
                done += len(batch)
                if time.monotonic() - saved_at > PROGRESS_SECONDS:
                    self._save_progress(done, total)
                    saved_at = time.monotonic()
            writer.close()
            attachment = self._attach(path, writer_class)
        finally:
            if os.path.exists(path):
                os.unlink(path)
        self.write(
            {
                "state": "done",
                "rows_done": done,
                "rows_total": done,
                "attachment_id": attachment.id,
                "duration": time.perf_counter() - start,
            }
        )
        self._notify_user()

    def _save_progress(self, done, total):
        """Rows written so far, committed apart so that the user sees them meanwhile."""
        with self.env.registry.cursor() as cr:
            cr.execute(
                "UPDATE inclusion_export_job SET rows_done = %s, rows_total = %s WHERE id = %s",
                [done, total, self.id],
            )

    def _attach(self, path, writer_class):
        """The file as an attachment of the job, moved into the filestore rather than read
        into memory (ir.attachment's own create would hold the whole file)."""
        Attachment = self.env["ir.attachment"]
        sha1 = hashlib.sha1()
        with open(path, "rb") as file:
            while chunk := file.read(1 << 20):
                sha1.update(chunk)
        checksum = sha1.hexdigest()
        values = {
            "name": f"{self.name}.{writer_class.extension}",
            "res_model": self._name,
            "res_id": self.id,
            "mimetype": writer_class.mimetype,
        }
        if Attachment._storage() != "file":
            with open(path, "rb") as file:
                return Attachment.sudo().create({**values, "raw": file.read()})
        fname = f"{checksum[:2]}/{checksum}"
        full_path = Attachment._full_path(fname)
        os.makedirs(os.path.dirname(full_path), exist_ok=True)
        if not os.path.exists(full_path):
            shutil.copyfile(path, full_path)
        # The job's record rule protects the attachment (res_model/res_id).
        attachment = Attachment.sudo().create(values)
        # ir.attachment drops these three on create and write (it computes them from the
        # content, which would be read into memory): set them as it would.
        self.env.cr.execute(
            """UPDATE ir_attachment SET store_fname = %s, checksum = %s, file_size = %s
                WHERE id = %s""",
            [fname, checksum, os.path.getsize(path), attachment.id],
        )
        attachment.invalidate_recordset(["store_fname", "checksum", "file_size", "raw", "datas"])
        return attachment

    def _download_url(self):
        return f"/web/content/{self.attachment_id.id}?download=true"

    def _notify_user(self, failed=False):
        """A message on the job, in the user's inbox, with the download link."""
        job = self.with_context(lang=self.user_id.lang)
        if failed:
            body = job.env._("The export %(name)s failed.", name=self.name)
        else:
            body = Markup('%s <a href="%s">%s</a>') % (
                job.env._("The export %(name)s is ready:", name=self.name),
                self._download_url(),
                self.attachment_id.name,
            )
        # The job's user is notified even by the scheduled action running as root.
        self.sudo().message_post(
            body=body,
            partner_ids=self.user_id.partner_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.user_id._bus_send(
            "simple_notification",
            {
                "type": "danger" if failed else "success",
                "title": job.env._("Export"),
                "message": body,
                "sticky": not failed,
            },
        )

    def action_download(self):
        self.ensure_one()
        if not self.attachment_id:
            raise UserError(self.env._("The export is not ready yet."))
        return {"type": "ir.actions.act_url", "url": self._download_url(), "target": "self"}
