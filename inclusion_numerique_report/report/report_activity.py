from odoo import api, models


class ReportActivity(models.AbstractModel):
    """PDF of the yearly activity report ("bilan d'activité")."""

    _name = "report.inclusion_numerique_report.report_activity"
    _description = "Activity report (PDF)"

    @api.model
    def _get_report_values(self, docids, data=None):
        wizards = self.env["inclusion.activity.report.wizard"].browse(docids)
        service = self.env["inclusion.activity.figures"]
        reports = []
        for wizard in wizards:
            figures = service._get_figures(wizard._criteria())
            reports.append((figures, service._summary_sections(figures)))
        return {
            "doc_ids": docids,
            "doc_model": "inclusion.activity.report.wizard",
            "docs": wizards,
            "reports": reports,
            "format_figure": service._format_figure,
        }
