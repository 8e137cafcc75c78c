from odoo import models


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

    def generate_xlsx_report(self, workbook, data, handovers):
        sheet = workbook.add_worksheet(self.env._("Sales"))
        bold = workbook.add_format({"bold": True})
        date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
        amount_format = workbook.add_format({"num_format": "#,##0.00"})
        sheet.write_row(0, 0, self._columns(), bold)
        methods = dict(handovers._fields["payment_method"]._description_selection(self.env))
        for row, handover in enumerate(handovers.sorted(lambda h: (h.date, h.id)), start=1):
            sheet.write_datetime(row, 0, handover.date, date_format)
            sheet.write_string(row, 1, handover.name)
            sheet.write_string(row, 2, handover.partner_id.name or "")
            sheet.write_string(row, 3, handover.equipment_id.name)
            sheet.write_string(row, 4, handover.serial_number or "")
            sheet.write_number(row, 5, handover.amount_received, amount_format)
            sheet.write_string(row, 6, methods.get(handover.payment_method, ""))
            sheet.write_string(row, 7, handover._get_invoice_reference())
        sheet.set_column(0, 7, 18)
