from odoo import api, models
from odoo.exceptions import AccessError, UserError

# Marks the writes made by a workflow action. An object, not a string: a caller of the
# external API can put any JSON value in the context, never this one.
_WORKFLOW = object()


class InclusionWorkshopWorkflowMixin(models.AbstractModel):
    """States change through the actions only; computed figures are never written."""

    _name = "inclusion.workshop.workflow.mixin"
    _description = "Workshop workflow guard"
    _inherit = ["inclusion.company.mixin"]

    # States a record may be created in (those reached without any precondition); an
    # empty tuple means the model has no state machine.
    _workflow_create_states = ()

    def _workflow(self):
        """These records, allowed to change state: for the actions only."""
        return self.with_context(inclusion_workshop_workflow=_WORKFLOW)

    def _in_workflow(self):
        return self.env.context.get("inclusion_workshop_workflow") is _WORKFLOW

    def _check_role(self, group, message):
        """The actions check the role themselves: buttons are only hidden in the views."""
        if not self.env.su and not self.env.user.has_group(group):
            raise AccessError(message)

    def _check_mediator(self):
        self._check_role(
            "inclusion_numerique.group_mediator",
            self.env._("Only a digital mediator can do this on a workshop."),
        )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_protected_values(vals_list)
        if self._workflow_create_states and not self._in_workflow():
            default = self._fields["state"].default(self)
            if any(
                vals.get("state", default) not in self._workflow_create_states
                for vals in vals_list
            ):
                raise UserError(self._workflow_error())
        return super().create(vals_list)

    def write(self, vals):
        self._check_protected_values([vals])
        if (
            self._workflow_create_states
            and "state" in vals
            and not self._in_workflow()
            and any(record.state != vals["state"] for record in self)
        ):
            raise UserError(self._workflow_error())
        return super().write(vals)

    def _workflow_error(self):
        return self.env._("This status changes only through the buttons of the form (actions).")

    def _check_protected_values(self, vals_list):
        """Refuse values of computed fields (attendance rates, hours, seats: the ORM would
        keep them)."""
        if self.env.su:
            return
        for name in {name for vals in vals_list for name in vals}:
            field = self._fields.get(name)
            if field and field.compute and field.readonly and not field.inverse:
                raise UserError(
                    self.env._(
                        "The field %(field)s is computed: it cannot be set.",
                        field=field._description_string(self.env),
                    )
                )
