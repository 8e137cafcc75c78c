from contextlib import contextmanager
from datetime import datetime, timedelta

from odoo import Command
from odoo.addons.inclusion_numerique.tests.common import InclusionCase


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
