from odoo import fields, models


class InclusionEligibilityCriterion(models.Model):
    _name = "inclusion.eligibility.criterion"
    _description = "IAE eligibility criterion"
    _order = "level, sequence, name, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    level = fields.Selection(
        [("1", "Level 1"), ("2", "Level 2")],
        required=True,
        default="2",
        help="Level 1 criteria make a person eligible on their own; level 2 criteria combine.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "This eligibility criterion code is already used."),
    ]
