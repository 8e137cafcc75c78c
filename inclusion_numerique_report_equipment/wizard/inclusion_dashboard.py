from odoo import models

# Equipment types that count as computers on the dashboard.
COMPUTER_TYPES = ("laptop", "desktop")


class InclusionDashboard(models.TransientModel):
    """Computers handed over on the manager's dashboard."""

    _inherit = "inclusion.dashboard"

    def _key_figures(self, criteria, figures):
        computers = self.env["inclusion.equipment.handover"].search_count(
            [
                ("date", ">=", criteria["date_from"]),
                ("date", "<=", criteria["date_to"]),
                ("company_id", "=", criteria["company_id"].id),
                ("state", "!=", "cancelled"),
                ("equipment_type", "in", COMPUTER_TYPES),
            ]
        )
        return [
            *super()._key_figures(criteria, figures),
            ("computers", self.env._("Computers handed over"), computers, "int"),
        ]
