import io
from datetime import date, datetime

import openpyxl

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ReportCase

# The BGE's public space: who came to its desk in a year, and who came to its workshops.
DESK_STATUSES = {"job_seeker": 20, "employed": 3, "business_owner": 3, "retired": 2, "student": 1}
WORKSHOP_STATUSES = {"retired": 9, "job_seeker": 1}


@tagged("post_install", "-at_install")
class TestPublicFigures(ReportCase):
    """Open access, anonymous workshop participants and coordination in the yearly
    report, on the BGE case: a public space with 8 workstations."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR"))
        cls.bge = cls.env["inclusion.place"].create(
            {"name": "Espace numérique BGE", "workstation_count": 8}
        )
        visits = [status for status, count in DESK_STATUSES.items() for _index in range(count)]
        visits.append("unknown")  # one person did not say
        cls.env["inclusion.support"].create(
            [
                {
                    "kind": "drop_in",
                    "start": datetime(2015, 1 + index % 12, 3, 9, 0),
                    "duration": 30,
                    "place_id": cls.bge.id,
                    "mediator_id": cls.mediator.id,
                    "theme_ids": [cls.theme_email.id],
                    "anonymous_social_status": status,
                }
                for index, status in enumerate(visits)
            ]
        )
        cls.env["inclusion.open.access"].create(
            [
                {
                    "date": day,
                    "half_day": half_day,
                    "place_id": cls.bge.id,
                    "visits": visits,
                    "workstation_visits": on_workstation,
                }
                for day, half_day, visits, on_workstation in (
                    (date(2015, 3, 2), "morning", 12, 8),
                    (date(2015, 3, 2), "afternoon", 9, 5),
                    (date(2015, 3, 3), "morning", 7, 7),
                )
            ]
        )
        cls._create_bge_workshop()
        partners = cls.env["res.partner"].create(
            [{"name": "France Services Carcassonne"}, {"name": "Hub numérique Occitanie"}]
        )
        cls.env["inclusion.coordination"].create(
            [
                {
                    "name": "Comité de pilotage",
                    "kind": "partner_meeting",
                    "date": date(2015, 2, 10),
                    "duration": 90,
                    "partner_ids": partners.ids,
                },
                {
                    "name": "Journée régionale",
                    "kind": "network_day",
                    "date": date(2015, 6, 18),
                    "duration": 420,
                    "partner_ids": partners[1].ids,
                },
                {
                    "name": "Fête de quartier",
                    "kind": "neighbourhood_event",
                    "date": date(2015, 7, 4),
                    "duration": 180,
                },
                {"name": "Hors période", "date": date(2016, 1, 5), "duration": 60},
            ]
        ).write({"place_id": cls.bge.id, "user_id": cls.mediator.id})

    @classmethod
    def _create_bge_workshop(cls):
        """A closed session of the BGE's workshops, attended by ten anonymous people."""
        workshop = cls.env["inclusion.workshop"].create(
            {"name": "Découvrir sa tablette", "place_id": cls.bge.id, "user_id": cls.mediator.id}
        )
        workshop.action_open()
        session = cls.env["inclusion.workshop.session"].create(
            {
                "workshop_id": workshop.id,
                "date_begin": datetime(2015, 11, 5, 13, 0),
                "date_end": datetime(2015, 11, 5, 14, 30),
                "anonymous_ids": [
                    (0, 0, {"social_status": status, "count": count, "gender": "female"})
                    for status, count in WORKSHOP_STATUSES.items()
                ],
            }
        )
        session.action_close()

    @staticmethod
    def _shares(rows):
        total = sum(rows.values())
        return {key: round(100 * count / total) for key, count in rows.items()}

    def test_bge_case(self):
        figures = self._wizard(place_id=self.bge.id)._get_figures()
        statuses = {
            key: contacts
            for key, (contacts, _people) in self._rows(figures, "person_social_status").items()
        }
        self.assertEqual(sum(statuses.values()), 30)
        shares = self._shares(statuses)
        self.assertEqual(shares["job_seeker"], 67)
        self.assertEqual(round(100 * (statuses["employed"] + statuses["business_owner"]) / 30), 20)
        self.assertEqual((shares["retired"], shares["student"]), (7, 3))
        self.assertEqual(
            figures["open_access"],
            {"half_days": 3, "visits": 28, "workstation_visits": 20, "workstations": 8},
        )
        anonymous = figures["anonymous_participants"]
        self.assertEqual(anonymous["total"], 10)
        by_status = {
            code: people for code, _label, people in dict(anonymous["breakdowns"])["social_status"]
        }
        self.assertEqual(self._shares(by_status)["retired"], 90)
        self.assertEqual(dict(anonymous["breakdowns"])["gender"], [("female", "Féminin", 10)])
        self.assertEqual(figures["workshops"]["sessions_held"], 1)

    def test_coordination(self):
        coordination = self._wizard()._get_figures()["coordination"]
        self.assertEqual(coordination["activities"], 3)
        self.assertEqual(coordination["hours"], (90 + 420 + 180) / 60)
        self.assertEqual(coordination["partners"], 2)
        self.assertEqual(
            coordination["by_kind"],
            [
                ("Réunion de partenaires", 1, 90),
                ("Événement de quartier", 1, 180),
                ("Journée de réseau", 1, 420),
            ],
        )
        other_mediator = self._wizard(mediator_id=self.manager.id)._get_figures()
        self.assertEqual(other_mediator["coordination"]["activities"], 0)
        self.assertEqual(other_mediator["open_access"]["visits"], 0)

    def test_read_back_from_the_yearly_report(self):
        wizard = self._wizard(place_id=self.bge.id)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("inclusion_numerique_report.report_activity", wizard.ids)[0]
            .decode()
        )
        for text in ("Accès libre", "Postes informatiques publics", "Participants anonymes"):
            self.assertIn(text, html)
        content, _type = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            ._render_xlsx("inclusion_numerique.report_activity_xlsx", wizard.ids, {})
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        values = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row[0]}
        self.assertEqual(values["Postes informatiques publics"], 8)
        self.assertEqual(values["Visites"], 28)
        self.assertEqual(values["Visites sur un poste"], 20)
        self.assertEqual(values["Participants anonymes"], 10)
        self.assertEqual(values["Heures de coordination"], 11.5)

    def test_bad_counts_are_refused(self):
        OpenAccess = self.env["inclusion.open.access"].with_user(self.mediator)
        Anonymous = self.env["inclusion.workshop.anonymous"].with_user(self.mediator)
        session = self.env["inclusion.workshop.session"].search(
            [("workshop_id.place_id", "=", self.bge.id)]
        )
        cases = [
            (
                OpenAccess,
                {"date": date(2015, 4, 1), "place_id": self.bge.id, "visits": -1},
                "Un comptage ne peut pas être inférieur à zéro.",
            ),
            (
                OpenAccess,
                {
                    "date": date(2015, 4, 1),
                    "place_id": self.bge.id,
                    "visits": 3,
                    "workstation_visits": 4,
                },
                "Plus de personnes sur un poste que de personnes venues.",
            ),
            (
                OpenAccess,
                {"date": date(2015, 3, 2), "half_day": "morning", "place_id": self.bge.id},
                "Cette demi-journée est déjà comptée dans ce lieu",
            ),
            (
                Anonymous,
                {"session_id": session.id, "count": 0},
                "Comptez au moins une personne sur chaque ligne.",
            ),
            (
                self.env["inclusion.coordination"].with_user(self.mediator),
                {"name": "Réunion", "duration": 0},
                "La durée doit être positive.",
            ),
        ]
        for Model, values, message in cases:
            with self.subTest(model=Model._name, values=values):
                count = Model.search_count([])
                with self.assertRaises(ValidationError) as caught:
                    Model.create(values)
                self.assertIn(message, str(caught.exception))
                self.assertEqual(Model.search_count([]), count)
