from odoo import models


class InclusionBeneficiary(models.Model):
    _inherit = "inclusion.beneficiary"

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
