from odoo import models
from odoo.tools import SQL

# Handovers read per batch through a server-side cursor; the cache is emptied after each.
BATCH = 2000


class EquipmentSalesXlsx(models.AbstractModel):
    _name = "report.inclusion_numerique_report_equipment.sales_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Equipment sales export (XLSX)"

    def _columns(self):
        return [
            self.env._("Date"),
            self.env._("Receipt number"),
            self.env._("Recipient"),
            self.env._("Equipment"),
            self.env._("Serial number"),
            self.env._("Amount"),
            self.env._("Payment method"),
            self.env._("Invoice"),
        ]

    # Width of each column, in characters.
    WIDTHS = [12, 18, 28, 32, 20, 12, 18, 18]

    def generate_xlsx_report(self, workbook, data, handovers):
        """A title with the period, the header frozen under it, one row per sale by date
        and a totals row (number of sales, amount received)."""
        sheet = workbook.add_worksheet(self.env._("Sales"))
        bold = workbook.add_format({"bold": True})
        title = workbook.add_format({"bold": True, "font_size": 14})
        header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
        amount_format = workbook.add_format({"num_format": "#,##0.00 [$€-fr-FR]"})
        total_format = workbook.add_format(
            {"bold": True, "top": 1, "num_format": "#,##0.00 [$€-fr-FR]"}
        )
        handovers = handovers.sorted(lambda h: (h.date, h.id))
        sheet.write(0, 0, self._title(handovers), title)
        sheet.write_row(1, 0, self._columns(), header)
        sheet.freeze_panes(2, 0)
        for column, width in enumerate(self.WIDTHS):
            sheet.set_column(column, column, width)
        methods = self._payment_methods()
        row = 1
        for row, handover in enumerate(handovers, start=2):
            values = self._sales_row(handover, methods)
            sheet.write_datetime(row, 0, values[0], date_format)
            sheet.write_row(row, 1, values[1:5])
            sheet.write_number(row, 5, values[5], amount_format)
            sheet.write_row(row, 6, values[6:])
        total = row + 1
        sheet.write(total, 0, self.env._("Total"), bold)
        sheet.write(total, 1, self.env._("%(count)s sales", count=len(handovers)), bold)
        sheet.write_formula(
            total,
            5,
            f"=SUM(F3:F{total})",
            total_format,
            sum(handovers.mapped("amount_received")),
        )

    def _title(self, handovers):
        """ "Sales from <first day> to <last day>" of the exported receipts."""
        days = handovers.mapped("date")
        if not days:
            return self.env._("Sales")
        return self.env._(
            "Sales from %(date_from)s to %(date_to)s",
            date_from=min(days).strftime("%d/%m/%Y"),
            date_to=max(days).strftime("%d/%m/%Y"),
        )

    def _payment_methods(self):
        field = self.env["inclusion.equipment.handover"]._fields["payment_method"]
        return dict(field._description_selection(self.env))

    @staticmethod
    def _sales_row(handover, methods):
        return [
            handover.date,
            handover.name,
            handover.partner_id.name or "",
            handover.equipment_id.name,
            handover.serial_number or "",
            handover.amount_received,
            methods.get(handover.payment_method, ""),
            handover._get_invoice_reference(),
        ]

    def _sales_batches(self, domain):
        """Rows of the handovers matching `domain` (as the user reads them: the record
        rules are in the query), by date, in lists of BATCH from a server-side cursor.
        The invoice reference stays the records' own method (the accounting add-on
        overrides it), called on each batch with the batch prefetched."""
        Handover = self.env["inclusion.equipment.handover"]
        self.env.flush_all()
        methods = self._payment_methods()
        query = Handover._search(domain, order="date, id")
        table = SQL.identifier(query.table)
        query.add_join("LEFT JOIN", "p", "res_partner", SQL("p.id = %s.partner_id", table))
        query.add_join(
            "LEFT JOIN", "e", "inclusion_equipment", SQL("e.id = %s.equipment_id", table)
        )
        sql = query.select(
            SQL(
                """%(t)s.id, %(t)s.date, %(t)s.name, p.name, e.name, %(t)s.serial_number,
                   %(t)s.amount_received, %(t)s.payment_method""",
                t=table,
            )
        )
        with self.env.cr._cnx.cursor("inclusion_sales_export") as cursor:
            cursor.itersize = BATCH
            cursor.execute(sql.code, sql.params)
            while rows := cursor.fetchmany(BATCH):
                handovers = Handover.browse([row[0] for row in rows])
                yield [
                    [
                        day,
                        name or "",
                        partner or "",
                        equipment or "",
                        serial or "",
                        float(amount or 0),
                        methods.get(method, ""),
                        handover._get_invoice_reference(),
                    ]
                    for handover, (
                        _id,
                        day,
                        name,
                        partner,
                        equipment,
                        serial,
                        amount,
                        method,
                    ) in zip(handovers, rows, strict=True)
                ]
                self.env.invalidate_all(flush=False)
