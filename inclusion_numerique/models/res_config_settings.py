from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    """Each capability is an add-on of its own, installed from the settings (as HR offers
    skills): a structure that only does digital mediation keeps the base."""

    _inherit = "res.config.settings"

    module_inclusion_numerique_workshop = fields.Boolean(string="Workshops")
    module_inclusion_numerique_insertion = fields.Boolean(string="Insertion")
    module_inclusion_numerique_equipment = fields.Boolean(string="Donated equipment")
    module_inclusion_numerique_report = fields.Boolean(string="Reports for funders")
