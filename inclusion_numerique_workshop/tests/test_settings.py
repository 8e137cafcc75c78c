from odoo.addons.inclusion_numerique.tests.common import InclusionCase
from odoo.exceptions import ValidationError
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestWorkshopSettings(InclusionCase):
    def test_settings_validate_in_french(self):
        settings = self.env["res.config.settings"].with_user(self.env.ref("base.user_admin"))
        settings.create({"inclusion_attendance_threshold": 75}).execute()
        self.assertEqual(self.company.inclusion_attendance_threshold, 75)
        french_company = self.company.with_context(lang="fr_FR")
        with self.assertRaisesRegex(ValidationError, "seuil de présence doit être compris"):
            french_company.inclusion_attendance_threshold = 120
        with self.assertRaisesRegex(ValidationError, "au moins 1"):
            french_company.inclusion_absence_alert_count = 0
