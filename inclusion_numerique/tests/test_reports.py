import io
from datetime import date, datetime

import openpyxl

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from ..report.report_national_export_xlsx import COLUMNS
from .common import InclusionCase

PERIOD = (date(2015, 1, 1), date(2015, 12, 31))


@tagged("post_install", "-at_install")
class TestReports(InclusionCase):
    """A known year of activity, long before the demo data: support sessions at two places
    by two mediators, an anonymous visit, a missed appointment, activity outside the period
    or the company, a two-session workshop, insertion contracts and equipment handovers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.theme_email = ref("inclusion_numerique.theme_email")
        cls.theme_procedures = ref("inclusion_numerique.theme_administrative_procedures")
        cls.domain_social = ref("inclusion_numerique.procedure_social_health")
        cls.caf = ref("inclusion_numerique.organism_caf")
        cls.place_a, cls.place_b = cls.env["inclusion.place"].create(
            [
                {"name": "Espace numérique", "city": "Carcassonne", "zip": "11000"},
                {"name": "Mairie annexe", "city": "Trèbes"},
            ]
        )
        consent = {"consent_date": date(2014, 1, 1)}
        cls.fatima, cls.karim, cls.odette = cls.env["inclusion.beneficiary"].create(
            [
                {
                    **consent,
                    "name": "Fatima Benali",
                    "birthdate": date(1960, 5, 12),
                    "gender": "female",
                    "social_status": "rsa",
                    "is_qpv": True,
                    "city": "Carcassonne",
                    "zip": "11000",
                },
                {
                    **consent,
                    "name": "Karim Haddad",
                    "birth_year": 2000,
                    "gender": "male",
                    "social_status": "job_seeker",
                    "city": "Trèbes",
                    "zip": "11800",
                },
                {**consent, "name": "Odette Martin", "gender": "female"},
            ]
        )
        cls.orientation_partner = cls.env["res.partner"].create({"name": "France Services"})
        cls._create_insertion()

        def support(start, **values):
            return {
                "start": start,
                "theme_ids": [cls.theme_email.id],
                "place_id": cls.place_a.id,
                "mediator_id": cls.mediator.id,
                **values,
            }

        Support = cls.env["inclusion.support"]
        cls.supports = Support.create(
            [
                support(
                    datetime(2015, 3, 3, 9, 0),
                    beneficiary_id=cls.fatima.id,
                    duration=45,
                    theme_ids=[cls.theme_email.id, cls.theme_procedures.id],
                    procedure_domain_ids=[cls.domain_social.id],
                    organism_ids=[cls.caf.id],
                    equipment_used="phone",
                    autonomy="autonomous",
                    orientation="procedure_help",
                    orientation_partner_id=cls.orientation_partner.id,
                    notes="Dossier CAF",
                ),
                support(
                    datetime(2015, 6, 10, 8, 0),
                    kind="drop_in",
                    beneficiary_id=cls.fatima.id,
                    duration=15,
                ),
                support(
                    datetime(2015, 9, 15, 12, 0),
                    beneficiary_id=cls.karim.id,
                    duration=90,
                    place_id=cls.place_b.id,
                    mediator_id=cls.manager.id,
                    theme_ids=[cls.theme_procedures.id],
                ),
                support(
                    datetime(2015, 4, 1, 9, 0),
                    kind="drop_in",
                    duration=30,
                    anonymous_gender="male",
                    anonymous_age_bracket="70_plus",
                    anonymous_social_status="retired",
                    anonymous_city="Carcassonne",
                    anonymous_qpv=True,
                ),
                support(datetime(2015, 2, 1, 9, 0), beneficiary_id=cls.odette.id, duration=60),
            ]
        )
        cls.outside = Support.create(
            [
                # Odette came before the period: she is no new person in 2015.
                support(datetime(2014, 11, 4, 9, 0), beneficiary_id=cls.odette.id, duration=60),
                support(datetime(2016, 1, 5, 9, 0), beneficiary_id=cls.karim.id, duration=30),
                support(
                    datetime(2015, 5, 5, 9, 0), kind="appointment", beneficiary_id=cls.karim.id
                ),
            ]
        )
        beneficiary_b = cls.env["inclusion.beneficiary"].create(
            {"name": "Autre structure", "company_id": cls.company_b.id}
        )
        Support.with_user(cls.mediator_b).create(
            support(
                datetime(2015, 3, 3, 9, 0),
                beneficiary_id=beneficiary_b.id,
                place_id=False,
                mediator_id=cls.mediator_b.id,
                company_id=cls.company_b.id,
            )
        )
        cls._create_workshop()
        cls._create_equipment()

    @classmethod
    def _create_insertion(cls):
        """Four insertion contracts: entries in and before 2015, a durable exit, an other
        exit and a withdrawn one; Fatima is the first employee."""
        employees = cls.env["hr.employee"].create(
            [{"name": f"Salarié {index}"} for index in range(4)]
        )
        cls.fatima.employee_id = employees[0]
        ref = cls.env.ref

        def contract(employee, start, exit_date=False, reason=False):
            return {
                "name": f"CDDI {employee.name}",
                "employee_id": employee.id,
                "wage": 1400.0,
                "is_insertion": True,
                "date_start": start,
                "exit_date": exit_date,
                "exit_reason_id": reason and ref(f"inclusion_numerique.exit_reason_{reason}").id,
            }

        cls.contracts = cls.env["hr.contract"].create(
            [
                contract(employees[0], date(2015, 1, 1), date(2015, 11, 30), "cdi"),
                contract(employees[1], date(2014, 6, 1), date(2015, 6, 30), "unemployed"),
                contract(employees[2], date(2015, 3, 1)),
                contract(employees[3], date(2015, 2, 1), date(2015, 4, 30), "group_move"),
            ]
        )

    @classmethod
    def _create_equipment(cls):
        """Handovers of 2015: two sales (one partly paid), a gift, a loan, a cancelled
        sale; and a sale of 2014."""
        donor = cls.env["res.partner"].create({"name": "Ecodair", "is_company": True})
        equipment = cls.env["inclusion.equipment"].create(
            [
                {
                    "equipment_type": "laptop",
                    "brand": "Lenovo",
                    "model_name": "ThinkPad T470",
                    "serial_number": f"SN-{index}",
                    "donor_id": donor.id,
                    "state": "ready",
                }
                for index in range(6)
            ]
        )
        values = [
            {"date": date(2015, 5, 2), "mode": "sold", "payment_method": "cash"},
            {
                "date": date(2015, 6, 2),
                "mode": "sold",
                "payment_method": "cash",
                "amount_received": 15.0,
            },
            {"date": date(2015, 6, 3), "mode": "given"},
            {"date": date(2015, 7, 1), "mode": "lent", "return_date": date(2015, 9, 1)},
            {"date": date(2015, 7, 2), "mode": "sold", "payment_method": "cash"},
            {"date": date(2014, 12, 2), "mode": "sold", "payment_method": "cash"},
        ]
        cls.handovers = cls.env["inclusion.equipment.handover"].create(
            [
                {"equipment_id": item.id, "beneficiary_id": cls.fatima.id, **vals}
                for item, vals in zip(equipment, values, strict=True)
            ]
        )
        cls.handovers[4].write({"state": "cancelled"})

    @classmethod
    def _create_workshop(cls):
        """Two closed sessions of 2 h: Fatima present then late, Karim absent then excused;
        Fatima completes the cycle."""
        room = cls.env["res.partner"].create({"name": "Salle informatique"})
        cls.workshop = cls.env["inclusion.workshop"].create(
            {
                "name": "Je m'investis",
                "address_id": room.id,
                "user_id": cls.mediator.id,
                "is_work_time": True,
            }
        )
        cls.workshop.action_open()
        cls.sessions = cls.env["inclusion.workshop.session"].create(
            [
                {
                    "workshop_id": cls.workshop.id,
                    "date_begin": datetime(2015, 10, day, 12, 0),
                    "date_end": datetime(2015, 10, day, 14, 0),
                }
                for day in (2, 9)
            ]
        )
        cls.env["inclusion.workshop.registration"].create(
            [
                {"workshop_id": cls.workshop.id, "beneficiary_id": person.id}
                for person in (cls.fatima, cls.karim)
            ]
        )
        for session, (fatima_state, karim_state) in zip(
            cls.sessions, [("present", "absent"), ("late", "excused")], strict=True
        ):
            states = {
                attendance.id: fatima_state
                if attendance.beneficiary_id == cls.fatima
                else karim_state
                for attendance in session.attendance_ids
            }
            session.mark_attendance(states)
            session.action_close()
        cls.workshop.action_done()

    def _wizard(self, **values):
        return (
            self.env["inclusion.activity.report.wizard"]
            .with_user(self.manager)
            .create({"date_from": PERIOD[0], "date_to": PERIOD[1], **values})
        )

    def _presences(self):
        return self.sessions.attendance_ids.filtered(lambda a: a.state in ("present", "late"))

    @staticmethod
    def _rows(figures, key):
        table = next(table for table in figures["breakdowns"] if table["key"] == key)
        return {row["key"]: (row["contacts"], row["people"]) for row in table["rows"]}

    def test_figures_of_the_year(self):
        supports, presences = self.supports, self._presences()
        wizard = self._wizard()
        figures = wizard._get_figures()
        # A fixed number of queries whatever the volume (see `make bench`): the aggregates,
        # the wizard and the names of the places, mediators, workshops and themes.
        self.env.invalidate_all()
        with self.assertQueryCount(21):
            figures = wizard._get_figures()

        named = supports.beneficiary_id | presences.beneficiary_id
        minutes = sum(supports.mapped("duration")) + sum(
            round(a.session_id.duration * 60) for a in presences
        )
        self.assertEqual(
            figures["totals"],
            {
                "sessions": len(supports) + len(self.sessions),
                "support_sessions": len(supports),
                "workshop_sessions": len(self.sessions),
                "contacts": len(supports) + len(presences),
                "people": len(named),
                "new_people": len(
                    named - self.outside.filtered(lambda s: s.date < PERIOD[0]).beneficiary_id
                ),
                "anonymous_visits": len(supports.filtered(lambda s: not s.beneficiary_id)),
                "minutes": minutes,
                "hours": minutes / 60,
            },
        )
        self.assertEqual(figures["totals"]["contacts"], 7)
        self.assertEqual(figures["totals"]["new_people"], 2)

        marks = self.sessions.attendance_ids
        self.assertEqual(
            figures["workshops"],
            {
                "sessions_held": 2,
                "participants": len(presences.beneficiary_id),
                "attendances": len(presences),
                "marked": len(marks),
                "attendance_rate": 100.0 * len(presences) / len(marks),
                "completions": len(
                    self.workshop.registration_ids.filtered(lambda r: r.state == "completed")
                ),
            },
        )
        self.assertEqual(figures["workshops"]["attendance_rate"], 50.0)

        by_mode = {row["key"]: (row["contacts"], row["people"]) for row in figures["by_mode"]}
        self.assertEqual(
            by_mode,
            {
                False: (len(supports), len(supports.beneficiary_id)),
                True: (len(presences), len(presences.beneficiary_id)),
            },
        )

        def expected(records_by_key):
            return {
                key: (len(records), len(records.beneficiary_id))
                for key, records in records_by_key.items()
                if records
            }

        def by_theme(fname):
            return expected(
                {
                    theme.id: supports.filtered(lambda s, t=theme: t in s[fname])
                    for theme in supports[fname]
                }
            )

        self.assertEqual(self._rows(figures, "theme"), by_theme("theme_ids"))
        self.assertEqual(self._rows(figures, "procedure_domain"), by_theme("procedure_domain_ids"))
        self.assertEqual(self._rows(figures, "organism"), by_theme("organism_ids"))
        self.assertEqual(
            self._rows(figures, "place_id"),
            {
                **expected(
                    {
                        place.id: supports.filtered(lambda s, p=place: s.place_id == p)
                        for place in supports.place_id
                    }
                ),
                None: (len(presences), len(presences.beneficiary_id)),
            },
        )
        self.assertEqual(
            self._rows(figures, "person_gender"),
            {"female": (5, 2), "male": (2, 1)},
        )
        # Age on the day of each contact: Fatima 54 then 55 (after 12 May), Karim 15.
        self.assertEqual(
            self._rows(figures, "person_age_bracket"),
            {"40_59": (4, 1), "12_17": (1, 1), "70_plus": (1, 0), "unknown": (1, 1)},
        )
        self.assertEqual(
            self._rows(figures, "person_social_status"),
            {"rsa": (4, 1), "job_seeker": (1, 1), "retired": (1, 0), "unknown": (1, 1)},
        )
        self.assertEqual(
            self._rows(figures, "duration_bucket"),
            {"under_30": (1, 1), "30_60": (2, 1), "60_120": (2, 2), "120_plus": (2, 1)},
        )
        self.assertEqual(self._rows(figures, "person_qpv"), {True: (5, 1), False: (2, 2)})
        self.assertEqual(
            self._rows(figures, "person_city"),
            {"Carcassonne": (5, 1), "Trèbes": (1, 1), None: (1, 1)},
        )
        self.assertEqual(
            self._rows(figures, "mediator_id"),
            {self.mediator.id: (6, 2), self.manager.id: (1, 1)},
        )

    def test_equipment_and_insertion_figures(self):
        figures = self._wizard()._get_figures()
        handed = self.handovers.filtered(
            lambda h: h.state != "cancelled" and PERIOD[0] <= h.date <= PERIOD[1]
        )
        sold = handed.filtered(lambda h: h.mode == "sold")
        self.assertEqual(
            figures["equipment"],
            {
                "handed_over": len(handed),
                "sold": len(sold),
                "given": len(handed.filtered(lambda h: h.mode == "given")),
                "lent": len(handed.filtered(lambda h: h.mode == "lent")),
                "amount_sold": sum(sold.mapped("price")),
                "amount_received": sum(handed.mapped("amount_received")),
            },
        )
        self.assertEqual(
            (figures["equipment"]["handed_over"], figures["equipment"]["sold"]), (4, 2)
        )

        contracts = self.contracts
        exits = contracts.filtered(lambda c: c.exit_date and PERIOD[0] <= c.exit_date <= PERIOD[1])
        counted = exits.filtered(lambda c: c.exit_category != "withdrawn")
        dynamic = counted.filtered(lambda c: c.exit_reason_id.is_dynamic)
        insertion = figures["insertion"]
        self.assertEqual(
            insertion["entries"], len(contracts.filtered(lambda c: c.date_start >= PERIOD[0]))
        )
        self.assertEqual(insertion["exits"], len(exits))
        self.assertEqual(
            {row["key"]: row["count"] for row in insertion["exits_by_category"] if row["count"]},
            {"durable": 1, "other": 1, "withdrawn": 1},
        )
        self.assertEqual(insertion["counted_exits"], len(counted))
        self.assertEqual(insertion["dynamic_exits"], len(dynamic))
        self.assertEqual(insertion["dynamic_exit_rate"], 100.0 * len(dynamic) / len(counted))
        self.assertEqual(insertion["dynamic_exit_rate"], 50.0)
        self.assertEqual(insertion["employees"], len(contracts.employee_id))
        # Fatima, insertion employee, attended both 2-hour sessions on work time.
        self.assertEqual(
            insertion["training_hours"],
            sum(self._presences().filtered("employee_id").mapped("attended_hours")),
        )
        self.assertEqual(insertion["training_hours"], 4.0)

    def test_filters(self):
        figures = self._wizard(place_id=self.place_a.id)._get_figures()
        at_a = self.supports.filtered(lambda s: s.place_id == self.place_a)
        self.assertEqual(figures["totals"]["contacts"], len(at_a))
        self.assertEqual(figures["workshops"]["sessions_held"], 0)

        figures = self._wizard(mediator_id=self.manager.id)._get_figures()
        self.assertEqual(figures["totals"]["contacts"], 1)
        self.assertEqual(figures["totals"]["minutes"], 90)

        figures = self._wizard(workshop_id=self.workshop.id)._get_figures()
        self.assertEqual(figures["totals"]["contacts"], len(self._presences()))
        self.assertEqual(figures["totals"]["support_sessions"], 0)
        self.assertEqual(figures["workshops"]["completions"], 1)

        with self.assertRaises(ValidationError):
            self._wizard(date_from=PERIOD[1], date_to=PERIOD[0])

    def test_pdf_and_xlsx_show_the_same_figures(self):
        wizard = self._wizard()
        figures = wizard._get_figures()
        Report = self.env["ir.actions.report"].with_user(self.manager)
        html = Report._render_qweb_html(
            "inclusion_numerique.action_report_activity_pdf", wizard.ids
        )[0].decode()
        self.assertIn("Espace numérique", html)
        self.assertIn("50.0 %", html)

        content, kind = Report._render_xlsx(
            "inclusion_numerique.action_report_activity_xlsx", wizard.ids, {}
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        values = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row[0]}
        for _title, lines in wizard._summary_sections(figures):
            for label, value, _kind in lines:
                self.assertEqual(values[label], value)

    def test_national_export(self):
        wizard = self._wizard()
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            ._render_xlsx("inclusion_numerique.action_report_national_export", wizard.ids, {})
        )
        book = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(book.sheetnames, ["Activités"])
        rows = list(book["Activités"].iter_rows(values_only=True))
        self.assertEqual(list(rows[0]), COLUMNS)
        self.assertEqual(len(rows) - 1, len(self.supports) + len(self._presences()))
        first = dict(zip(COLUMNS, rows[2], strict=True))  # rows by date: Odette, then Fatima
        self.assertEqual(first["Date"], datetime(2015, 3, 3))
        self.assertEqual(first["Prénom du médiateur"], self.mediator.name.partition(" ")[0])
        self.assertEqual(first["Type"], "Accompagnement individuel")
        self.assertEqual(first["Participants"], 1)
        self.assertEqual(first["Bénéficiaire"], "Fatima Benali")
        self.assertEqual(first["Nom du lieu"], "Espace numérique")
        self.assertEqual(first["Code postal"], "11000")
        self.assertEqual(first["Durée (min)"], 45)
        self.assertEqual(
            first["Thématique(s) d'accompagnement"],
            ", ".join(
                self.supports[0].theme_ids.sorted(lambda t: (t.sequence, t.name)).mapped("name")
            ),
        )
        self.assertEqual(
            first["Nom de la démarche administrative"],
            f"{self.domain_social.name}, {self.caf.name}",
        )
        self.assertEqual(first["Bénéficiaire réorienté"], "Oui")
        self.assertEqual(first["Structure de redirection"], "France Services")
        self.assertEqual(first["Commune du bénéficiaire"], "Carcassonne")
        self.assertEqual(first["Genre du bénéficiaire"], "Féminin")
        # RSA recipients count as "Sans emploi" in the national list.
        self.assertEqual(first["Statut du bénéficiaire"], "Sans emploi")
        self.assertEqual(first["Notes supplémentaires"], "Dossier CAF")
        workshop_row = dict(zip(COLUMNS, rows[-1], strict=True))
        self.assertEqual(workshop_row["Type"], "Atelier collectif")
        self.assertEqual(workshop_row["Nom de l'atelier"], "Je m'investis")
        self.assertEqual(workshop_row["Participants"], 1)
        self.assertEqual(workshop_row["Durée (min)"], 120)

    def test_analysis_access_and_companies(self):
        Analysis = self.env["inclusion.activity.report"]
        self.assertEqual(
            Analysis.with_user(self.mediator).search_count(
                [("date", ">=", PERIOD[0]), ("date", "<=", PERIOD[1])]
            ),
            len(self.supports) + len(self._presences()),
        )
        self.assertEqual(Analysis.with_user(self.mediator_b).search_count([]), 1)
        groups = Analysis.with_user(self.mediator)._read_group(
            [("date", ">=", PERIOD[0]), ("date", "<=", PERIOD[1])], ["theme_ids"], ["__count"]
        )
        self.assertEqual(dict(groups)[self.theme_email], 4)
        for user in (self.adviser, self.accountant, self.employee_user):
            with self.assertRaises(AccessError):
                Analysis.with_user(user).search([])
        with self.assertRaises(AccessError):
            self.env["inclusion.activity.report.wizard"].with_user(self.mediator).create(
                {"date_from": PERIOD[0], "date_to": PERIOD[1]}
            )
