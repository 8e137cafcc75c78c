from odoo import Command, api, models
from odoo.exceptions import AccessError, UserError


class InclusionCompanyMixin(models.AbstractModel):
    """Links to other records (``check_company=True`` many2one fields) that cannot reveal
    another structure's records: a link to a record that the user may not read is refused
    before anything computes from it or names it (create, write, onchange, defaults), and
    Odoo's company consistency check names no record."""

    _name = "inclusion.company.mixin"
    _description = "Company consistency of the digital inclusion records"
    _check_company_auto = True

    @api.model
    def _check_readable_links(self, vals_list):
        if self.env.su:
            return
        for fname, field in self._fields.items():
            if not field.relational or not field.check_company:
                continue
            ids = {i for vals in vals_list if vals.get(fname) for i in _linked_ids(vals[fname])}
            records = self.env[field.comodel_name].browse(ids)
            if records._filtered_access("read") != records:
                raise AccessError(
                    self.env._("You cannot link a record that you are not allowed to read.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_readable_links(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._check_readable_links([vals])
        return super().write(vals)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        self._check_readable_links([values])
        return values

    def onchange(self, values, field_names, fields_spec):
        self._check_readable_links([values])
        return super().onchange(values, field_names, fields_spec)

    def _check_company(self, fnames=None):
        try:
            return super()._check_company(fnames)
        except UserError:
            raise UserError(
                self.env._("This record cannot be linked to a record of another structure.")
            ) from None


def _linked_ids(value):
    """Ids linked by a relational value as given to create, write or onchange: a record,
    an id, a {"id": …} dict, or x2many link and set commands."""
    if isinstance(value, models.BaseModel):
        return value.ids
    if isinstance(value, dict):
        return [value["id"]] if value.get("id") else []
    if isinstance(value, int):
        return [value]
    ids = []
    for command in value if isinstance(value, (list, tuple)) else []:
        if isinstance(command, int):
            ids.append(command)
        elif command[0] == Command.LINK:
            ids.append(command[1])
        elif command[0] == Command.SET:
            ids.extend(command[2])
    return ids
