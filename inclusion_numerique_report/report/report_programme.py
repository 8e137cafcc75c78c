from odoo import api, models


def programme_rows(lines):
    """The programme report's lines as dicts, with the share of the target achieved
    (None without a target)."""
    return [
        {
            "label": label,
            "target": target,
            "actual": actual,
            "kind": kind,
            "rate": 100.0 * actual / target if target else None,
        }
        for label, target, actual, kind in lines
    ]


class ReportProgramme(models.AbstractModel):
    """PDF of the programme report: each programme's targets against its activity."""

    _name = "report.inclusion_numerique_report.report_programme"
    _description = "Programme report (PDF)"

    @api.model
    def _get_report_values(self, docids, data=None):
        wizards = self.env["inclusion.activity.report.wizard"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "inclusion.activity.report.wizard",
            "docs": wizards,
            "reports": {
                wizard.id: [
                    (programme, programme_rows(lines))
                    for programme, lines in wizard._programme_reports()
                ]
                for wizard in wizards
            },
        }
