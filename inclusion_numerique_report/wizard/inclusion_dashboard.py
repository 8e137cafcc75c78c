from datetime import date

from odoo import api, fields, models


class InclusionDashboard(models.TransientModel):
    """The manager's dashboard: the key figures of a year of the structure and their
    trend against the year before. Nothing is saved: the form computes the figures of the
    year shown. The add-ons of other capabilities add their figures (_key_figures)."""

    _name = "inclusion.dashboard"
    _description = "Manager dashboard"

    year = fields.Selection(
        selection="_year_selection",
        required=True,
        default=lambda self: str(fields.Date.context_today(self).year),
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    figures_html = fields.Html(
        string="Key figures", compute="_compute_figures_html", sanitize=False
    )

    @api.model
    def _year_selection(self):
        """The last ten years, newest first."""
        this_year = fields.Date.context_today(self).year
        return [(str(year), str(year)) for year in range(this_year, this_year - 10, -1)]

    @api.depends("year", "company_id")
    def _compute_figures_html(self):
        for dashboard in self:
            dashboard.figures_html = self.env["ir.qweb"]._render(
                "inclusion_numerique_report.dashboard_tiles",
                {"tiles": dashboard._tiles(), "year": dashboard.year},
            )

    def _tiles(self):
        """[{label, value, previous, trend}] of the year: values written in the user's
        language, trend a dict (text, direction) or None when last year had nothing."""
        self.ensure_one()
        service = self.env["inclusion.activity.figures"]
        year = int(self.year)
        current, previous = (
            self._key_figures(criteria, service._get_figures(criteria))
            for criteria in (self._criteria(year), self._criteria(year - 1))
        )
        previous = {key: value for key, _label, value, _kind in previous}
        return [
            {
                "label": label,
                "value": service._format_figure(value, kind),
                "previous": service._format_figure(previous[key], kind),
                "trend": self._trend(value, previous[key], kind),
            }
            for key, label, value, kind in current
        ]

    def _criteria(self, year):
        return {
            "date_from": date(year, 1, 1),
            "date_to": date(year, 12, 31),
            "company_id": self.company_id,
            "place_id": self.env["inclusion.place"],
            "mediator_id": self.env["res.users"],
            "workshop_id": self.env["inclusion.workshop"],
        }

    def _trend(self, value, previous, kind):
        """Change against last year: in points for rates, in percent otherwise."""
        service = self.env["inclusion.activity.figures"]
        if kind == "percent":
            change = value - previous
            text = self.env._("%(change)s pts", change=service._format_figure(change, "float"))
        elif previous:
            change = 100.0 * (value - previous) / previous
            text = service._format_figure(change, "percent")
        else:
            return None
        direction = "up" if change > 0 else "down" if change < 0 else "flat"
        sign = "+" if change > 0 else ""
        return {"text": sign + text, "direction": direction}

    def _key_figures(self, criteria, figures):
        """[(key, label, value, kind)] of the period, from the figures of the activity
        report for `criteria` and queries of their own; kind as in the activity report."""
        totals, workshops = figures["totals"], figures["workshops"]
        return [
            ("people", self.env._("People supported"), totals["people"], "int"),
            ("contacts", self.env._("Contacts"), totals["contacts"], "int"),
            ("hours", self.env._("Hours of support"), totals["hours"], "hours"),
            ("workshops", self.env._("Workshop sessions held"), workshops["sessions_held"], "int"),
            (
                "completion_rate",
                self.env._("Workshop completion rate"),
                self._completion_rate(criteria),
                "percent",
            ),
        ]

    def _completion_rate(self, criteria):
        """Share of the participants of the cycles ended in the period who completed them
        (cancelled registrations and the waiting list left out)."""
        start, end = self.env["inclusion.activity.figures"]._utc_bounds(criteria)
        groups = dict(
            self.env["inclusion.workshop.registration"]._read_group(
                [
                    ("state", "in", ("registered", "completed", "dropped")),
                    ("workshop_id.date_end", ">=", start),
                    ("workshop_id.date_end", "<", end),
                    ("workshop_id.company_id", "=", criteria["company_id"].id),
                ],
                ["state"],
                ["__count"],
            )
        )
        total = sum(groups.values())
        return 100.0 * groups.get("completed", 0) / total if total else 0.0
