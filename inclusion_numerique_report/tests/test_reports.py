import io
from datetime import date, datetime

import openpyxl
import pytz

from odoo.addons.inclusion_numerique.models.inclusion_beneficiary import (
    age_bracket_on,
    age_bracket_sql,
)
from odoo.addons.inclusion_numerique.models.inclusion_support import (
    duration_bucket_of,
    duration_bucket_sql,
)
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import SQL

from ..report.report_national_export_xlsx import COLUMNS
from .common import PERIOD, ReportCase


@tagged("post_install", "-at_install")
class TestReports(ReportCase):
    def _report_queries(self, wizard):
        wizard._get_figures()  # flushes pending computations, fills the label caches
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        wizard._get_figures()
        return self.env.cr.sql_log_count - before

    def test_query_count_independent_of_volume(self):
        """Three times more people, places, mediators and sessions: the same queries."""
        wizard = self._wizard()
        self._report_queries(wizard)  # the first runs also load translations
        queries = self._report_queries(wizard)
        people = self.env["inclusion.beneficiary"].create(
            [
                {
                    "name": f"Personne {index}",
                    "birth_year": 1950 + index,
                    "consent_date": date(2014, 1, 1),
                }
                for index in range(6)
            ]
        )
        places = self.env["inclusion.place"].create(
            [{"name": f"Lieu {index}"} for index in range(4)]
        )
        self.env["inclusion.support"].create(
            [
                {
                    "start": datetime(2015, 1 + index, 2, 10, 0),
                    "beneficiary_id": person.id,
                    "place_id": places[index % 4].id,
                    "mediator_id": (self.mediator, self.manager)[index % 2].id,
                    "theme_ids": [self.theme_email.id, self.theme_procedures.id],
                    "organism_ids": [self.caf.id],
                    "duration": 30 + index,
                }
                for index, person in enumerate(list(people) * 2)
            ]
        )
        self._report_queries(wizard)
        self.assertEqual(self._report_queries(wizard), queries)

    def test_figures_of_the_year(self):
        supports, presences = self.supports, self._presences()
        wizard = self._wizard()
        figures = wizard._get_figures()
        # A fixed number of queries whatever the volume (see `make bench`): the aggregates,
        # the wizard and the names of the places, mediators, workshops and themes.
        self.env.invalidate_all()
        with self.assertQueryCount(23):
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
            "inclusion_numerique_report.action_report_activity_pdf", wizard.ids
        )[0].decode()
        self.assertIn("Espace numérique", html)
        self.assertIn("50,0 %", html)  # the manager works in French

        content, kind = Report._render_xlsx(
            "inclusion_numerique_report.action_report_activity_xlsx", wizard.ids, {}
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
            ._render_xlsx(
                "inclusion_numerique_report.action_report_national_export", wizard.ids, {}
            )
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

    def test_sql_rules_are_the_python_rules(self):
        """The SQL of the analysis is generated from the Python brackets: same codes."""
        ages = [None, *range(0, 101)]
        minutes = list(range(0, 200))
        self.env.cr.execute(
            SQL(
                "SELECT %s, %s",
                SQL("ARRAY[%s]", SQL(", ").join(age_bracket_sql(SQL("%s::int", a)) for a in ages)),
                SQL(
                    "ARRAY[%s]",
                    SQL(", ").join(duration_bucket_sql(SQL("%s::int", m)) for m in minutes),
                ),
            )
        )
        sql_ages, sql_minutes = self.env.cr.fetchone()
        on = date(2020, 6, 1)
        self.assertEqual(
            sql_ages,
            [age_bracket_on(None, None if age is None else on.year - age, on) for age in ages],
        )
        self.assertEqual(sql_minutes, [duration_bucket_of(m) for m in minutes])


@tagged("post_install", "-at_install")
class TestStoredPresenceDimensions(ReportCase):
    def test_day_and_age_bracket_stored_on_presences(self):
        """The analysis reads the day (mediator's time zone) and the age bracket stored on
        each presence; both follow the session and the person."""
        presence = self._presences()[0]
        person = presence.beneficiary_id
        begin = presence.session_id.date_begin
        tz = pytz.timezone(presence.workshop_id.user_id.tz or "Europe/Paris")
        self.assertEqual(presence.local_date, pytz.utc.localize(begin).astimezone(tz).date())
        person.write({"birthdate": date(presence.local_date.year - 30, 1, 1)})
        self.assertEqual(presence.person_age_bracket, "25_39")
        row = self.env["inclusion.activity.report"].search([("attendance_id", "=", presence.id)])
        self.assertEqual((row.date, row.person_age_bracket), (presence.local_date, "25_39"))
