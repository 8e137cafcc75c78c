from datetime import date, datetime

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import InclusionCase


@tagged("post_install", "-at_install")
class TestProgrammeTerritory(InclusionCase):
    """Programmes of funders on the activity, INSEE communes from the official list."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR"))
        cls.funder = cls.env["res.partner"].create({"name": "Département de Seine-Saint-Denis"})
        cls.programme = cls.env["inclusion.programme"].create(
            {
                "name": "Appel à projets inclusion numérique",
                "funder_id": cls.funder.id,
                "agreement_ref": "CD93-2026-017",
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "territory": "Stains",
                "target_people": 300,
            }
        )
        cls.place = cls.env["inclusion.place"].create(
            {
                "name": "Espace numérique",
                "zip": "93240",
                "city": "Stains",
                "programme_id": cls.programme.id,
                "workstation_count": 8,
            }
        )
        cls.theme = cls.env.ref("inclusion_numerique.theme_email")

    def _support(self, **values):
        return (
            self.env["inclusion.support"]
            .with_user(self.mediator)
            .create(
                {
                    "start": datetime(2026, 3, 3, 9, 0),
                    "duration": 30,
                    "place_id": self.place.id,
                    "theme_ids": [self.theme.id],
                    **values,
                }
            )
        )

    def _assert_refused(self, model, values, message, record=None):
        """The French message, and nothing written."""
        Model = self.env[model].with_user(self.manager)
        count = Model.search_count([])
        with self.assertRaises(ValidationError) as caught:
            if record:
                record.with_user(self.manager).write(values)
            else:
                Model.create(values)
            self.env.flush_all()
        self.assertIn(message, str(caught.exception))
        self.assertEqual(Model.search_count([]), count)

    # ---- Programmes ----------------------------------------------------------------

    def test_support_takes_the_programme_of_its_place(self):
        support = self._support()
        self.assertEqual(support.programme_id, self.programme)
        other = self.programme.copy({"name": "CAF", "agreement_ref": "CAF-1"})
        support.write({"programme_id": other.id})
        self.assertEqual(support.programme_id, other, "the programme stays editable")

    def test_support_outside_the_place_programme_has_none(self):
        support = self._support(start=datetime(2025, 12, 15, 9, 0))
        self.assertFalse(support.programme_id)

    def test_programme_must_cover_the_activity(self):
        Support = self.env["inclusion.support"].with_user(self.mediator)
        count = Support.search_count([])
        with self.assertRaises(ValidationError) as caught:
            self._support(start=datetime(2027, 1, 4, 9, 0), programme_id=self.programme.id)
        self.assertIn("ne couvre pas une activité du 04/01/2027", str(caught.exception))
        self.assertEqual(Support.search_count([]), count)

    def test_targets_below_zero_are_refused(self):
        values = {
            "name": "PLIE",
            "funder_id": self.funder.id,
            "date_start": date(2026, 1, 1),
            "date_end": date(2026, 12, 31),
        }
        for fname in ("target_people", "target_workshops", "target_hours", "target_computers"):
            with self.subTest(fname):
                self._assert_refused(
                    "inclusion.programme",
                    {**values, fname: -1},
                    "Un objectif ne peut pas être inférieur à zéro.",
                )
        self._assert_refused(
            "inclusion.programme",
            {"target_hours": -5},
            "Un objectif ne peut pas être inférieur à zéro.",
            record=self.programme,
        )
        self.assertEqual(self.programme.target_hours, 0)

    def test_programme_cannot_end_before_it_starts(self):
        self._assert_refused(
            "inclusion.programme",
            {"date_end": date(2025, 6, 30)},
            "Un programme ne peut pas se terminer avant de commencer.",
            record=self.programme,
        )

    def test_negative_workstations_are_refused(self):
        self._assert_refused(
            "inclusion.place",
            {"workstation_count": -1},
            "Le nombre de postes ne peut pas être inférieur à zéro.",
            record=self.place,
        )

    def test_programmes_stay_in_their_structure(self):
        with self.assertRaises(AccessError):
            self.programme.with_user(self.mediator_b).read(["name"])
        with self.assertRaises(AccessError):
            self.env["inclusion.programme"].with_user(self.mediator).create(
                {
                    "name": "Le mien",
                    "funder_id": self.funder.id,
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2026, 12, 31),
                }
            )
        support_b = self.env["inclusion.support"].with_user(self.mediator_b)
        with self.assertRaises(AccessError):
            support_b.create(
                {
                    "start": datetime(2026, 3, 3, 9, 0),
                    "theme_ids": [self.theme.id],
                    "programme_id": self.programme.id,
                }
            )

    # ---- INSEE communes ------------------------------------------------------------

    def test_commune_from_postal_code_and_name(self):
        self.assertEqual(self.place.insee_code, "93072")
        self.assertEqual(self.place.commune_id.department_code, "93")
        person = self.env["inclusion.beneficiary"].create(
            self._person_values("Awa Traoré", zip="11800", city="trebes")
        )
        self.assertEqual(person.insee_code, "11397", "accents and case do not matter")
        person.write({"zip": "78160", "city": "Marly le Roi"})
        self.assertEqual(person.insee_code, "78372")
        paris = self.env["inclusion.beneficiary"].create(
            self._person_values("Paul Durand", zip="13001", city="Marseille")
        )
        self.assertEqual(paris.insee_code, "13201", "La Poste's routing label matches too")

    def test_ambiguous_postal_code_is_chosen_from_the_list(self):
        person = self.env["inclusion.beneficiary"].create(
            self._person_values("Awa Traoré", zip="11800")
        )
        self.assertFalse(person.commune_id, "14 communes share 11800")
        Commune = self.env["inclusion.commune"]
        choices = Commune.search([("zip", "=", "11800")])
        self.assertEqual(len(choices), 14)
        barbaira = choices.filtered(lambda commune: commune.insee_code == "11027")
        person.with_user(self.mediator).write({"commune_id": barbaira.id})
        self.assertEqual(person.insee_code, "11027")
        self.assertEqual(barbaira.display_name, "Barbaira (11800)")

    def test_unknown_postal_code_is_refused(self):
        self._assert_refused(
            "inclusion.beneficiary",
            self._person_values("Awa Traoré", zip="99999", city="Nulle part"),
            "Le code postal 99999 n'est pas dans la liste officielle.",
        )
        self._assert_refused(
            "inclusion.place",
            {"zip": "00000"},
            "Le code postal 00000 n'est pas dans la liste officielle.",
            record=self.place,
        )
        self.assertEqual(self.place.zip, "93240")

    def test_commune_not_under_the_postal_code_is_refused(self):
        person = self.env["inclusion.beneficiary"].create(
            self._person_values("Awa Traoré", zip="93240", city="Stains")
        )
        with self.assertRaises(ValidationError) as caught:
            person.with_user(self.mediator).write({"city": "Marly-le-Roi"})
        self.assertIn(
            "La commune Marly-le-Roi ne correspond pas au code postal 93240 "
            "(communes de ce code : Stains).",
            str(caught.exception),
        )
        self.assertEqual(person.partner_id.city, "Stains")
        marly = self.env["inclusion.commune"].search([("insee_code", "=", "78372")])
        with self.assertRaises(ValidationError) as caught:
            self.place.with_user(self.manager).write({"commune_id": marly.id})
        self.assertIn("n'est pas sous le code postal 93240", str(caught.exception))
        self.assertEqual(self.place.insee_code, "93072")

    def test_anonymous_visit_gets_its_commune(self):
        support = self._support(anonymous_zip="93240", anonymous_city="Stains")
        self.assertEqual(support.person_commune_id.insee_code, "93072")
        person = self.env["inclusion.beneficiary"].create(
            self._person_values("Awa Traoré", zip="78160", city="Marly-le-Roi")
        )
        support.write({"beneficiary_id": person.id})
        self.assertEqual(support.person_commune_id.insee_code, "78372")

    # ---- QPV list --------------------------------------------------------------------

    def test_qpv_is_chosen_from_the_structure_list(self):
        Qpv = self.env["inclusion.qpv"]
        clos_saint_lazare = Qpv.create({"name": "Clos Saint-Lazare", "code": "QN09321M"})
        self.assertEqual(clos_saint_lazare.display_name, "Clos Saint-Lazare (QN09321M)")
        person = self.env["inclusion.beneficiary"].create(
            self._person_values("Awa Traoré", is_qpv=True, qpv_id=clos_saint_lazare.id)
        )
        self.assertEqual(person.qpv_name, "Clos Saint-Lazare")
        other = Qpv.create({"name": "Franc-Moisin", "company_id": self.company_b.id})
        with self.assertRaises(AccessError):
            person.with_user(self.mediator).write({"qpv_id": other.id})
        self.assertEqual(person.qpv_id, clos_saint_lazare)
        with self.assertRaises(AccessError):
            Qpv.with_user(self.mediator).create({"name": "Inventé"})
        with self.assertRaises(ValidationError) as caught:
            self.env["inclusion.beneficiary"].create(
                {"name": "Sans consentement", "qpv_id": clos_saint_lazare.id}
            )
        self.assertIn("QPV", str(caught.exception))
