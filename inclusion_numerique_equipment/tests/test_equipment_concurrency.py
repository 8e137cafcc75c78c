from odoo import SUPERUSER_ID, api
from odoo.exceptions import ValidationError
from odoo.sql_db import db_connect
from odoo.tests import BaseCase, tagged
from odoo.tests.common import get_db_name
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestHandoverConcurrency(BaseCase):
    """Two users save a handover of the same computer at the same moment, each in their
    own database transaction: the database lets only one of them succeed."""

    def setUp(self):
        super().setUp()
        self.dbname = get_db_name()
        with db_connect(self.dbname).cursor() as setup_cr:
            env = api.Environment(setup_cr, SUPERUSER_ID, {"lang": "fr_FR"})
            self.equipment_id = (
                env["inclusion.equipment"]
                .create({"brand": "Dell", "serial_number": "SN-CONCURRENT", "state": "ready"})
                .id
            )
            beneficiaries = env["inclusion.beneficiary"].create(
                [{"name": "Nadia Concurrente"}, {"name": "Bilal Concurrent"}]
            )
            self.beneficiary_ids = beneficiaries.ids
            setup_cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._clean_up)

    def _clean_up(self):
        with db_connect(self.dbname).cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            beneficiaries = env["inclusion.beneficiary"].browse(self.beneficiary_ids)
            partners = beneficiaries.partner_id
            cr.execute(
                "DELETE FROM inclusion_equipment_handover WHERE equipment_id = %s",
                [self.equipment_id],
            )
            env.invalidate_all()
            env["inclusion.equipment"].browse(self.equipment_id).unlink()
            beneficiaries.unlink()
            partners.unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def _hand_over(self, cr, beneficiary_id):
        env = api.Environment(cr, SUPERUSER_ID, {"lang": "fr_FR"})
        admin = env.ref("base.user_admin")
        return (
            env["inclusion.equipment.handover"]
            .with_user(admin)
            .create(
                {
                    "equipment_id": self.equipment_id,
                    "beneficiary_id": beneficiary_id,
                    "mode": "given",
                }
            )
        )

    def test_two_users_cannot_both_hand_over_the_same_computer(self):
        first_cr = db_connect(self.dbname).cursor()
        second_cr = db_connect(self.dbname).cursor()
        try:
            # Both users opened the form: each transaction sees the computer ready.
            for cr in (first_cr, second_cr):
                cr.execute(
                    "SELECT state FROM inclusion_equipment WHERE id = %s", [self.equipment_id]
                )
                self.assertEqual(cr.fetchone()[0], "ready")
            self._hand_over(first_cr, self.beneficiary_ids[0])
            first_cr.commit()  # pylint: disable=invalid-commit
            with (
                mute_logger("odoo.sql_db"),
                self.assertRaisesRegex(ValidationError, "vient d'être remis"),
            ):
                self._hand_over(second_cr, self.beneficiary_ids[1])
            second_cr.rollback()
        finally:
            first_cr.close()
            second_cr.close()
        with db_connect(self.dbname).cursor() as cr:
            cr.execute(
                "SELECT count(*) FROM inclusion_equipment_handover WHERE equipment_id = %s",
                [self.equipment_id],
            )
            self.assertEqual(cr.fetchone()[0], 1)
