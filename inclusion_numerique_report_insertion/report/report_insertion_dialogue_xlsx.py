from odoo import models
from odoo.addons.inclusion_numerique_report.report.report_activity_xlsx import (
    add_figure_formats,
    write_sections,
)


class ReportInsertionDialogueXlsx(models.AbstractModel):
    """XLSX of the yearly insertion report: the same figures as the PDF."""

    _name = "report.inclusion_numerique_report_insertion.dialogue_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Insertion report for the management dialogue (XLSX)"

    def generate_xlsx_report(self, workbook, data, wizards):
        formats = add_figure_formats(workbook)
        service = self.env["inclusion.insertion.dialogue.figures"]
        for wizard in wizards:
            figures = wizard._get_insertion_dialogue_figures()
            sheet = workbook.add_worksheet(self.env._("Insertion report")[:31])
            sheet.set_column(0, 0, 56)
            sheet.set_column(1, 1, 14)
            sheet.write(
                0, 0, f"{self.env._('Insertion report')} – {figures['company']}", formats["title"]
            )
            sheet.write(
                1,
                0,
                self.env._(
                    "From %(date_from)s to %(date_to)s",
                    date_from=figures["date_from"].strftime("%d/%m/%Y"),
                    date_to=figures["date_to"].strftime("%d/%m/%Y"),
                ),
            )
            write_sections(sheet, 3, service._sections(figures), formats)
