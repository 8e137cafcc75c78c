from collections import defaultdict
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.tools.misc import format_date

YOUNG_AGE = 26


class InclusionEquipmentCandidateWizard(models.TransientModel):
    _name = "inclusion.equipment.candidate.wizard"
    _description = "Who should get a computer"

    equipment_id = fields.Many2one(
        "inclusion.equipment",
        string="Equipment to reserve",
        domain="[('state', '=', 'ready')]",
    )
    candidate_ids = fields.One2many("inclusion.equipment.candidate", "wizard_id")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if "candidate_ids" in fields_list:
            values["candidate_ids"] = [
                Command.create(candidate) for candidate in self._candidate_values()
            ]
        return values

    def _candidate_values(self):
        """Trainees who completed a cycle first, then insertion employees, with a reason."""
        candidates = self._trainee_candidate_values() + self._employee_candidate_values()
        return sorted(
            candidates,
            key=lambda values: (values["priority"], values.get("seniority_date") or date.max),
        )

    @api.model
    def _equipped_beneficiary_ids(self):
        """Beneficiaries who already hold equipment from the structure."""
        handovers = self.env["inclusion.equipment.handover"].search([("state", "=", "done")])
        return set(handovers.beneficiary_id.ids)

    def _trainee_candidate_values(self):
        registrations = self.env["inclusion.workshop.registration"].search(
            [
                ("state", "=", "completed"),
                ("beneficiary_id.has_computer", "=", False),
                ("beneficiary_id.employee_id", "=", False),
            ]
        )
        equipped = self._equipped_beneficiary_ids()
        workshops = defaultdict(lambda: self.env["inclusion.workshop"])
        for registration in registrations:
            if registration.beneficiary_id.id not in equipped:
                workshops[registration.beneficiary_id] |= registration.workshop_id
        return [
            {
                "priority": 10,
                "beneficiary_id": beneficiary.id,
                "reason": self.env._(
                    "Completed %(workshops)s, no computer at home",
                    workshops=", ".join(completed.mapped("display_name")),
                ),
            }
            for beneficiary, completed in workshops.items()
        ]

    def _employee_candidate_values(self):
        beneficiaries = self.env["inclusion.beneficiary"].search([("employee_id", "!=", False)])
        equipped = self._equipped_beneficiary_ids()
        start_dates = self._contract_start_dates(beneficiaries.employee_id)
        # Only the people whose insertion contract runs today: not those who left.
        beneficiaries = beneficiaries.filtered(
            lambda b: b.id not in equipped and b.employee_id in start_dates
        )
        young_limit = fields.Date.context_today(self) - relativedelta(years=YOUNG_AGE)
        candidates = []
        for beneficiary in beneficiaries:
            employee = beneficiary.employee_id
            since = start_dates[employee]
            unequipped = not beneficiary.has_computer
            young = bool(beneficiary.birthdate) and beneficiary.birthdate > young_limit
            if young and unequipped:
                priority = 20
                reason = self.env._("Insertion employee under 26 without a computer")
            elif unequipped:
                priority = 30
                reason = self.env._("Insertion employee without a computer")
            else:
                priority = 40
                reason = self.env._("Insertion employee, already has a computer at home")
            candidates.append(
                {
                    "priority": priority,
                    "beneficiary_id": beneficiary.id,
                    "employee_id": employee.id,
                    "seniority_date": since,
                    "reason": self.env._(
                        "%(reason)s, in the structure since %(date)s",
                        reason=reason,
                        date=format_date(self.env, since),
                    ),
                }
            )
        return candidates

    @api.model
    def _contract_start_dates(self, employees):
        """First contract start of the employees whose insertion contract runs today (not
        those who left), in one query."""
        today = fields.Date.context_today(self)
        running = [
            ("is_insertion", "=", True),
            ("state", "=", "open"),
            ("date_start", "<=", today),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", today),
        ]
        # Mediators may not read contracts: only the first start date leaves this query.
        groups = (
            self.env["hr.contract"]
            .sudo()
            ._read_group(
                [
                    ("employee_id", "in", employees.ids),
                    ("state", "!=", "cancel"),
                    ("employee_id.contract_ids", "any", running),
                ],
                ["employee_id"],
                ["date_start:min"],
            )
        )
        return dict(groups)
