from odoo import fields, models

THEME_KINDS = [
    ("digital", "Digital theme"),
    ("procedure", "Procedure domain"),
]


class InclusionTheme(models.Model):
    _name = "inclusion.theme"
    _description = "Support theme or procedure domain"
    _order = "kind, sequence, name"

    name = fields.Char(required=True)
    code = fields.Char(required=True, help="Stable technical code, used by exports.")
    kind = fields.Selection(THEME_KINDS, required=True, default="digital")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "Each theme needs its own code."),
    ]
