from odoo import fields, models


class InclusionWorkActivity(models.Model):
    _name = "inclusion.work.activity"
    _description = "Insertion activity or work site"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "This activity code is already used."),
    ]
