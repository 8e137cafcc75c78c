from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models

from .hr_contract import PRESCRIBER_TYPES

DEMO_HOURLY_WAGE = 11.88
DEMO_WORK_ACTIVITIES = ["green_spaces", "cleaning", "bike_repair", "building", "laundry", "roads"]
DEMO_ELIGIBILITY_CRITERIA = [
    "rsa", "ass", "detld", "low_qualification", "senior", "young", "deld", "qpv", "single_parent",
]  # fmt: skip
DEMO_EXIT_REASONS = ["cdi", "cdd_short", "qualifying_training", "unemployed", "group_move"]
# The first four also attend the "Je m'investis" workshop on work time (mediation demo).
DEMO_INSERTION_EMPLOYEE_NAMES = [
    "Aminata Diallo",
    "Karim Haddad",
    "Lucas Petit",
    "Mehdi Bouzid",
    "Sandrine Lopez",
    "Mamadou Diallo",
    "Aïcha Traoré",
    "Thierry Vidal",
    "Samira Ouali",
    "Kevin Marchand",
    "Rachida Mansouri",
    "Dylan Garcia",
    "Mireille Fabre",
    "Ibrahim Koné",
    "Christelle Roux",
    "Youssef El Amrani",
    "Laetitia Blanc",
    "Moussa Camara",
    "Nathalie Sabatier",
    "Bilal Cherif",
    "Océane Faure",
    "Hamid Zerrouki",
    "Patricia Gimenez",
    "Jordan Pons",
    "Leïla Bensaïd",
    "Franck Delmas",
    "Awa Sissoko",
    "Stéphane Cros",
    "Yasmina Hamdi",
    "Grégory Anglade",
]


class InclusionDemoInsertion(models.AbstractModel):
    """Demo data of the insertion add-on, generated in Python like the mediation demo:
    dates relative to today, everything else deterministic."""

    _name = "inclusion.demo.insertion"
    _description = "Insertion demo data"

    @api.model
    def _generate(self):
        """Demo: insertion employees of a Régie de quartier, their PASS IAE and contracts.

        Dates are relative to today so that statuses, alerts and reports stay meaningful;
        everything else is deterministic. About one person in four has already exited.
        """
        today = fields.Date.context_today(self)
        company = self.env.company
        advisers = self.env.ref(
            "inclusion_numerique_insertion.demo_employee_adviser"
        ) | self.env.ref("inclusion_numerique_insertion.demo_employee_cesf")
        activities, criteria, reasons = (
            self.env["inclusion.work.activity"].browse(),
            self.env["inclusion.eligibility.criterion"].browse(),
            self.env["inclusion.exit.reason"].browse(),
        )
        for code in DEMO_WORK_ACTIVITIES:
            activities |= self.env.ref(f"inclusion_numerique_insertion.work_activity_{code}")
        for code in DEMO_ELIGIBILITY_CRITERIA:
            criteria |= self.env.ref(f"inclusion_numerique_insertion.eligibility_criterion_{code}")
        for code in DEMO_EXIT_REASONS:
            reasons |= self.env.ref(f"inclusion_numerique_insertion.exit_reason_{code}")
        prescribers = [code for code, _label in PRESCRIBER_TYPES]
        names = DEMO_INSERTION_EMPLOYEE_NAMES
        employees = self._demo_employees(company, names)
        with_file = (
            self.env["inclusion.beneficiary"]
            .search([("employee_id", "in", employees.ids)])
            .employee_id
        )
        self.env["inclusion.beneficiary"].create(
            [
                {
                    "name": employee.name,
                    "employee_id": employee.id,
                    "company_id": company.id,
                    "consent_date": today - relativedelta(months=6),
                    "birthdate": today - relativedelta(years=20 + (index * 7) % 40, days=index),
                }
                for index, employee in enumerate(employees)
                if employee not in with_file
            ]
        )
        starts = [
            today - relativedelta(months=1 + (index * 5) % 23) for index in range(len(names))
        ]
        passes = self.env["inclusion.pass.iae"].create(
            [
                {
                    "name": f"99999{index + 1:07d}",
                    "employee_id": employee.id,
                    "company_id": company.id,
                    "date_start": start,
                    "suspension_ids": [
                        Command.create(
                            {
                                "reason": "contract_suspended",
                                "date_start": start + relativedelta(months=1),
                                "date_end": start + relativedelta(months=1, days=20),
                            }
                        )
                    ]
                    if index % 6 == 2 and start < today - relativedelta(months=2)
                    else [],
                }
                for index, (employee, start) in enumerate(zip(employees, starts, strict=True))
            ]
        )
        contract_values = []
        for index, (employee, pass_iae, start) in enumerate(
            zip(employees, passes, starts, strict=True)
        ):
            hours = 26.0 if index % 3 else 35.0
            values = {
                "name": self.env._("CDDI %(name)s", name=employee.name),
                "employee_id": employee.id,
                "company_id": company.id,
                "is_insertion": True,
                "siae_kind": "ei" if index % 4 == 3 else "aci",
                "insertion_contract_type": "cddi",
                "weekly_hours": hours,
                "wage": round(DEMO_HOURLY_WAGE * hours * 52 / 12, 2),
                "date_start": start,
                "state": "open",
                "work_activity_id": activities[index % len(activities)].id,
                "insertion_adviser_id": advisers[0].id,
                "hr_responsible_id": self.env.ref("base.user_admin").id,
                "cesf_referent_id": advisers[1].id,
                "pass_iae_id": pass_iae.id,
                "prescriber_type": prescribers[index % len(prescribers)],
                "eligibility_criterion_ids": [
                    Command.set(
                        criteria[index % len(criteria)].ids
                        + criteria[(index * 3 + 5) % len(criteria)].ids
                    )
                ],
            }
            if index % 4 == 1 and start < today - relativedelta(months=4):
                exit_date = start + relativedelta(months=3, days=index)
                values.update(
                    state="close",
                    date_end=exit_date,
                    exit_date=exit_date,
                    exit_reason_id=reasons[index % len(reasons)].id,
                    exit_destination=self.env._("Demo destination"),
                )
            contract_values.append(values)
        self.env["hr.contract"].create(contract_values)

    def _demo_employees(self, company, names):
        """The company's employees of these names, in this order: those other demo data
        made (the learners of the workshops) are reused, not duplicated."""
        Employee = self.env["hr.employee"]
        existing = {
            employee.name: employee
            for employee in Employee.search(
                [("name", "in", names), ("company_id", "=", company.id)]
            )
        }
        created = iter(
            Employee.create(
                [
                    {"name": name, "company_id": company.id}
                    for name in names
                    if name not in existing
                ]
            )
        )
        return Employee.concat(*(existing.get(name) or next(created) for name in names))
