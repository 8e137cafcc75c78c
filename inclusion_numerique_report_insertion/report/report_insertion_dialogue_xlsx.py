from odoo import models


class ReportInsertionDialogueXlsx(models.AbstractModel):
    """XLSX of the yearly insertion report: the same figures as the PDF."""

    _name = "report.inclusion_numerique_report_insertion.dialogue_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Insertion report for the management dialogue (XLSX)"

    def generate_xlsx_report(self, workbook, data, wizards):
        formats = {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "header": workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1}),
            "int": workbook.add_format({"num_format": "0"}),
            "decimal": workbook.add_format({"num_format": "0.00"}),
            "hours": workbook.add_format({"num_format": "0.00"}),
            "percent": workbook.add_format({"num_format": "0.0"}),
        }
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
            row = 3
            for title, lines in service._sections(figures):
                sheet.write(row, 0, title, formats["header"])
                row += 1
                for label, value, kind in lines:
                    sheet.write(row, 0, label)
                    sheet.write_number(row, 1, value, formats[kind])
                    row += 1
                row += 1
