import json
from contextlib import contextmanager
from datetime import datetime, timedelta

from odoo import Command
from odoo.addons.inclusion_numerique.tests.common import InclusionCase
from odoo.tests import HttpCase


class WorkshopCase(InclusionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.room = cls.env["res.partner"].create({"name": "Salle informatique"})
        cls.volunteer = cls.env["res.partner"].create({"name": "Bernadette (bénévole)"})

    @contextmanager
    def assertRefused(self, exception, message):
        """The error is raised with this (French) message and nothing is left saved."""
        with self.assertRaisesRegex(exception, message), self.env.cr.savepoint():
            yield
        self.env.invalidate_all()

    def _workshop(self, capacity=10, **vals):
        return self.env["inclusion.workshop"].create(
            {
                "name": "Je m'investis",
                "capacity": capacity,
                "address_id": self.room.id,
                "user_id": self.mediator.id,
                "facilitator_user_ids": [Command.link(self.mediator.id)],
                "facilitator_partner_ids": [Command.link(self.volunteer.id)],
                "state": "open",
                **vals,
            }
        )

    def _beneficiaries(self, count, **vals):
        return self.env["inclusion.beneficiary"].create(
            [{"name": f"Participant {index:02d}", **vals} for index in range(count)]
        )

    def _register(self, workshop, beneficiaries):
        return workshop.env["inclusion.workshop.registration"].create(
            [{"workshop_id": workshop.id, "beneficiary_id": b.id} for b in beneficiaries]
        )

    def _session(self, workshop, days_ago=0, hours=2.0, **vals):
        """A session at noon, `days_ago` days before yesterday: always started, so that it
        can be closed."""
        begin = datetime.now().replace(hour=12, minute=0, second=0, microsecond=0)
        begin -= timedelta(days=days_ago + 1)
        return workshop.env["inclusion.workshop.session"].create(
            {
                "workshop_id": workshop.id,
                "date_begin": begin,
                "date_end": begin + timedelta(hours=hours),
                **vals,
            }
        )

    def _close_roll_call(self, session, marks):
        """Mark the participants ({registration: state}) and close the session."""
        lines = {line.registration_id: line for line in session.attendance_ids}
        session.mark_attendance({lines[r].id: state for r, state in marks.items()})
        session.action_close()


class WorkshopHttpCase(HttpCase, WorkshopCase):
    """The workshop fixtures, reached through Odoo's HTTP routes as the web client does."""

    def _call_kw(self, model, method, args, kwargs=None):
        """The JSON answer of /web/dataset/call_kw: its `result` or its `error`. In French,
        as the web client sends the user's language in the context."""
        kwargs = {"context": {"lang": "fr_FR"}, **(kwargs or {})}
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {"model": model, "method": method, "args": args, "kwargs": kwargs},
        }
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        return response.json()

    def assertCallRefused(self, answer, exception, message):
        """A JSON-RPC error of this exception type, with this (French) message."""
        self.assertNotIn("result", answer)
        self.assertEqual(answer["error"]["data"]["name"], f"odoo.exceptions.{exception}")
        self.assertIn(message, answer["error"]["data"]["message"])
