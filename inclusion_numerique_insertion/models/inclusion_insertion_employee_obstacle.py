from odoo import api, fields, models
from odoo.exceptions import ValidationError

OBSTACLE_STATES = [
    ("identified", "Identified"),
    ("in_progress", "In progress"),
    ("lifted", "Lifted"),
]


class InclusionInsertionEmployeeObstacle(models.Model):
    """An obstacle of one insertion employee, from identified to lifted."""

    _name = "inclusion.insertion.employee.obstacle"
    _description = "Obstacle of an insertion employee"
    _inherit = ["inclusion.insertion.follow.up.mixin"]
    _order = "state, date_identified desc, id desc"
    _rec_name = "obstacle_id"

    obstacle_id = fields.Many2one(
        "inclusion.insertion.obstacle", required=True, ondelete="restrict"
    )
    state = fields.Selection(OBSTACLE_STATES, required=True, default="identified", index=True)
    date_identified = fields.Date(
        string="Identified on", required=True, default=fields.Date.context_today
    )
    date_lifted = fields.Date(string="Lifted on", index=True)
    notes = fields.Text()

    _sql_constraints = [
        (
            "employee_obstacle_unique",
            "unique(employee_id, obstacle_id)",
            "This obstacle is already recorded for this employee.",
        ),
    ]

    @api.constrains("state", "date_identified", "date_lifted")
    def _check_dates(self):
        for line in self:
            if line.state == "lifted" and not line.date_lifted:
                raise ValidationError(
                    self.env._("Please give the date on which the obstacle was lifted.")
                )
            if line.date_lifted and line.date_lifted < line.date_identified:
                raise ValidationError(
                    self.env._("An obstacle cannot be lifted before it was identified.")
                )

    def action_start(self):
        self.write({"state": "in_progress", "date_lifted": False})

    def action_lift(self):
        """Lifted on the date given, or today."""
        today = fields.Date.context_today(self)
        for line in self:
            line.write({"state": "lifted", "date_lifted": line.date_lifted or today})
