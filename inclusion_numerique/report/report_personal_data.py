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
            "access_data": {
                person.id: self._readable(person._privacy_access_data()) for person in people
            },
        }

    def _readable(self, data):
        """Yes and No instead of the JSON file's booleans."""
        labels = {True: self.env._("Yes"), False: self.env._("No")}
        for section in data["sections"]:
            for record in section["records"]:
                for name, value in record.items():
                    if isinstance(value, bool):
                        record[name] = labels[value]
        return data
