import io
from datetime import date, datetime

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ReportCase

PEOPLE = "Personnes accompagnées (personnes nommées et visites anonymes)"


@tagged("post_install", "-at_install")
class TestProgrammeReport(ReportCase):
    """Two funders share the year of ReportCase: the Département pays for the
    Espace numérique (its sessions and the workshop), the CAF for the Mairie annexe."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR"))
        Programme = cls.env["inclusion.programme"]
        period = {"date_start": date(2015, 1, 1), "date_end": date(2015, 12, 31)}
        cls.departement, cls.caf_programme = Programme.create(
            [
                {
                    "name": "Appel à projets numérique",
                    "funder_id": cls.env["res.partner"].create({"name": "Département"}).id,
                    "agreement_ref": "CD11-2015-04",
                    "target_people": 4,
                    "target_workshops": 4,
                    "target_hours": 10,
                    **period,
                },
                {
                    "name": "Parentalité numérique",
                    "funder_id": cls.env["res.partner"].create({"name": "CAF de l'Aude"}).id,
                    "target_people": 2,
                    **period,
                },
            ]
        )
        cls.place_a.programme_id = cls.departement
        cls.place_b.programme_id = cls.caf_programme
        # Sessions recorded before the places had a programme: chosen on each one.
        for support in cls.supports:
            support.programme_id = support.place_id.programme_id
        cls.workshop.write(
            {
                "place_id": cls.place_a.id,
                "programme_id": cls.departement.id,
                "theme_ids": [cls.theme_email.id],
            }
        )

    def _lines(self, wizard):
        """{programme: {label: (target, actual)}} of the programme report."""
        return {
            programme: {label: (target, actual) for label, target, actual, _kind in lines}
            for programme, lines in wizard._programme_reports()
        }

    def test_two_funders(self):
        lines = self._lines(self._wizard())
        departement_supports = self.supports.filtered(lambda s: s.place_id == self.place_a)
        presences = self._presences()
        minutes = sum(departement_supports.mapped("duration")) + sum(
            round(a.session_id.duration * 60) for a in presences
        )
        self.assertEqual(
            lines[self.departement][PEOPLE], (4, len(departement_supports.beneficiary_id) + 1)
        )
        self.assertEqual(lines[self.departement]["Séances d'atelier tenues"], (4, 2))
        self.assertEqual(lines[self.departement]["Heures d'accompagnement"], (10, minutes / 60))
        # Fatima 45 + 15 min, the anonymous visit 30, Odette 60, two workshop presences of 2 h.
        self.assertEqual(minutes, 390)
        self.assertEqual(
            lines[self.caf_programme],
            {
                **lines[self.caf_programme],
                PEOPLE: (2, 1),
                "Séances d'atelier tenues": (0, 0),
                "Heures d'accompagnement": (0, 1.5),
            },
        )

    def test_programme_is_a_dimension_and_a_filter(self):
        figures = self._wizard()._get_figures()
        self.assertEqual(
            self._rows(figures, "programme_id"),
            # Département: 4 sessions and 2 presences of Fatima and Odette (the anonymous
            # visit is no person); CAF: Karim once.
            {self.departement.id: (6, 2), self.caf_programme.id: (1, 1)},
        )
        only_caf = self._wizard(programme_id=self.caf_programme.id)._get_figures()
        self.assertEqual(only_caf["totals"]["contacts"], 1)
        self.assertEqual(only_caf["workshops"]["sessions_held"], 0)
        self.assertIn("Programme: Parentalité numérique (CAF de l'Aude)", only_caf["filters"])

    def test_workshops_count_at_their_place_and_under_their_themes(self):
        figures = self._wizard(place_id=self.place_a.id)._get_figures()
        self.assertEqual(figures["workshops"]["sessions_held"], 2)
        self.assertEqual(figures["workshops"]["completions"], 1)
        self.assertEqual(figures["workshops"]["participants"], 1)
        self.assertEqual(self._rows(figures, "place_id"), {self.place_a.id: (6, 2)})
        # E-mail: four sessions (Fatima twice, the anonymous visit, Odette) and Fatima's two
        # presences at the workshop on e-mail.
        self.assertEqual(self._rows(figures, "theme")[self.theme_email.id], (6, 2))
        elsewhere = self._wizard(place_id=self.place_b.id)._get_figures()
        self.assertEqual(elsewhere["workshops"]["sessions_held"], 0)

    def test_communes_and_departements(self):
        figures = self._wizard()._get_figures()
        communes = self.env["inclusion.commune"].search([("insee_code", "in", ["11069", "11397"])])
        carcassonne = communes.filtered(lambda c: c.insee_code == "11069")
        trebes = communes - carcassonne
        # Fatima (Carcassonne): 2 sessions, 2 presences; Karim (Trèbes): one session.
        self.assertEqual(
            {key: value for key, value in self._rows(figures, "person_commune_id").items() if key},
            {carcassonne.id: (4, 1), trebes.id: (1, 1)},
        )
        self.assertEqual(self._rows(figures, "person_department")["11"], (5, 2))

    def test_pdf_and_xlsx(self):
        wizard = self._wizard()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("inclusion_numerique_report.report_programme", wizard.ids)[0]
            .decode()
        )
        for text in ("Appel à projets numérique", "CD11-2015-04", "Parentalité numérique"):
            self.assertIn(text, html)
        content, _type = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            ._render_xlsx("inclusion_numerique_report.report_programme_xlsx", wizard.ids, {})
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = [row for row in sheet.iter_rows(values_only=True) if row[0]]
        hours = [row for row in rows if row[0] == "Heures d'accompagnement"]
        self.assertEqual([row[1:] for row in hours], [(10, 6.5, 65.0), (0, 1.5, None)])

    def test_no_programme_in_the_period(self):
        wizard = self._wizard(date_from=date(2013, 1, 1), date_to=date(2013, 12, 31))
        with self.assertRaises(UserError) as caught:
            wizard.action_print_programme_pdf()
        self.assertIn("Aucun programme", str(caught.exception))

    def test_query_count_independent_of_volume(self):
        wizard = self._wizard()

        def queries():
            wizard._programme_reports()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            wizard._programme_reports()
            return self.env.cr.sql_log_count - before

        queries()
        count = queries()
        self.env["inclusion.support"].create(
            [
                {
                    "start": datetime(2015, 1 + index, 2, 10, 0),
                    "beneficiary_id": self.odette.id,
                    "place_id": self.place_a.id,
                    "mediator_id": self.mediator.id,
                    "theme_ids": [self.theme_email.id],
                    "duration": 30,
                }
                for index in range(10)
            ]
        )
        queries()
        self.assertEqual(queries(), count)

    def test_qpv_breakdown(self):
        qpv = self.env["inclusion.qpv"].create({"name": "Quartier de test"})
        self.fatima.qpv_id = qpv
        figures = self._wizard()._get_figures()
        # Fatima: two sessions and two workshop presences in 2015.
        self.assertEqual(self._rows(figures, "person_qpv_id")[qpv.id], (4, 1))
