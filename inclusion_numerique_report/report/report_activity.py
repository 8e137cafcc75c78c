from odoo import api, models


class ReportActivity(models.AbstractModel):
    """PDF of the yearly activity report ("bilan d'activité")."""

    _name = "report.inclusion_numerique_report.report_activity"
    _description = "Activity report (PDF)"

    @api.model
    def _get_report_values(self, docids, data=None):
        wizards = self.env["inclusion.activity.report.wizard"].browse(docids)
        reports = []
        for wizard in wizards:
            figures = wizard._get_figures()
            reports.append((figures, wizard._summary_sections(figures)))
        return {
            "doc_ids": docids,
            "doc_model": "inclusion.activity.report.wizard",
            "docs": wizards,
            "reports": reports,
        }
