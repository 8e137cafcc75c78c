from odoo import api, models


class ReportInsertionDialogue(models.AbstractModel):
    """PDF of the yearly insertion report for the management dialogue."""

    _name = "report.inclusion_numerique_report_insertion.report_dialogue"
    _description = "Insertion report for the management dialogue (PDF)"

    @api.model
    def _get_report_values(self, docids, data=None):
        wizards = self.env["inclusion.activity.report.wizard"].browse(docids)
        service = self.env["inclusion.insertion.dialogue.figures"]
        reports = []
        for wizard in wizards:
            figures = wizard._get_insertion_dialogue_figures()
            reports.append((figures, service._sections(figures)))
        return {
            "doc_ids": docids,
            "doc_model": "inclusion.activity.report.wizard",
            "docs": wizards,
            "reports": reports,
        }
