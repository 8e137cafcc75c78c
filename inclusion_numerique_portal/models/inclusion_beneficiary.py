from odoo import api, fields, models

REMINDER_CHANNELS = [
    ("sms", "SMS"),
    ("email", "E-mail"),
    ("both", "SMS and e-mail"),
    ("none", "No reminder"),
]


class InclusionBeneficiary(models.Model):
    _inherit = "inclusion.beneficiary"

    reminder_channel = fields.Selection(
        REMINDER_CHANNELS,
        string="Appointment reminders",
        default="sms",
        required=True,
        help="How the person wants to be reminded of an appointment.",
    )
    no_show_call_date = fields.Datetime(
        string="Called after no-shows",
        readonly=True,
        help="Last call made to the person about their missed appointments.",
    )
    no_show_count = fields.Integer(
        string="No-shows since the last call", compute="_compute_no_show"
    )
    no_show_call_needed = fields.Boolean(
        string="Call before booking",
        compute="_compute_no_show",
        help="The person missed too many appointments: call them before booking another one.",
    )

    @api.depends("support_ids.state", "no_show_call_date")
    def _compute_no_show(self):
        missed = self.env["inclusion.support"].search_fetch(
            [("beneficiary_id", "in", self.ids), ("state", "=", "no_show")],
            ["beneficiary_id", "start"],
        )
        starts = {}
        for support in missed:
            starts.setdefault(support.beneficiary_id, []).append(support.start)
        for beneficiary in self:
            since = beneficiary.no_show_call_date
            beneficiary.no_show_count = sum(
                1 for start in starts.get(beneficiary, []) if not since or start > since
            )
            beneficiary.no_show_call_needed = (
                beneficiary.no_show_count >= beneficiary.company_id.inclusion_no_show_threshold
            )

    def action_record_no_show_call(self):
        """The mediator called the person about their missed appointments."""
        self.no_show_call_date = fields.Datetime.now()
