from odoo import SUPERUSER_ID, models
from odoo.exceptions import AccessError

# Reports of the application, whatever add-on defines them.
REPORT_PREFIX = "inclusion_numerique"


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _check_inclusion_report_access(self, report_ref, docids):
        """The application's reports are rendered only for a user of one of the report's
        groups, and on records that user may read. The download routes call the renderers
        directly (report_xlsx's even as superuser), so the action's groups alone protect
        nothing. Defined here so that each add-on's reports are protected even when the
        reporting add-on is not installed."""
        report = self._get_report(report_ref)
        if not report.report_name.startswith(REPORT_PREFIX) or self.env.uid == SUPERUSER_ID:
            return
        user = self.env.user
        if report.groups_id and not report.groups_id & user.groups_id:
            raise AccessError(self.env._("You are not allowed to print this report."))
        if docids:
            ids = [docids] if isinstance(docids, int) else docids
            self.env[report.model].sudo(False).browse(ids).check_access("read")

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        self._check_inclusion_report_access(report_ref, res_ids)
        return super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)

    def _render_qweb_html(self, report_ref, docids, data=None):
        self._check_inclusion_report_access(report_ref, docids)
        return super()._render_qweb_html(report_ref, docids, data=data)

    def _render_qweb_text(self, report_ref, docids, data=None):
        self._check_inclusion_report_access(report_ref, docids)
        return super()._render_qweb_text(report_ref, docids, data=data)
