from datetime import timedelta
from itertools import count

from odoo.addons.inclusion_numerique.tests.common import AccessMatrixCase
from odoo.tests import tagged

from .common import WorkshopCase


@tagged("post_install", "-at_install")
class TestWorkshopAccessMatrix(WorkshopCase, AccessMatrixCase):
    """Who may read, write, create and delete workshop records (README, "Roles")."""

    MATRIX = {
        "inclusion.workshop": {"mediator": "rwc", "adviser": "r", "manager": "rwcu"},
        "inclusion.workshop.session": {"mediator": "rwc", "adviser": "r", "manager": "rwcu"},
        # Advisers register their insertion employees only: this person is not one.
        "inclusion.workshop.registration": {
            "mediator": "rwc",
            "adviser": "r",
            "manager": "rwcu",
        },
        "inclusion.attendance": {"mediator": "rwc", "adviser": "r", "manager": "rwcu"},
    }
    _serial = count()

    def _sample(self, model):
        workshop = self._workshop(name=f"Atelier {next(self._serial)}")
        person = self._person("Awa Traoré")
        if model == "inclusion.workshop":
            return {
                "record": workshop,
                "write": {"description": "<p>Cycle de 10 séances</p>"},
                "create": {"name": "Nouvel atelier", "capacity": 8},
            }
        # Sessions a week apart: the same room cannot hold two at once.
        session = self._session(workshop, days_ago=7 * next(self._serial))
        if model == "inclusion.workshop.session":
            values = {
                "workshop_id": workshop.id,
                "date_begin": session.date_begin + timedelta(days=1),
                "date_end": session.date_end + timedelta(days=1),
            }
            return {"record": session, "write": {"notes": "Salle 2"}, "create": values}
        registration = self._register(workshop, person)
        if model == "inclusion.workshop.registration":
            other = self._person("Autre participant")
            return {
                "record": registration,
                "write": {"subgroup": 0},
                "create": {"workshop_id": workshop.id, "beneficiary_id": other.id},
            }
        attendance = session.attendance_ids
        # A second person whose roll-call line is missing: creating it is a valid call.
        missing = self._register(workshop, self._person("Sans ligne"))
        session.attendance_ids.filtered(lambda a: a.registration_id == missing).unlink()
        return {
            "record": attendance,
            "write": {"state": "present"},
            "create": {
                "session_id": session.id,
                "registration_id": missing.id,
                "state": "present",
            },
        }

    def _person(self, name):
        return self.env["inclusion.beneficiary"].create(self._person_values(name))

    def test_access_matrix(self):
        self.assertAccessMatrix()
