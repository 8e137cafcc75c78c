from collections import defaultdict

from odoo import api, fields, models
from odoo.addons.inclusion_numerique_workshop.models.inclusion_attendance import (
    ATTENDED_STATES,
)


class InclusionAttendance(models.Model):
    _inherit = "inclusion.attendance"

    work_entry_ids = fields.One2many(
        "hr.work.entry",
        "inclusion_attendance_id",
        string="Training work entry",
        groups="hr.group_hr_user",
    )

    @api.model_create_multi
    def create(self, vals_list):
        attendances = super().create(vals_list)
        attendances.filtered("state")._sync_training_work_entries()
        return attendances

    def write(self, vals):
        res = super().write(vals)
        if "state" in vals:
            self._sync_training_work_entries()
        return res

    def _sync_training_work_entries(self):
        """Hours attended by insertion employees on paid training time become work
        entries of the "Formation" type on their insertion contract; other marks remove
        them. A few queries per batch, whatever the number of participants."""
        # Mediators take the roll call but may not touch payroll records: this flow only
        # writes the work entries of these roll call lines.
        attendances = self.sudo()
        entries = attendances.work_entry_ids
        contracts = attendances._insertion_contracts_by_line()
        entry_by_line = {entry.inclusion_attendance_id: entry for entry in entries}
        training = attendances.env.ref(
            "inclusion_numerique_workshop_insertion.work_entry_type_training"
        )
        to_create, to_remove = [], entries.browse()
        for attendance in attendances:
            entry = entry_by_line.get(attendance)
            contract = contracts.get(attendance)
            if not contract:
                to_remove |= entry or entries.browse()
            elif not entry:
                to_create.append(attendance._prepare_work_entry(contract, training))
            elif (entry.date_start, entry.date_stop, entry.contract_id) != (
                *attendance._session_times(),
                contract,
            ):
                # A moved session or another contract: rare, one write per changed line.
                date_start, date_stop = attendance._session_times()
                entry.write(
                    {"date_start": date_start, "date_stop": date_stop, "contract_id": contract.id}
                )
        to_remove.unlink()
        entries.create(to_create)

    def _session_times(self):
        return self.session_id.date_begin, self.session_id.date_end

    def _insertion_contracts_by_line(self):
        """The insertion contract running on the day of each attended line of a paid
        training workshop (none: no work entry)."""
        paid = self.filtered(
            lambda a: (
                a.employee_id
                and a.state in ATTENDED_STATES
                and a.workshop_id._counts_as_paid_training()
            )
        )
        if not paid:
            return {}
        contracts = self.env["hr.contract"].search(
            [
                ("employee_id", "in", paid.employee_id.ids),
                ("is_insertion", "=", True),
                ("state", "in", ("open", "close")),
            ]
        )
        by_employee = defaultdict(list)
        for contract in contracts:
            by_employee[contract.employee_id].append(contract)
        return {
            attendance: contract
            for attendance in paid
            for contract in by_employee[attendance.employee_id]
            if contract.date_start <= attendance.local_date
            and (not contract.date_end or attendance.local_date <= contract.date_end)
        }

    def _prepare_work_entry(self, contract, training):
        date_start, date_stop = self._session_times()
        return {
            # The name is required and computed only after the insert: given as Odoo does.
            "name": f"{training.name}: {contract.employee_id.name}",
            "inclusion_attendance_id": self.id,
            "employee_id": contract.employee_id.id,
            "contract_id": contract.id,
            "company_id": contract.company_id.id,
            "work_entry_type_id": training.id,
            "date_start": date_start,
            "date_stop": date_stop,
        }
