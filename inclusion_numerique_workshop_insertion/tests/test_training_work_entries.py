from datetime import datetime

from odoo.addons.inclusion_numerique_insertion.tests.common import InsertionCase
from odoo.exceptions import AccessError
from odoo.tests import tagged

# Thursday afternoons, 13:30–16:00 in Paris (winter time): 2.5 hours each.
SESSIONS = [
    (datetime(2026, 3, 5, 12, 30), datetime(2026, 3, 5, 15, 0)),
    (datetime(2026, 3, 12, 12, 30), datetime(2026, 3, 12, 15, 0)),
]


@tagged("post_install", "-at_install")
class TestTrainingWorkEntries(InsertionCase):
    """Workshop hours of insertion employees on paid time become "Formation" work entries
    on their insertion contract, as the roll call is taken or changed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.training = cls.env.ref(
            "inclusion_numerique_workshop_insertion.work_entry_type_training"
        )
        cls.contract = cls._contract(date_start="2026-01-01", state="open")
        cls.fatima = cls.env["inclusion.beneficiary"].create(
            {"name": "Fatima Benali", "employee_id": cls.employee.id}
        )
        cls.neighbour = cls.env["inclusion.beneficiary"].create({"name": "Lucie Petit"})
        cls.workshop = cls._workshop(cls.fatima | cls.neighbour, is_work_time=True)

    @classmethod
    def _workshop(cls, beneficiaries, **values):
        workshop = cls.env["inclusion.workshop"].create(
            {"name": "Je m'investis", "capacity": 60, "state": "open", **values}
        )
        cls.env["inclusion.workshop.registration"].create(
            [{"workshop_id": workshop.id, "beneficiary_id": b.id} for b in beneficiaries]
        )
        cls.env["inclusion.workshop.session"].create(
            [
                {"workshop_id": workshop.id, "date_begin": begin, "date_end": end}
                for begin, end in SESSIONS
            ]
        )
        return workshop

    def _roll_call(self, session, beneficiary, state):
        line = session.attendance_ids.filtered(lambda a: a.beneficiary_id == beneficiary)
        session.with_user(self.mediator).mark_attendance({str(line.id): state})
        return line

    def _entries(self, workshop=None):
        workshop = workshop or self.workshop
        return self.env["hr.work.entry"].search(
            [("inclusion_attendance_id.workshop_id", "=", workshop.id)], order="date_start"
        )

    def test_roll_call_makes_training_entries_with_exact_hours(self):
        first, second = self.workshop.session_ids.sorted("date_begin")
        self._roll_call(first, self.fatima, "present")
        self._roll_call(first, self.neighbour, "present")
        self._roll_call(second, self.fatima, "late")
        entries = self._entries()
        self.assertEqual(len(entries), 2, "one per attended session of the employee only")
        self.assertEqual(entries.work_entry_type_id, self.training)
        self.assertEqual(entries.employee_id, self.employee)
        self.assertEqual(entries.contract_id, self.contract)
        self.assertEqual(entries.mapped("duration"), [2.5, 2.5])
        self.assertEqual(
            [(e.date_start, e.date_stop) for e in entries], SESSIONS, "the session's times"
        )

    def test_absence_removes_the_entry_and_a_moved_session_moves_it(self):
        first, second = self.workshop.session_ids.sorted("date_begin")
        self._roll_call(first, self.fatima, "present")
        self._roll_call(second, self.fatima, "present")
        self._roll_call(first, self.fatima, "absent")
        self.assertEqual(self._entries().date_start, SESSIONS[1][0])
        self._roll_call(second, self.fatima, "excused")
        self.assertFalse(self._entries())
        self._roll_call(second, self.fatima, "present")
        second.write({"date_begin": "2026-03-12 13:00:00", "date_end": "2026-03-12 16:00:00"})
        self.assertEqual(self._entries().duration, 3.0)
        second.action_cancel()
        self.assertFalse(self._entries(), "a cancelled session has no roll call left")

    def test_voluntary_workshop_counts_when_it_says_so(self):
        voluntary = self._workshop(self.fatima, is_work_time=False)
        session = voluntary.session_ids.sorted("date_begin")[0]
        self._roll_call(session, self.fatima, "present")
        self.assertFalse(self._entries(voluntary))
        voluntary.is_paid_training = True
        self.assertEqual(self._entries(voluntary).duration, 2.5)
        voluntary.is_paid_training = False
        self.assertFalse(self._entries(voluntary))

    def test_no_entry_outside_the_insertion_contract(self):
        self.contract.write({"state": "close", "date_end": "2026-03-06"})
        first, second = self.workshop.session_ids.sorted("date_begin")
        self._roll_call(first, self.fatima, "present")
        self._roll_call(second, self.fatima, "present")
        self.assertEqual(self._entries().date_start, SESSIONS[0][0])

    def test_contract_recorded_after_the_roll_call(self):
        first, second = self.workshop.session_ids.sorted("date_begin")
        self.contract.write({"state": "close", "date_end": "2026-02-28"})
        self._roll_call(first, self.fatima, "present")
        self._roll_call(second, self.fatima, "present")
        self.assertFalse(self._entries())
        renewal = self._contract(date_start="2026-03-10", state="open")
        self.assertEqual(self._entries().date_start, SESSIONS[1][0])
        self.assertEqual(self._entries().contract_id, renewal)
        renewal.with_user(self.hr_officer).date_start = "2026-03-01"
        self.assertEqual(len(self._entries()), 2)
        renewal.with_user(self.hr_officer).write({"state": "cancel"})
        self.assertFalse(self._entries())

    def test_payroll_officer_reads_them_mediators_and_advisers_do_not(self):
        self._roll_call(self.workshop.session_ids[0], self.fatima, "present")
        entries = self.env["hr.work.entry"]
        domain = [("work_entry_type_id", "=", self.training.id)]
        self.assertEqual(entries.with_user(self.hr_officer).search(domain), self._entries())
        for user in (self.mediator, self.adviser):
            with self.assertRaises(AccessError):
                entries.with_user(user).search(domain)
            with self.assertRaises(AccessError):
                self._entries().with_user(user).unlink()
            # The roll call line does not show its work entry to them either.
            with self.assertRaises(AccessError):
                self.workshop.session_ids.attendance_ids.with_user(user).read(["work_entry_ids"])
        self.assertTrue(self._entries())

    def test_roll_call_queries_do_not_grow_with_participants(self):
        def roll_call_queries(count):
            employees = self.env["hr.employee"].create(
                [{"name": f"Salarié {count}-{i}"} for i in range(count)]
            )
            self.env["hr.contract"].create(
                [
                    {
                        "name": f"CDDI {employee.name}",
                        "employee_id": employee.id,
                        "wage": 1400.0,
                        "is_insertion": True,
                        "date_start": "2026-01-01",
                        "state": "open",
                    }
                    for employee in employees
                ]
            )
            beneficiaries = self.env["inclusion.beneficiary"].create(
                [{"name": e.name, "employee_id": e.id} for e in employees]
            )
            # The first session warms the caches that creating these records emptied.
            warm_up, session = self._workshop(beneficiaries, is_work_time=True).session_ids
            for roll_call in (warm_up, session):
                self.env.flush_all()
                self.env.invalidate_all()
                marks = {str(line.id): "present" for line in roll_call.attendance_ids}
                queries = self.env.cr.sql_log_count
                roll_call.with_user(self.mediator).mark_attendance(marks)
                self.env.flush_all()
                queries = self.env.cr.sql_log_count - queries
            self.assertEqual(len(session.attendance_ids.work_entry_ids), count)
            return queries

        self.assertEqual(roll_call_queries(5), roll_call_queries(20))
