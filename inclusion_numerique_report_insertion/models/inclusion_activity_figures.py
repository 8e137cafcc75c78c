from odoo import api, models


class InclusionActivityFigures(models.AbstractModel):
    """Insertion entries, exits and training hours in the yearly report."""

    _inherit = "inclusion.activity.figures"

    def _get_figures(self, criteria):
        return {**super()._get_figures(criteria), "insertion": self._insertion_figures(criteria)}

    def _insertion_figures(self, criteria):
        """Entries into and exits from insertion contracts in the period, exits by
        category, sorties dynamiques rate and training hours of the insertion employees
        in workshops on work time. The structure's figures, as the State asks for them."""
        period = [
            ("date", ">=", criteria["date_from"]),
            ("date", "<=", criteria["date_to"]),
            ("company_id", "=", criteria["company_id"].id),
        ]
        groups = self.env["inclusion.insertion.report"]._read_group(
            period,
            ["event", "exit_category"],
            ["__count", "counted_exit_count:sum", "dynamic_exit_count:sum"],
        )
        exits = {category: count for event, category, count, *_sums in groups if event == "exit"}
        # Counted exits leave out the withdrawn ones and those before the minimum stay.
        counted = sum(counted for _event, _category, _count, counted, _dynamic in groups)
        dynamic = sum(dynamic for *_keys, dynamic in groups)
        employees = (
            self.env["hr.contract"]
            .search(
                [
                    ("is_insertion", "=", True),
                    ("company_id", "=", criteria["company_id"].id),
                    ("state", "!=", "cancel"),
                    ("date_start", "<=", criteria["date_to"]),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", criteria["date_from"]),
                ]
            )
            .employee_id
        )
        hours = employees._get_workshop_training_hours(*self._utc_bounds(criteria))
        categories = (
            self.env["hr.contract"]._fields["exit_category"]._description_selection(self.env)
        )
        return {
            "entries": sum(
                count for event, _category, count, *_sums in groups if event == "entry"
            ),
            "exits": sum(exits.values()),
            "exits_by_category": [
                {"key": code, "label": label, "count": exits.get(code, 0)}
                for code, label in categories
            ],
            "counted_exits": counted,
            "dynamic_exits": dynamic,
            "dynamic_exit_rate": 100.0 * dynamic / counted if counted else 0.0,
            "employees": len(employees),
            "training_hours": sum(hours.values()),
        }

    @api.model
    def _summary_sections(self, figures):
        insertion = figures["insertion"]
        return [
            *super()._summary_sections(figures),
            (
                self.env._("Insertion"),
                [
                    (self.env._("Entries"), insertion["entries"], "int"),
                    (self.env._("Exits"), insertion["exits"], "int"),
                    *(
                        (row["label"], row["count"], "int")
                        for row in insertion["exits_by_category"]
                    ),
                    (self.env._("Counted exits"), insertion["counted_exits"], "int"),
                    (self.env._("Dynamic exits"), insertion["dynamic_exits"], "int"),
                    (
                        self.env._("Dynamic exit rate"),
                        insertion["dynamic_exit_rate"],
                        "percent",
                    ),
                    (
                        self.env._("Insertion employees (contract in the period)"),
                        insertion["employees"],
                        "int",
                    ),
                    (
                        self.env._("Training hours in workshops on work time"),
                        insertion["training_hours"],
                        "hours",
                    ),
                ],
            ),
        ]
