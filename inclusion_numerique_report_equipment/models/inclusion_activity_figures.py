from odoo import api, models


class InclusionActivityFigures(models.AbstractModel):
    """Equipment handovers in the yearly report."""

    _inherit = "inclusion.activity.figures"

    def _get_figures(self, criteria):
        return {**super()._get_figures(criteria), "equipment": self._equipment_figures(criteria)}

    def _equipment_figures(self, criteria):
        """Handovers of the period (cancelled ones left out), by mode, with amounts.
        Equipment is not tied to a place, mediator or workshop: the structure's figures."""
        groups = self.env["inclusion.equipment.handover"]._read_group(
            [
                ("date", ">=", criteria["date_from"]),
                ("date", "<=", criteria["date_to"]),
                ("company_id", "=", criteria["company_id"].id),
                ("state", "!=", "cancelled"),
            ],
            ["mode"],
            ["__count", "price:sum", "amount_received:sum"],
        )
        by_mode = {mode: (count, price, received) for mode, count, price, received in groups}
        sold = by_mode.get("sold", (0, 0.0, 0.0))
        return {
            "handed_over": sum(count for count, _price, _received in by_mode.values()),
            "sold": sold[0],
            "given": by_mode.get("given", (0,))[0],
            "lent": by_mode.get("lent", (0,))[0],
            "amount_sold": sold[1],
            "amount_received": sum(received for _count, _price, received in by_mode.values()),
        }

    @api.model
    def _summary_sections(self, figures):
        equipment = figures["equipment"]
        return [
            *super()._summary_sections(figures),
            (
                self.env._("Equipment"),
                [
                    (self.env._("Handed over"), equipment["handed_over"], "int"),
                    (self.env._("Sold"), equipment["sold"], "int"),
                    (self.env._("Given"), equipment["given"], "int"),
                    (self.env._("Lent"), equipment["lent"], "int"),
                    (self.env._("Amount of the sales"), equipment["amount_sold"], "amount"),
                    (self.env._("Amount received"), equipment["amount_received"], "amount"),
                ],
            ),
        ]
