from itertools import count

from odoo.addons.inclusion_numerique.tests.common import AccessMatrixCase
from odoo.tests import tagged

from .common import EquipmentCase


@tagged("post_install", "-at_install")
class TestEquipmentAccessMatrix(EquipmentCase, AccessMatrixCase):
    """Who may read, write, create and delete donated equipment and handovers (README,
    "Roles"); accountants see sales, never who received them."""

    MATRIX = {
        "inclusion.equipment": {"mediator": "rwc", "accountant": "r", "manager": "rwcu"},
        # Receipts are never deleted (cancelled instead); accountants write only the
        # payment of a sale (test_equipment_security), never a gift's notes.
        "inclusion.equipment.handover": {"mediator": "rwc", "accountant": "r", "manager": "rwc"},
    }
    SENSITIVE_FIELDS = {
        "inclusion.equipment": {"reserved_for_id": ("mediator", "manager")},
        "inclusion.equipment.handover": {"beneficiary_id": ("mediator", "manager")},
    }
    _serial = count()

    def _sample(self, model):
        laptop = self._new_equipment(f"SN-MATRIX-{next(self._serial)}")
        if model == "inclusion.equipment":
            return {
                "record": laptop,
                "write": {"brand": "Dell"},
                "create": {
                    "equipment_type": "laptop",
                    "brand": "HP",
                    "model_name": "EliteBook 840",
                    "serial_number": "SN-MATRIX-NEW",
                },
            }
        other = self._new_equipment(f"SN-MATRIX-{next(self._serial)}")
        return {
            # A gift: with the accounting add-on a sale's posted invoice locks its payment.
            "record": self._hand_over(
                laptop, user=self.env.ref("base.user_root"), mode="given", payment_method=False
            ),
            "write": {"note": "Chargeur fourni"},
            "create": {
                "equipment_id": other.id,
                "beneficiary_id": self.kevin.id,
                "mode": "given",
            },
        }

    def test_access_matrix(self):
        self.assertAccessMatrix()

    def test_sensitive_fields(self):
        self.assertSensitiveFields()
