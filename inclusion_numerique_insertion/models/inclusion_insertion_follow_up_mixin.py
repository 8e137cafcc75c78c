from odoo import api, fields, models


class InclusionInsertionFollowUpMixin(models.AbstractModel):
    """A record of the socio-professional follow-up of an insertion employee. Who may
    read it is decided by record rules on the employee's insertion contracts (the advisers
    who follow them), so every follow-up model carries the employee and the company."""

    _name = "inclusion.insertion.follow.up.mixin"
    _description = "Socio-professional follow-up record"
    _inherit = ["inclusion.company.mixin"]

    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        domain="[('is_insertion_employee', '=', True)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    def write(self, vals):
        result = super().write(vals)
        if "employee_id" in vals:
            # Record rules are checked before a write, on the former employee: the record
            # must not be moved to an employee the user does not follow.
            self.check_access("write")
        return result

    @api.model
    def _check_readable_links(self, vals_list):
        # Advisers have no rights on hr.employee (hr shows them hr.employee.public): the
        # employee links are checked by the company check and this model's record rules.
        return super()._check_readable_links(
            [
                {
                    fname: value
                    for fname, value in vals.items()
                    if fname not in self._fields
                    or self._fields[fname].comodel_name != "hr.employee"
                }
                for vals in vals_list
            ]
        )
