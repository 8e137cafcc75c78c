from odoo import api, models


class InclusionActivityFigures(models.AbstractModel):
    """Open access use, anonymous workshop participants and coordination activities in
    the yearly report: a few grouped queries each, whatever the volume."""

    _inherit = "inclusion.activity.figures"

    def _get_figures(self, criteria):
        return {
            **super()._get_figures(criteria),
            "open_access": self._open_access_figures(criteria),
            "anonymous_participants": self._anonymous_participant_figures(criteria),
            "coordination": self._coordination_figures(criteria),
        }

    @api.model
    def _period_domain(self, criteria, filters):
        """Records dated in the period, of the company, with the report's filters that
        apply to them ({criteria key: field})."""
        return [
            ("date", ">=", criteria["date_from"]),
            ("date", "<=", criteria["date_to"]),
            ("company_id", "=", criteria["company_id"].id),
            *(
                (fname, "=", criteria[key].id)
                for key, fname in filters.items()
                if criteria.get(key)
            ),
        ]

    def _open_access_figures(self, criteria):
        """Half-days counted, visits and visits on a workstation, and the workstations of
        the places (the place filtered on, else every place of the structure)."""
        domain = self._period_domain(criteria, {"place_id": "place_id", "mediator_id": "user_id"})
        [(half_days, visits, on_workstation)] = self.env["inclusion.open.access"]._read_group(
            domain, [], ["__count", "visits:sum", "workstation_visits:sum"]
        )
        place = criteria.get("place_id")
        [(workstations,)] = self.env["inclusion.place"]._read_group(
            [("id", "=", place.id)] if place else [("company_id", "=", criteria["company_id"].id)],
            [],
            ["workstation_count:sum"],
        )
        return {
            "half_days": half_days,
            "visits": visits or 0,
            "workstation_visits": on_workstation or 0,
            "workstations": workstations or 0,
        }

    def _anonymous_participant_figures(self, criteria):
        """Anonymous participants of the workshop sessions held, in total and by gender,
        age bracket and status: [(field, [(code, label, people)])] for the non-empty codes."""
        groups = self.env["inclusion.workshop.anonymous"]._read_group(
            [("session_id", "any", self._workshop_session_domain(criteria))],
            ["gender", "age_bracket", "social_status"],
            ["count:sum"],
        )
        Anonymous = self.env["inclusion.workshop.anonymous"]
        breakdowns = []
        for index, fname in enumerate(("gender", "age_bracket", "social_status")):
            people = {}
            for group in groups:
                people[group[index]] = people.get(group[index], 0) + group[-1]
            selection = Anonymous._fields[fname]._description_selection(self.env)
            breakdowns.append(
                (
                    fname,
                    [(code, label, people[code]) for code, label in selection if code in people],
                )
            )
        return {"total": sum(group[-1] for group in groups), "breakdowns": breakdowns}

    def _coordination_figures(self, criteria):
        """Coordination activities by kind (number and hours) and the partners met."""
        Coordination = self.env["inclusion.coordination"]
        domain = self._period_domain(
            criteria,
            {"place_id": "place_id", "mediator_id": "user_id", "programme_id": "programme_id"},
        )
        by_kind = {
            kind: (count, minutes or 0)
            for kind, count, minutes in Coordination._read_group(
                domain, ["kind"], ["__count", "duration:sum"]
            )
        }
        partners = Coordination._read_group(domain, ["partner_ids"], ["__count"])
        kinds = Coordination._fields["kind"]._description_selection(self.env)
        return {
            "activities": sum(count for count, _minutes in by_kind.values()),
            "hours": sum(minutes for _count, minutes in by_kind.values()) / 60,
            "partners": len([partner for partner, _count in partners if partner]),
            "by_kind": [
                (label, *by_kind.get(code, (0, 0))) for code, label in kinds if code in by_kind
            ],
        }

    @api.model
    def _summary_sections(self, figures):
        open_access = figures["open_access"]
        anonymous = figures["anonymous_participants"]
        coordination = figures["coordination"]
        return [
            *super()._summary_sections(figures),
            (
                self.env._("Open access"),
                [
                    (self.env._("Public workstations"), open_access["workstations"], "int"),
                    (self.env._("Half-days counted"), open_access["half_days"], "int"),
                    (self.env._("Visits"), open_access["visits"], "int"),
                    (
                        self.env._("Visits on a workstation"),
                        open_access["workstation_visits"],
                        "int",
                    ),
                ],
            ),
            (
                self.env._("Anonymous workshop participants"),
                [
                    (self.env._("Anonymous participants"), anonymous["total"], "int"),
                    *(
                        (label, people, "int")
                        for _fname, rows in anonymous["breakdowns"]
                        for _code, label, people in rows
                    ),
                ],
            ),
            (
                self.env._("Coordination"),
                [
                    (self.env._("Coordination activities"), coordination["activities"], "int"),
                    (self.env._("Hours of coordination"), coordination["hours"], "hours"),
                    (self.env._("Partners met"), coordination["partners"], "int"),
                    *(
                        (
                            self.env._("%(kind)s (hours)", kind=label),
                            minutes / 60,
                            "hours",
                        )
                        for label, _count, minutes in coordination["by_kind"]
                    ),
                ],
            ),
        ]
