from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    inclusion_no_show_threshold = fields.Integer(
        string="No-shows before a call",
        default=2,
        help="A person who missed this many appointments since the last call is called "
        "before the next booking.",
    )
    inclusion_reminder_hours = fields.Integer(
        string="Reminder before the appointment (hours)",
        default=24,
        help="E-mail and SMS reminders leave this many hours before the appointment.",
    )

    @api.constrains("inclusion_no_show_threshold", "inclusion_reminder_hours")
    def _check_inclusion_appointment_settings(self):
        for company in self:
            if company.inclusion_no_show_threshold < 1:
                raise ValidationError(
                    self.env._("The number of no-shows before a call must be at least 1.")
                )
            if not 1 <= company.inclusion_reminder_hours <= 168:
                raise ValidationError(
                    self.env._("Reminders leave between 1 and 168 hours before the appointment.")
                )
