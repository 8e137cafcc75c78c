from odoo import fields, models


class InclusionInsertionObstacle(models.Model):
    """A kind of obstacle to employment ("frein périphérique"): mobility, housing..."""

    _name = "inclusion.insertion.obstacle"
    _description = "Obstacle to employment"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "This obstacle code is already used."),
    ]
