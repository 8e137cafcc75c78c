from odoo.addons.inclusion_numerique_workshop.tests.common import WorkshopCase
from odoo.exceptions import AccessError
from odoo.tests import tagged

EMPLOYEE_MODELS = ("hr.employee", "hr.employee.public")


@tagged("post_install", "-at_install")
class TestEmployeeSmartButtons(WorkshopCase):
    """Smart buttons of the private and public employee forms, per role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee = cls.env["hr.employee"].create({"name": "Karim Haddad"})
        cls.karim = cls.env["inclusion.beneficiary"].create(
            {"name": "Karim Haddad", "employee_id": cls.employee.id}
        )
        cls.other = cls.env["inclusion.beneficiary"].create({"name": "Lucie Petit"})
        # The adviser follows Karim's insertion contract, hence reads his file (not Lucie's).
        adviser_employee = cls.env["hr.employee"].create(
            {"name": "Claire Rousseau", "user_id": cls.adviser.id}
        )
        cls.env["hr.contract"].create(
            {
                "name": "CDDI Karim Haddad",
                "employee_id": cls.employee.id,
                "wage": 1400.0,
                "is_insertion": True,
                "insertion_adviser_id": adviser_employee.id,
            }
        )
        email = cls.env.ref("inclusion_numerique.theme_email")
        cls.supports = cls.env["inclusion.support"].create(
            [
                {"beneficiary_id": beneficiary.id, "theme_ids": [email.id]}
                for beneficiary in (cls.karim, cls.karim, cls.other)
            ]
        )
        equipment = cls.env["inclusion.equipment"].create(
            [
                {
                    "equipment_type": "laptop",
                    "brand": "Lenovo",
                    "model_name": "ThinkPad T470",
                    "serial_number": serial,
                    "state": "ready",
                }
                for serial in ("SN-EMP-1", "SN-EMP-2")
            ]
        )
        cls.handovers = cls.env["inclusion.equipment.handover"].create(
            [
                {"equipment_id": item.id, "beneficiary_id": cls.karim.id, "mode": "given"}
                for item in equipment
            ]
        )
        cls.handovers[1].action_cancel("Erreur de saisie")

    def _attend(self, workshop, state, hours=2.0):
        registration = self._register(workshop, self.karim)
        session = self._session(workshop, days_ago=3, hours=hours)
        session._sync_attendances()
        session.attendance_ids.write({"state": state})
        return registration

    def _as(self, model, user):
        return self.env[model].with_user(user).browse(self.employee.id)

    def test_counts_and_actions_on_both_forms(self):
        attended = self._attend(self._workshop(is_work_time=True), "present", hours=2.5)
        self._attend(self._workshop(name="Atelier du soir", address_id=False), "absent")
        for model in EMPLOYEE_MODELS:
            with self.subTest(model=model):
                employee = self._as(model, self.mediator)
                self.assertEqual(employee.workshop_count, 1)
                self.assertAlmostEqual(employee.workshop_training_hours, 2.5)
                self.assertEqual(employee.support_count, 2)
                self.assertEqual(employee.equipment_handover_count, 1)
                expected = (
                    ("action_view_workshops", attended),
                    ("action_view_supports", self.supports[:2]),
                    ("action_view_equipment_handovers", self.handovers[0]),
                )
                for method, records in expected:
                    action = getattr(employee, method)()
                    found = self.env[action["res_model"]].with_user(self.mediator)
                    self.assertEqual(found.search(action["domain"]), records, method)
                self.assertEqual(employee.action_open_beneficiary()["res_id"], self.karim.id)
                adviser_view = self._as(model, self.adviser)
                self.assertEqual(adviser_view.workshop_count, 1)
                self.assertEqual(adviser_view.support_count, 2)
                action = adviser_view.action_view_supports()
                adviser_supports = self.env["inclusion.support"].with_user(self.adviser)
                self.assertEqual(adviser_supports.search(action["domain"]), self.supports[:2])
                self.assertFalse(adviser_supports.search([("beneficiary_id", "=", self.other.id)]))

    def test_counts_are_computed_in_batch(self):
        """Reading the counts of many employees costs the same queries as for one."""
        employees = self.employee | self.env["hr.employee"].create(
            [{"name": f"Salarié {index}"} for index in range(5)]
        )
        self.env["inclusion.beneficiary"].create(
            [{"name": e.name, "employee_id": e.id} for e in employees[1:]]
        )
        fields = ["workshop_count", "support_count", "equipment_handover_count"]

        def queries(records):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            records.with_user(self.mediator).read(fields)
            return self.env.cr.sql_log_count - before

        queries(employees)  # warm the caches of access rules and views
        self.assertEqual(queries(employees[:1]), queries(employees))

    def test_buttons_follow_the_access_rights(self):
        buttons = {
            "action_view_workshops": (self.mediator, self.adviser, self.manager),
            "action_view_workshop_training_hours": (self.mediator, self.adviser, self.manager),
            "action_view_supports": (self.mediator, self.adviser, self.manager),
            "action_view_equipment_handovers": (self.mediator, self.manager),
        }
        users = (self.mediator, self.adviser, self.accountant, self.manager, self.employee_user)
        for model in EMPLOYEE_MODELS:
            for user in users:
                arch = self.env[model].with_user(user).get_views([(False, "form")])
                arch = arch["views"]["form"]["arch"]
                for button, allowed in buttons.items():
                    with self.subTest(model=model, user=user.login, button=button):
                        self.assertEqual(button in arch, user in allowed)

    def test_denied_users_do_not_get_the_counts(self):
        denied = {
            "workshop_count": (self.accountant, self.employee_user),
            "support_count": (self.accountant, self.employee_user),
            "workshop_training_hours": (self.accountant, self.employee_user),
            "equipment_handover_count": (self.adviser, self.accountant, self.employee_user),
        }
        for model in EMPLOYEE_MODELS:
            for field, users in denied.items():
                for user in users:
                    with self.subTest(model=model, field=field, user=user.login):
                        employee = self._as(model, user)
                        self.assertNotIn(field, employee.fields_get())
                        with self.assertRaises(AccessError):
                            employee.read([field])
