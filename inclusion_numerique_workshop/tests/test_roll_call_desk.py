from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import WorkshopCase


@tagged("post_install", "-at_install")
class TestRollCallDesk(WorkshopCase):
    def test_roll_call_opens_on_the_mediators_session_of_today(self):
        workshop = self._workshop()
        now = fields.Datetime.now()
        today = self._session(workshop, date_begin=now, date_end=now + timedelta(hours=2))
        self._session(
            workshop,
            date_begin=now + timedelta(days=3),
            date_end=now + timedelta(days=3, hours=2),
        )
        Session = self.env["inclusion.workshop.session"].with_user(self.mediator)
        action = Session.action_open_roll_call()
        self.assertEqual((action["res_id"], action["view_mode"]), (today.id, "form"))
        # Once today's session is closed, the roll call shows the next day's.
        today.with_user(self.mediator).action_all_present()
        today.with_user(self.mediator).action_close()
        self.assertNotEqual(Session.action_open_roll_call()["res_id"], today.id)
        # A mediator who runs no workshop gets the searchable list of the day.
        action = Session.with_user(self.manager).action_open_roll_call()
        self.assertFalse(action["res_id"])

    def test_one_tap_marks_only_for_mediators_and_open_sessions(self):
        workshop = self._workshop()
        session = self._session(workshop)
        first, second = self._register(workshop, self._beneficiaries(2))
        lines = {line.registration_id: line for line in session.attendance_ids}
        lines[first].with_user(self.mediator).action_mark_absent()
        lines[second].with_user(self.mediator).action_mark_excused()
        self.assertEqual((lines[first].state, lines[second].state), ("absent", "excused"))
        with self.assertRefused(UserError, "Seul un"):
            lines[first].with_user(self.adviser).with_context(lang="fr_FR").action_mark_present()
        session.with_user(self.mediator).action_close()
        with self.assertRefused(UserError, "séance prévue"):
            lines[first].with_user(self.mediator).with_context(lang="fr_FR").action_mark_present()
        self.assertEqual(lines[first].state, "absent")

    def test_waiting_list_shows_each_rank(self):
        workshop = self._workshop(capacity=1)
        registrations = self._register(workshop, self._beneficiaries(3))
        self.assertEqual(registrations.mapped("state"), ["registered", "waiting", "waiting"])
        self.assertEqual(registrations.mapped("waiting_rank"), [0, 1, 2])
