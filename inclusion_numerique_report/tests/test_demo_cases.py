from datetime import date, timedelta

from odoo import fields
from odoo.addons.inclusion_numerique.tests.common import InclusionCase
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestDemoCases(InclusionCase):
    """The BGE case and the two-funder case of the demo data, read back from the
    reports and checked against counts made directly on the records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR"))
        cls.bge = cls.env.ref("inclusion_numerique.place_bge", raise_if_not_found=False)

    def setUp(self):
        super().setUp()
        if not self.bge:
            self.skipTest("demo data not loaded")

    def _wizard(self, date_from, **values):
        return (
            self.env["inclusion.activity.report.wizard"]
            .with_user(self.manager)
            .create(
                {
                    "date_from": date_from,
                    "date_to": fields.Date.context_today(self.manager),
                    **values,
                }
            )
        )

    def test_bge_case(self):
        today = fields.Date.context_today(self.manager)
        figures = self._wizard(today - timedelta(days=400), place_id=self.bge.id)._get_figures()
        table = next(t for t in figures["breakdowns"] if t["key"] == "person_social_status")
        statuses = {row["key"]: row["contacts"] for row in table["rows"]}
        total = sum(statuses.values())
        self.assertEqual(total, 30)

        def share(*codes):
            return round(100 * sum(statuses.get(code, 0) for code in codes) / total)

        self.assertEqual(
            (share("job_seeker"), share("employed", "business_owner"), share("retired")),
            (67, 20, 7),
        )
        self.assertEqual(share("student"), 3)
        self.assertEqual(figures["open_access"]["workstations"], 8)
        anonymous = figures["anonymous_participants"]
        retired = dict((code, people) for code, _label, people in anonymous["breakdowns"][2][1])
        self.assertEqual(round(100 * retired["retired"] / anonymous["total"]), 90)

    def test_two_funders(self):
        today = fields.Date.context_today(self.manager)
        wizard = self._wizard(date(today.year, 1, 1))
        reports = dict(wizard._programme_reports())
        for key in ("departement", "caf"):
            programme = self.env.ref(f"inclusion_numerique.programme_{key}")
            supports = self.env["inclusion.support"].search(
                [
                    ("programme_id", "=", programme.id),
                    ("state", "=", "done"),
                    ("date", ">=", wizard.date_from),
                    ("date", "<=", wizard.date_to),
                ]
            )
            self.assertTrue(supports, "the demo gives each funder some activity")
            people = len(supports.beneficiary_id) + len(
                supports.filtered(lambda s: not s.beneficiary_id)
            )
            lines = {
                label: (target, actual) for label, target, actual, _kind in reports[programme]
            }
            with self.subTest(programme=programme.name):
                self.assertEqual(
                    lines["Personnes accompagnées (personnes nommées et visites anonymes)"],
                    (programme.target_people, people),
                )
                self.assertAlmostEqual(
                    lines["Heures d'accompagnement"][1], sum(supports.mapped("duration")) / 60
                )
