from itertools import count

from freezegun import freeze_time

from odoo.addons.inclusion_numerique.tests.common import AccessMatrixCase
from odoo.addons.inclusion_numerique_insertion.models.hr_contract import WAGE_GROUPS
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import InsertionCase

ADVISERS_AND_HR = ("adviser", "hr_officer", "manager")


@tagged("post_install", "-at_install")
@freeze_time("2026-06-01")  # suspensions are recorded at most 365 days after their start
class TestInsertionAccessMatrix(InsertionCase, AccessMatrixCase):
    """Who may read, write, create and delete insertion records (README, "Roles"): the
    insertion team sees the social details, HR the wages, nobody else either."""

    ROLES = (*AccessMatrixCase.ROLES, "hr_officer")
    MATRIX = {
        "hr.contract": {"adviser": "rwc", "manager": "rwc", "hr_officer": "rwcu"},
        "inclusion.pass.iae": {"adviser": "rwc", "manager": "rwcu", "hr_officer": "rwc"},
        "inclusion.pass.iae.suspension": {
            "adviser": "rwcu",
            "manager": "rwcu",
            "hr_officer": "r",
        },
        "inclusion.exit.reason": {"adviser": "r", "manager": "rwcu", "hr_officer": "r"},
    }
    SENSITIVE_FIELDS = {
        "hr.contract": {
            "wage": ("hr_officer",),
            "eligibility_criterion_ids": ("adviser", "manager"),
            "eligibility_date": ("adviser", "manager"),
            "is_counted_exit": ("adviser", "manager"),
            "exit_reason_id": ("adviser", "manager"),
            "exit_destination": ("adviser", "manager"),
            "exit_date": ADVISERS_AND_HR,
            "pass_iae_id": ADVISERS_AND_HR,
        },
        "inclusion.pass.iae.suspension": {"reason": ("adviser", "manager")},
        "inclusion.pass.iae.prolongation": {
            "reason": ("adviser", "manager"),
            "prescriber_id": ("adviser", "manager"),
        },
        # Finding 3: other staff do not learn who is an insertion employee.
        "hr.employee.public": {
            "is_insertion_employee": ("mediator", "adviser", "manager", "hr_officer")
        },
    }
    _serial = count(1)

    def _new_employee(self):
        return self.env["hr.employee"].create({"name": f"Salarié {next(self._serial)}"})

    def _sample(self, model):
        if model == "hr.employee.public":
            return {"record": self.env[model].browse(self.employee.id)}
        if model == "hr.contract":
            return {
                "record": self._contract(employee_id=self._new_employee().id),
                "write": {"weekly_hours": 30},
                "create": lambda user: {
                    "name": "CDDI",
                    "employee_id": self._new_employee().id,
                    "is_insertion": True,
                    "siae_kind": "aci",
                    "insertion_adviser_id": self.adviser_employee.id,
                    # The wage is HR's: an adviser's contract gets it from HR later.
                    **({"wage": 1400.0} if user.has_group(WAGE_GROUPS) else {}),
                },
            }
        number = f"99999{next(self._serial):07d}"
        pass_iae = self._pass(
            name=number, employee_id=self._new_employee().id, date_start="2026-01-05"
        )
        if model == "inclusion.pass.iae":
            return {
                "record": pass_iae,
                "write": {"date_start": "2026-01-06"},
                "create": {
                    "name": f"88888{next(self._serial):07d}",
                    "employee_id": self._new_employee().id,
                },
            }
        if model == "inclusion.pass.iae.suspension":
            values = {
                "pass_id": pass_iae.id,
                "reason": "contract_suspended",
                "date_start": "2026-02-01",
                "date_end": "2026-02-10",
            }
            return {
                "record": self.env[model].create(values),
                "write": {"date_end": "2026-02-12"},
                "create": dict(values, date_start="2026-03-01", date_end="2026-03-10"),
            }
        if model == "inclusion.pass.iae.prolongation":
            values = {
                "pass_id": pass_iae.id,
                "reason": "training",
                "request_date": "2027-06-01",
                "date_start": "2028-01-05",
                "date_end": "2028-03-31",
            }
            return {"record": self.env[model].create(values)}
        return {
            # A reason no contract uses: the demo contracts' reasons cannot be deleted.
            "record": self.env[model].create(
                {"name": "Créa", "code": f"matrix_{next(self._serial)}", "category": "other"}
            ),
            "write": {"name": "Création d'entreprise"},
            "create": {"name": "Autre", "code": "matrix_new", "category": "other"},
        }

    def test_access_matrix(self):
        self.assertAccessMatrix()

    def test_sensitive_fields(self):
        self.assertSensitiveFields()

    def test_finding_3_insertion_status_cannot_be_searched_by_other_staff(self):
        self._contract(date_start="2026-01-05", state="open")
        self.env.flush_all()  # hr.employee.public is a view over hr.employee
        public = self.env["hr.employee.public"]
        domain = [("is_insertion_employee", "=", True)]
        self.assertIn(self.employee.id, public.with_user(self.mediator).search(domain).ids)
        with self.assertRaises(AccessError):
            public.with_user(self.employee_user).search(domain)
