from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..report.inclusion_activity_figures import FILTERS


class InclusionActivityReportWizard(models.TransientModel):
    """Period and filters of the yearly activity report; the figures are computed by
    inclusion.activity.figures."""

    _name = "inclusion.activity.report.wizard"
    _description = "Yearly activity report"
    _check_company_auto = True

    date_from = fields.Date(
        string="Period start", required=True, default=lambda self: date(date.today().year, 1, 1)
    )
    date_to = fields.Date(
        string="Period end", required=True, default=lambda self: date(date.today().year, 12, 31)
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.companies.ids)],
    )
    place_id = fields.Many2one(
        "inclusion.place",
        check_company=True,
        help="Support sessions held there and the workshops of that place of activity.",
    )
    mediator_id = fields.Many2one("res.users")
    workshop_id = fields.Many2one(
        "inclusion.workshop",
        check_company=True,
        help="Only this workshop: individual support sessions are left out.",
    )
    programme_id = fields.Many2one(
        "inclusion.programme",
        check_company=True,
        help="Only the activities of this programme; the programme report covers every "
        "programme of the period when it is empty.",
    )

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise ValidationError(self.env._("The period must end after it starts."))

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        wizards._check_allowed_company()
        return wizards

    def write(self, vals):
        result = super().write(vals)
        if "company_id" in vals:
            self._check_allowed_company()
        return result

    def _check_allowed_company(self):
        """A report covers one of the companies the user works in, never another one."""
        if self.company_id - self.env.companies:
            raise AccessError(
                self.env._("You can only report on the companies you are working in.")
            )

    # ---- Actions -----------------------------------------------------------------------

    def action_print_pdf(self):
        return self.env.ref("inclusion_numerique_report.action_report_activity_pdf").report_action(
            self
        )

    def action_print_xlsx(self):
        return self.env.ref(
            "inclusion_numerique_report.action_report_activity_xlsx"
        ).report_action(self)

    def action_print_programme_pdf(self):
        self._programmes()
        return self.env.ref(
            "inclusion_numerique_report.action_report_programme_pdf"
        ).report_action(self)

    def action_print_programme_xlsx(self):
        self._programmes()
        return self.env.ref(
            "inclusion_numerique_report.action_report_programme_xlsx"
        ).report_action(self)

    def action_export_national(self):
        return self._export_national("xlsx")

    def action_export_national_csv(self):
        return self._export_national("csv")

    def _export_national(self, file_format):
        """The national export as a job: written at once when small, else in the
        background with its progress and a notification (inclusion.export.job)."""
        self.ensure_one()
        domain = [
            (fname, operator, fields.Date.to_string(value) if isinstance(value, date) else value)
            for fname, operator, value in self._activity_domain()
        ]
        job = self.env["inclusion.export.job"].create(
            {
                "name": self.env._(
                    "National export %(start)s - %(end)s",
                    start=fields.Date.to_string(self.date_from),
                    end=fields.Date.to_string(self.date_to),
                ),
                "kind": "national",
                "file_format": file_format,
                "company_id": self.company_id.id,
                "domain": repr(domain),
            }
        )
        return job._start()

    # ---- Figures -----------------------------------------------------------------------

    def _criteria(self):
        """The wizard's period, company and filters, as inclusion.activity.figures takes
        them."""
        self.ensure_one()
        return {fname: self[fname] for fname in ("date_from", "date_to", "company_id", *FILTERS)}

    def _programmes(self):
        """The programme chosen, else the structure's programmes running in the period."""
        self.ensure_one()
        programmes = self.programme_id or self.env["inclusion.programme"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("date_start", "<=", self.date_to),
                ("date_end", ">=", self.date_from),
            ]
        )
        if not programmes:
            raise UserError(self.env._("No programme runs in this period."))
        return programmes

    def _programme_reports(self):
        """[(programme, [(label, target, actual, kind)])] of the programme report, each
        programme's figures over the wizard's period and filters."""
        figures = self.env["inclusion.activity.figures"]
        reports = []
        for programme in self._programmes():
            criteria = {**self._criteria(), "programme_id": programme}
            reports.append(
                (programme, figures._programme_lines(programme, figures._get_figures(criteria)))
            )
        return reports

    def _get_figures(self):
        return self.env["inclusion.activity.figures"]._get_figures(self._criteria())

    def _activity_domain(self):
        return self.env["inclusion.activity.figures"]._activity_domain(self._criteria())

    @api.model
    def _summary_sections(self, figures):
        return self.env["inclusion.activity.figures"]._summary_sections(figures)
