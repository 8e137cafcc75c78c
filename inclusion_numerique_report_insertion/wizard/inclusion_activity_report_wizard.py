from odoo import models


class InclusionActivityReportWizard(models.TransientModel):
    """The period and company of the activity report also give the yearly insertion
    report for the management dialogue."""

    _inherit = "inclusion.activity.report.wizard"

    def action_print_insertion_dialogue_pdf(self):
        return self.env.ref(
            "inclusion_numerique_report_insertion.action_report_insertion_dialogue_pdf"
        ).report_action(self)

    def action_print_insertion_dialogue_xlsx(self):
        return self.env.ref(
            "inclusion_numerique_report_insertion.action_report_insertion_dialogue_xlsx"
        ).report_action(self)

    def _get_insertion_dialogue_figures(self):
        return self.env["inclusion.insertion.dialogue.figures"]._get_figures(self._criteria())
