from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .hr_contract import INSERTION_TEAM_GROUP

STEP_STATES = [("todo", "To do"), ("done", "Done"), ("cancelled", "Cancelled")]


class InclusionInsertionActionStep(models.Model):
    """A step of an insertion employee's action plan. Its owner sees it among their
    activities until it is done or cancelled."""

    _name = "inclusion.insertion.action.step"
    _description = "Action plan step"
    _inherit = ["inclusion.insertion.follow.up.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "state desc, date_deadline, id"

    name = fields.Char(string="Step", required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        default=lambda self: self.env.user,
        domain=lambda self: [("groups_id", "in", self.env.ref(INSERTION_TEAM_GROUP).ids)],
        tracking=True,
    )
    date_deadline = fields.Date(string="Due date", required=True, index=True, tracking=True)
    state = fields.Selection(STEP_STATES, required=True, default="todo", index=True, tracking=True)
    obstacle_id = fields.Many2one(
        "inclusion.insertion.obstacle",
        help="The obstacle this step works on, if any.",
    )

    @api.constrains("user_id")
    def _check_owner(self):
        # The owner sees the step among their activities: only the insertion team may.
        for step in self:
            if not step.user_id.has_group(INSERTION_TEAM_GROUP):
                raise ValidationError(
                    self.env._("The owner of a step must belong to the insertion team.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        steps = super().create(vals_list)
        steps.filtered(lambda step: step.state == "todo")._schedule_owner_activity()
        return steps

    def write(self, vals):
        if "state" in vals and not self.env.context.get("inclusion_step_action"):
            raise UserError(self.env._("Use the buttons to change the state of a step."))
        result = super().write(vals)
        if {"user_id", "date_deadline", "name"} & vals.keys():
            todo = self.filtered(lambda step: step.state == "todo")
            todo.activity_unlink(["mail.mail_activity_data_todo"])
            todo._schedule_owner_activity()
        return result

    def _schedule_owner_activity(self):
        """One to-do activity per step for its owner, created in one batch."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].create(
            [
                {
                    "activity_type_id": todo.id,
                    "res_model_id": model_id,
                    "res_id": step.id,
                    "summary": step.name,
                    "date_deadline": step.date_deadline,
                    "user_id": step.user_id.id,
                    # As activity_schedule does: the buttons close it (activity_feedback).
                    "automated": True,
                }
                for step in self
            ]
        )

    def _set_state(self, state):
        self.with_context(inclusion_step_action=True).write({"state": state})

    def action_done(self):
        self.activity_feedback(["mail.mail_activity_data_todo"])
        self._set_state("done")

    def action_cancel(self):
        self.activity_unlink(["mail.mail_activity_data_todo"])
        self._set_state("cancelled")

    def action_reset(self):
        self._set_state("todo")
        self._schedule_owner_activity()
