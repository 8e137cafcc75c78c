import io
import re
from datetime import datetime

import openpyxl

from odoo.tests import tagged

from .common import ReportCase

# The columns of La Coop de la médiation numérique's activities export, as its exporter
# writes them (inclusion-numerique/coop-mediation-numerique,
# apps/web/src/features/activites/use-cases/list/export/buildAccompagnementsWorksheet.ts:
# a mediator's own export, without the columns of its former V1 tool).
COOP_COLUMNS = [
    "Date",
    "Enregistré le",
    "Dernière modification le",
    "Type",
    "Participants",
    "Bénéficiaire",
    "Canaux d’accompagnement",
    "Nom du lieu",
    "Adresse",
    "Commune",
    "Code postal",
    "Code Insee",
    "Durée (min)",
    "Nom de l’atelier",
    "Matériel numérique utilisé",
    "Thématique(s) d’accompagnement",
    "Tags",
    "Nom de la démarche administrative",
    "Niveau d’autonomie (ou de l’atelier)",
    "Bénéficiaire réorienté",
    "Structure de redirection",
    "Commune du bénéficiaire",
    "Code postal du bénéficiaire",
    "Code Insee du bénéficiaire",
    "Genre du bénéficiaire",
    "Tranche d’âge du bénéficiaire",
    "Statut du bénéficiaire",
    "Notes supplémentaires",
    "ID CRA",
]
# Their value formats: "dd/MM/yyyy 'à' HH:mm" texts, "i/n" participants of a workshop,
# autonomy and workshop levels as stars out of 3, yes/no in French.
CREATED = re.compile(r"^\d{2}/\d{2}/\d{4} à \d{2}:\d{2}$")
PARTICIPANT = re.compile(r"^\d+/\d+$")
STARS = {"", "1/3", "2/3", "3/3"}


@tagged("post_install", "-at_install")
class TestNationalExportLayout(ReportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR"))
        programme = cls.env["inclusion.programme"].create(
            {
                "name": "Conseillers numériques",
                "funder_id": cls.env["res.partner"].create({"name": "État (ANCT)"}).id,
                "date_start": datetime(2015, 1, 1).date(),
                "date_end": datetime(2015, 12, 31).date(),
            }
        )
        cls.supports[0].programme_id = programme
        cls.workshop.write({"theme_ids": [cls.theme_email.id, cls.theme_procedures.id]})
        # A one-off workshop with two participants.
        one_off = cls.env["inclusion.workshop"].create(
            {"name": "Sécurité numérique", "user_id": cls.mediator.id}
        )
        one_off.action_open()
        session = cls.env["inclusion.workshop.session"].create(
            {
                "workshop_id": one_off.id,
                "date_begin": datetime(2015, 11, 3, 13, 0),
                "date_end": datetime(2015, 11, 3, 15, 0),
            }
        )
        cls.env["inclusion.workshop.registration"].create(
            [
                {"workshop_id": one_off.id, "beneficiary_id": person.id}
                for person in (cls.fatima, cls.karim)
            ]
        )
        session.mark_attendance(
            {attendance.id: "present" for attendance in session.attendance_ids}
        )
        session.action_close()
        cls.place_a.write({"zip": "11000", "city": "Carcassonne"})

    def _rows(self):
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            ._render_xlsx(
                "inclusion_numerique_report.action_report_national_export",
                self._wizard().ids,
                {},
            )
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content))["Activités"]
        rows = list(sheet.iter_rows(values_only=True))
        return list(rows[0]), [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]

    def test_columns_are_la_coop_s(self):
        header, _rows = self._rows()
        self.assertEqual(header, COOP_COLUMNS)

    def test_value_formats_are_la_coop_s(self):
        _header, rows = self._rows()
        for row in rows:
            with self.subTest(row=row["ID CRA"]):
                self.assertIsInstance(row["Date"], datetime)
                self.assertRegex(row["Enregistré le"], CREATED)
                self.assertIn(
                    row["Dernière modification le"] or "", {"", row["Dernière modification le"]}
                )
                self.assertIn(row["Niveau d’autonomie (ou de l’atelier)"] or "", STARS)
                self.assertIsInstance(row["ID CRA"], int)
                self.assertTrue(row["Participants"] == 1 or PARTICIPANT.match(row["Participants"]))
        first = next(row for row in rows if row["Tags"])
        self.assertEqual(first["Tags"], "Conseillers numériques")
        self.assertEqual(first["Niveau d’autonomie (ou de l’atelier)"], "3/3")
        self.assertEqual(first["Code Insee"], "11069")
        self.assertEqual(first["Code Insee du bénéficiaire"], "11069")
        self.assertEqual(
            first["Thématique(s) d’accompagnement"].split("\n")[0], self.theme_email.name
        )
        workshop_rows = [row for row in rows if row["Type"] == "Atelier collectif"]
        self.assertEqual([row["Participants"] for row in workshop_rows], [1, 1, "1/2", "2/2"])
        self.assertEqual(
            workshop_rows[0]["Thématique(s) d’accompagnement"],
            "\n".join(
                (self.theme_email | self.theme_procedures)
                .sorted(lambda t: (t.sequence, t.name))
                .mapped("name")
            ),
        )
        self.assertEqual({row["Bénéficiaire réorienté"] for row in workshop_rows}, {None})
