from odoo import fields, models
from odoo.tools.safe_eval import safe_eval

# Handovers read per batch: the cache is emptied after each so memory stays constant.
SALES_BATCH = 2000


class InclusionExportJob(models.Model):
    _inherit = "inclusion.export.job"

    kind = fields.Selection(
        selection_add=[("sales", "Equipment sales")], ondelete={"sales": "cascade"}
    )

    def _source_sales(self):
        export = self.env["report.inclusion_numerique_report_equipment.sales_xlsx"]
        Handover = self.env["inclusion.equipment.handover"]
        domain = safe_eval(self.domain or "[]")
        return (
            self.env._("Sales"),
            export._columns(),
            Handover.search_count(domain),
            export._sales_batches(domain),
        )
