from contextlib import contextmanager
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.addons.inclusion_numerique.tests.common import InclusionCase
from odoo.tests import new_test_user


class PortalCase(InclusionCase):
    """Two partner organisations with a referring agent each, a place and its mediator."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The structure works in French: messages are checked as its users read them.
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR"))
        partners = cls.env["res.partner"]
        cls.org_a = partners.create({"name": "APAS-BTP Versailles", "is_company": True})
        cls.org_b = partners.create({"name": "CCAS de Marly-le-Roi", "is_company": True})
        cls.referrer_a = cls._new_portal_user("referrer_a", cls.org_a)
        cls.colleague_a = cls._new_portal_user("colleague_a", cls.org_a)
        cls.referrer_b = cls._new_portal_user("referrer_b", cls.org_b)
        cls.lone_portal = cls._new_portal_user("lone_portal", None)
        cls.place = cls.env["inclusion.place"].create({"name": "Espace numérique du Val"})
        cls.health = cls.env.ref("inclusion_numerique.theme_health")
        cls.company.inclusion_no_show_threshold = 2

    @contextmanager
    def _undo(self):
        """What a refused request leaves: nothing (its transaction is rolled back)."""
        with self.env.cr.savepoint():
            yield
        self.env.invalidate_all()

    @classmethod
    def _new_portal_user(cls, login, organisation):
        user = new_test_user(
            cls.env,
            login=f"inclusion_{login}",
            groups="base.group_portal",
            lang="fr_FR",
            tz="Europe/Paris",
            email=f"{login}@partner.example",
        )
        if organisation:
            user.partner_id.parent_id = organisation
        return user

    @classmethod
    def _referral_values(cls, **values):
        return {
            "person_name": "Ahmed Benslimane",
            "person_phone": "0612457890",
            "need": "Déclarer ses indemnités journalières sur Ameli.",
            "theme_ids": [fields.Command.set(cls.health.ids)],
            "person_agreement": True,
            "sharing_agreed": True,
            **values,
        }

    @classmethod
    def _refer(cls, user=None, **values):
        user = user or cls.referrer_a
        return cls.env["inclusion.referral"].with_user(user).create(cls._referral_values(**values))

    @staticmethod
    def _tell_outcome(appointment, action="action_mark_done"):
        """Held or missed, as the mediator tells it once its time has come (not before)."""
        with freeze_time(appointment.start + timedelta(hours=1)):
            return getattr(appointment, action)()

    @classmethod
    def _slot(cls, start=None, hours=1, **values):
        start = start or datetime.now().replace(microsecond=0) + timedelta(days=2)
        return cls.env["inclusion.slot"].create(
            {
                "place_id": cls.place.id,
                "mediator_id": cls.mediator.id,
                "start": start,
                "stop": start + timedelta(hours=hours),
                **values,
            }
        )
