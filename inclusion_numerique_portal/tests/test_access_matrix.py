from datetime import timedelta

from odoo import fields
from odoo.addons.inclusion_numerique.tests.common import AccessMatrixCase
from odoo.tests import tagged

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestPortalAccessMatrix(PortalCase, AccessMatrixCase):
    ROLES = (*AccessMatrixCase.ROLES, "referrer_a")
    MATRIX = {
        "inclusion.referral": {"mediator": "rwc", "manager": "rwcu", "referrer_a": "rc"},
        "inclusion.slot": {"mediator": "rwc", "manager": "rwcu"},
        "inclusion.slot.pattern": {"mediator": "rwc", "manager": "rwcu"},
    }
    SENSITIVE_FIELDS = {
        "inclusion.referral": {
            "beneficiary_id": ("mediator", "manager"),
            "support_id": ("mediator", "manager"),
            "outcome_autonomy": ("mediator", "manager", "referrer_a"),
        },
    }
    _offset = 0

    def _next_start(self):
        self._offset += 1
        return fields.Datetime.now().replace(microsecond=0) + timedelta(days=10 + self._offset)

    def _referral_create(self, user):
        values = self._referral_values()
        if not user.share:
            values["organisation_id"] = self.org_a.id
        return values

    def _sample(self, model):
        if model == "inclusion.referral":
            return {
                "record": self._refer(),
                "write": {"need": "Autre besoin"},
                "create": self._referral_create,
            }
        if model == "inclusion.slot":
            start = self._next_start()
            return {
                "record": self._slot(start=start),
                "write": {"reserved_partner_id": self.org_b.id},
                "create": {
                    "place_id": self.place.id,
                    "mediator_id": self.mediator.id,
                    "start": start + timedelta(hours=3),
                    "stop": start + timedelta(hours=4),
                },
            }
        values = {"place_id": self.place.id, "mediator_id": self.mediator.id, "weekday": "2"}
        return {
            "record": self.env["inclusion.slot.pattern"].create(values),
            "write": {"slot_duration": 30},
            "create": values,
        }

    def test_access_matrix(self):
        self.assertAccessMatrix()

    def test_sensitive_fields(self):
        self.assertSensitiveFields()
