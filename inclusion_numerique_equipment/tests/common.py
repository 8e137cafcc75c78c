import json
from contextlib import contextmanager

from odoo.addons.inclusion_numerique.tests.common import InclusionCase
from odoo.tests import HttpCase


class EquipmentCase(InclusionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR"))
        cls.donor = cls.env["res.partner"].create({"name": "Ecodair", "is_company": True})
        cls.fatou = cls.env["inclusion.beneficiary"].create({"name": "Fatou Diallo"})
        cls.kevin = cls.env["inclusion.beneficiary"].create({"name": "Kevin Martin"})
        # Followed by the other structure: its name must never reach the first one's users.
        cls.salome_b = cls.env["inclusion.beneficiary"].create(
            {"name": "Salomé Vidal", "company_id": cls.company_b.id}
        )

    @classmethod
    def _new_equipment(cls, serial, state="ready", **values):
        return cls.env["inclusion.equipment"].create(
            {
                "equipment_type": "laptop",
                "brand": "Lenovo",
                "model_name": "ThinkPad T470",
                "serial_number": serial,
                "donor_id": cls.donor.id,
                "state": state,
                **values,
            }
        )

    @contextmanager
    def assertRefused(self, exception, message):
        """The calls raise `exception` with a (French) message matching `message`; whatever
        they wrote before failing is rolled back."""
        with self.assertRaisesRegex(exception, message), self.env.cr.savepoint():
            yield

    def _flush_tracking(self):
        """Write the tracking values, as a commit would."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def _hand_over(self, equipment, beneficiary=None, user=None, **values):
        handovers = self.env["inclusion.equipment.handover"].with_user(user or self.mediator)
        return handovers.create(
            {
                "equipment_id": equipment.id,
                "beneficiary_id": (beneficiary or self.fatou).id,
                "payment_method": "cash",
                **values,
            }
        )


class EquipmentHttpCase(HttpCase, EquipmentCase):
    """The same fixtures, attacked through Odoo's JSON-RPC routes."""

    def call_kw(self, login, model, method, args, kwargs=None):
        """Call `model.method` as `login` the way the web client does; return the JSON."""
        self.authenticate(login, login)
        kwargs = {"context": {"lang": "fr_FR"}, **(kwargs or {})}
        params = {"model": model, "method": method, "args": args, "kwargs": kwargs}
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        self.env.invalidate_all()
        return response.json()

    def assertRpcError(self, reply, exception, message):
        """The call failed with this exception and a French message containing this text."""
        self.assertNotIn("result", reply)
        self.assertEqual(
            reply["error"]["data"]["name"], exception.__module__ + "." + exception.__name__
        )
        self.assertIn(message, reply["error"]["data"]["message"])
