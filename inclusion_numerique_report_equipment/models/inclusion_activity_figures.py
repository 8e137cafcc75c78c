from odoo import api, models


class InclusionActivityFigures(models.AbstractModel):
    """Equipment handovers in the yearly report."""

    _inherit = "inclusion.activity.figures"

    def _get_figures(self, criteria):
        return {**super()._get_figures(criteria), "equipment": self._equipment_figures(criteria)}

    def _equipment_figures(self, criteria):
        """Handovers of the period (cancelled ones left out), by mode, with amounts; of
        the place, mediator (who recorded them) and programme filtered on (equipment is not
        tied to a workshop)."""
        groups = self.env["inclusion.equipment.handover"]._read_group(
            [
                ("date", ">=", criteria["date_from"]),
                ("date", "<=", criteria["date_to"]),
                ("company_id", "=", criteria["company_id"].id),
                ("state", "!=", "cancelled"),
                *(
                    (fname, "=", criteria[key].id)
                    for key, fname in (
                        ("place_id", "place_id"),
                        ("mediator_id", "create_uid"),
                        ("programme_id", "programme_id"),
                    )
                    if criteria.get(key)
                ),
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

    @api.model
    def _programme_lines(self, programme, figures):
        return [
            *super()._programme_lines(programme, figures),
            (
                self.env._("Computers handed over"),
                programme.target_computers,
                figures["equipment"]["handed_over"],
                "int",
            ),
        ]
