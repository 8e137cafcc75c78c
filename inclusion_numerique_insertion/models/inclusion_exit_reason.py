from odoo import api, fields, models

EXIT_CATEGORIES = [
    ("durable", "Durable employment"),
    ("transition", "Transition employment"),
    ("positive", "Positive exit"),
    ("other", "Other exit"),
    ("withdrawn", "Withdrawn from counted exits"),
]
# Categories counted in the "sorties dynamiques" rate numerator.
DYNAMIC_EXIT_CATEGORIES = ("durable", "transition", "positive")


class InclusionExitReason(models.Model):
    _name = "inclusion.exit.reason"
    _description = "Insertion exit reason"
    _order = "category, sequence, name, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    category = fields.Selection(EXIT_CATEGORIES, required=True)
    is_dynamic = fields.Boolean(
        string="Dynamic exit",
        compute="_compute_is_dynamic",
        store=True,
        help="Counts in the numerator of the dynamic exit rate.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "This exit reason code is already used."),
    ]

    @api.depends("category")
    def _compute_is_dynamic(self):
        for reason in self:
            reason.is_dynamic = reason.category in DYNAMIC_EXIT_CATEGORIES
