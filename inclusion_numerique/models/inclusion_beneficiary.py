from odoo import api, fields, models

DIGITAL_LEVELS = [
    ("beginner", "Beginner"),
    ("intermediate", "Intermediate"),
    ("advanced", "Advanced"),
]


class InclusionBeneficiary(models.Model):
    _name = "inclusion.beneficiary"
    _description = "Beneficiary"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "name, id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        required=True,
        ondelete="restrict",
        index=True,
        help="Identity and contact details; social data stays on the beneficiary.",
    )
    name = fields.Char(
        related="partner_id.name", store=True, readonly=False, required=True, tracking=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    birthdate = fields.Date(string="Birth date")
    digital_level = fields.Selection(DIGITAL_LEVELS, tracking=True)
    has_computer = fields.Boolean(string="Computer at home")
    has_smartphone = fields.Boolean(string="Smartphone")
    has_tablet = fields.Boolean(string="Tablet")
    has_internet = fields.Boolean(string="Internet at home")
    employee_id = fields.Many2one(
        "hr.employee",
        string="Insertion employee",
        index="btree_not_null",
        ondelete="set null",
        help="Set when the beneficiary is also an employee of the structure.",
    )
    is_insertion_employee = fields.Boolean(
        related="employee_id.is_insertion_employee",
        string="Currently in insertion",
        help="Has a running insertion contract (its details stay with the insertion team).",
    )

    _sql_constraints = [
        (
            "employee_unique",
            "unique(employee_id)",
            "This employee is already linked to another beneficiary.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        """Create the contact of each beneficiary entered by name only, in one batch."""
        without_partner = [vals for vals in vals_list if not vals.get("partner_id")]
        partners = self.env["res.partner"].create(
            [self._prepare_partner_values(vals) for vals in without_partner]
        )
        for vals, partner in zip(without_partner, partners, strict=True):
            vals["partner_id"] = partner.id
        return super().create(vals_list)

    @api.model
    def _prepare_partner_values(self, vals):
        return {
            "name": vals.get("name"),
            "company_id": vals.get("company_id", self.env.company.id),
        }
