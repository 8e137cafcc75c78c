from odoo import models

# Exit categories that are a job: lasting (CDI, CDD of six months or more) or transition.
EMPLOYMENT_EXIT_CATEGORIES = ("durable", "transition")


class InclusionDashboard(models.TransientModel):
    """Exits of insertion employees to employment on the manager's dashboard."""

    _inherit = "inclusion.dashboard"

    def _key_figures(self, criteria, figures):
        exits = figures["insertion"]["exits_by_category"]
        return [
            *super()._key_figures(criteria, figures),
            (
                "exits_to_employment",
                self.env._("Exits to employment"),
                sum(row["count"] for row in exits if row["key"] in EMPLOYMENT_EXIT_CATEGORIES),
                "int",
            ),
        ]
