from odoo import api, models
from odoo.exceptions import UserError


class ReportWorkshopCertificate(models.AbstractModel):
    _name = "report.inclusion_numerique_workshop.report_workshop_certificate"
    _description = "Workshop completion certificate"

    @api.model
    def _get_report_values(self, docids, data=None):
        registrations = self.env["inclusion.workshop.registration"].browse(docids)
        if any(registration.state != "completed" for registration in registrations):
            raise UserError(
                self.env._("A certificate is only issued to participants who completed the cycle.")
            )
        return {
            "doc_ids": docids,
            "doc_model": "inclusion.workshop.registration",
            "docs": registrations,
        }
