from datetime import date, datetime

from odoo.addons.inclusion_numerique.tests.common import InclusionCase

PERIOD = (date(2015, 1, 1), date(2015, 12, 31))


class ReportCase(InclusionCase):
    """A known year of activity, long before the demo data: support sessions at two places
    by two mediators, an anonymous visit, a missed appointment, activity outside the period
    or the company, a two-session workshop."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.theme_email = ref("inclusion_numerique.theme_email")
        cls.theme_procedures = ref("inclusion_numerique.theme_administrative_procedures")
        cls.domain_social = ref("inclusion_numerique.procedure_social_health")
        cls.caf = ref("inclusion_numerique.organism_caf")
        cls.place_a, cls.place_b = cls.env["inclusion.place"].create(
            [
                {"name": "Espace numérique", "city": "Carcassonne", "zip": "11000"},
                {"name": "Mairie annexe", "city": "Trèbes"},
            ]
        )
        consent = {"consent_date": date(2014, 1, 1)}
        cls.fatima, cls.karim, cls.odette = cls.env["inclusion.beneficiary"].create(
            [
                {
                    **consent,
                    # Fatima agreed to her name leaving the structure, Karim did not.
                    "consent_scope": "support_sharing",
                    "name": "Fatima Benali",
                    "birthdate": date(1960, 5, 12),
                    "gender": "female",
                    "social_status": "rsa",
                    "is_qpv": True,
                    "city": "Carcassonne",
                    "zip": "11000",
                },
                {
                    **consent,
                    "name": "Karim Haddad",
                    "birth_year": 2000,
                    "gender": "male",
                    "social_status": "job_seeker",
                    "city": "Trèbes",
                    "zip": "11800",
                },
                {**consent, "name": "Odette Martin", "gender": "female"},
            ]
        )
        cls.orientation_partner = cls.env["res.partner"].create({"name": "France Services"})

        def support(start, **values):
            return {
                "start": start,
                "theme_ids": [cls.theme_email.id],
                "place_id": cls.place_a.id,
                "mediator_id": cls.mediator.id,
                **values,
            }

        Support = cls.env["inclusion.support"]
        cls.supports = Support.create(
            [
                support(
                    datetime(2015, 3, 3, 9, 0),
                    beneficiary_id=cls.fatima.id,
                    duration=45,
                    theme_ids=[cls.theme_email.id, cls.theme_procedures.id],
                    procedure_domain_ids=[cls.domain_social.id],
                    organism_ids=[cls.caf.id],
                    equipment_used="phone",
                    autonomy="autonomous",
                    orientation="procedure_help",
                    orientation_partner_id=cls.orientation_partner.id,
                    notes="Dossier CAF",
                ),
                support(
                    datetime(2015, 6, 10, 8, 0),
                    kind="drop_in",
                    beneficiary_id=cls.fatima.id,
                    duration=15,
                ),
                support(
                    datetime(2015, 9, 15, 12, 0),
                    beneficiary_id=cls.karim.id,
                    duration=90,
                    place_id=cls.place_b.id,
                    mediator_id=cls.manager.id,
                    theme_ids=[cls.theme_procedures.id],
                ),
                support(
                    datetime(2015, 4, 1, 9, 0),
                    kind="drop_in",
                    duration=30,
                    anonymous_gender="male",
                    anonymous_age_bracket="70_plus",
                    anonymous_social_status="retired",
                    anonymous_city="Carcassonne",
                    anonymous_qpv=True,
                ),
                support(datetime(2015, 2, 1, 9, 0), beneficiary_id=cls.odette.id, duration=60),
            ]
        )
        cls.outside = Support.create(
            [
                # Odette came before the period: she is no new person in 2015.
                support(datetime(2014, 11, 4, 9, 0), beneficiary_id=cls.odette.id, duration=60),
                support(datetime(2016, 1, 5, 9, 0), beneficiary_id=cls.karim.id, duration=30),
                support(
                    datetime(2015, 5, 5, 9, 0), kind="appointment", beneficiary_id=cls.karim.id
                ),
            ]
        )
        beneficiary_b = cls.env["inclusion.beneficiary"].create(
            {"name": "Autre structure", "company_id": cls.company_b.id}
        )
        Support.with_user(cls.mediator_b).create(
            support(
                datetime(2015, 3, 3, 9, 0),
                beneficiary_id=beneficiary_b.id,
                place_id=False,
                mediator_id=cls.mediator_b.id,
                company_id=cls.company_b.id,
            )
        )
        cls._create_workshop()

    @classmethod
    def _create_workshop(cls):
        """Two closed sessions of 2 h: Fatima present then late, Karim absent then excused;
        Fatima completes the cycle."""
        room = cls.env["res.partner"].create({"name": "Salle informatique"})
        cls.workshop = cls.env["inclusion.workshop"].create(
            {
                "name": "Je m'investis",
                "address_id": room.id,
                "user_id": cls.mediator.id,
                "is_work_time": True,
            }
        )
        cls.workshop.action_open()
        cls.sessions = cls.env["inclusion.workshop.session"].create(
            [
                {
                    "workshop_id": cls.workshop.id,
                    "date_begin": datetime(2015, 10, day, 12, 0),
                    "date_end": datetime(2015, 10, day, 14, 0),
                }
                for day in (2, 9)
            ]
        )
        cls.env["inclusion.workshop.registration"].create(
            [
                {"workshop_id": cls.workshop.id, "beneficiary_id": person.id}
                for person in (cls.fatima, cls.karim)
            ]
        )
        for session, (fatima_state, karim_state) in zip(
            cls.sessions, [("present", "absent"), ("late", "excused")], strict=True
        ):
            states = {
                attendance.id: fatima_state
                if attendance.beneficiary_id == cls.fatima
                else karim_state
                for attendance in session.attendance_ids
            }
            session.mark_attendance(states)
            session.action_close()
        cls.workshop.action_done()

    def _wizard(self, **values):
        return (
            self.env["inclusion.activity.report.wizard"]
            .with_user(self.manager)
            .create({"date_from": PERIOD[0], "date_to": PERIOD[1], **values})
        )

    def _presences(self):
        return self.sessions.attendance_ids.filtered(lambda a: a.state in ("present", "late"))

    @staticmethod
    def _rows(figures, key):
        table = next(table for table in figures["breakdowns"] if table["key"] == key)
        return {row["key"]: (row["contacts"], row["people"]) for row in table["rows"]}
