from odoo import api, fields, models


class InclusionProgrammeMixin(models.AbstractModel):
    """An activity of a date and a place that counts for a funder's programme: by default
    the programme of its place while the programme's period covers the date."""

    _name = "inclusion.programme.mixin"
    _description = "Activity counted for a programme"

    programme_id = fields.Many2one(
        "inclusion.programme",
        compute="_compute_programme_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        check_company=True,
        help="The funder's programme this activity counts for; by default the place's.",
    )

    @api.depends("place_id", "date")
    def _compute_programme_id(self):
        for activity in self:
            # The place's programme, else the one chosen while it still covers the date.
            candidates = activity.place_id.programme_id | activity.programme_id
            activity.programme_id = candidates._pick(activity.date)

    @api.constrains("programme_id", "date")
    def _check_programme(self):
        self.env["inclusion.programme"]._check_covers(
            [(activity.programme_id, activity.date) for activity in self]
        )
