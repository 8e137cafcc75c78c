from odoo import api, models


class ReportPersonalData(models.AbstractModel):
    """The person's complete record, printed: each printing, by any route (button,
    export, URL), is recorded in the audit trail."""

    _name = "report.inclusion_numerique.report_personal_data"
    _description = "Personal data report"

    @api.model
    def _get_report_values(self, docids, data=None):
        people = self.env["inclusion.beneficiary"].browse(docids)
        people.check_access("read")
        self.env["inclusion.privacy.log"]._log(people, "print")
        return {
            "doc_ids": docids,
            "doc_model": people._name,
            "docs": people,
            "access_data": {person.id: person._privacy_access_data() for person in people},
        }
