from odoo import api, models

# Contract fields that decide whether a workshop hour is paid training time.
TRAINING_CONTRACT_FIELDS = {"employee_id", "is_insertion", "state", "date_start", "date_end"}


class HrContract(models.Model):
    _inherit = "hr.contract"

    @api.model_create_multi
    def create(self, vals_list):
        contracts = super().create(vals_list)
        contracts._sync_training_work_entries()
        return contracts

    def write(self, vals):
        employees = self.employee_id
        res = super().write(vals)
        if TRAINING_CONTRACT_FIELDS & vals.keys():
            (employees | self.employee_id)._sync_training_work_entries()
        return res

    def _sync_training_work_entries(self):
        self.employee_id._sync_training_work_entries()
