from odoo import models


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_xlsx(self, report_ref, docids, data):
        # report_xlsx renders as superuser: the application's check (base add-on) first.
        self._check_inclusion_report_access(report_ref, docids)
        return super()._render_xlsx(report_ref, docids, data)
