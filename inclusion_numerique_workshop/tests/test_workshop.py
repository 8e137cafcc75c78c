from datetime import date, timedelta
from unittest.mock import patch

import pytz

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import WorkshopCase


@tagged("post_install", "-at_install")
class TestWorkshopSessions(WorkshopCase):
    def test_generate_fifteen_thursdays_in_one_batch(self):
        workshop = self._workshop()
        session_model = self.registry["inclusion.workshop.session"]
        with patch.object(
            session_model, "create", autospec=True, side_effect=session_model.create
        ) as create:
            wizard = (
                self.env["inclusion.workshop.session.generate"]
                .with_user(self.mediator)
                .create(
                    {
                        "workshop_id": workshop.id,
                        "date_start": date(2026, 1, 5),  # a Monday
                        "thu": True,
                        "start_hour": 14.0,
                        "duration": 2.5,
                        "count": 15,
                    }
                )
            )
            wizard.action_generate()
        self.assertEqual(create.call_count, 1)
        self.assertEqual(len(create.call_args.args[1]), 15)
        sessions = workshop.session_ids
        self.assertEqual(len(sessions), 15)
        paris = pytz.timezone("Europe/Paris")
        for session in sessions:
            local = pytz.utc.localize(session.date_begin).astimezone(paris)
            self.assertEqual((local.weekday(), local.hour, local.minute), (3, 14, 0))
            self.assertAlmostEqual(session.duration, 2.5)
            self.assertEqual(session.address_id, self.room)
        self.assertEqual(sessions[0].date_begin.date(), date(2026, 1, 8))
        self.assertEqual(sessions[-1].date_begin.date(), date(2026, 4, 16))
        self.assertEqual(workshop.date_begin, sessions[0].date_begin)
        # Each one stays editable.
        sessions[3].date_end = sessions[3].date_begin + timedelta(hours=3)
        self.assertAlmostEqual(sessions[3].duration, 3.0)

    def test_generate_refuses_bad_input(self):
        workshop = self._workshop()
        bad_inputs = [
            ({"count": 0}, "entre 1 et 100"),
            ({"duration": 0}, "durée d'une séance doit être positive"),
            ({"weekdays": set()}, "au moins un jour"),
        ]
        args = {
            "date_start": date(2026, 1, 5),
            "weekdays": {3},
            "start_hour": 14.0,
            "duration": 2.5,
            "count": 15,
        }
        french = workshop.with_context(lang="fr_FR")
        for change, message in bad_inputs:
            with self.assertRefused(UserError, message):
                french._create_sessions(**{**args, **change})
        self.assertFalse(workshop.session_ids)

    def test_session_dates_and_place_overlaps_are_refused(self):
        workshop = self._workshop().with_context(lang="fr_FR")
        with self.assertRefused(ValidationError, "doit se terminer après"):
            self._session(workshop, hours=-1)
        first = self._session(workshop)
        other = self._workshop(name="CCAS").with_context(lang="fr_FR")
        with self.assertRefused(ValidationError, "chevauche"):
            self._session(other, hours=1)
        # A batch with one clash saves nothing.
        with self.assertRefused(ValidationError, "chevauche"):
            other._create_sessions(
                first.date_begin.date() - timedelta(days=7), {0, 1, 2, 3, 4, 5, 6}, 13.5, 1.0, 10
            )
        self.assertFalse(other.session_ids)  # cache cleared by assertRefused
        # Elsewhere, or once the first one is cancelled, the slot is free.
        self._session(other, hours=1, address_id=self.volunteer.id)
        first.action_cancel()
        self._session(other, hours=1)


@tagged("post_install", "-at_install")
class TestWorkshopRegistrations(WorkshopCase):
    def test_waiting_list_in_order_and_promotion(self):
        workshop = self._workshop(capacity=4)
        people = self._beneficiaries(6)
        registrations = self._register(workshop, people)
        self.assertEqual(registrations.mapped("state"), ["registered"] * 4 + ["waiting"] * 2)
        self.assertEqual(
            (workshop.seats_taken, workshop.seats_available, workshop.waiting_count), (4, 0, 2)
        )
        late = self._register(workshop, self._beneficiaries(1, digital_level="advanced"))
        self.assertEqual(late.state, "waiting")
        waiting = self.env["inclusion.workshop.registration"].search(
            [("workshop_id", "=", workshop.id), ("state", "=", "waiting")]
        )
        self.assertEqual(waiting, registrations[4:] | late)
        self.assertEqual(waiting[0], registrations[4])

        registrations[1].with_user(self.mediator).action_cancel()
        self.assertEqual(registrations[1].state, "cancelled")
        self.assertEqual(registrations[4].state, "registered")
        self.assertEqual(registrations[5].state, "waiting")
        activity = registrations[4].activity_ids
        self.assertEqual(activity.user_id, self.mediator)
        self.assertIn(people[4].name, workshop.message_ids[0].body)

        # No seat is free: a waiting person cannot jump the queue.
        with self.assertRefused(UserError, "complet"):
            registrations[5].with_context(lang="fr_FR").action_register()
        # More seats: the queue moves on in order.
        workshop.capacity = 5
        self.assertEqual(registrations[5].state, "registered")
        self.assertEqual(late.state, "waiting")

    def test_capacity_cannot_drop_below_registered(self):
        workshop = self._workshop(capacity=3)
        self._register(workshop, self._beneficiaries(3))
        with self.assertRefused(ValidationError, "capacité ne peut pas être inférieure"):
            workshop.with_context(lang="fr_FR").capacity = 2
        workshop.invalidate_recordset()
        self.assertEqual(workshop.capacity, 3)

    def test_registration_rules(self):
        workshop = self._workshop(level="beginner")
        beginner, advanced = self.env["inclusion.beneficiary"].create(
            [
                {"name": "Débutante", "digital_level": "beginner"},
                {"name": "Avancé", "digital_level": "advanced"},
            ]
        )
        registrations = self._register(workshop, beginner | advanced)
        self.assertEqual(registrations.mapped("level_warning"), [False, True])
        with self.assertRefused(ValidationError, "déjà inscrit"):
            self._register(workshop.with_context(lang="fr_FR"), beginner)
        # Crossed pairs in one batch are not duplicates.
        other = self._workshop(name="Autre atelier", address_id=False)
        third = self._workshop(name="Troisième atelier", address_id=False)
        self._register(other, advanced)
        crossed = self.env["inclusion.workshop.registration"].create(
            [
                {"workshop_id": third.id, "beneficiary_id": advanced.id},
                {"workshop_id": other.id, "beneficiary_id": beginner.id},
            ]
        )
        self.assertEqual(crossed.mapped("state"), ["registered", "registered"])
        with self.assertRefused(UserError, "annulez cette inscription"):
            crossed[0].with_context(lang="fr_FR").workshop_id = workshop
        draft = self._workshop(state="draft").with_context(lang="fr_FR")
        with self.assertRefused(UserError, "pas ouvert aux inscriptions"):
            self._register(draft, advanced)

    def test_subgroups_split_registered_participants(self):
        workshop = self._workshop(subgroup_count=2)
        registrations = self._register(workshop, self._beneficiaries(10))
        workshop.action_split_subgroups()
        self.assertEqual(sorted(registrations.mapped("subgroup")), [1] * 5 + [2] * 5)
        with self.assertRaises(ValidationError):
            registrations[0].subgroup = 3


@tagged("post_install", "-at_install")
class TestRollCall(WorkshopCase):
    def test_roll_call_rate_and_absence_alert(self):
        workshop = self._workshop()
        sessions = self._session(workshop, days_ago=14) | self._session(workshop, days_ago=7)
        sessions |= self._session(workshop)
        first, second, third = self._register(workshop, self._beneficiaries(3))
        self.assertEqual(len(sessions.attendance_ids), 9)
        for index, session in enumerate(sessions):
            lines = {line.registration_id: line for line in session.attendance_ids}
            session.mark_attendance(
                {
                    lines[first].id: "present",
                    lines[second].id: "absent" if index else "late",
                    lines[third].id: "excused" if index == 1 else "present",
                }
            )
            if index == 1:
                self.assertFalse(second.activity_ids)
            session.with_user(self.mediator).action_close()
        self.assertAlmostEqual(first.attendance_rate, 100.0)
        self.assertAlmostEqual(second.attendance_rate, 100 / 3, places=2)
        self.assertAlmostEqual(third.attendance_rate, 200 / 3, places=2)
        self.assertAlmostEqual(third.attended_hours, 4.0)
        # Two absences in a row (company default): the mediator gets an activity.
        self.assertEqual(second.activity_ids.user_id, self.mediator)
        self.assertFalse(third.activity_ids)
        self.assertEqual(workshop.state, "in_progress")

    def test_all_present_and_close(self):
        workshop = self._workshop()
        session = self._session(workshop)
        registrations = self._register(workshop, self._beneficiaries(4))
        with self.assertRefused(UserError, "Pointez chaque participant"):
            session.with_context(lang="fr_FR").action_close()
        session.attendance_ids[0].state = "absent"
        session.action_all_present()
        self.assertEqual(session.attendance_ids.mapped("state").count("present"), 3)
        session.action_close()
        self.assertEqual(session.present_count, 3)
        self.assertEqual(sorted(registrations.mapped("attendance_rate")), [0, 100, 100, 100])
        with self.assertRaises(UserError):
            session.action_all_present()
        # Only a manager reopens a closed roll call.
        with self.assertRaises(AccessError):
            session.with_user(self.mediator).action_reopen()
        session.with_user(self.manager).action_reopen()
        session.mark_attendance({session.attendance_ids[0].id: "excused"})
        self.assertEqual(session.state, "planned")

    def test_attendance_refused_when_cancelled_or_not_registered(self):
        workshop = self._workshop(capacity=1).with_context(lang="fr_FR")
        session = self._session(workshop)
        registered, waiting = self._register(workshop, self._beneficiaries(2))
        self.assertEqual(session.attendance_ids.registration_id, registered)
        attendance = self.env["inclusion.attendance"].with_context(lang="fr_FR")
        with self.assertRefused(ValidationError, "n'est pas inscrit"):
            attendance.create({"session_id": session.id, "registration_id": waiting.id})
        other = self._session(self._workshop(name="Autre"), address_id=self.volunteer.id)
        with self.assertRefused(ValidationError, "n'est pas inscrit"):
            attendance.create({"session_id": other.id, "registration_id": registered.id})
        session.action_cancel()
        self.assertFalse(session.attendance_ids)
        with self.assertRefused(ValidationError, "est annulée"):
            attendance.create({"session_id": session.id, "registration_id": registered.id})

    def test_roll_call_query_count_does_not_grow(self):
        def prepare(size):
            workshop = self._workshop(capacity=size, name=f"Atelier {size}", address_id=False)
            session = self._session(workshop)
            self._register(workshop, self._beneficiaries(size))
            states = ("present", "absent", "late", "excused")
            lines = session.attendance_ids
            marks = {line.id: states[index % 4] for index, line in enumerate(lines)}
            self.env.flush_all()
            self.env.cr.flush()  # also the pending tracking, counted by assertQueryCount
            self.env.invalidate_all()
            return session.with_user(self.mediator), marks

        def roll_call(session, marks):
            session.mark_attendance(marks)
            session.action_close()

        def count_queries(session, marks):
            count0 = self.cr.sql_log_count
            roll_call(session, marks)
            self.env.flush_all()
            self.env.cr.flush()
            return self.cr.sql_log_count - count0

        count_queries(*prepare(2))  # warm the caches of access rights and rules
        small = count_queries(*prepare(5))
        self.assertEqual(count_queries(*prepare(50)), small)
        session, marks = prepare(50)
        with self.assertQueryCount(small):
            roll_call(session, marks)
        self.assertEqual(session.present_count, 25)
        self.assertEqual(session.state, "done")


@tagged("post_install", "-at_install")
class TestCycleEnd(WorkshopCase):
    def test_cycle_end_completes_above_threshold_and_certificate(self):
        self.company.inclusion_attendance_threshold = 75
        workshop = self._workshop()
        sessions = self.env["inclusion.workshop.session"]
        for days_ago in (21, 14, 7, 0):
            sessions |= self._session(workshop, days_ago=days_ago)
        waiting_workshop_seats = self._beneficiaries(3)
        assiduous, irregular, quitter = self._register(workshop, waiting_workshop_seats)
        with self.assertRefused(UserError, "Clôturez ou annulez"):
            workshop.with_context(lang="fr_FR").action_done()
        quitter.action_drop()
        for index, session in enumerate(sessions):
            lines = {line.registration_id: line for line in session.attendance_ids}
            session.mark_attendance(
                {
                    lines[assiduous].id: "absent" if index == 0 else "present",
                    lines[irregular].id: "present" if index % 2 else "absent",
                }
                | ({lines[quitter].id: "absent"} if quitter in lines else {})
            )
            session.action_close()
        workshop.action_done()
        self.assertEqual(workshop.state, "done")
        self.assertEqual(assiduous.state, "completed")
        self.assertEqual(irregular.state, "registered")
        self.assertEqual(quitter.state, "dropped")

        report = self.env.ref("inclusion_numerique_workshop.action_report_workshop_certificate")
        html = report._render_qweb_html(report.report_name, assiduous.ids)[0].decode()
        self.assertIn(assiduous.beneficiary_id.name, html)
        self.assertIn("75 %", html)
        pdf, __ = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, assiduous.ids
        )
        self.assertTrue(pdf.startswith(b"%PDF"))
        with self.assertRaises(UserError):
            report._render_qweb_html(report.report_name, irregular.ids)


@tagged("post_install", "-at_install")
class TestAttendanceSheet(WorkshopCase):
    def test_attendance_sheet_per_session_and_cycle(self):
        workshop = self._workshop(name="Je m'investis")
        session = self._session(workshop)
        self._session(workshop, days_ago=7)
        people = self._beneficiaries(3)
        self._register(workshop, people)
        report = (
            self.env.ref("inclusion_numerique_workshop.action_report_attendance_sheet")
            .with_user(self.mediator)
            .with_context(lang="fr_FR")
        )
        html = report._render_qweb_html(report.report_name, session.ids)[0].decode()
        local = fields.Datetime.context_timestamp(
            session.with_user(self.mediator), session.date_begin
        )
        for expected in [
            "Feuille d'émargement",
            self.company.name,
            "Je m&#39;investis",
            local.strftime("%d/%m/%Y"),
            local.strftime("%H:%M"),
            "Salle informatique",
            self.mediator.name,
            "Bernadette (bénévole)",
            *people.mapped("name"),
        ]:
            self.assertIn(expected, html)
        self.assertEqual(html.count("Participant 0"), 3)

        pdf, kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, session.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

        cycle = self.env.ref(
            "inclusion_numerique_workshop.action_report_workshop_attendance_sheet"
        )
        html = cycle._render_qweb_html(cycle.report_name, workshop.ids)[0].decode()
        self.assertEqual(html.count("o_inclusion_attendance_sheet"), 2)
        pdf, kind = cycle.with_context(force_report_rendering=True)._render_qweb_pdf(
            cycle.report_name, workshop.ids
        )
        self.assertTrue(pdf.startswith(b"%PDF"))


@tagged("post_install", "-at_install")
class TestTrainingHours(WorkshopCase):
    def test_hours_on_work_time_count_for_insertion_employees(self):
        employee = self.env["hr.employee"].create({"name": "Karim Haddad"})
        karim = self.env["inclusion.beneficiary"].create(
            self._person_values("Karim Haddad", employee_id=employee.id)
        )
        paid = self._workshop(is_work_time=True)
        free = self._workshop(name="Atelier du soir", address_id=False)
        for workshop, days_ago, hours in ((paid, 40, 2.5), (paid, 7, 2.0), (free, 6, 3.0)):
            session = self._session(workshop, days_ago=days_ago, hours=hours)
            if not workshop.registration_ids:
                self._register(workshop, karim)
            session._sync_attendances()
            session.action_all_present()
        self.assertAlmostEqual(employee.with_user(self.adviser).workshop_training_hours, 4.5)
        since = fields.Datetime.now() - timedelta(days=30)
        self.assertAlmostEqual(
            employee._get_workshop_training_hours(date_from=since)[employee], 2.0
        )
        action = employee.action_view_workshop_training_hours()
        self.assertEqual(
            sum(
                self.env["inclusion.attendance"].search(action["domain"]).mapped("attended_hours")
            ),
            4.5,
        )


@tagged("post_install", "-at_install")
class TestWorkshopAccess(WorkshopCase):
    def test_access_per_role(self):
        workshop = (
            self.env["inclusion.workshop"]
            .with_user(self.mediator)
            .create({"name": "Atelier CCAS", "capacity": 4, "state": "open"})
        )
        session = self._session(workshop)
        with self.assertRaises(AccessError):
            workshop.with_user(self.mediator).unlink()
        # Advisers read workshops and register their insertion employees only.
        employee = self.env["hr.employee"].create({"name": "Aminata Diallo"})
        aminata, other = self.env["inclusion.beneficiary"].create(
            [{"name": "Aminata Diallo", "employee_id": employee.id}, {"name": "Colette"}]
        )
        if "consent_insertion_sharing" in aminata._fields:
            # With the insertion add-on, advisers reach only the files shared with them.
            aminata.write({"consent_date": "2026-01-10", "consent_insertion_sharing": True})
        workshop.with_user(self.adviser).read(["name", "seats_taken"])
        with self.assertRaises(AccessError):
            workshop.with_user(self.adviser).write({"name": "Renamed"})
        registrations = self.env["inclusion.workshop.registration"].with_user(self.adviser)
        registration = registrations.create(
            {"workshop_id": workshop.id, "beneficiary_id": aminata.id}
        )
        self.assertEqual(session.attendance_ids.registration_id, registration)
        # Cancelling their employee frees the seat for whoever waits first.
        workshop.capacity = 1
        colette = self._register(workshop, other)
        self.assertEqual(colette.state, "waiting")
        registration.with_user(self.adviser).action_cancel()
        self.assertEqual(colette.state, "registered")
        self.assertEqual(colette.activity_ids.user_id, self.mediator)
        # Registered again while the workshop is full, then promoted when a seat frees up.
        again = registrations.create({"workshop_id": workshop.id, "beneficiary_id": aminata.id})
        self.assertEqual(again.state, "waiting")
        colette.action_cancel()
        self.assertEqual(again.state, "registered")
        with self.assertRaises(AccessError):
            registrations.create({"workshop_id": workshop.id, "beneficiary_id": other.id})
        with self.assertRaises(AccessError):
            session.attendance_ids.with_user(self.adviser).write({"state": "present"})
        for denied in (self.accountant, self.employee_user):
            for record in (workshop, session, registration, session.attendance_ids):
                with self.assertRaises(AccessError):
                    record.with_user(denied).read(["company_id"])
        # Another structure sees nothing.
        with self.assertRaises(AccessError):
            workshop.with_user(self.mediator_b).read(["name"])
        self.assertFalse(
            self.env["inclusion.workshop.session"]
            .with_user(self.mediator_b)
            .search([("id", "=", session.id)])
        )
        workshop.with_user(self.manager).unlink()
        self.assertFalse(registration.exists())


@tagged("post_install", "-at_install")
class TestWorkshopThemes(WorkshopCase):
    def test_digital_themes_on_workshops(self):
        email = self.env.ref("inclusion_numerique.theme_email")
        workshop = self._workshop(theme_ids=[email.id])
        field = workshop._fields["theme_ids"]
        self.assertEqual(field.get_domain_list(workshop), [("kind", "=", "digital")])
        self.assertIn(workshop, workshop.search([("theme_ids", "=", email.id)]))
        digital = self.env["inclusion.theme"].search(field.get_domain_list(workshop))
        self.assertEqual(set(digital.mapped("kind")), {"digital"})
        self.assertEqual(workshop.with_user(self.adviser).theme_ids, email)
        # Every workshop of the database (the demo ones too, when installed) is digital.
        workshops = self.env["inclusion.workshop"].search([])
        self.assertEqual(set(workshops.theme_ids.mapped("kind")), {"digital"})
