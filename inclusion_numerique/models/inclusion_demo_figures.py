from datetime import date, timedelta

from odoo import api, fields, models

# The BGE's public desk (seeds): who came, anonymously, in a year.
BGE_DESK_STATUSES = {
    "job_seeker": 20,
    "employed": 3,
    "business_owner": 3,
    "retired": 2,
    "student": 1,
    "unknown": 1,
}
# Open access half-days at the BGE: (days ago, half-day, visits, of them on a workstation).
BGE_OPEN_ACCESS = [
    (2, "morning", 12, 8),
    (2, "afternoon", 9, 5),
    (5, "morning", 7, 7),
    (9, "morning", 11, 6),
    (12, "afternoon", 6, 4),
]


class InclusionDemoMediation(models.AbstractModel):
    _inherit = "inclusion.demo.mediation"

    @api.model
    def _generate_figures_cases(self):
        """The cases funders ask about: two funders sharing the Régie's places this year,
        and the BGE's public space (8 workstations, its desk's statuses, open access)."""
        env = self.env(context=dict(self.env.context, tracking_disable=True))
        today = fields.Date.context_today(self)
        year_start = date(today.year, 1, 1)
        places = {
            "departement": env.ref("inclusion_numerique.place_espace_numerique"),
            "caf": env.ref("inclusion_numerique.place_boite_a_linge"),
        }
        for key, place in places.items():
            programme = env.ref(f"inclusion_numerique.programme_{key}")
            place.programme_id = programme
            supports = env["inclusion.support"].search(
                [("place_id", "=", place.id), ("date", ">=", year_start)]
            )
            supports.programme_id = programme
        bge = env.ref("inclusion_numerique.place_bge")
        statuses = [status for status, count in BGE_DESK_STATUSES.items() for _i in range(count)]
        span = max((today - year_start).days, 1)
        env["inclusion.support"].create(
            [
                {
                    "kind": "drop_in",
                    "start": fields.Datetime.to_datetime(
                        max(year_start, today - timedelta(days=index * span // len(statuses)))
                    )
                    + timedelta(hours=8, minutes=30),
                    "duration": 30,
                    "place_id": bge.id,
                    "mediator_id": env.ref("base.user_demo").id,
                    "theme_ids": [env.ref("inclusion_numerique.theme_email").id],
                    "anonymous_social_status": status,
                }
                for index, status in enumerate(statuses)
            ]
        )
        env["inclusion.open.access"].create(
            [
                {
                    "date": max(year_start, today - timedelta(days=days_ago)),
                    "half_day": half_day,
                    "place_id": bge.id,
                    "visits": visits,
                    "workstation_visits": on_workstation,
                }
                for days_ago, half_day, visits, on_workstation in BGE_OPEN_ACCESS
                if today - timedelta(days=days_ago) >= year_start
            ]
        )
