import base64
from contextlib import contextmanager

from odoo.addons.inclusion_numerique.tests.common import InclusionCase


class InsertionCase(InclusionCase):
    """An insertion employee followed by an adviser who has an employee record."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_officer = cls._new_user("hr_officer", "hr_contract.group_hr_contract_manager")
        cls.adviser_employee = cls.env["hr.employee"].create(
            {"name": "Claire Rousseau", "user_id": cls.adviser.id}
        )
        cls.employee = cls.env["hr.employee"].create({"name": "Fatima Benali"})
        cls.green_spaces = cls.env.ref("inclusion_numerique_insertion.work_activity_green_spaces")
        cls.reason_cdi = cls.env.ref("inclusion_numerique_insertion.exit_reason_cdi")

    @contextmanager
    def assertRefused(self, exception, message):
        """Like assertRaisesRegex, but rolls back what the refused operation wrote."""
        with self.assertRaises(exception) as caught:
            yield
        self.assertRegex(str(caught.exception), message)

    @classmethod
    def _pass(cls, **values):
        return cls.env["inclusion.pass.iae"].create(
            {"name": "999991234567", "employee_id": cls.employee.id, **values}
        )

    @classmethod
    def _contract(cls, **values):
        return cls.env["hr.contract"].create(
            {
                "name": "CDDI Fatima Benali",
                "employee_id": cls.employee.id,
                "wage": 1400.0,
                "is_insertion": True,
                "siae_kind": "aci",
                "insertion_contract_type": "cddi",
                "weekly_hours": 26,
                "work_activity_id": cls.green_spaces.id,
                "insertion_adviser_id": cls.adviser_employee.id,
                **values,
            }
        )


class BeneficiaryScopeCase(InsertionCase):
    """Beneficiary files an adviser follows (as adviser or CESF referent), one shared with
    the insertion team by consent, and one neither followed nor shared."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        beneficiaries = cls.env["inclusion.beneficiary"]
        cls.contract = cls._contract(date_start="2026-01-01")
        cls.followed = beneficiaries.create(
            {"name": "Fatima Benali", "employee_id": cls.employee.id}
        )
        omar = cls.env["hr.employee"].create({"name": "Omar Diallo"})
        cls._contract(
            employee_id=omar.id,
            date_start="2026-01-01",
            insertion_adviser_id=False,
            cesf_referent_id=cls.adviser_employee.id,
        )
        cls.cesf_followed = beneficiaries.create({"name": "Omar Diallo", "employee_id": omar.id})
        cls.shared = beneficiaries.create(
            {
                "name": "Nadia Haddad",
                "consent_date": "2026-01-10",
                "consent_insertion_sharing": True,
            }
        )
        cls.other = beneficiaries.create(
            {
                "name": "Lucie Petit",
                "consent_date": "2026-01-10",
                "notes": "<p>En hébergement d'urgence</p>",
            }
        )
        cls.other.message_post(body="Sortie d'hébergement d'urgence")
        cls.all_files = cls.followed | cls.cesf_followed | cls.shared | cls.other
        cls.visible = cls.followed | cls.cesf_followed | cls.shared
        email = cls.env.ref("inclusion_numerique.theme_email")
        supports = cls.env["inclusion.support"].create(
            [
                {"beneficiary_id": beneficiary.id, "theme_ids": [email.id]}
                for beneficiary in (cls.followed, cls.shared, cls.other)
            ]
        )
        cls.other_support = supports[-1]
        cls.env["inclusion.diagnostic"].create(
            [
                {"beneficiary_id": beneficiary.id, "level": "beginner"}
                for beneficiary in (cls.followed, cls.other)
            ]
        )
        cls.followed_attachment = cls._attachment(cls.followed, "cv.pdf")
        cls.other_attachment = cls._attachment(cls.other, "avis_expulsion.pdf")

    @classmethod
    def _attachment(cls, record, name):
        return cls.env["ir.attachment"].create(
            {
                "name": name,
                "res_model": record._name,
                "res_id": record.id,
                "datas": base64.b64encode(b"data"),
            }
        )
