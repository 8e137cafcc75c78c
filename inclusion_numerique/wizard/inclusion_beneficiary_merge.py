from odoo import Command, api, fields, models
from odoo.exceptions import UserError

# Chatter and documents follow the kept record too.
DOCUMENT_MODELS = {
    "mail.message": "model",
    "mail.activity": "res_model",
    "ir.attachment": "res_model",
}


class InclusionBeneficiaryMerge(models.TransientModel):
    _name = "inclusion.beneficiary.merge"
    _description = "Merge duplicate beneficiaries"

    beneficiary_ids = fields.Many2many("inclusion.beneficiary", string="Beneficiaries")
    target_id = fields.Many2one(
        "inclusion.beneficiary",
        string="Record to keep",
        required=True,
        domain="[('id', 'in', beneficiary_ids)]",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        active_ids = self.env.context.get("active_ids")
        if self.env.context.get("active_model") == "inclusion.beneficiary" and active_ids:
            values.setdefault("beneficiary_ids", [Command.set(active_ids)])
            values.setdefault("target_id", active_ids[0])
        return values

    @api.model
    def _beneficiary_relations(self):
        """(model, field) of every stored relation to beneficiaries, in any add-on."""
        return [
            (model_name, field.name)
            for model_name, model in self.env.registry.items()
            if not model._abstract and not model._transient and model._auto
            for field in model._fields.values()
            if field.type in ("many2one", "many2many")
            and field.comodel_name == "inclusion.beneficiary"
            and field.store
        ]

    def action_merge(self):
        self.ensure_one()
        target = self.target_id
        others = self.beneficiary_ids - target
        if not others:
            raise UserError(self.env._("Choose at least two beneficiaries to merge."))
        # The references are moved as superuser below: check the user's rights first.
        self.beneficiary_ids.check_access("write")
        if len(self.beneficiary_ids.company_id) > 1:
            raise UserError(self.env._("Only beneficiaries of the same structure can be merged."))
        if len(others.employee_id | target.employee_id) > 1:
            raise UserError(self.env._("These beneficiaries are linked to different employees."))
        target._merge_missing_values(others)
        self._reassign_references(others, target)
        target.message_post(
            body=self.env._(
                "Merged with: %(names)s", names=", ".join(others.mapped("display_name"))
            )
        )
        others.action_archive()
        return {
            "type": "ir.actions.act_window",
            "res_model": "inclusion.beneficiary",
            "res_id": target.id,
            "view_mode": "form",
        }

    @api.model
    def _reassign_references(self, others, target):
        """Point every stored relation to the merged records at the kept one, whichever
        add-on defines it (sessions, diagnostics, registrations, handovers…)."""
        for model_name, fname in self._beneficiary_relations():
            # The records of other users (registrations, handovers…) follow the kept
            # beneficiary too, whoever may read them.
            model = self.env[model_name].sudo().with_context(active_test=False)
            records = model.search([(fname, "in", others.ids)])
            if model._fields[fname].type == "many2one":
                records.write({fname: target.id})
            else:
                records.write(
                    {
                        fname: [Command.unlink(other.id) for other in others]
                        + [Command.link(target.id)]
                    }
                )
        for model_name, model_field in DOCUMENT_MODELS.items():
            # Messages and attachments written by other users follow the kept record.
            self.env[model_name].sudo().search(
                [(model_field, "=", "inclusion.beneficiary"), ("res_id", "in", others.ids)]
            ).write({"res_id": target.id})
