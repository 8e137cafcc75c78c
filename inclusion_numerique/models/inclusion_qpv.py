from odoo import api, fields, models


class InclusionQpv(models.Model):
    """A priority neighbourhood of the city policy (quartier prioritaire de la politique
    de la ville) of the structure's territory, as the State lists them."""

    _name = "inclusion.qpv"
    _description = "Priority neighbourhood (QPV)"
    _order = "name"

    name = fields.Char(required=True)
    code = fields.Char(help="Official code of the neighbourhood, e.g. QN01112M.")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_company_uniq", "unique(company_id, name)", "This QPV is already in the list.")
    ]

    @api.depends("name", "code")
    def _compute_display_name(self):
        for qpv in self:
            qpv.display_name = f"{qpv.name} ({qpv.code})" if qpv.code else qpv.name
