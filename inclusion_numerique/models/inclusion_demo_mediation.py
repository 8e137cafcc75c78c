import random
import unicodedata
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

FIRST_NAMES = [
    "Fatima",
    "Karim",
    "Nadia",
    "Mohamed",
    "Sylvie",
    "Jean",
    "Aïcha",
    "Youssef",
    "Monique",
    "Patrick",
    "Samira",
    "Kevin",
    "Brigitte",
    "Mamadou",
    "Chantal",
    "Rachid",
    "Léa",
    "Hakim",
    "Josiane",
    "Thierry",
    "Amina",
    "Bernard",
    "Sofia",
    "Ibrahim",
    "Martine",
]
LAST_NAMES = [
    "Benali",
    "Haddad",
    "Martin",
    "Diallo",
    "Garcia",
    "Roux",
    "Traoré",
    "Bernard",
    "Lopez",
    "Mercier",
    "Kone",
    "Fabre",
    "Ait Ali",
    "Durand",
    "Moreau",
    "Sanchez",
    "Cissé",
    "Blanc",
]
STREETS = ["rue Barbès", "rue Voltaire", "avenue Jean Jaurès", "allée des Tilleuls"]
QPV_NAMES = ["La Conte", "Le Viguier – Saint-Jacques", "Ozanam", "Grazailles"]
SOCIAL_STATUS_WEIGHTS = {
    "job_seeker": 30,
    "rsa": 15,
    "retired": 20,
    "insertion_employee": 12,
    "employed": 8,
    "unemployed": 5,
    "student": 4,
    "business_owner": 3,
    "unknown": 3,
}
KIND_WEIGHTS = {"drop_in": 50, "individual": 35, "appointment": 15}
# Procedure help comes with a domain and the organism behind it.
PROCEDURES = [
    ("procedure_social_health", "organism_caf"),
    ("procedure_social_health", "organism_cpam"),
    ("procedure_work_training_business", "organism_france_travail"),
    ("procedure_money_taxes", "organism_impots"),
    ("procedure_papers_citizenship", "organism_ants"),
    ("procedure_housing", "organism_social_landlord"),
    ("procedure_money_taxes", "organism_bank"),
    ("procedure_work_training_business", "organism_payslip_safe"),
]
COMMON_THEMES = [
    "theme_administrative_procedures",
    "theme_email",
    "theme_internet_browsing",
    "theme_equipment_handling",
    "theme_banking_shopping",
    "theme_health",
    "theme_job_insertion",
    "theme_security_prevention",
    "theme_office_software",
    "theme_digital_content",
]


class InclusionDemoMediation(models.AbstractModel):
    _name = "inclusion.demo.mediation"
    _description = "Demo data of digital mediation"

    @api.model
    def _french_creation_messages(self, module_names):
        """Odoo loads an add-on's demo data before its translations and without a language
        in the context: the chatter line of each demo record names its model in English
        ("Beneficiary créé"). Load the French terms of these add-ons and write the lines
        of their models in French, where French is active."""
        if not self.env["res.lang"]._lang_get("fr_FR"):
            return
        modules = self.env["ir.module.module"].search([("name", "in", module_names)])
        modules._update_translations(["fr_FR"])
        self.env.invalidate_all()
        french = self.env(context=dict(self.env.context, lang="fr_FR"))
        model_ids = self.env["ir.model.data"].search(
            [("module", "in", module_names), ("model", "=", "ir.model")]
        )
        for model in french["ir.model"].browse(model_ids.mapped("res_id")):
            english = model.with_context(lang="en_US").name
            Model = french.get(model.model)
            if model.name == english or not hasattr(Model, "_creation_message"):
                continue
            line = Model.new()._creation_message()  # mail's own words: "Bénéficiaire créé"
            french["mail.message"].search(
                [
                    ("model", "=", model.model),
                    ("message_type", "=", "notification"),
                    ("body", "=", f"<p>{line.replace(model.name, english)}</p>"),
                ]
            ).body = line

    @api.model
    def _generate(self, beneficiary_count=45, support_count=200, seed=2026):
        """A year of a Régie de Quartier's mediation, the same on every database: one
        batch create per model, dates relative to today."""
        rng = random.Random(seed)
        env = self.env(context=dict(self.env.context, tracking_disable=True))
        today = fields.Date.context_today(self)
        Beneficiary = env["inclusion.beneficiary"]
        beneficiaries = Beneficiary.search([("company_id", "=", env.company.id)])
        beneficiaries |= Beneficiary.create(
            [self._beneficiary_values(rng, index, today) for index in range(beneficiary_count)]
        )
        mediators = env.ref("base.user_admin") | env.ref("base.user_demo")
        places = env["inclusion.place"].search([("company_id", "in", [False, env.company.id])])
        env["inclusion.support"].create(
            [
                self._support_values(rng, today, beneficiaries, mediators, places)
                for _index in range(support_count)
            ]
        )
        env["inclusion.diagnostic"].create(self._diagnostic_values(rng, today, beneficiaries))

    def _beneficiary_values(self, rng, index, today):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        qpv = rng.random() < 0.6
        return {
            "name": name,
            "phone": f"06 {rng.randint(10, 29)} {rng.randint(10, 99)} "
            f"{rng.randint(10, 99)} {index + 10:02d}",
            "email": f"{self._ascii(name).lower().replace(' ', '.')}{index}@example.com"
            if rng.random() < 0.5
            else False,
            "street": f"{rng.randint(1, 60)} {rng.choice(STREETS)}",
            "zip": "11000",
            "city": "Carcassonne",
            "consent_date": today - timedelta(days=rng.randint(30, 400)),
            "birthdate": today
            - relativedelta(years=rng.randint(18, 82), days=rng.randint(0, 364)),
            "gender": rng.choice(["female", "female", "male", "male", "unknown"]),
            "social_status": rng.choices(
                list(SOCIAL_STATUS_WEIGHTS), weights=list(SOCIAL_STATUS_WEIGHTS.values())
            )[0],
            "is_qpv": qpv,
            "qpv_name": rng.choice(QPV_NAMES) if qpv else False,
            "has_computer": rng.random() < 0.3,
            "has_smartphone": rng.random() < 0.8,
            "has_tablet": rng.random() < 0.15,
            "has_internet": rng.random() < 0.6,
            "prescriber_type": rng.choice(
                ["social_worker", "france_travail", "ccas", "departement", "word_of_mouth", "self"]
            ),
        }

    @staticmethod
    def _ascii(text):
        return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()

    def _support_values(self, rng, today, beneficiaries, mediators, places):
        kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
        if kind == "appointment" and rng.random() < 0.3:
            day = today + timedelta(days=rng.randint(1, 21))  # the coming weeks' agenda
        else:
            day = today - timedelta(days=rng.randint(0, 364))
        while day.weekday() > 4:  # the desk is open on weekdays
            day -= timedelta(days=1)
        # 9:00–12:00 in Paris, stored in UTC.
        start = datetime.combine(day, time(8)) + timedelta(minutes=15 * rng.randint(0, 11))
        theme = rng.choice(COMMON_THEMES)
        themes = [self.env.ref(f"inclusion_numerique.{theme}").id]
        values = {
            "kind": kind,
            "start": start,
            "duration": rng.choice([15, 30, 30, 45, 45, 60, 90, 120, 20]),
            "mediator_id": rng.choice(mediators).id,
            "place_id": rng.choice(places).id if places else False,
            "equipment_used": rng.choice(["computer", "phone", "phone", "tablet", "none"]),
            "autonomy": rng.choice(["guided", "guided", "partly_autonomous", "autonomous"]),
            "followup_needed": rng.random() < 0.03,
        }
        if kind == "appointment":
            values["state"] = (
                "planned"
                if day >= today
                else rng.choices(["done", "no_show", "excused"], weights=[8, 1, 1])[0]
            )
        if theme == "theme_administrative_procedures" or rng.random() < 0.3:
            domain, organism = rng.choice(PROCEDURES)
            themes.append(self.env.ref("inclusion_numerique.theme_administrative_procedures").id)
            values["procedure_domain_ids"] = [self.env.ref(f"inclusion_numerique.{domain}").id]
            values["organism_ids"] = [self.env.ref(f"inclusion_numerique.{organism}").id]
        values["theme_ids"] = list(set(themes))
        if rng.random() < 0.1:
            values["orientation"] = rng.choice(
                ["procedure_help", "social_support", "job_insertion", "digital_mediation"]
            )
        if kind == "drop_in" and rng.random() < 0.4:
            values.update(
                anonymous_gender=rng.choice(["female", "male", "unknown"]),
                anonymous_age_bracket=rng.choice(["25_39", "40_59", "60_69", "70_plus"]),
                anonymous_social_status=rng.choice(["retired", "job_seeker", "unknown"]),
                anonymous_city="Carcassonne",
                anonymous_zip="11000",
                anonymous_qpv=rng.random() < 0.5,
            )
        else:
            values["beneficiary_id"] = rng.choice(beneficiaries).id
        return values

    def _diagnostic_values(self, rng, today, beneficiaries):
        levels = ["beginner", "intermediate", "advanced"]
        values = []
        for beneficiary in beneficiaries[: len(beneficiaries) * 2 // 3]:
            first_level = rng.choice([0, 0, 1])
            first_date = today - timedelta(days=rng.randint(120, 360))
            values.append(self._diagnostic(rng, beneficiary, first_date, levels[first_level]))
            if rng.random() < 0.5:
                later = min(first_level + rng.choice([0, 1, 1, 2]), 2)
                values.append(
                    self._diagnostic(
                        rng, beneficiary, first_date + timedelta(days=90), levels[later]
                    )
                )
        return values

    def _diagnostic(self, rng, beneficiary, date, level):
        return {
            "beneficiary_id": beneficiary.id,
            "date": date,
            "level": level,
            "tool": rng.choice(["les_bons_clics", "les_bons_clics", "pix_abc_diag", "in_house"]),
        }
