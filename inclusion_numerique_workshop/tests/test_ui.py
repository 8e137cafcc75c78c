from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_mediator_takes_roll_call_and_prints_sheet(self):
        mediator = new_test_user(
            self.env,
            login="tour_roll_call",
            groups="inclusion_numerique.group_mediator",
            lang="fr_FR",
            tz="Europe/Paris",
        )
        workshop = self.env["inclusion.workshop"].create(
            {"name": "Atelier du jour", "capacity": 5, "state": "open", "user_id": mediator.id}
        )
        now = fields.Datetime.now()
        session = self.env["inclusion.workshop.session"].create(
            {
                "workshop_id": workshop.id,
                "date_begin": now - timedelta(hours=1),
                "date_end": now + timedelta(hours=1),
            }
        )
        beneficiaries = self.env["inclusion.beneficiary"].create(
            [{"name": name} for name in ("Alice Martin", "Bruno Petit", "Chantal Roux")]
        )
        self.env["inclusion.workshop.registration"].create(
            [{"workshop_id": workshop.id, "beneficiary_id": b.id} for b in beneficiaries]
        )
        self.start_tour("/odoo", "inclusion_numerique_workshop_roll_call", login="tour_roll_call")
        states = {a.beneficiary_id.name: a.state for a in session.attendance_ids}
        self.assertEqual(
            states, {"Alice Martin": "absent", "Bruno Petit": "present", "Chantal Roux": "present"}
        )


class RollCallTapsMixin:
    """Roll call of ten at a tablet, taps counted by the tour from the home screen."""

    def test_roll_call_of_ten_within_twelve_taps(self):
        mediator = new_test_user(
            self.env,
            login=f"roll_call_taps_{self.browser_size}",
            groups="inclusion_numerique.group_mediator",
            lang="fr_FR",
            tz="Europe/Paris",
        )
        workshop = self.env["inclusion.workshop"].create(
            {"name": "Atelier tablette", "capacity": 12, "state": "open", "user_id": mediator.id}
        )
        now = fields.Datetime.now()
        session = self.env["inclusion.workshop.session"].create(
            {
                "workshop_id": workshop.id,
                "date_begin": now - timedelta(minutes=10),
                "date_end": now + timedelta(hours=2),
            }
        )
        names = ["Alice", "Bruno", "Chantal", "Driss", "Elodie", "Fatou", "Gilles", "Hana"]
        people = self.env["inclusion.beneficiary"].create(
            [{"name": f"{name} Tablette"} for name in [*names, "Ines", "Jules"]]
        )
        self.env["inclusion.workshop.registration"].create(
            [{"workshop_id": workshop.id, "beneficiary_id": person.id} for person in people]
        )
        self.start_tour(
            "/odoo", "inclusion_numerique_workshop_roll_call_taps", login=mediator.login
        )
        states = {line.beneficiary_id.name: line.state for line in session.attendance_ids}
        self.assertEqual(states.pop("Bruno Tablette"), "absent")
        self.assertEqual(states.pop("Chantal Tablette"), "excused")
        self.assertEqual(set(states.values()), {"present"})
        self.assertEqual(session.state, "done")


@tagged("post_install", "-at_install")
class TestRollCallTapsDesktop(RollCallTapsMixin, HttpCase):
    browser_size = "1440x900"


@tagged("post_install", "-at_install")
class TestRollCallTapsTablet(RollCallTapsMixin, HttpCase):
    browser_size = "820x1180"
    touch_enabled = True
