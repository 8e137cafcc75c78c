from datetime import datetime, timedelta

from psycopg2 import errors

from odoo import SUPERUSER_ID, api, sql_db
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSlotDoubleBooking(TransactionCase):
    """Two mediators book the same slot at the same moment, on two real connections.

    The data is committed by a set-up connection (a TransactionCase's own data would be
    invisible to other connections) and removed afterwards.
    """

    def setUp(self):
        super().setUp()
        self.db = sql_db.db_connect(self.env.cr.dbname)
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            place = env["inclusion.place"].create({"name": "Concurrency test place"})
            start = datetime.now().replace(microsecond=0) + timedelta(days=30)
            slot = env["inclusion.slot"].create(
                {
                    "place_id": place.id,
                    "start": start,
                    "stop": start + timedelta(hours=1),
                    "mediator_id": env.ref("base.user_admin").id,
                }
            )
            people = env["inclusion.beneficiary"].create(
                [{"name": "Concurrency test A"}, {"name": "Concurrency test B"}]
            )
            self.place_id, self.slot_id, self.people_ids = place.id, slot.id, people.ids
        self.addCleanup(self._remove_data)

    def _remove_data(self):
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            slot = env["inclusion.slot"].browse(self.slot_id)
            supports = env["inclusion.support"].search([("beneficiary_id", "in", self.people_ids)])
            people = env["inclusion.beneficiary"].browse(self.people_ids)
            partners = people.partner_id
            slot.unlink()
            supports.unlink()
            people.unlink()
            partners.unlink()
            env["inclusion.place"].browse(self.place_id).unlink()

    def _book(self, cr, person_id):
        env = api.Environment(cr, SUPERUSER_ID, {})
        person = env["inclusion.beneficiary"].browse(person_id)
        support = env["inclusion.slot"].browse(self.slot_id)._book(beneficiary=person)
        env.flush_all()
        return support

    def _booked_for(self):
        with self.db.cursor() as cr:
            cr.execute(
                "SELECT s.beneficiary_id FROM inclusion_slot slot "
                "JOIN inclusion_support s ON s.id = slot.support_id WHERE slot.id = %s",
                [self.slot_id],
            )
            booked = [row[0] for row in cr.fetchall()]
            cr.execute(
                "SELECT count(*) FROM inclusion_support WHERE beneficiary_id = ANY(%s)",
                [self.people_ids],
            )
            return booked, cr.fetchone()[0]

    def test_second_booking_waits_then_finds_the_slot_taken(self):
        first, second = self.people_ids
        cr_a, cr_b = self.db.cursor(), self.db.cursor()
        try:
            self._book(cr_a, first)
            # The slot is being booked: the other mediator cannot book it meanwhile.
            cr_b.execute("SET LOCAL lock_timeout = '200ms'")
            with self.assertRaises(errors.LockNotAvailable):
                self._book(cr_b, second)
            cr_b.rollback()
            cr_a.commit()
            # Odoo retries the request of the second mediator: the slot is taken.
            with self.assertRaises(UserError):
                self._book(cr_b, second)
            cr_b.rollback()
        finally:
            cr_a.close()
            cr_b.close()
        self.assertEqual(self._booked_for(), ([first], 1))

    def test_stale_snapshot_cannot_book_the_slot(self):
        first, second = self.people_ids
        cr_a, cr_b = self.db.cursor(), self.db.cursor()
        try:
            # The second mediator's transaction has already seen the free slot...
            cr_b.execute("SELECT support_id FROM inclusion_slot WHERE id = %s", [self.slot_id])
            self._book(cr_a, first)
            cr_a.commit()
            # ...but cannot book it on that stale view: the request fails and is retried.
            with self.assertRaises(errors.SerializationFailure):
                self._book(cr_b, second)
            cr_b.rollback()
            with self.assertRaises(UserError):
                self._book(cr_b, second)
            cr_b.rollback()
        finally:
            cr_a.close()
            cr_b.close()
        self.assertEqual(self._booked_for(), ([first], 1))
