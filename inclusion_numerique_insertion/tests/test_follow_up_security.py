from datetime import date
from itertools import count

from odoo.addons.inclusion_numerique.tests.common import AccessMatrixCase
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import InsertionCase

FOLLOW_UP_MODELS = (
    "inclusion.insertion.interview",
    "inclusion.insertion.employee.obstacle",
    "inclusion.insertion.action.step",
    "inclusion.insertion.immersion",
    "inclusion.insertion.training",
)


class FollowUpCase(InsertionCase):
    """Fatima is followed by the adviser; Omar by another adviser."""

    _serial = count(1)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._contract(date_start="2026-01-05", state="open")
        cls.other_adviser = cls._new_user("other_adviser", "inclusion_numerique.group_insertion")
        other_adviser_employee = cls.env["hr.employee"].create(
            {"name": "Paul Meyer", "user_id": cls.other_adviser.id}
        )
        cls.omar = cls.env["hr.employee"].create({"name": "Omar Diallo"})
        cls._contract(
            employee_id=cls.omar.id,
            date_start="2026-01-05",
            state="open",
            insertion_adviser_id=other_adviser_employee.id,
        )
        cls.host = cls.env["res.partner"].create({"name": "Boulangerie Martin"})

    def _values(self, model, employee):
        """Values of a new follow-up record of the employee (a new obstacle each time)."""
        values = {
            "inclusion.insertion.interview": {"duration": 1.0, "notes": "<p>Dettes</p>"},
            "inclusion.insertion.employee.obstacle": {
                "obstacle_id": self.env["inclusion.insertion.obstacle"]
                .create({"name": "Frein", "code": f"test_{next(self._serial)}"})
                .id
            },
            "inclusion.insertion.action.step": {
                "name": "Dossier de surendettement",
                "user_id": self.adviser.id,
                "date_deadline": date(2026, 2, 1),
            },
            "inclusion.insertion.immersion": {
                "host_partner_id": self.host.id,
                "date_start": date(2026, 3, 2),
                "date_end": date(2026, 3, 13),
            },
            "inclusion.insertion.training": {
                "name": "CACES",
                "date_start": date(2026, 3, 2),
                "date_end": date(2026, 3, 6),
                "hours": 35,
            },
        }[model]
        return {"employee_id": employee.id, **values}

    def _record(self, model, employee):
        return self.env[model].create(self._values(model, employee))


@tagged("post_install", "-at_install")
class TestFollowUpAccessMatrix(FollowUpCase, AccessMatrixCase):
    """The follow-up is the insertion team's: advisers on the employees they follow,
    managers on all, HR officers read interviews, immersions and trainings."""

    ROLES = (*AccessMatrixCase.ROLES, "hr_officer")
    MATRIX = {
        "inclusion.insertion.interview": {"adviser": "rwc", "manager": "rwcu", "hr_officer": "r"},
        "inclusion.insertion.employee.obstacle": {"adviser": "rwc", "manager": "rwcu"},
        "inclusion.insertion.action.step": {"adviser": "rwc", "manager": "rwcu"},
        "inclusion.insertion.immersion": {"adviser": "rwc", "manager": "rwcu", "hr_officer": "r"},
        "inclusion.insertion.training": {"adviser": "rwc", "manager": "rwcu", "hr_officer": "r"},
        "inclusion.insertion.obstacle": {
            "adviser": "r",
            "manager": "rwcu",
        },
    }
    SENSITIVE_FIELDS = {
        "inclusion.insertion.interview": {
            "notes": ("adviser", "manager", "hr_officer"),
            "obstacle_ids": ("adviser", "manager"),
        },
    }

    def _sample(self, model):
        if model == "inclusion.insertion.obstacle":
            return {
                "record": self.env[model].create(
                    {"name": "Frein", "code": f"matrix_{next(self._serial)}"}
                ),
                "write": {"name": "Autre frein"},
                "create": {"name": "Nouveau", "code": "matrix_new"},
            }
        write = {
            "inclusion.insertion.interview": {"kind": "mid_term"},
            "inclusion.insertion.employee.obstacle": {"notes": "Suivi CCAS"},
            "inclusion.insertion.action.step": {"name": "Dossier FSL"},
            "inclusion.insertion.immersion": {"outcome": "hired"},
            "inclusion.insertion.training": {"hours": 28},
        }[model]
        return {
            "record": self._record(model, self.employee),
            "write": write,
            "create": lambda user: self._values(model, self.employee),
        }

    def test_access_matrix(self):
        self.assertAccessMatrix()

    def test_sensitive_fields(self):
        self.assertSensitiveFields()


@tagged("post_install", "-at_install")
class TestFollowUpScope(FollowUpCase):
    """An adviser reaches only the follow-up of the employees they follow, through every
    ORM call the web client and the external API make."""

    def test_adviser_sees_only_the_employees_they_follow(self):
        for model in FOLLOW_UP_MODELS:
            with self.subTest(model=model):
                mine = self._record(model, self.employee)
                other = self._record(model, self.omar)
                records = self.env[model].with_user(self.adviser)
                # The demo data's employees are followed by other advisers.
                domain = [("employee_id", "in", (self.employee | self.omar).ids)]
                self.assertEqual(records.search(domain), mine)
                groups = records.read_group(domain, ["employee_id"], ["employee_id"])
                self.assertEqual([group["employee_id"][0] for group in groups], [self.employee.id])
                with self.assertRaises(AccessError):
                    other.with_user(self.adviser).read(["employee_id"])
                with self.assertRaises(AccessError):
                    other.with_user(self.adviser).write({"employee_id": self.employee.id})
                with self.assertRaises(AccessError):
                    records.create(self._values(model, self.omar))
                with self.assertRaises(AccessError):
                    mine.with_user(self.adviser).write({"employee_id": self.omar.id})
                with self.assertRaises(AccessError):
                    mine.with_user(self.adviser).unlink()
                self.assertEqual(self.env[model].search(domain), mine | other)
                self.assertEqual(mine.employee_id, self.employee)
                self.assertEqual(other.with_user(self.other_adviser).employee_id, self.omar)

    def test_follow_up_closes_with_the_contract_referents(self):
        interview = self._record("inclusion.insertion.interview", self.employee)
        interview.with_user(self.adviser).read(["notes"])
        self.employee.contract_ids.insertion_adviser_id = False
        with self.assertRaises(AccessError):
            interview.with_user(self.adviser).read(["notes"])

    def test_no_follow_up_of_another_structure(self):
        employee_b = self.env["hr.employee"].create(
            {"name": "Lina Morel", "company_id": self.company_b.id}
        )
        self._contract(
            employee_id=employee_b.id,
            company_id=self.company_b.id,
            date_start="2026-01-05",
            insertion_adviser_id=False,
        )
        interviews = self.env["inclusion.insertion.interview"].with_user(self.adviser)
        with self.assertRaises(UserError) as caught:
            interviews.create({"employee_id": employee_b.id, "duration": 1.0})
        self.assertNotIn("Lina Morel", str(caught.exception))
        self.assertFalse(
            self.env["inclusion.insertion.interview"].search([("employee_id", "=", employee_b.id)])
        )

    def test_hr_officer_reads_interviews_without_obstacles(self):
        interview = self._record("inclusion.insertion.interview", self.employee)
        interview.obstacle_ids = self.env.ref("inclusion_numerique_insertion.obstacle_health")
        hr_interview = interview.with_user(self.hr_officer)
        self.assertEqual(hr_interview.read(["duration"])[0]["duration"], 1.0)
        with self.assertRaises(AccessError):
            hr_interview.read(["obstacle_ids"])
        with self.assertRaises(AccessError):
            self.env["inclusion.insertion.interview"].with_user(self.hr_officer).search(
                [("obstacle_ids.code", "=", "health")]
            )
        with self.assertRaises(AccessError):
            self.env["inclusion.insertion.employee.obstacle"].with_user(self.hr_officer).search([])

    def test_interview_list_query_count_is_steady(self):
        """The advisers' list of interviews: the same queries for 5 or 50 rows."""
        interviews = self.env["inclusion.insertion.interview"]
        spec = {
            "date": {},
            "employee_id": {"fields": {"display_name": {}}},
            "kind": {},
            "referent_id": {"fields": {"display_name": {}}},
            "obstacle_ids": {"fields": {"display_name": {}}},
            "duration": {},
        }
        health = self.env.ref("inclusion_numerique_insertion.obstacle_health")
        counts = []
        domain = [("employee_id", "=", self.employee.id)]
        for size in (5, 50):
            interviews.search(domain).unlink()
            interviews.create(
                [
                    dict(
                        self._values("inclusion.insertion.interview", self.employee),
                        referent_id=self.adviser_employee.id,
                        obstacle_ids=[health.id],
                    )
                    for _index in range(size)
                ]
            )
            self.env.flush_all()
            interviews.with_user(self.adviser).web_search_read(domain, spec)  # warm the caches
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            result = interviews.with_user(self.adviser).web_search_read(domain, spec)
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(result["length"], size)
        self.assertEqual(counts[0], counts[1])
        self.assertLessEqual(counts[1], 15)
