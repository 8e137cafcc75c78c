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

DEMO_OBSTACLES = [
    "mobility", "housing", "budget", "health", "childcare",
    "language", "digital", "justice", "administrative", "basic_skills",
]  # fmt: skip
DEMO_HOSTS = ["Boulangerie Au Pain Doré", "Espaces Verts du Lauragais", "Garage Solidaire 11"]
DEMO_JOBS = ["Vendeuse en boulangerie", "Agent d'entretien des espaces verts", "Mécanicien"]
DEMO_OUTCOMES = ["project_confirmed", "hired", "project_changed", "training", "none"]
DEMO_TRAININGS = [("CACES R489 cat. 3", 35.0), ("Sauveteur secouriste du travail", 14.0)]
DEMO_STEPS = [
    "Inscription au code de la route",
    "Dossier de demande de logement social",
    "Rendez-vous avec la CAF",
    "Atelier CV et lettre de motivation",
    "Bilan de santé à la CPAM",
]
DEMO_INTERVIEW_NOTES = [
    "<p>Point sur le poste et les horaires. Motivation bonne.</p>",
    "<p>Difficultés de transport le matin : piste du vélo solidaire.</p>",
    "<p>Démarches CAF en cours, à revoir au prochain entretien.</p>",
    "<p>Projet professionnel : métiers de la propreté, immersion à prévoir.</p>",
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
        contracts = self.env["hr.contract"].create(contract_values)
        self._generate_follow_up(contracts, today)

    @api.model
    def _generate_follow_up(self, contracts, today):
        """A year of socio-professional follow-up: interviews every two months, two
        obstacles per person (lifted a few months after the start when time allowed),
        action plan steps, some immersions and trainings."""
        obstacles = self.env["inclusion.insertion.obstacle"].browse()
        for code in DEMO_OBSTACLES:
            obstacles |= self.env.ref(f"inclusion_numerique_insertion.obstacle_{code}")
        referents = contracts.insertion_adviser_id | contracts.cesf_referent_id
        owner = self.env.ref("base.user_admin")
        hosts = self.env["res.partner"].create([{"name": name} for name in DEMO_HOSTS])
        interviews, lines, steps, immersions, trainings = [], [], [], [], []
        for index, contract in enumerate(contracts):
            employee, start = contract.employee_id, contract.date_start
            end = contract.exit_date or today
            first, second = (
                obstacles[index % len(obstacles)],
                obstacles[(index * 3 + 1) % len(obstacles)],
            )
            dates = [start + relativedelta(months=months) for months in range(0, 12, 2)]
            for rank, day in enumerate(d for d in dates if d <= end):
                interviews.append(
                    {
                        "employee_id": employee.id,
                        "date": day,
                        "kind": "reception"
                        if not rank
                        else "mid_term"
                        if rank == 3
                        else "follow_up",
                        "referent_id": referents[rank % len(referents)].id,
                        "duration": 1.5 if not rank else 1.0,
                        "notes": DEMO_INTERVIEW_NOTES[(index + rank) % len(DEMO_INTERVIEW_NOTES)],
                        "obstacle_ids": [Command.set((first | second).ids)] if rank < 2 else [],
                    }
                )
            if contract.exit_date:
                interviews.append(
                    {
                        "employee_id": employee.id,
                        "date": contract.exit_date,
                        "kind": "exit",
                        "referent_id": referents[0].id,
                        "duration": 1.0,
                    }
                )
            for rank, obstacle in enumerate(first | second):
                lifted = start + relativedelta(months=3 + rank * 2, days=index)
                lines.append(
                    {
                        "employee_id": employee.id,
                        "obstacle_id": obstacle.id,
                        "date_identified": start,
                        "state": "lifted" if lifted <= end else "in_progress",
                        "date_lifted": lifted if lifted <= end else False,
                    }
                )
            if not contract.exit_date:
                steps += [
                    {
                        "employee_id": employee.id,
                        "name": DEMO_STEPS[index % len(DEMO_STEPS)],
                        "obstacle_id": first.id,
                        "user_id": owner.id,
                        "date_deadline": today + relativedelta(days=3 + index % 20),
                    },
                    {
                        "employee_id": employee.id,
                        "name": DEMO_STEPS[(index + 2) % len(DEMO_STEPS)],
                        "user_id": owner.id,
                        "date_deadline": start + relativedelta(days=20),
                        "state": "done",
                    },
                ]
            immersion_start = start + relativedelta(months=2)
            if index % 5 == 0 and immersion_start + relativedelta(days=11) <= end:
                immersions.append(
                    {
                        "employee_id": employee.id,
                        "host_partner_id": hosts[index % len(hosts)].id,
                        "job": DEMO_JOBS[index % len(DEMO_JOBS)],
                        "date_start": immersion_start,
                        "date_end": immersion_start + relativedelta(days=11),
                        "outcome": DEMO_OUTCOMES[index % len(DEMO_OUTCOMES)],
                    }
                )
            training_start = start + relativedelta(months=1)
            if index % 4 == 0 and training_start + relativedelta(days=4) <= end:
                name, hours = DEMO_TRAININGS[index % len(DEMO_TRAININGS)]
                trainings.append(
                    {
                        "employee_id": employee.id,
                        "name": name,
                        "date_start": training_start,
                        "date_end": training_start + relativedelta(days=4),
                        "hours": hours,
                        "is_qualifying": hours >= 35,
                    }
                )
        self.env["inclusion.insertion.interview"].create(interviews)
        self.env["inclusion.insertion.employee.obstacle"].create(lines)
        # No creation message nor e-mail to the owner for each demo step.
        self.env["inclusion.insertion.action.step"].with_context(
            tracking_disable=True, mail_activity_quick_update=True
        ).create(steps)
        self.env["inclusion.insertion.immersion"].create(immersions)
        self.env["inclusion.insertion.training"].create(trainings)

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
