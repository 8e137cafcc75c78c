from odoo.tests import tagged

from .common import InclusionCase


@tagged("post_install", "-at_install")
class TestBeneficiaryListSpeed(InclusionCase):
    domain = [("name", "=like", "Personne %")]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        employees = cls.env["hr.employee"].create(
            [{"name": f"Salarié {index}"} for index in range(80)]
        )
        cls.env["inclusion.beneficiary"].create(
            [
                {
                    "name": f"Personne {index:02d}",
                    "phone": f"06 10 00 00 {index:02d}",
                    "email": f"personne{index}@example.com",
                    "city": "Carcassonne",
                    "consent_date": "2026-01-05",
                    "birthdate": f"19{50 + index % 40}-03-0{1 + index % 9}",
                    "gender": "female" if index % 2 else "male",
                    "social_status": "job_seeker",
                    "employee_id": employees[index].id,
                }
                for index in range(80)
            ]
        )

    def _list_specification(self, model):
        view = model.get_views([(False, "list")])
        fields_info = view["models"][model._name]["fields"]
        return {
            name: {"fields": {"display_name": {}}} if info["type"] == "many2one" else {}
            for name, info in fields_info.items()
        }

    def test_list_page_query_count_does_not_grow_with_page_size(self):
        model = self.env["inclusion.beneficiary"].with_user(self.mediator)
        specification = self._list_specification(model)
        self.assertIn("is_probable_duplicate", specification)
        self.assertIn("phone", specification)
        model.web_search_read(self.domain, specification, limit=1)  # warm the caches of the ORM
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        page = model.web_search_read(self.domain, specification, limit=10)
        queries_for_10 = self.env.cr.sql_log_count - before
        self.assertEqual(len(page["records"]), 10)
        self.assertTrue(0 < queries_for_10 < 15, queries_for_10)
        self.env.invalidate_all()
        with self.assertQueryCount(queries_for_10):
            page = model.web_search_read(self.domain, specification, limit=80)
        self.assertEqual(len(page["records"]), 80)
        self.assertEqual(page["records"][0]["employee_id"]["display_name"], "Salarié 0")
