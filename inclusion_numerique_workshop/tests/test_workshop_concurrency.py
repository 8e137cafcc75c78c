from psycopg2 import errors

from odoo import SUPERUSER_ID, api, sql_db
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestLastSeatConcurrency(TransactionCase):
    """Two users take the last seat at the same moment, on two real connections.

    The data is committed by a set-up connection (a TransactionCase's own data would be
    invisible to other connections) and removed afterwards.
    """

    def setUp(self):
        super().setUp()
        self.db = sql_db.db_connect(self.env.cr.dbname)
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            workshop = env["inclusion.workshop"].create(
                {"name": "Concurrency test workshop", "capacity": 1, "state": "open"}
            )
            people = env["inclusion.beneficiary"].create(
                [{"name": "Concurrency test A"}, {"name": "Concurrency test B"}]
            )
            self.workshop_id, self.people_ids = workshop.id, people.ids
        self.addCleanup(self._remove_data)

    def _remove_data(self):
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            people = env["inclusion.beneficiary"].browse(self.people_ids)
            partners = people.partner_id
            env["inclusion.workshop"].browse(self.workshop_id).unlink()
            people.unlink()
            partners.unlink()

    def _register(self, cr, person_id):
        env = api.Environment(cr, SUPERUSER_ID, {})
        registration = env["inclusion.workshop.registration"].create(
            {"workshop_id": self.workshop_id, "beneficiary_id": person_id}
        )
        env.flush_all()
        return registration.state

    def _states(self):
        with self.db.cursor() as cr:
            cr.execute(
                "SELECT beneficiary_id, state FROM inclusion_workshop_registration "
                "WHERE workshop_id = %s",
                [self.workshop_id],
            )
            return dict(cr.fetchall())

    def test_second_user_waits_for_the_seat_then_joins_the_waiting_list(self):
        first, second = self.people_ids
        cr_a, cr_b = self.db.cursor(), self.db.cursor()
        try:
            self.assertEqual(self._register(cr_a, first), "registered")
            # The seat is being taken: the other user cannot count the seats meanwhile.
            cr_b.execute("SET LOCAL lock_timeout = '200ms'")
            with self.assertRaises(errors.LockNotAvailable):
                self._register(cr_b, second)
            cr_b.rollback()
            cr_a.commit()
            # Odoo retries the request of the second user: the seat is gone.
            self.assertEqual(self._register(cr_b, second), "waiting")
            cr_b.commit()
        finally:
            cr_a.close()
            cr_b.close()
        self.assertEqual(self._states(), {first: "registered", second: "waiting"})

    def test_stale_snapshot_cannot_take_the_last_seat(self):
        first, second = self.people_ids
        cr_a, cr_b = self.db.cursor(), self.db.cursor()
        try:
            # The second user's transaction has already seen the free seat...
            cr_b.execute(
                "SELECT capacity FROM inclusion_workshop WHERE id = %s", [self.workshop_id]
            )
            self.assertEqual(self._register(cr_a, first), "registered")
            cr_a.commit()
            # ...but cannot book it on that stale view: the request fails and is retried.
            with self.assertRaises(errors.SerializationFailure):
                self._register(cr_b, second)
            cr_b.rollback()
            self.assertEqual(self._register(cr_b, second), "waiting")
            cr_b.commit()
        finally:
            cr_a.close()
            cr_b.close()
        self.assertEqual(self._states(), {first: "registered", second: "waiting"})
