from datetime import datetime, timedelta

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestReferralTour(HttpCase):
    def test_social_worker_refers_mediator_books_and_records_social_worker_sees(self):
        organisation = self.env["res.partner"].create(
            {"name": "APAS-BTP Versailles", "is_company": True}
        )
        social_worker = new_test_user(
            self.env,
            login="tour_social_worker",
            groups="base.group_portal",
            lang="fr_FR",
            tz="Europe/Paris",
        )
        social_worker.partner_id.parent_id = organisation
        mediator = new_test_user(
            self.env,
            login="tour_mediator",
            groups="inclusion_numerique.group_mediator",
            lang="fr_FR",
            tz="Europe/Paris",
        )
        place = self.env["inclusion.place"].create({"name": "Salle du tour"})
        start = datetime.now().replace(microsecond=0) + timedelta(days=3)
        self.env["inclusion.slot"].create(
            {
                "place_id": place.id,
                "mediator_id": mediator.id,
                "start": start,
                "stop": start + timedelta(hours=1),
                "reserved_partner_id": organisation.id,
            }
        )
        self.start_tour(
            "/my/referrals/new", "inclusion_numerique_portal_refer", login=social_worker.login
        )
        referral = self.env["inclusion.referral"].search([("person_name", "=", "Awa Traoré")])
        self.assertEqual(referral.organisation_id, organisation)
        referral_action = "/odoo/action-inclusion_numerique_portal.inclusion_referral_action"
        self.start_tour(referral_action, "inclusion_numerique_portal_book", login=mediator.login)
        # Three days later, the hour of the appointment has passed: its outcome can be told.
        appointment = referral.support_id
        appointment.write({"start": appointment.start - timedelta(days=3, hours=2)})
        self.assertLess(appointment.stop, datetime.now())
        self.start_tour(
            f"{referral_action}/{referral.id}",
            "inclusion_numerique_portal_record_visit",
            login=mediator.login,
        )
        self.assertEqual(referral.state, "seen")
        self.assertEqual(referral.outcome_autonomy, "partly_autonomous")
        self.start_tour(
            "/my/referrals", "inclusion_numerique_portal_outcome", login=social_worker.login
        )
