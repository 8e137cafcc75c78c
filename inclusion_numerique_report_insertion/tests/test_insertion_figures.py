from datetime import date

from odoo.addons.inclusion_numerique_report.tests.common import PERIOD, ReportCase
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestInsertionFigures(ReportCase):
    """Insertion entries, exits and training hours in the yearly report."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_insertion()

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
                "exit_reason_id": reason
                and ref(f"inclusion_numerique_insertion.exit_reason_{reason}").id,
            }

        cls.contracts = cls.env["hr.contract"].create(
            [
                contract(employees[0], date(2015, 1, 1), date(2015, 11, 30), "cdi"),
                contract(employees[1], date(2014, 6, 1), date(2015, 6, 30), "unemployed"),
                contract(employees[2], date(2015, 3, 1)),
                contract(employees[3], date(2015, 2, 1), date(2015, 4, 30), "group_move"),
            ]
        )

    def test_insertion_figures(self):
        figures = self._wizard()._get_figures()
        contracts = self.contracts
        exits = contracts.filtered(lambda c: c.exit_date and PERIOD[0] <= c.exit_date <= PERIOD[1])
        counted = exits.filtered("is_counted_exit")
        dynamic = counted.filtered(lambda c: c.exit_reason_id.is_dynamic)
        self.assertEqual(counted, exits.filtered(lambda c: c.exit_category != "withdrawn"))
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
