from odoo import models
from odoo.exceptions import UserError


class InclusionEquipmentCompanyMixin(models.AbstractModel):
    """Odoo's company consistency check (`check_company=True` fields), with a message that
    names no record: the record of the other company may be one the user cannot read."""

    _name = "inclusion.equipment.company.mixin"
    _description = "Company consistency that reveals no record of another company"

    def _check_company(self, fnames=None):
        try:
            super()._check_company(fnames)
        except UserError:
            # "from None": the original message, which names the records, stays out of the
            # traceback sent to the client.
            raise UserError(
                self.env._("This record cannot be linked to a record of another company.")
            ) from None
