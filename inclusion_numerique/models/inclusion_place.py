from odoo import fields, models


class InclusionPlace(models.Model):
    _name = "inclusion.place"
    _description = "Place of activity"
    _order = "name"

    name = fields.Char(required=True)
    street = fields.Char()
    zip = fields.Char()
    city = fields.Char(string="Commune")
    is_qpv = fields.Boolean(
        string="In a QPV", help="The place is in a priority neighbourhood of the city policy."
    )
    qpv_name = fields.Char(string="QPV name")
    open_monday = fields.Boolean(string="Monday")
    open_tuesday = fields.Boolean(string="Tuesday")
    open_wednesday = fields.Boolean(string="Wednesday")
    open_thursday = fields.Boolean(string="Thursday")
    open_friday = fields.Boolean(string="Friday")
    open_saturday = fields.Boolean(string="Saturday")
    open_sunday = fields.Boolean(string="Sunday")
    opening_hours = fields.Char(help="e.g. 9:00–12:00 without appointment")
    company_id = fields.Many2one("res.company", index=True, default=lambda self: self.env.company)
    active = fields.Boolean(default=True)
