import base64
import json

from odoo import api, fields, models

ACCESS_REPORT = "inclusion_numerique.action_report_personal_data"


class InclusionBeneficiaryAccessExport(models.TransientModel):
    """Right of access and portability: the complete record of what is stored about a
    person, as a readable PDF and a machine-readable JSON file, in one click."""

    _name = "inclusion.beneficiary.access.export"
    _description = "Personal data export"

    beneficiary_id = fields.Many2one("inclusion.beneficiary", required=True, readonly=True)
    json_file = fields.Binary(string="JSON file", readonly=True, attachment=False)
    json_filename = fields.Char(string="JSON file name", readonly=True)
    pdf_file = fields.Binary(string="PDF file", readonly=True, attachment=False)
    pdf_filename = fields.Char(string="PDF file name", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        for wizard in wizards:
            wizard._generate_files()
        return wizards

    def _generate_files(self):
        self.ensure_one()
        person = self.beneficiary_id
        person.check_access("read")
        data = person._privacy_access_data()
        # The PDF goes through the report, which records the printing in the audit trail.
        pdf, _type = self.env["ir.actions.report"]._render_qweb_pdf(ACCESS_REPORT, person.ids)
        stem = self.env._("personal-data-%(id)s", id=person.id)
        self.write(
            {
                "json_file": base64.b64encode(
                    json.dumps(data, ensure_ascii=False, indent=2, default=str).encode()
                ),
                "json_filename": f"{stem}.json",
                "pdf_file": base64.b64encode(pdf),
                "pdf_filename": f"{stem}.pdf",
            }
        )
        self.env["inclusion.privacy.log"]._log(person, "export")
