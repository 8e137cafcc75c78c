from odoo import api, fields, models
from odoo.exceptions import ValidationError


class InclusionPlace(models.Model):
    _name = "inclusion.place"
    _description = "Place of activity"
    _inherit = ["inclusion.company.mixin"]
    _order = "name"

    name = fields.Char(required=True)
    street = fields.Char()
    zip = fields.Char()
    city = fields.Char(string="Commune")
    commune_id = fields.Many2one(
        "inclusion.commune",
        string="INSEE commune",
        compute="_compute_commune_id",
        store=True,
        readonly=False,
        domain="[('zip', '=', zip)]",
        help="From the postal code and the commune; choose it when several communes share "
        "the postal code.",
    )
    insee_code = fields.Char(related="commune_id.insee_code", string="INSEE code")
    is_qpv = fields.Boolean(
        string="In a QPV", help="The place is in a priority neighbourhood of the city policy."
    )
    qpv_id = fields.Many2one("inclusion.qpv", string="QPV", check_company=True)
    qpv_name = fields.Char(related="qpv_id.name", store=True, string="QPV name")
    workstation_count = fields.Integer(
        string="Workstations", help="Computers open to the public for free use."
    )
    programme_id = fields.Many2one(
        "inclusion.programme",
        string="Default programme",
        check_company=True,
        help="Programme of the activities held here, unless another one is chosen.",
    )
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

    @api.depends("zip", "city")
    def _compute_commune_id(self):
        guesses = self.env["inclusion.commune"]._guess(
            [(place.zip, place.city, place.commune_id) for place in self]
        )
        for place, commune in zip(self, guesses, strict=True):
            place.commune_id = commune

    @api.constrains("zip", "city", "commune_id")
    def _check_commune(self):
        self.env["inclusion.commune"]._check_addresses(
            [(place.zip, place.city, place.commune_id) for place in self]
        )

    @api.constrains("workstation_count")
    def _check_workstation_count(self):
        if any(place.workstation_count < 0 for place in self):
            raise ValidationError(self.env._("The number of workstations cannot be below zero."))
