from odoo import api, fields, models
from odoo.exceptions import ValidationError

HALF_DAYS = [("morning", "Morning"), ("afternoon", "Afternoon")]


class InclusionOpenAccess(models.Model):
    """A quick count of the open use of a place's public workstations over a half-day:
    the people who came in, and how many of them used a workstation."""

    _name = "inclusion.open.access"
    _description = "Open access count"
    _inherit = ["inclusion.company.mixin"]
    _order = "date desc, half_day desc, id desc"
    _rec_name = "date"

    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    half_day = fields.Selection(
        HALF_DAYS, required=True, default=lambda self: self._default_half_day()
    )
    place_id = fields.Many2one(
        "inclusion.place",
        required=True,
        index=True,
        check_company=True,
        default=lambda self: self.env.user.inclusion_place_id,
    )
    visits = fields.Integer(help="People who came for open access.")
    workstation_visits = fields.Integer(
        string="On a workstation", help="Of them, people who used one of the place's computers."
    )
    user_id = fields.Many2one(
        "res.users", string="Counted by", default=lambda self: self.env.user, readonly=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    def _default_half_day(self):
        now = fields.Datetime.context_timestamp(self, fields.Datetime.now())
        return "morning" if now.hour < 13 else "afternoon"

    @api.constrains("visits", "workstation_visits")
    def _check_counts(self):
        for count in self:
            if count.visits < 0 or count.workstation_visits < 0:
                raise ValidationError(self.env._("A count cannot be below zero."))
            if count.workstation_visits > count.visits:
                raise ValidationError(
                    self.env._("More people on a workstation than people who came.")
                )

    @api.constrains("date", "half_day", "place_id")
    def _check_unique(self):
        groups = self._read_group(
            [
                ("place_id", "in", self.place_id.ids),
                ("date", "in", list(set(self.mapped("date")))),
            ],
            ["place_id", "date:day", "half_day"],
            ["__count"],
        )
        if any(count > 1 for *_keys, count in groups):
            raise ValidationError(
                self.env._("This half-day is already counted at this place: correct that count.")
            )
