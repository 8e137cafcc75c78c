from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    inclusion_place_id = fields.Many2one(
        "inclusion.place",
        string="Default place of activity",
        help="Proposed for new support sessions until the mediator records one elsewhere.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return [*super().SELF_READABLE_FIELDS, "inclusion_place_id"]

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return [*super().SELF_WRITEABLE_FIELDS, "inclusion_place_id"]
