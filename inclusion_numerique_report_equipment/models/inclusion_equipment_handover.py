from odoo import models


class InclusionEquipmentHandover(models.Model):
    _inherit = "inclusion.equipment.handover"

    def _export_sales_job(self, file_format):
        """The sales export of these handovers as a job: written at once when small,
        else in the background with its progress and a notification."""
        job = self.env["inclusion.export.job"].create(
            {
                "name": self.env._("Sales export"),
                "kind": "sales",
                "file_format": file_format,
                "domain": repr([("id", "in", self.ids)]),
            }
        )
        return job._start()
