from odoo import api, models

# A full-time week, for the full-time equivalents.
FULL_TIME_WEEKLY_HOURS = 35.0
DAYS_PER_MONTH = 365.25 / 12


class InclusionInsertionDialogueFigures(models.AbstractModel):
    """Figures of the yearly insertion report for the State's management dialogue
    ("dialogue de gestion"), for the period and company of `criteria` (as the activity
    report takes them). Entries, exits by category, the sorties dynamiques rate and the
    workshop training hours are the activity report's own insertion figures: one
    definition of an exit for both reports."""

    _name = "inclusion.insertion.dialogue.figures"
    _description = "Insertion figures for the management dialogue"

    @api.model
    def _get_figures(self, criteria):
        activity = self.env["inclusion.activity.figures"]
        activity._check_criteria(criteria)
        insertion = activity._insertion_figures(criteria)
        follow_up = self._follow_up_figures(criteria)
        return {
            "company": criteria["company_id"].name,
            "date_from": criteria["date_from"],
            "date_to": criteria["date_to"],
            "insertion": insertion,
            "full_time_equivalents": self._full_time_equivalents(criteria),
            "average_stay_months": self._average_stay_months(criteria),
            **follow_up,
            "training_hours": insertion["training_hours"] + follow_up["external_training_hours"],
        }

    @api.model
    def _period_domain(self, fname, criteria):
        return [
            (fname, ">=", criteria["date_from"]),
            (fname, "<=", criteria["date_to"]),
            ("company_id", "=", criteria["company_id"].id),
        ]

    @api.model
    def _full_time_equivalents(self, criteria):
        """Sum over the insertion contracts of weekly hours / 35 x the share of the period
        the contract covers (up to its exit, else its end)."""
        date_from, date_to = criteria["date_from"], criteria["date_to"]
        contracts = self.env["hr.contract"].search(
            [
                ("is_insertion", "=", True),
                ("company_id", "=", criteria["company_id"].id),
                ("state", "!=", "cancel"),
                ("date_start", "<=", date_to),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", date_from),
            ]
        )
        period_days = (date_to - date_from).days + 1
        total = 0.0
        for contract in contracts:
            end = min(contract.exit_date or contract.date_end or date_to, date_to)
            days = (end - max(contract.date_start, date_from)).days + 1
            total += contract.weekly_hours / FULL_TIME_WEEKLY_HOURS * max(days, 0) / period_days
        return round(total, 2)

    @api.model
    def _average_stay_months(self, criteria):
        """Average time spent in the structure by the people who left in the period, from
        the start of their contract to their exit, in months."""
        exits = self.env["hr.contract"].search(
            [("is_insertion", "=", True), *self._period_domain("exit_date", criteria)]
        )
        if not exits:
            return 0.0
        days = sum((contract.exit_date - contract.date_start).days + 1 for contract in exits)
        return round(days / len(exits) / DAYS_PER_MONTH, 1)

    @api.model
    def _follow_up_figures(self, criteria):
        env = self.env
        [(interviews, people, hours)] = env["inclusion.insertion.interview"]._read_group(
            self._period_domain("date", criteria),
            aggregates=["__count", "employee_id:count_distinct", "duration:sum"],
        )
        lifted = env["inclusion.insertion.employee.obstacle"]._read_group(
            [("state", "=", "lifted"), *self._period_domain("date_lifted", criteria)],
            ["obstacle_id"],
            ["__count"],
        )
        [(immersions,)] = env["inclusion.insertion.immersion"]._read_group(
            self._period_domain("date_start", criteria), aggregates=["__count"]
        )
        # A training counts in the year it ends in.
        [(external_hours,)] = env["inclusion.insertion.training"]._read_group(
            self._period_domain("date_end", criteria), aggregates=["hours:sum"]
        )
        return {
            "interviews": interviews,
            "people_met": people,
            "follow_up_hours": hours or 0.0,
            "obstacles_lifted": sum(count for _obstacle, count in lifted),
            "obstacles_lifted_by_kind": [
                {"label": obstacle.name, "count": count}
                for obstacle, count in sorted(lifted, key=lambda group: group[0].sequence)
            ],
            "immersions": immersions,
            "external_training_hours": external_hours or 0.0,
        }

    @api.model
    def _sections(self, figures):
        """[(title, [(label, value, kind)])] as the PDF and the XLSX show them; kind is
        one of int, decimal, hours, percent."""
        insertion = figures["insertion"]
        return [
            (
                self.env._("Headcount"),
                [
                    (
                        self.env._("Employees (contract in the period)"),
                        insertion["employees"],
                        "int",
                    ),
                    (
                        self.env._("Full-time equivalents (35 h)"),
                        figures["full_time_equivalents"],
                        "decimal",
                    ),
                    (self.env._("Entries"), insertion["entries"], "int"),
                ],
            ),
            (
                self.env._("Exits"),
                [
                    (self.env._("Exits"), insertion["exits"], "int"),
                    *(
                        (row["label"], row["count"], "int")
                        for row in insertion["exits_by_category"]
                    ),
                    (self.env._("Counted exits"), insertion["counted_exits"], "int"),
                    (self.env._("Dynamic exits"), insertion["dynamic_exits"], "int"),
                    (self.env._("Dynamic exit rate"), insertion["dynamic_exit_rate"], "percent"),
                    (
                        self.env._("Average stay of the people who left (months)"),
                        figures["average_stay_months"],
                        "decimal",
                    ),
                ],
            ),
            (
                self.env._("Socio-professional follow-up"),
                [
                    (self.env._("Interviews"), figures["interviews"], "int"),
                    (self.env._("People met in interviews"), figures["people_met"], "int"),
                    (self.env._("Follow-up hours"), figures["follow_up_hours"], "hours"),
                    (
                        self.env._("Immersion periods (PMSMP) started"),
                        figures["immersions"],
                        "int",
                    ),
                ],
            ),
            (
                self.env._("Obstacles lifted"),
                [
                    (self.env._("Obstacles lifted"), figures["obstacles_lifted"], "int"),
                    *(
                        (row["label"], row["count"], "int")
                        for row in figures["obstacles_lifted_by_kind"]
                    ),
                ],
            ),
            (
                self.env._("Training"),
                [
                    (
                        self.env._("Training hours in workshops on work time"),
                        insertion["training_hours"],
                        "hours",
                    ),
                    (
                        self.env._("Training hours outside the workshops"),
                        figures["external_training_hours"],
                        "hours",
                    ),
                    (self.env._("Training hours"), figures["training_hours"], "hours"),
                ],
            ),
        ]
