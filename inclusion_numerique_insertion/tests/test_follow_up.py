from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import InsertionCase


@tagged("post_install", "-at_install")
class TestFollowUp(InsertionCase):
    """Interviews, obstacles, action plan, immersions and trainings of an insertion
    employee, recorded by the adviser who follows them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._contract(date_start="2026-01-05", state="open")
        cls.mobility = cls.env.ref("inclusion_numerique_insertion.obstacle_mobility")
        cls.housing = cls.env.ref("inclusion_numerique_insertion.obstacle_housing")

    def _as_adviser(self, model):
        return self.env[model].with_user(self.adviser).with_context(lang="fr_FR")

    def _obstacle(self, **values):
        return self._as_adviser("inclusion.insertion.employee.obstacle").create(
            {
                "employee_id": self.employee.id,
                "obstacle_id": self.mobility.id,
                "date_identified": date(2026, 1, 10),
                **values,
            }
        )

    def test_interview_by_the_adviser(self):
        interview = self._as_adviser("inclusion.insertion.interview").create(
            {
                "employee_id": self.employee.id,
                "date": date(2026, 1, 12),
                "kind": "reception",
                "duration": 1.5,
                "notes": "<p>Permis B en cours</p>",
                "obstacle_ids": [self.mobility.id, self.housing.id],
            }
        )
        self.assertEqual(interview.referent_id, self.adviser_employee)
        self.assertEqual(interview.company_id, self.company)
        self.assertEqual(interview.display_name, "Accueil du 12/01/2026")

    def test_interview_duration_refused(self):
        interviews = self._as_adviser("inclusion.insertion.interview")
        for duration in (0, -1, 9):
            with self.assertRefused(ValidationError, "La durée d'un entretien"):
                interviews.create({"employee_id": self.employee.id, "duration": duration})
        self.assertFalse(interviews.search([("employee_id", "=", self.employee.id)]))

    def test_obstacle_from_identified_to_lifted(self):
        line = self._obstacle()
        line.action_start()
        self.assertEqual(line.state, "in_progress")
        line.date_lifted = date(2026, 3, 2)
        line.action_lift()
        self.assertEqual((line.state, line.date_lifted), ("lifted", date(2026, 3, 2)))
        line.action_start()
        self.assertEqual((line.state, line.date_lifted), ("in_progress", False))
        line.action_lift()
        self.assertEqual(line.date_lifted, date.today())

    def test_obstacle_bad_input_refused(self):
        with self.assertRefused(ValidationError, "date à laquelle le frein a été levé"):
            self._obstacle(state="lifted")
        with self.assertRefused(ValidationError, "avant d'avoir été identifié"):
            self._obstacle(state="lifted", date_lifted=date(2026, 1, 9))
        line = self._obstacle()
        with self.assertRefused(ValidationError, "date à laquelle le frein a été levé"):
            line.write({"state": "lifted"})
        self.assertEqual(line.state, "identified")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._obstacle()

    def test_action_step_is_an_activity_of_its_owner(self):
        step = self._as_adviser("inclusion.insertion.action.step").create(
            {
                "employee_id": self.employee.id,
                "name": "Inscription au code de la route",
                "user_id": self.manager.id,
                "date_deadline": date(2026, 2, 15),
            }
        )
        activity = step.activity_ids
        self.assertEqual(
            (activity.user_id, activity.date_deadline, activity.summary),
            (self.manager, date(2026, 2, 15), "Inscription au code de la route"),
        )
        step.write({"user_id": self.adviser.id, "date_deadline": date(2026, 2, 20)})
        self.assertEqual(
            (step.activity_ids.user_id, step.activity_ids.date_deadline),
            (self.adviser, date(2026, 2, 20)),
        )
        with self.assertRefused(ValidationError, "équipe insertion"):
            step.write({"user_id": self.mediator.id})
        with self.assertRefused(UserError, "boutons"):
            step.write({"state": "done"})
        step.action_done()
        self.assertEqual(step.state, "done")
        self.assertFalse(step.activity_ids)
        step.action_reset()
        self.assertEqual(len(step.activity_ids), 1)
        step.action_cancel()
        self.assertEqual((step.state, len(step.activity_ids)), ("cancelled", 0))

    def test_immersion_and_training_dates_refused(self):
        host = self.env["res.partner"].create({"name": "Boulangerie Martin"})
        immersions = self._as_adviser("inclusion.insertion.immersion")
        with self.assertRefused(ValidationError, "ne peut pas se terminer avant"):
            immersions.create(
                {
                    "employee_id": self.employee.id,
                    "host_partner_id": host.id,
                    "date_start": date(2026, 3, 10),
                    "date_end": date(2026, 3, 9),
                }
            )
        trainings = self._as_adviser("inclusion.insertion.training")
        values = {
            "employee_id": self.employee.id,
            "name": "CACES R489",
            "date_start": date(2026, 3, 10),
            "date_end": date(2026, 3, 14),
            "hours": 35,
        }
        with self.assertRefused(ValidationError, "ne peut pas se terminer avant"):
            trainings.create(dict(values, date_end=date(2026, 3, 1)))
        with self.assertRefused(ValidationError, "heures de formation"):
            trainings.create(dict(values, hours=0))
        mine = [("employee_id", "=", self.employee.id)]
        self.assertFalse(immersions.search(mine))
        self.assertFalse(trainings.search(mine))
        self.assertEqual(trainings.create(values).hours, 35)
