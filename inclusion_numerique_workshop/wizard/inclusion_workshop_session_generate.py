from odoo import fields, models

WEEKDAY_FIELDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class InclusionWorkshopSessionGenerate(models.TransientModel):
    _name = "inclusion.workshop.session.generate"
    _description = "Generate workshop sessions"

    workshop_id = fields.Many2one("inclusion.workshop", required=True, ondelete="cascade")
    date_start = fields.Date(string="From", required=True, default=fields.Date.context_today)
    start_hour = fields.Float(string="Time", required=True, default=14.0)
    duration = fields.Float(string="Duration (hours)", required=True, default=2.5)
    count = fields.Integer(string="Number of sessions", required=True, default=15)
    mon = fields.Boolean(string="Monday")
    tue = fields.Boolean(string="Tuesday")
    wed = fields.Boolean(string="Wednesday")
    thu = fields.Boolean(string="Thursday")
    fri = fields.Boolean(string="Friday")
    sat = fields.Boolean(string="Saturday")
    sun = fields.Boolean(string="Sunday")

    def action_generate(self):
        self.ensure_one()
        weekdays = {day for day, name in enumerate(WEEKDAY_FIELDS) if self[name]}
        self.workshop_id._create_sessions(
            self.date_start, weekdays, self.start_hour, self.duration, self.count
        )
        return self.workshop_id.action_view_sessions()
