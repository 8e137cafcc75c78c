from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.exceptions import UserError

# Follow-up of the person after the exit, in months, as asked by funders.
FOLLOW_UP_MONTHS = (3, 6)


class InclusionExitWizard(models.TransientModel):
    _name = "inclusion.exit.wizard"
    _description = "Record the exit of an insertion employee"

    contract_id = fields.Many2one(
        "hr.contract", required=True, ondelete="cascade", domain=[("is_insertion", "=", True)]
    )
    employee_id = fields.Many2one(related="contract_id.employee_id")
    exit_date = fields.Date(required=True, default=fields.Date.context_today)
    exit_reason_id = fields.Many2one("inclusion.exit.reason")
    exit_category = fields.Selection(related="exit_reason_id.category")
    exit_destination = fields.Text(string="Destination details")

    def action_confirm(self):
        self.ensure_one()
        if not self.exit_reason_id:
            raise UserError(self.env._("Please choose the exit reason before confirming."))
        contract = self.contract_id
        if contract.exit_date:
            raise UserError(
                self.env._(
                    "The exit of %(employee)s is already recorded.",
                    employee=contract.employee_id.name,
                )
            )
        values = {
            "exit_date": self.exit_date,
            "exit_reason_id": self.exit_reason_id.id,
            "exit_destination": self.exit_destination,
            "date_end": self.exit_date,
        }
        if self.exit_date <= fields.Date.context_today(self):
            values["state"] = "close"
        contract.write(values)
        self._schedule_follow_ups()
        return {"type": "ir.actions.act_window_close"}

    def _schedule_follow_ups(self):
        contract = self.contract_id
        user = contract.insertion_adviser_id.user_id or self.env.user
        for months in FOLLOW_UP_MONTHS:
            contract.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=self.exit_date + relativedelta(months=months),
                summary=self.env._("Follow-up %(months)s months after the exit", months=months),
                note=self.env._(
                    "Ask %(employee)s about their situation %(months)s months after the exit.",
                    employee=contract.employee_id.name,
                    months=months,
                ),
                user_id=user.id,
            )
