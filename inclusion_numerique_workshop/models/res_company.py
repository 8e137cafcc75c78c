from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    inclusion_attendance_threshold = fields.Float(
        string="Completion attendance threshold (%)",
        default=80.0,
        help="Participants whose attendance rate reaches this threshold complete the cycle.",
    )
    inclusion_absence_alert_count = fields.Integer(
        string="Consecutive absences before alert",
        default=2,
        help="An activity is raised for the mediator after this many absences in a row.",
    )

    @api.constrains("inclusion_attendance_threshold")
    def _check_inclusion_attendance_threshold(self):
        for company in self:
            if not 0 <= company.inclusion_attendance_threshold <= 100:
                raise ValidationError(
                    self.env._("The attendance threshold must be between 0 and 100 %.")
                )

    @api.constrains("inclusion_absence_alert_count")
    def _check_inclusion_absence_alert_count(self):
        for company in self:
            if company.inclusion_absence_alert_count < 1:
                raise ValidationError(
                    self.env._("The number of absences before an alert must be at least 1.")
                )
