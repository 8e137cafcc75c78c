"""Regression tests of the security audit (issue 11), calling the API as an attacker would."""

from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import WorkshopCase, WorkshopHttpCase

CERTIFICATE = "inclusion_numerique_workshop.report_workshop_certificate"
WORKFLOW_ONLY = "ne change que par les boutons"


class WorkshopAuditMixin:
    """In French, as the users are; a cycle of one closed session: Ana attended, Bob was
    absent (0 %)."""

    def setUp(self):
        super().setUp()
        self.env = self.env(context=dict(self.env.context, lang="fr_FR"))

    def _closed_cycle(self):
        workshop = self._workshop()
        session = self._session(workshop, days_ago=7)
        self.next_session = self._session(workshop)
        ana, bob = self._register(workshop, self._beneficiaries(2))
        self._close_roll_call(session, {ana: "present", bob: "absent"})
        return workshop, session, ana, bob


@tagged("post_install", "-at_install")
class TestWorkshopSecurity(WorkshopAuditMixin, WorkshopCase):
    def test_finding_6_closed_session_and_roll_call_cannot_be_rewritten(self):
        workshop, session, _ana, bob = self._closed_cycle()
        as_mediator = session.with_user(self.mediator)
        with self.assertRefused(UserError, WORKFLOW_ONLY):
            as_mediator.write({"state": "planned"})
        with self.assertRefused(UserError, "ne peut pas être déplacée"):
            as_mediator.write({"date_begin": session.date_begin - timedelta(hours=1)})
        absent = session.attendance_ids.filtered(lambda a: a.registration_id == bob)
        with self.assertRefused(ValidationError, "est clôturé"):
            absent.with_user(self.mediator).write({"state": "present"})
        with self.assertRefused(ValidationError, "est clôturé"):
            as_mediator.write({"attendance_ids": [Command.update(absent.id, {"state": "late"})]})
        newcomer = self._register(workshop, self._beneficiaries(1, name="Nouvelle"))
        self.assertNotIn(newcomer, session.attendance_ids.registration_id)
        with self.assertRefused(ValidationError, "est clôturé"):
            as_mediator.write(
                {"attendance_ids": [Command.create({"registration_id": newcomer.id})]}
            )
        with self.assertRefused(UserError, "séance prévue"):
            as_mediator.mark_attendance({absent.id: "present"})
        with self.assertRefused(UserError, "ne peut pas être supprimé"):
            absent.with_user(self.manager).unlink()
        with self.assertRefused(UserError, "ne peut pas passer"):
            absent.with_user(self.mediator).write({"session_id": self.next_session.id})
        # The computed figures cannot be forged either (the ORM would keep them).
        with self.assertRefused(UserError, "est calculé"):
            absent.with_user(self.mediator).write({"attended_hours": 2.0})
        # A context key sent by the caller does not open the workflow.
        forged = as_mediator.with_context(inclusion_workshop_workflow=True)
        with self.assertRefused(UserError, WORKFLOW_ONLY):
            forged.write({"state": "planned"})
        self.assertEqual((session.state, absent.state), ("done", "absent"))
        # The intended way: a manager reopens, the mediator corrects, closes again.
        session.with_user(self.manager).action_reopen()
        as_mediator.mark_attendance({absent.id: "excused"})
        as_mediator.action_all_present()  # the newcomer, now expected
        as_mediator.action_close()
        self.assertEqual(absent.state, "excused")

    def test_finding_6_registration_completed_only_by_cycle_end(self):
        workshop, _session, ana, bob = self._closed_cycle()
        as_mediator = bob.with_user(self.mediator)
        self.assertEqual(bob.attendance_rate, 0.0)
        with self.assertRefused(UserError, WORKFLOW_ONLY):
            as_mediator.write({"state": "completed"})
        with self.assertRefused(UserError, "est calculé"):
            as_mediator.write({"attendance_rate": 100.0})
        registrations = self.env["inclusion.workshop.registration"].with_user(self.mediator)
        newcomer = self._beneficiaries(1, name="Nouvelle")
        with self.assertRefused(UserError, WORKFLOW_ONLY):
            registrations.create(
                {"workshop_id": workshop.id, "beneficiary_id": newcomer.id, "state": "completed"}
            )
        with self.assertRefused(UserError, "annulez cette inscription"):
            as_mediator.write({"beneficiary_id": ana.beneficiary_id.id})
        # Workshops too: a cycle is not ended nor created ended by a write.
        workshops = self.env["inclusion.workshop"].with_user(self.mediator)
        with self.assertRefused(UserError, WORKFLOW_ONLY):
            workshop.with_user(self.mediator).write({"state": "done"})
        with self.assertRefused(UserError, WORKFLOW_ONLY):
            workshops.create({"name": "Déjà fini", "state": "done"})
        # Advisers read the roll call but do not take it nor steer the cycle.
        with self.assertRaisesRegex(AccessError, "Seul un médiateur numérique"):
            self.next_session.with_user(self.adviser).mark_attendance({})
        with self.assertRaisesRegex(AccessError, "Seul un médiateur numérique"):
            workshop.with_user(self.adviser).action_done()

        # The cycle end completes only who attended enough; the certificate follows.
        self.next_session.with_user(self.mediator).action_cancel()
        workshop.with_user(self.mediator).action_done()
        self.assertEqual((ana.state, bob.state), ("completed", "registered"))
        report = self.env["ir.actions.report"].with_user(self.mediator)
        html = report._render_qweb_html(CERTIFICATE, ana.ids)[0].decode()
        self.assertIn(ana.beneficiary_id.name, html)
        with self.assertRaisesRegex(UserError, "attestation"):
            report._render_qweb_html(CERTIFICATE, bob.ids)
        with self.assertRaisesRegex(UserError, "attestation"):
            report._render_qweb_html(CERTIFICATE, (ana | bob).ids)

    def test_finding_10_mark_attendance_own_lines_json_keys_known_marks(self):
        _workshop, session, _ana, _bob = self._closed_cycle()
        session = self.next_session.with_user(self.mediator)
        other = self._session(self._workshop(name="Atelier d'une autre équipe", address_id=False))
        stranger = self._register(other.workshop_id, self._beneficiaries(1, name="Inconnue"))
        foreign = other.attendance_ids
        self.assertEqual(foreign.registration_id, stranger)
        line_ana, line_bob = session.attendance_ids.sorted(lambda a: a.registration_id.id)
        for marks in (
            {foreign.id: "present"},
            {str(foreign.id): "present"},
            {line_ana.id: "present", foreign.id: "absent"},
            {"abc": "present"},
        ):
            with self.assertRaises(UserError) as caught:
                session.mark_attendance(marks)
            message = str(caught.exception)
            self.assertIn("ne sont pas celles de cette séance", message)
            for secret in ("Inconnue", "autre équipe", str(foreign.id)):
                self.assertNotIn(secret, message)
        with self.assertRaisesRegex(UserError, "présent, absent, excusé ou en retard"):
            session.mark_attendance({line_ana.id: "signed"})
        self.assertEqual((foreign.state, line_ana.state), (False, False))
        # The keys JSON gives (strings) work as the integer ones do.
        session.mark_attendance({str(line_ana.id): "present", line_bob.id: "late"})
        self.assertEqual((line_ana.state, line_bob.state), ("present", "late"))

    def test_session_cannot_close_before_it_starts(self):
        workshop = self._workshop()
        tomorrow = fields.Datetime.now() + timedelta(days=1)
        session = self.env["inclusion.workshop.session"].create(
            {
                "workshop_id": workshop.id,
                "date_begin": tomorrow,
                "date_end": tomorrow + timedelta(hours=2),
            }
        )
        self._register(workshop, self._beneficiaries(1))
        session.with_user(self.mediator).action_all_present()
        with self.assertRefused(UserError, "avant d'avoir commencé"):
            session.with_user(self.mediator).action_close()
        self.assertEqual(session.state, "planned")

    def test_company_consistency_through_check_company(self):
        for model in (
            "inclusion.workshop",
            "inclusion.workshop.session",
            "inclusion.workshop.registration",
            "inclusion.attendance",
        ):
            self.assertTrue(self.env[model]._check_company_auto, model)
        registration_fields = self.env["inclusion.workshop.registration"]._fields
        self.assertTrue(registration_fields["beneficiary_id"].check_company)
        workshop = self._workshop()
        elsewhere = self.env["inclusion.beneficiary"].create(
            {"name": "Personne de Stains", "company_id": self.company_b.id}
        )
        # Odoo's own company check refuses the mix, even to the superuser...
        with self.assertRefused(UserError, "autre structure"):
            self._register(workshop, elsewhere)
        # ...and a mediator gets an access error that does not name the person.
        with self.assertRaises(AccessError) as caught, self.env.cr.savepoint():
            self._register(workshop.with_user(self.mediator), elsewhere)
        self.assertNotIn("Stains", str(caught.exception))
        place_b = self.env["res.partner"].create(
            {"name": "Salle de Stains", "company_id": self.company_b.id}
        )
        with self.assertRaises(AccessError) as caught, self.env.cr.savepoint():
            workshop.with_user(self.mediator).write({"address_id": place_b.id})
        self.assertNotIn("Stains", str(caught.exception))
        # Its registrations would be left in the other structure.
        self._register(workshop, self._beneficiaries(1))
        with self.assertRefused(UserError, "ne peut pas passer dans une autre structure"):
            workshop.write({"company_id": self.company_b.id})


@tagged("post_install", "-at_install")
class TestWorkshopSecurityHttp(WorkshopAuditMixin, WorkshopHttpCase):
    def setUp(self):
        super().setUp()
        self.authenticate(self.mediator.login, self.mediator.login)

    def test_finding_6_write_and_certificate_through_http(self):
        workshop, session, ana, bob = self._closed_cycle()
        answer = self._call_kw(
            "inclusion.workshop.registration",
            "write",
            [bob.ids, {"state": "completed"}],
            {"context": {"lang": "fr_FR", "inclusion_workshop_workflow": "1"}},
        )
        self.assertCallRefused(answer, "UserError", WORKFLOW_ONLY)
        answer = self._call_kw(
            "inclusion.workshop.session",
            "write",
            [session.ids, {"state": "planned"}],
            {"context": {"lang": "fr_FR"}},
        )
        self.assertCallRefused(answer, "UserError", WORKFLOW_ONLY)
        self.assertEqual((bob.state, session.state), ("registered", "done"))

        self.next_session.action_cancel()
        workshop.action_done()
        self.assertEqual(ana.state, "completed")
        printed = self.url_open(f"/report/pdf/{CERTIFICATE}/{ana.id}")
        self.assertEqual(printed.status_code, 200)
        self.assertIn(ana.beneficiary_id.name, printed.text)
        for docids in (bob.ids, (ana | bob).ids):
            refused = self.url_open(f"/report/pdf/{CERTIFICATE}/{','.join(map(str, docids))}")
            self.assertNotEqual(refused.status_code, 200)
            self.assertNotIn(bob.beneficiary_id.name, refused.text)

    def test_finding_10_mark_attendance_through_call_kw(self):
        _workshop, session, _ana, _bob = self._closed_cycle()
        planned = self.next_session
        other = self._session(self._workshop(name="Atelier voisin", address_id=False))
        self._register(other.workshop_id, self._beneficiaries(1, name="Inconnue"))
        line_ana, line_bob = planned.attendance_ids.sorted(lambda a: a.registration_id.id)
        answer = self._call_kw(
            "inclusion.workshop.session",
            "mark_attendance",
            [planned.ids, {str(other.attendance_ids.id): "present"}],
        )
        self.assertCallRefused(answer, "UserError", "ne sont pas celles de cette séance")
        self.assertNotIn("Inconnue", answer["error"]["data"]["message"])
        answer = self._call_kw(
            "inclusion.workshop.session",
            "mark_attendance",
            [planned.ids, {str(line_ana.id): "present", str(line_bob.id): "absent"}],
        )
        self.assertNotIn("error", answer)
        self.assertEqual(
            (line_ana.state, line_bob.state, other.attendance_ids.state),
            ("present", "absent", False),
        )
        # A closed roll call is not changed through the same route.
        answer = self._call_kw(
            "inclusion.workshop.session",
            "mark_attendance",
            [session.ids, {str(session.attendance_ids[0].id): "late"}],
        )
        self.assertCallRefused(answer, "UserError", "séance prévue")
