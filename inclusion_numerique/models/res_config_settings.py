from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    """Each capability is an add-on of its own, installed from the settings (as HR offers
    skills): a structure that only does digital mediation keeps the base."""

    _inherit = "res.config.settings"

    module_inclusion_numerique_workshop = fields.Boolean(string="Workshops")
    module_inclusion_numerique_insertion = fields.Boolean(string="Insertion")
    module_inclusion_numerique_equipment = fields.Boolean(string="Donated equipment")
    module_inclusion_numerique_report = fields.Boolean(string="Reports for funders")

    inclusion_legal_basis = fields.Selection(
        related="company_id.inclusion_legal_basis", readonly=False
    )
    inclusion_retention_months = fields.Integer(
        related="company_id.inclusion_retention_months", readonly=False
    )
    inclusion_birth_year_only = fields.Boolean(
        related="company_id.inclusion_birth_year_only", readonly=False
    )
    inclusion_audit_retention_months = fields.Integer(
        related="company_id.inclusion_audit_retention_months", readonly=False
    )
    inclusion_dpo_contact = fields.Char(related="company_id.inclusion_dpo_contact", readonly=False)

    def action_print_processing_register(self):
        return self.env.ref("inclusion_numerique.action_report_processing_register").report_action(
            self.company_id
        )
