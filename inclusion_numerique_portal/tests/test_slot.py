from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestSlots(PortalCase):
    def _pattern(self, **values):
        return self.env["inclusion.slot.pattern"].create(
            {
                "place_id": self.place.id,
                "mediator_id": self.mediator.id,
                "weekday": "4",
                "hour_from": 14.0,
                "hour_to": 17.0,
                "slot_duration": 60,
                "weeks_ahead": 2,
                "reserved_partner_id": self.org_a.id,
                "date_from": date(2026, 3, 1),
                **values,
            }
        )

    @freeze_time("2026-03-02 08:00:00")  # a Monday
    def test_weekly_pattern_publishes_slots_once(self):
        pattern = self._pattern()
        slots = pattern.action_generate_slots()
        # Two Fridays, 14:00, 15:00, 16:00 Paris time (UTC+1 in March).
        self.assertEqual(
            slots.mapped("start"),
            [datetime(2026, 3, day, hour) for day in (6, 13) for hour in (13, 14, 15)],
        )
        self.assertEqual(slots.reserved_partner_id, self.org_a)
        self.assertFalse(pattern.action_generate_slots())
        self.env["inclusion.slot.pattern"]._cron_generate_slots()
        self.assertEqual(len(pattern.slot_ids), 6)

    def test_bad_patterns_are_refused(self):
        for values in (
            {"hour_from": 17.0, "hour_to": 14.0},
            {"hour_to": 25.0},
            {"slot_duration": 0},
            {"slot_duration": 240},
            {"weeks_ahead": 0},
            {"date_to": date(2026, 2, 1)},
        ):
            with self.assertRaises(ValidationError):
                self._pattern(**values)

    def test_slot_in_the_past_or_overlapping_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "passé"):
            self._slot(start=datetime.now() - timedelta(hours=2))
        slot = self._slot()
        with self.assertRaisesRegex(ValidationError, "chevauche"):
            self._slot(start=slot.start + timedelta(minutes=30))
        with self.assertRaisesRegex(ValidationError, "après"):
            self._slot(start=slot.start + timedelta(days=1), hours=-1)
        # Another mediator may hold a slot at the same time.
        self._slot(start=slot.start, mediator_id=self.manager.id)
        self.assertEqual(self.env["inclusion.slot"].search_count([("start", "=", slot.start)]), 2)

    def test_booking_creates_the_appointment_and_a_full_slot_refuses(self):
        slot = self._slot()
        person = self._new_beneficiary(self.company, name="Sylvie Martin")
        support = slot.with_user(self.mediator)._book(beneficiary=person)
        self.assertEqual(support.kind, "appointment")
        self.assertEqual(support.state, "planned")
        self.assertEqual(support.start, slot.start)
        self.assertEqual(support.duration, 60)
        self.assertTrue(slot.is_booked)
        other = self._new_beneficiary(self.company, name="Gérard Lefèvre")
        with self.assertRaisesRegex(UserError, "déjà réservé"):
            slot.with_user(self.mediator)._book(beneficiary=other)
        self.assertEqual(slot.support_id, support)
        with self.assertRaises(UserError):
            slot.write({"start": slot.start + timedelta(days=1)})
        slot.with_user(self.mediator).action_cancel_booking()
        self.assertEqual(support.state, "excused")
        self.assertFalse(slot.is_booked)

    def test_booking_wizard(self):
        referral = self._refer()
        slot = self._slot()
        wizard = (
            self.env["inclusion.slot.book"]
            .with_user(self.mediator)
            .create({"referral_id": referral.id, "slot_id": slot.id})
        )
        wizard.action_book()
        self.assertEqual(referral.state, "booked")
        self.assertEqual(slot.referral_id, referral)
        with self.assertRaises(AccessError):
            self.env["inclusion.slot.book"].with_user(self.employee_user).create(
                {"slot_id": slot.id}
            )
        # Another structure's person cannot be booked in, nor named by the refusal.
        stranger = self._new_beneficiary(self.company_b, name="Personne de Stains")
        free = self._slot(start=slot.start + timedelta(hours=2))
        wizard = (
            self.env["inclusion.slot.book"]
            .with_user(self.mediator)
            .create({"beneficiary_id": stranger.id, "slot_id": free.id})
        )
        with self.assertRaises(AccessError) as refused, self._undo():
            wizard.action_book()
        self.assertNotIn("Stains", str(refused.exception))
        self.assertFalse(free.is_booked)

    def test_partner_books_the_slots_of_their_organisation_only(self):
        referral = self._refer()
        open_slot = self._slot()
        reserved_a = self._slot(
            start=open_slot.start + timedelta(hours=2), reserved_partner_id=self.org_a.id
        )
        reserved_b = self._slot(
            start=open_slot.start + timedelta(hours=4), reserved_partner_id=self.org_b.id
        )
        as_partner = referral.with_user(self.referrer_a)
        offered = as_partner._portal_free_slots().filtered(lambda s: s.place_id == self.place)
        self.assertEqual(offered, open_slot | reserved_a)
        with self.assertRaisesRegex(UserError, "plus disponible"):
            as_partner._portal_book(reserved_b.id)
        self.assertFalse(reserved_b.is_booked)
        as_partner._portal_book(reserved_a.id)
        self.assertTrue(reserved_a.is_booked)
        self.assertEqual(referral.state, "booked")
        with self.assertRaisesRegex(UserError, "déjà"):
            as_partner._portal_book(open_slot.id)
        other = self._refer(self.referrer_b, person_name="Martine Lecoq")
        with self.assertRaises(AccessError):
            other.with_user(self.referrer_a)._portal_book(open_slot.id)
        self.assertFalse(open_slot.is_booked)

    def test_repeated_no_shows_call_before_booking(self):
        person = self._new_beneficiary(self.company, name="Lucas Petit")
        for day in (2, 3):
            slot = self._slot(start=datetime.now().replace(microsecond=0) + timedelta(days=day))
            self._tell_outcome(slot._book(beneficiary=person), "action_mark_no_show")
        self.assertEqual(person.no_show_count, 2)
        self.assertTrue(person.no_show_call_needed)
        slot = self._slot(start=datetime.now().replace(microsecond=0) + timedelta(days=5))
        with self.assertRaisesRegex(UserError, "appelle"):
            slot._book(beneficiary=person)
        self.assertFalse(slot.is_booked)
        with freeze_time(datetime.now() + timedelta(days=4)):  # called after both
            person.with_user(self.mediator).action_record_no_show_call()
        self.assertFalse(person.no_show_call_needed)
        slot._book(beneficiary=person)
        self.assertTrue(slot.is_booked)

    def test_no_show_rates_per_place_partner_and_person(self):
        referral = self._refer()
        other_place = self.env["inclusion.place"].create({"name": "Maison de quartier"})
        base = datetime.now().replace(microsecond=0) + timedelta(days=2)
        self._tell_outcome(self._slot(start=base)._book(referral=referral), "action_mark_no_show")
        person = referral.sudo().beneficiary_id
        self._tell_outcome(self._slot(start=base + timedelta(days=1))._book(beneficiary=person))
        elsewhere = self._slot(start=base + timedelta(days=2), place_id=other_place.id)
        self._tell_outcome(
            elsewhere._book(beneficiary=self._new_beneficiary(self.company, name="Nadia Chérif"))
        )
        self.env.flush_all()
        report = self.env["inclusion.appointment.report"].with_user(self.mediator)
        domain = [("place_id", "in", (self.place | other_place).ids)]
        by_place = dict(report._read_group(domain, ["place_id"], ["no_show_rate:avg"]))
        self.assertEqual(by_place, {self.place: 50.0, other_place: 0.0})
        by_org = dict(report._read_group(domain, ["organisation_id"], ["no_show_rate:avg"]))
        self.assertEqual(by_org[self.org_a], 50.0)
        by_person = dict(report._read_group(domain, ["beneficiary_id"], ["no_show_count:sum"]))
        self.assertEqual(by_person[person], 1)
        with self.assertRaises(AccessError):
            report.with_user(self.employee_user).search([])
