from odoo import models
from odoo.tools import SQL


class InclusionBeneficiary(models.Model):
    """Workshops in the person's data lifecycle: registrations and attendance count as
    activity, appear in the right of access and keep their statistics when anonymised."""

    _inherit = "inclusion.beneficiary"

    def _privacy_activity_dates_sql(self):
        return [
            *super()._privacy_activity_dates_sql(),
            SQL(
                """(SELECT max(r.date_waiting)::date FROM inclusion_workshop_registration r
                     WHERE r.beneficiary_id = b.id)"""
            ),
            SQL(
                """(SELECT max(a.local_date) FROM inclusion_attendance a
                     WHERE a.beneficiary_id = b.id)"""
            ),
        ]

    def _privacy_snapshot_fields(self):
        attendance = self.env["inclusion.attendance"]
        # Every attendance of the person, including those the user may not read.
        attendances = attendance.sudo().search([("beneficiary_id", "in", self.ids)])
        return [
            *super()._privacy_snapshot_fields(),
            ([attendance._fields["person_age_bracket"]], attendances),
        ]

    def _privacy_erase_related(self):
        threads = super()._privacy_erase_related()
        # Every registration of the person, including those the user may not read.
        registrations = (
            self.env["inclusion.workshop.registration"]
            .sudo()
            .search([("beneficiary_id", "in", self.ids)])
        )
        return {**threads, "inclusion.workshop.registration": registrations.ids}

    def _privacy_access_sections(self):
        return [
            *super()._privacy_access_sections(),
            {
                "key": "registrations",
                "title": self.env._("Workshop registrations"),
                "model": "inclusion.workshop.registration",
                "domain": [("beneficiary_id", "=", self.id)],
                "fields": ["workshop_id", "state", "date_waiting", "attendance_rate"],
            },
            {
                "key": "attendances",
                "title": self.env._("Workshop attendance"),
                "model": "inclusion.attendance",
                "domain": [("beneficiary_id", "=", self.id)],
                "fields": ["session_id", "local_date", "state", "attended_hours"],
            },
        ]

    def _timeline_events(self):
        events = super()._timeline_events()
        states = self._selection_labels("inclusion.workshop.registration", "state")
        events += [
            self._timeline_event(
                registration.date_waiting,
                "fa-users",
                self.env._("Workshop %(workshop)s", workshop=registration.workshop_id.name),
                states[registration.state],
            )
            for registration in self._timeline_records("inclusion.workshop.registration")
        ]
        marks = self._selection_labels("inclusion.attendance", "state")
        events += [
            self._timeline_event(
                attendance.date,
                "fa-check-square-o",
                self.env._("Session of %(workshop)s", workshop=attendance.workshop_id.name),
                marks[attendance.state],
            )
            for attendance in self._timeline_records("inclusion.attendance")
            if attendance.state
        ]
        return events
