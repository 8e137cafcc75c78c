from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import InclusionCase


@tagged("post_install", "-at_install")
class TestFoundation(InclusionCase):
    def test_groups_and_menus_read_in_french(self):
        self.assertEqual(self.env["res.lang"]._lang_get("fr_FR").active, True)
        french = self.env(context={"lang": "fr_FR"})
        expected_groups = {
            "group_mediator": "Médiation numérique",
            "group_insertion": "Insertion",
            "group_equipment_accounting": "Matériel – comptabilité",
            "group_manager": "Responsable",
        }
        for xmlid, label in expected_groups.items():
            self.assertEqual(french.ref(f"inclusion_numerique.{xmlid}").name, label)
        self.assertEqual(french.ref("inclusion_numerique.menu_root").name, "Inclusion numérique")
        self.assertEqual(french.ref("inclusion_numerique.menu_beneficiary").name, "Bénéficiaires")
        self.assertEqual(french.ref("inclusion_numerique.menu_config_settings").name, "Paramètres")

    def test_manager_implies_every_role(self):
        for role in ("group_mediator", "group_insertion", "group_equipment_accounting"):
            self.assertTrue(self.manager.has_group(f"inclusion_numerique.{role}"), role)
        self.assertFalse(self.mediator.has_group("inclusion_numerique.group_insertion"))

    def test_menus_follow_roles(self):
        def visible(user):
            menus = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            return {
                xmlid
                for xmlid in ("menu_root", "menu_beneficiary", "menu_config_settings")
                if self.env.ref(f"inclusion_numerique.{xmlid}").id in menus
            }

        self.assertEqual(visible(self.mediator), {"menu_root", "menu_beneficiary"})
        self.assertNotIn("menu_beneficiary", visible(self.accountant))
        self.assertEqual(visible(self.manager), {"menu_root", "menu_beneficiary"})
        self.assertEqual(visible(self.employee_user), set())
        admin = self.env.ref("base.user_admin")
        self.assertIn("menu_config_settings", visible(admin))

    def test_beneficiary_access_per_role(self):
        beneficiary = (
            self.env["inclusion.beneficiary"]
            .with_user(self.mediator)
            .create({"name": "Fatima Benali"})
        )
        self.assertEqual(beneficiary.partner_id.name, "Fatima Benali")
        with self.assertRaises(AccessError):
            beneficiary.with_user(self.mediator).unlink()
        for denied in (self.accountant, self.employee_user):
            with self.assertRaises(AccessError):
                beneficiary.with_user(denied).read(["name"])
        beneficiary.with_user(self.manager).unlink()
        self.assertFalse(beneficiary.exists())

    def test_beneficiaries_stay_in_their_company(self):
        beneficiary = self.env["inclusion.beneficiary"].create({"name": "Karim Haddad"})
        other = self.env["inclusion.beneficiary"].with_user(self.mediator_b)
        self.assertFalse(other.search([("id", "=", beneficiary.id)]))
        with self.assertRaises(AccessError):
            beneficiary.with_user(self.mediator_b).read(["name"])

    def test_settings_offer_each_capability(self):
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.manager).create({})
        arch = self.env.ref("inclusion_numerique.res_config_settings_view_form").arch
        for addon in ("workshop", "insertion", "equipment", "report"):
            field = self.env["res.config.settings"]._fields[f"module_inclusion_numerique_{addon}"]
            self.assertEqual(field.type, "boolean")
            self.assertIn(field.name, arch)
