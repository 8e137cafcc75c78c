from odoo import models


def add_figure_formats(workbook):
    """The cell formats of the application's XLSX reports, by kind of figure."""
    return {
        "title": workbook.add_format({"bold": True, "font_size": 14}),
        "header": workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1}),
        "int": workbook.add_format({"num_format": "#,##0"}),
        "decimal": workbook.add_format({"num_format": "#,##0.00"}),
        "hours": workbook.add_format({"num_format": "#,##0.0"}),
        "percent": workbook.add_format({"num_format": '0.0" %"'}),
        "amount": workbook.add_format({"num_format": "#,##0.00 [$€-fr-FR]"}),
    }


def write_sections(sheet, row, sections, formats):
    """Writes (title, [(label, value, kind)]) sections from row; returns the next row."""
    for title, lines in sections:
        sheet.write(row, 0, title, formats["header"])
        row += 1
        for label, value, kind in lines:
            sheet.write(row, 0, label)
            sheet.write_number(row, 1, value, formats[kind])
            row += 1
        row += 1
    return row


class ReportActivityXlsx(models.AbstractModel):
    """XLSX of the yearly activity report: the same figures as the PDF."""

    _name = "report.inclusion_numerique.report_activity_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Activity report (XLSX)"

    def generate_xlsx_report(self, workbook, data, wizards):
        formats = add_figure_formats(workbook)
        service = self.env["inclusion.activity.figures"]
        for wizard in wizards:
            figures = service._get_figures(wizard._criteria())
            sheet = workbook.add_worksheet(self.env._("Activity report")[:31])
            sheet.set_column(0, 0, 48)
            sheet.set_column(1, 3, 14)
            row = self._write_heading(sheet, figures, formats)
            sheet.freeze_panes(row, 0)
            row = write_sections(sheet, row, service._summary_sections(figures), formats)
            for table in [
                {
                    "title": self.env._("Individual support and workshops"),
                    "rows": figures["by_mode"],
                },
                *figures["breakdowns"],
            ]:
                row = self._write_breakdown(sheet, row, table, formats) + 1

    def _write_heading(self, sheet, figures, formats):
        """The title with the structure and the period, then the filters: the rows frozen
        above the figures. Returns the first row after them."""
        period = self.env._(
            "from %(date_from)s to %(date_to)s",
            date_from=figures["date_from"].strftime("%d/%m/%Y"),
            date_to=figures["date_to"].strftime("%d/%m/%Y"),
        )
        sheet.write(
            0,
            0,
            f"{self.env._('Activity report')} – {figures['company']} – {period}",
            formats["title"],
        )
        for index, line in enumerate(figures["filters"], start=1):
            sheet.write(index, 0, line)
        return 2 + len(figures["filters"])

    def _write_breakdown(self, sheet, row, table, formats):
        headers = [table["title"], self.env._("Contacts"), self.env._("People")]
        with_hours = bool(table["rows"]) and "hours" in table["rows"][0]
        if with_hours:
            headers.append(self.env._("Hours"))
        sheet.write_row(row, 0, headers, formats["header"])
        for line in table["rows"]:
            row += 1
            sheet.write(row, 0, line["label"])
            sheet.write_number(row, 1, line["contacts"], formats["int"])
            sheet.write_number(row, 2, line["people"], formats["int"])
            if with_hours:
                sheet.write_number(row, 3, line["hours"], formats["hours"])
        return row + 1
