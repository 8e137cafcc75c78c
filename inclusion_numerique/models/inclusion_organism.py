from odoo import fields, models


class InclusionOrganism(models.Model):
    _name = "inclusion.organism"
    _description = "Organism behind an administrative procedure"
    _order = "sequence, name"

    name = fields.Char(required=True)
    code = fields.Char(required=True, help="Stable technical code, used by exports.")
    procedure_domain_id = fields.Many2one(
        "inclusion.theme",
        string="Procedure domain",
        domain=[("kind", "=", "procedure")],
        ondelete="set null",
    )
    website = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "Each organism needs its own code."),
    ]
