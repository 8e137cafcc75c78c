from odoo import api, fields, models


class InclusionDiagnostic(models.Model):
    _inherit = "inclusion.diagnostic"

    suggested_workshop_ids = fields.Many2many(
        "inclusion.workshop",
        string="Suggested workshops",
        compute="_compute_suggested_workshop_ids",
        help="Workshops open for registration, of the diagnosed level, with free seats.",
    )

    @api.depends("level", "company_id")
    def _compute_suggested_workshop_ids(self):
        workshops = self.env["inclusion.workshop"].search(
            [
                ("state", "in", ("open", "in_progress")),
                ("company_id", "in", self.company_id.ids),
                ("level", "in", [*set(self.mapped("level")), False]),
                ("seats_available", ">", 0),
                "|",
                ("date_end", "=", False),
                ("date_end", ">", fields.Datetime.now()),
            ],
            order="date_begin, id",
        )
        for diagnostic in self:
            diagnostic.suggested_workshop_ids = workshops.filtered(
                lambda w, d=diagnostic: (
                    w.company_id == d.company_id and w.level in (d.level, False)
                )
            )
