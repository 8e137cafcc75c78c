import io
from datetime import date

import openpyxl

from odoo.addons.inclusion_numerique_report.tests.common import ReportCase
from odoo.exceptions import AccessError
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestInsertionDialogue(ReportCase):
    """The yearly insertion report for the management dialogue on a hand-made 2015:
    four insertion contracts, interviews, obstacles, an immersion and trainings, with
    records before, after and in another structure that must not count."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR"))
        ref = cls.env.ref
        a, b, c, d, e = cls.env["hr.employee"].create(
            [{"name": name} for name in ("Aline", "Bruno", "Chloé", "Driss", "Emma")]
        )
        cls.fatima.employee_id = a  # 4 h of workshops on work time in October 2015

        def contract(employee, start, hours, exit_date=False, reason=False):
            return {
                "name": f"CDDI {employee.name}",
                "employee_id": employee.id,
                "wage": 1400.0,
                "is_insertion": True,
                "weekly_hours": hours,
                "date_start": start,
                "exit_date": exit_date,
                "exit_reason_id": reason
                and ref(f"inclusion_numerique_insertion.exit_reason_{reason}").id,
            }

        cls.env["hr.contract"].create(
            [
                contract(a, date(2015, 1, 1), 35, date(2015, 11, 30), "cdi"),
                contract(b, date(2014, 6, 1), 26, date(2015, 6, 30), "unemployed"),
                contract(c, date(2015, 3, 1), 26),
                contract(d, date(2015, 2, 1), 20, date(2015, 4, 30), "group_move"),
                contract(e, date(2016, 1, 5), 35),
            ]
        )
        employee_b = cls.env["hr.employee"].create(
            {"name": "Autre structure", "company_id": cls.company_b.id}
        )
        cls.env["inclusion.insertion.interview"].create(
            [
                {
                    "employee_id": a.id,
                    "date": date(2015, 1, 5),
                    "kind": "reception",
                    "duration": 1.5,
                },
                {"employee_id": a.id, "date": date(2015, 6, 10), "duration": 1.0},
                {"employee_id": b.id, "date": date(2015, 3, 2), "duration": 1.0},
                {"employee_id": a.id, "date": date(2014, 12, 20), "duration": 1.0},
                {"employee_id": c.id, "date": date(2016, 1, 10), "duration": 1.0},
                {
                    "employee_id": employee_b.id,
                    "company_id": cls.company_b.id,
                    "date": date(2015, 3, 2),
                    "duration": 2.0,
                },
            ]
        )

        def obstacle(employee, code, identified, lifted=False):
            return {
                "employee_id": employee.id,
                "obstacle_id": ref(f"inclusion_numerique_insertion.obstacle_{code}").id,
                "date_identified": identified,
                "state": "lifted" if lifted else "in_progress",
                "date_lifted": lifted,
            }

        cls.env["inclusion.insertion.employee.obstacle"].create(
            [
                obstacle(a, "mobility", date(2015, 1, 5), date(2015, 9, 1)),
                obstacle(a, "housing", date(2014, 10, 1), date(2014, 12, 1)),
                obstacle(b, "health", date(2015, 3, 2), date(2015, 5, 5)),
                obstacle(c, "budget", date(2015, 3, 2)),
            ]
        )
        host = cls.env["res.partner"].create({"name": "Boulangerie Martin"})
        cls.env["inclusion.insertion.immersion"].create(
            [
                {
                    "employee_id": employee.id,
                    "host_partner_id": host.id,
                    "date_start": start,
                    "date_end": end,
                }
                for employee, start, end in (
                    (a, date(2015, 4, 6), date(2015, 4, 17)),
                    (b, date(2014, 11, 3), date(2014, 11, 14)),
                )
            ]
        )
        cls.env["inclusion.insertion.training"].create(
            [
                {
                    "employee_id": employee.id,
                    "name": name,
                    "date_start": start,
                    "date_end": end,
                    "hours": hours,
                }
                for employee, name, start, end, hours in (
                    (c, "CACES R489", date(2015, 5, 4), date(2015, 5, 8), 35),
                    # Ends in 2016: counts in 2016.
                    (a, "Titre pro agent de propreté", date(2015, 12, 28), date(2016, 1, 8), 70),
                )
            ]
        )

    def test_figures_of_the_year(self):
        figures = self._wizard()._get_insertion_dialogue_figures()
        insertion = figures["insertion"]
        self.assertEqual(insertion["employees"], 4)
        # (35 h x 334 days + 26 x 181 + 26 x 306 + 20 x 89) / (35 h x 365 days)
        self.assertEqual(figures["full_time_equivalents"], 2.05)
        self.assertEqual(insertion["entries"], 3)
        self.assertEqual(insertion["exits"], 3)
        self.assertEqual(
            {row["key"]: row["count"] for row in insertion["exits_by_category"] if row["count"]},
            {"durable": 1, "other": 1, "withdrawn": 1},
        )
        self.assertEqual(insertion["dynamic_exit_rate"], 50.0)
        # (334 + 395 + 89) / 3 days, in months of 30.44 days
        self.assertEqual(figures["average_stay_months"], 9.0)
        self.assertEqual(figures["interviews"], 3)
        self.assertEqual(figures["people_met"], 2)
        self.assertEqual(figures["follow_up_hours"], 3.5)
        self.assertEqual(figures["obstacles_lifted"], 2)
        self.assertEqual(
            figures["obstacles_lifted_by_kind"],
            [
                {"label": "Mobilité et permis de conduire", "count": 1},
                {"label": "Santé", "count": 1},
            ],
        )
        self.assertEqual(figures["immersions"], 1)
        self.assertEqual(insertion["training_hours"], 4.0)
        self.assertEqual(figures["external_training_hours"], 35.0)
        self.assertEqual(figures["training_hours"], 39.0)

    def _queries(self, wizard):
        wizard._get_insertion_dialogue_figures()  # flushes, fills the label caches
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        wizard._get_insertion_dialogue_figures()
        return self.env.cr.sql_log_count - before

    def test_query_count_independent_of_volume(self):
        """Ten times more contracts, interviews and obstacles lifted: the same queries."""
        wizard = self._wizard()
        self._queries(wizard)  # the first runs also fill the rules' and groups' caches
        queries = self._queries(wizard)
        employees = self.env["hr.employee"].create(
            [{"name": f"Salarié {index}"} for index in range(40)]
        )
        self.env["hr.contract"].create(
            [
                {
                    "name": f"CDDI {index}",
                    "employee_id": employee.id,
                    "wage": 1400.0,
                    "is_insertion": True,
                    "weekly_hours": 26,
                    "date_start": date(2015, 1 + index % 12, 1),
                }
                for index, employee in enumerate(employees)
            ]
        )
        self.env["inclusion.insertion.interview"].create(
            [{"employee_id": employee.id, "date": date(2015, 6, 1)} for employee in employees]
        )
        self.env["inclusion.insertion.employee.obstacle"].create(
            [
                {
                    "employee_id": employee.id,
                    "obstacle_id": self.env.ref(
                        "inclusion_numerique_insertion.obstacle_digital"
                    ).id,
                    "date_identified": date(2015, 1, 2),
                    "state": "lifted",
                    "date_lifted": date(2015, 6, 1),
                }
                for employee in employees
            ]
        )
        self._queries(wizard)
        self.assertEqual(self._queries(wizard), queries)

    def test_exit_figures_are_the_activity_report_ones(self):
        wizard = self._wizard()
        self.assertEqual(
            wizard._get_insertion_dialogue_figures()["insertion"],
            wizard._get_figures()["insertion"],
        )

    def test_pdf_and_xlsx_show_the_same_figures(self):
        wizard = self._wizard()
        figures = wizard._get_insertion_dialogue_figures()
        sections = self.env["inclusion.insertion.dialogue.figures"]._sections(figures)
        Report = self.env["ir.actions.report"].with_user(self.manager)
        html = Report._render_qweb_html(
            "inclusion_numerique_report_insertion.action_report_insertion_dialogue_pdf",
            wizard.ids,
        )[0].decode()
        self.assertIn("Taux de sorties dynamiques", html)
        self.assertIn("50.0 %", html)
        self.assertIn("2.05", html)
        content, kind = Report._render_xlsx(
            "inclusion_numerique_report_insertion.action_report_insertion_dialogue_xlsx",
            wizard.ids,
            {},
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = [
            row[:2] for row in sheet.iter_rows(values_only=True) if row[0] and row[1] is not None
        ]
        expected = [(label, value) for _title, lines in sections for label, value, _kind in lines]
        self.assertEqual(rows, expected)

    def test_only_managers_print_it(self):
        wizard = self._wizard()
        for user in (self.adviser, self.mediator):
            for ref in ("pdf", "xlsx"):
                with self.subTest(user=user.login, ref=ref), self.assertRaises(AccessError):
                    report = self.env["ir.actions.report"].with_user(user)
                    name = (
                        "inclusion_numerique_report_insertion."
                        f"action_report_insertion_dialogue_{ref}"
                    )
                    if ref == "pdf":
                        report._render_qweb_html(name, wizard.ids)
                    else:
                        report._render_xlsx(name, wizard.ids, {})
