from odoo import fields
from odoo.tests import TransactionCase, new_test_user


class InclusionCase(TransactionCase):
    """Users of each group of the add-on, in two companies, speaking French."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_french()
        cls.company = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "CCAS de Stains"})
        cls.mediator = cls._new_user("mediator", "inclusion_numerique.group_mediator")
        cls.adviser = cls._new_user("adviser", "inclusion_numerique.group_insertion")
        cls.accountant = cls._new_user(
            "accountant", "inclusion_numerique.group_equipment_accounting"
        )
        cls.manager = cls._new_user("manager", "inclusion_numerique.group_manager")
        cls.employee_user = cls._new_user("plain_employee", "base.group_user")
        cls.mediator_b = cls._new_user(
            "mediator_b", "inclusion_numerique.group_mediator", company=cls.company_b
        )

    @classmethod
    def _load_french(cls):
        """The users speak French and the tests read French messages, whatever language
        the database was created in: activate French and load the add-ons' terms."""
        if cls.env["res.lang"].search_count([("code", "=", "fr_FR")]):  # not cached
            return
        cls.env["res.lang"]._activate_lang("fr_FR")
        addons = cls.env["ir.module.module"].search(
            [("state", "=", "installed"), ("name", "=like", "inclusion_numerique%")]
        )
        addons._update_translations(["fr_FR"])
        cls.env.registry.clear_cache("templates")  # reports compiled before, in English

    @classmethod
    def _new_user(cls, login, groups, company=None):
        company = company or cls.company
        return new_test_user(
            cls.env,
            login=f"inclusion_{login}",
            groups=groups,
            company_id=company.id,
            company_ids=[company.id],
            lang="fr_FR",
            tz="Europe/Paris",
        )

    @classmethod
    def _new_beneficiary(cls, company, **values):
        """A beneficiary with consent, created by the system in the given company."""
        return (
            cls.env["inclusion.beneficiary"]
            .with_company(company)
            .create({"consent_date": fields.Date.today(), "company_id": company.id, **values})
        )
