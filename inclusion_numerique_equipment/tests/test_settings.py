from odoo.addons.inclusion_numerique.tests.common import InclusionCase
from odoo.exceptions import ValidationError
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestEquipmentSettings(InclusionCase):
    def test_settings_validate_in_french(self):
        settings = self.env["res.config.settings"].with_user(self.env.ref("base.user_admin"))
        settings.create({"inclusion_equipment_price": 25}).execute()
        self.assertEqual(self.company.inclusion_equipment_price, 25)
        with self.assertRaisesRegex(ValidationError, "prix de vente .* négatif"):
            self.company.with_context(lang="fr_FR").inclusion_equipment_price = -5
