from odoo import models

from .report_programme import programme_rows


class ReportProgrammeXlsx(models.AbstractModel):
    """XLSX of the programme report: one sheet, a table per programme."""

    _name = "report.inclusion_numerique_report.report_programme_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Programme report (XLSX)"

    def generate_xlsx_report(self, workbook, data, wizards):
        formats = {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "bold": workbook.add_format({"bold": True}),
            "header": workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1}),
            "int": workbook.add_format({"num_format": "0"}),
            "hours": workbook.add_format({"num_format": "0.00"}),
            "percent": workbook.add_format({"num_format": "0.0"}),
        }
        for wizard in wizards:
            sheet = workbook.add_worksheet(self.env._("Programme report")[:31])
            sheet.set_column(0, 0, 52)
            sheet.set_column(1, 3, 14)
            title = self.env._("Programme report – %s", wizard.company_id.name)
            sheet.write(0, 0, title, formats["title"])
            sheet.write(1, 0, self._period(wizard.date_from, wizard.date_to))
            row = 3
            for programme, lines in wizard._programme_reports():
                row = self._write_programme(sheet, row, programme, lines, formats) + 1

    def _period(self, date_from, date_to):
        return self.env._(
            "From %(date_from)s to %(date_to)s",
            date_from=date_from.strftime("%d/%m/%Y"),
            date_to=date_to.strftime("%d/%m/%Y"),
        )

    def _write_programme(self, sheet, row, programme, lines, formats):
        sheet.write(row, 0, programme.name, formats["bold"])
        details = [
            self.env._("Funder: %s", programme.funder_id.name),
            self.env._("Agreement reference: %s", programme.agreement_ref or ""),
            self.env._(
                "Programme period: %s", self._period(programme.date_start, programme.date_end)
            ),
        ]
        for offset, text in enumerate(details, start=1):
            sheet.write(row + offset, 0, text)
        row += 4
        headers = ["", self.env._("Target"), self.env._("Actual"), self.env._("Achieved (%)")]
        sheet.write_row(row, 0, headers, formats["header"])
        for line in programme_rows(lines):
            row += 1
            sheet.write(row, 0, line["label"])
            sheet.write_number(row, 1, line["target"], formats["int"])
            sheet.write_number(row, 2, line["actual"], formats[line["kind"]])
            if line["rate"] is not None:
                sheet.write_number(row, 3, line["rate"], formats["percent"])
        return row + 1
