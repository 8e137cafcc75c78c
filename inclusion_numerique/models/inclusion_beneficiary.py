from datetime import datetime, time

import phonenumbers
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, create_index, email_normalize, format_date, single_email_re

DIGITAL_LEVELS = [
    ("beginner", "Beginner"),
    ("intermediate", "Intermediate"),
    ("advanced", "Advanced"),
]
GENDERS = [
    ("male", "Male"),
    ("female", "Female"),
    ("unknown", "Not communicated"),
]
AGE_BRACKETS = [
    ("under_12", "Under 12"),
    ("12_17", "12–17"),
    ("18_24", "18–24"),
    ("25_39", "25–39"),
    ("40_59", "40–59"),
    ("60_69", "60–69"),
    ("70_plus", "70 and more"),
    ("unknown", "Not communicated"),
]
# Upper age limit (exclusive) of each bracket, the last one being open.
AGE_BRACKET_LIMITS = [
    (12, "under_12"),
    (18, "12_17"),
    (25, "18_24"),
    (40, "25_39"),
    (60, "40_59"),
    (70, "60_69"),
]
SOCIAL_STATUSES = [
    ("retired", "Retired"),
    ("unemployed", "Unemployed"),
    ("employed", "In employment"),
    ("in_school", "In school"),
    ("job_seeker", "Registered job seeker"),
    ("rsa", "RSA recipient"),
    ("insertion_employee", "Insertion employee"),
    ("business_owner", "Business owner"),
    ("student", "Student"),
    ("unknown", "Not communicated"),
]
# The finer statuses counted by funders, folded into the national list of statuses.
NATIONAL_SOCIAL_STATUS = {
    "job_seeker": "unemployed",
    "rsa": "unemployed",
    "insertion_employee": "employed",
    "business_owner": "employed",
    "student": "in_school",
}
PRESCRIBER_TYPES = [
    ("social_worker", "Social worker"),
    ("france_travail", "France Travail"),
    ("ccas", "CCAS"),
    ("departement", "Département (RSA)"),
    ("mission_locale", "Mission locale"),
    ("france_services", "France Services"),
    ("insertion_adviser", "Insertion adviser"),
    ("association", "Association"),
    ("word_of_mouth", "Word of mouth"),
    ("self", "Came on their own"),
    ("other", "Other"),
]
CONSENT_SCOPES = [
    ("support", "Support and anonymous statistics"),
    ("support_sharing", "Support, statistics and sharing with the referring partner"),
]
# Scopes under which the person's name and notes may leave the structure (exports);
# under the others, only anonymous statistics do.
NAMED_SHARING_CONSENT_SCOPES = ("support_sharing",)
# Data that may only be stored once the person has consented to its processing.
SOCIAL_DATA_FIELDS = [
    "birthdate",
    "birth_year",
    "gender",
    "social_status",
    "is_qpv",
    "qpv_id",
    "has_computer",
    "has_smartphone",
    "has_tablet",
    "has_internet",
    "prescriber_type",
    "prescriber_partner_id",
    "notes",
]
MIN_BIRTH_YEAR = 1900
# Kept on the beneficiary's own contact (res.partner), which the beneficiary file manages.
CONTACT_FIELDS = ["name", "phone", "email", "street", "zip", "city"]
# Contact and social data taken from a merged duplicate when the kept record lacks it.
MERGED_FIELDS = [
    "phone",
    "email",
    "street",
    "zip",
    "city",
    "consent_date",
    "consent_scope",
    *SOCIAL_DATA_FIELDS,
]


def age_bracket_on(birthdate, birth_year, on_date):
    """Age bracket code of a person born on birthdate (or in birth_year) at on_date."""
    if birthdate:
        age = relativedelta(on_date, birthdate).years
    elif birth_year:
        age = on_date.year - birth_year
    else:
        return "unknown"
    return next((code for limit, code in AGE_BRACKET_LIMITS if age < limit), "70_plus")


def bracket_case_sql(value, limits, last, null_code=None):
    """SQL CASE giving the code of the bracket of `value` (an SQL expression) from the
    same (exclusive upper limit, code) list as the Python rule, so both always agree."""
    whens = [SQL("WHEN %s IS NULL THEN %s", value, null_code)] if null_code else []
    whens += [SQL("WHEN %s < %s THEN %s", value, limit, code) for limit, code in limits]
    return SQL("(CASE %s ELSE %s END)::varchar", SQL(" ").join(whens), last)


def age_bracket_sql(years):
    """SQL twin of age_bracket_on, given the age in years as an SQL expression."""
    return bracket_case_sql(years, AGE_BRACKET_LIMITS, "70_plus", null_code="unknown")


class InclusionBeneficiary(models.Model):
    _name = "inclusion.beneficiary"
    _description = "Beneficiary"
    _inherit = ["mail.thread", "mail.activity.mixin", "inclusion.company.mixin"]
    _order = "name, id"
    _check_company_auto = True

    def init(self):
        # The lists open in this order: the first page is read from the index, not by
        # sorting every person of the structure.
        create_index(
            self.env.cr, "inclusion_beneficiary_name_id_index", self._table, ["name", "id"]
        )

    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
        help="Identity and contact details; social data stays on the beneficiary.",
    )
    # Precomputed: the contact's values are written by the beneficiary file (_write_contact).
    # Trigram index: searches by part of a name stay fast with a network's many people.
    name = fields.Char(
        related="partner_id.name",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        tracking=True,
        index="trigram",
    )
    phone = fields.Char(related="partner_id.phone", readonly=False)
    email = fields.Char(related="partner_id.email", readonly=False)
    street = fields.Char(related="partner_id.street", readonly=False)
    zip = fields.Char(related="partner_id.zip", readonly=False)
    city = fields.Char(related="partner_id.city", readonly=False, string="Commune")
    commune_id = fields.Many2one(
        "inclusion.commune",
        string="INSEE commune",
        compute="_compute_commune_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        domain="[('zip', '=', zip)]",
        help="From the postal code and the commune; choose it when several communes share "
        "the postal code.",
    )
    insee_code = fields.Char(related="commune_id.insee_code", string="INSEE code")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    birthdate = fields.Date(string="Birth date")
    birth_year = fields.Integer(help="When only the year of birth is known.")
    age = fields.Integer(compute="_compute_age")
    age_bracket = fields.Selection(
        AGE_BRACKETS, compute="_compute_age_bracket", store=True, index=True
    )
    gender = fields.Selection(GENDERS)
    social_status = fields.Selection(SOCIAL_STATUSES)
    is_qpv = fields.Boolean(
        string="Lives in a QPV",
        help="Lives in a priority neighbourhood of the city policy (QPV).",
    )
    qpv_id = fields.Many2one("inclusion.qpv", string="QPV", check_company=True)
    qpv_name = fields.Char(related="qpv_id.name", store=True, string="QPV name")
    digital_level = fields.Selection(
        DIGITAL_LEVELS,
        compute="_compute_digital_level",
        store=True,
        readonly=False,
        tracking=True,
        help="Level of the latest diagnostic.",
    )
    has_computer = fields.Boolean(string="Computer at home")
    has_smartphone = fields.Boolean(string="Smartphone")
    has_tablet = fields.Boolean(string="Tablet")
    has_internet = fields.Boolean(string="Internet at home")
    has_email = fields.Boolean(
        string="Has an e-mail address",
        compute="_compute_has_email",
        store=True,
        readonly=False,
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Insertion employee",
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
        help="Set when the beneficiary is also an employee of the structure.",
    )
    prescriber_type = fields.Selection(PRESCRIBER_TYPES, string="Referred by")
    prescriber_partner_id = fields.Many2one(
        "res.partner",
        string="Referring partner",
        check_company=True,
        help="Social worker or structure that referred the person.",
    )
    consent_date = fields.Date(
        tracking=True, help="Date of the consent to the processing of personal data."
    )
    # Proof of consent: set by the system to the user who records it (create, write),
    # never by hand.
    consent_user_id = fields.Many2one("res.users", string="Consent recorded by", readonly=True)
    consent_scope = fields.Selection(CONSENT_SCOPES, default="support")
    notes = fields.Html(groups="inclusion_numerique.group_mediator")
    support_ids = fields.One2many("inclusion.support", "beneficiary_id", string="Support sessions")
    support_count = fields.Integer(
        compute="_compute_support_count", string="Number of support sessions"
    )
    diagnostic_ids = fields.One2many("inclusion.diagnostic", "beneficiary_id")
    diagnostic_count = fields.Integer(compute="_compute_diagnostic_count", string="Diagnostics")
    first_digital_level = fields.Selection(
        DIGITAL_LEVELS, compute="_compute_digital_progress", string="Level at first diagnostic"
    )
    digital_level_progress = fields.Integer(
        compute="_compute_digital_progress",
        string="Progress (levels)",
        help="Levels gained between the first and the latest diagnostic.",
    )
    duplicate_ids = fields.Many2many(
        "inclusion.beneficiary",
        compute="_compute_duplicate_ids",
        string="Probable duplicates",
    )
    is_probable_duplicate = fields.Boolean(
        compute="_compute_duplicate_ids",
        search="_search_is_probable_duplicate",
        help="Same name and birth date, or same phone or e-mail as another beneficiary.",
    )

    timeline_html = fields.Html(
        string="Story",
        compute="_compute_timeline_html",
        sanitize=False,  # rendered by QWeb, every value escaped
        help="Everything the person did with the structure that you may see, newest first.",
    )

    _sql_constraints = [
        (
            "employee_unique",
            "unique(employee_id)",
            "This employee is already linked to another beneficiary.",
        ),
    ]

    @api.depends("name", "birthdate", "birth_year", "city")
    @api.depends_context("inclusion_identity", "uid")
    def _compute_display_name(self):
        """With the context key `inclusion_identity` (fields where a person is chosen), the
        name tells homonyms apart: birth year, commune, last visit."""
        if not self.env.context.get("inclusion_identity"):
            return super()._compute_display_name()
        last_visits = self._last_visit_dates()
        for beneficiary in self:
            year = beneficiary.birthdate.year if beneficiary.birthdate else beneficiary.birth_year
            last_visit = last_visits.get(beneficiary.id)
            details = [
                str(year) if year else "",
                beneficiary.city or "",
                last_visit and self.env._("seen %(date)s", date=format_date(self.env, last_visit)),
            ]
            shown = " · ".join(detail for detail in details if detail)
            beneficiary.display_name = (
                f"{beneficiary.name} ({shown})" if shown else (beneficiary.name or "")
            )

    def _last_visit_dates(self):
        """{beneficiary id: date of their latest held support session}, counting only the
        sessions the user may read, even when the names are computed as superuser
        (name_search)."""
        supports = self.env["inclusion.support"].with_env(self.env(su=False))
        if not supports.has_access("read") or not self.ids:
            return {}
        groups = supports._read_group(
            [("beneficiary_id", "in", self.ids), ("state", "=", "done")],
            ["beneficiary_id"],
            ["date:max"],
        )
        return {beneficiary.id: last for beneficiary, last in groups}

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        """Before any typing, the people the user supported lately come first: at a desk
        the regulars are picked with one tap."""
        if name or not self.env.context.get("inclusion_recent_first"):
            return super().name_search(name, args, operator, limit)
        recent = self._recently_supported(args or [], limit or 100)
        others = super().name_search(
            name, [*(args or []), ("id", "not in", recent.ids)], operator, limit
        )
        return [(person.id, person.display_name) for person in recent] + others[
            : (limit or len(others)) - len(recent)
        ]

    @api.model
    def _recently_supported(self, domain, limit):
        groups = self.env["inclusion.support"]._read_group(
            [
                ("mediator_id", "=", self.env.uid),
                ("beneficiary_id", "!=", False),
                ("state", "=", "done"),
            ],
            ["beneficiary_id"],
            ["start:max"],
            order="start:max desc",
            limit=limit,
        )
        recent = self.browse([beneficiary.id for beneficiary, _last in groups])
        return recent.filtered_domain(domain) if domain else recent

    @api.onchange("name", "phone", "email")
    def _onchange_warn_duplicates(self):
        """Flag probable duplicates while the file is typed, naming only people the user may
        read (search applies their record rules)."""
        criteria = [("name", "=ilike", (self.name or "").strip())] if self.name else []
        criteria += [(fname, "=", self[fname]) for fname in ("phone", "email") if self[fname]]
        if not criteria:
            return None
        domain = [
            *["|"] * (len(criteria) - 1),
            *criteria,
            ("id", "!=", self._origin.id),
            ("company_id", "=", self.company_id.id),
        ]
        others = self.search(domain, limit=5)
        if not others:
            return None
        names = ", ".join(others.with_context(inclusion_identity=True).mapped("display_name"))
        return {
            "warning": {
                "title": self.env._("Probable duplicate"),
                "message": self.env._(
                    "This person may already be recorded: %(names)s. Open their file "
                    "instead of creating a new one.",
                    names=names,
                ),
                "type": "notification",
            }
        }

    @api.depends("birthdate", "birth_year")
    def _compute_age(self):
        today = fields.Date.context_today(self)
        for beneficiary in self:
            if beneficiary.birthdate:
                beneficiary.age = relativedelta(today, beneficiary.birthdate).years
            elif beneficiary.birth_year:
                beneficiary.age = today.year - beneficiary.birth_year
            else:
                beneficiary.age = 0

    @api.depends("birthdate", "birth_year")
    def _compute_age_bracket(self):
        today = fields.Date.today()
        for beneficiary in self:
            beneficiary.age_bracket = age_bracket_on(
                beneficiary.birthdate, beneficiary.birth_year, today
            )

    @api.depends("diagnostic_ids.level", "diagnostic_ids.date")
    def _compute_digital_level(self):
        for beneficiary in self:
            latest = beneficiary._sorted_diagnostics()[-1:]
            if latest:
                beneficiary.digital_level = latest.level

    @api.depends("diagnostic_ids.level", "diagnostic_ids.date")
    def _compute_digital_progress(self):
        ranks = {code: rank for rank, (code, _label) in enumerate(DIGITAL_LEVELS)}
        for beneficiary in self:
            diagnostics = beneficiary._sorted_diagnostics()
            first, latest = diagnostics[:1], diagnostics[-1:]
            beneficiary.first_digital_level = first.level
            beneficiary.digital_level_progress = (
                ranks[latest.level] - ranks[first.level] if first else 0
            )

    def _sorted_diagnostics(self):
        return self.diagnostic_ids.sorted(lambda diag: (diag.date, diag.id))

    @api.depends("email")
    def _compute_has_email(self):
        for beneficiary in self:
            if beneficiary.email:
                beneficiary.has_email = True

    def _compute_support_count(self):
        counts = dict(
            self.env["inclusion.support"]._read_group(
                [("beneficiary_id", "in", self.ids)], ["beneficiary_id"], ["__count"]
            )
        )
        for beneficiary in self:
            beneficiary.support_count = counts.get(beneficiary, 0)

    def _compute_diagnostic_count(self):
        counts = dict(
            self.env["inclusion.diagnostic"]._read_group(
                [("beneficiary_id", "in", self.ids)], ["beneficiary_id"], ["__count"]
            )
        )
        for beneficiary in self:
            beneficiary.diagnostic_count = counts.get(beneficiary, 0)

    @api.depends("name", "birthdate", "phone", "email", "company_id")
    def _compute_duplicate_ids(self):
        # Records being edited in a form are compared through their saved version.
        duplicates = self._duplicate_map(self._origin.ids)
        # Only records that the user may read are shown, whatever their rules.
        readable = self.browse(
            {other for others in duplicates.values() for other in others}
        )._filtered_access("read")
        for beneficiary in self:
            others = readable.browse(duplicates.get(beneficiary._origin.id, [])) & readable
            beneficiary.duplicate_ids = [Command.set(others.ids)]
            beneficiary.is_probable_duplicate = bool(others)

    def _search_is_probable_duplicate(self, operator, value):
        if operator not in ("=", "!="):
            raise ValidationError(self.env._("Unsupported search on probable duplicates."))
        ids = list(self._duplicate_map())
        positive = (operator == "=") == bool(value)
        return [("id", "in" if positive else "not in", ids)]

    @api.model
    def _duplicate_map(self, ids=None):
        """{beneficiary id: [ids of its probable duplicates]} in one query, for the given
        beneficiaries or, without ids, for every beneficiary of the allowed companies."""
        self.env["res.partner"].flush_model(["name", "phone", "email"])
        self.flush_model(["name", "birthdate", "company_id", "active", "partner_id"])
        scope = (
            SQL("b.id = ANY(%s)", list(ids))
            if ids is not None
            else SQL("b.company_id = ANY(%s) AND b.active", self.env.companies.ids)
        )
        # One equality join per criterion, so that PostgreSQL can hash them instead of
        # comparing every pair of beneficiaries.
        rows = self.env.execute_query(
            SQL(
                """
                WITH person AS (
                    SELECT ben.id, ben.company_id, ben.active, ben.birthdate,
                           lower(trim(ben.name)) AS name, NULLIF(partner.phone, '') AS phone,
                           lower(NULLIF(partner.email, '')) AS email
                      FROM inclusion_beneficiary ben
                      JOIN res_partner partner ON partner.id = ben.partner_id
                ), pair AS (
                    SELECT b.id, o.id AS other_id
                      FROM person b
                      JOIN person o ON o.company_id = b.company_id
                       AND o.birthdate = b.birthdate AND o.name = b.name
                     WHERE %(scope)s
                     UNION
                    SELECT b.id, o.id
                      FROM person b
                      JOIN person o ON o.company_id = b.company_id AND o.phone = b.phone
                     WHERE %(scope)s
                     UNION
                    SELECT b.id, o.id
                      FROM person b
                      JOIN person o ON o.company_id = b.company_id AND o.email = b.email
                     WHERE %(scope)s
                )
                SELECT pair.id, array_agg(pair.other_id ORDER BY pair.other_id)
                  FROM pair
                  JOIN person o ON o.id = pair.other_id
                 WHERE pair.other_id != pair.id AND o.active
                 GROUP BY pair.id
                """,
                scope=scope,
            )
        )
        return dict(rows)

    @api.depends("partner_id.zip", "partner_id.city")
    def _compute_commune_id(self):
        guesses = self.env["inclusion.commune"]._guess(
            [(person.zip, person.city, person.commune_id) for person in self]
        )
        for person, commune in zip(self, guesses, strict=True):
            person.commune_id = commune

    def _check_commune(self):
        """The address is checked against the official list once the contact (which holds
        it) is written: constraints of the beneficiary do not see the contact's fields."""
        self.env["inclusion.commune"]._check_addresses(
            [(person.zip, person.city, person.commune_id) for person in self]
        )

    @api.constrains("birthdate", "birth_year")
    def _check_birth(self):
        today = fields.Date.context_today(self)
        for beneficiary in self:
            birthdate = beneficiary.birthdate
            if birthdate and birthdate > today:
                raise ValidationError(self.env._("The birth date cannot be in the future."))
            if birthdate and birthdate.year < MIN_BIRTH_YEAR:
                raise ValidationError(self.env._("The birth date cannot be before 1900."))
            year = beneficiary.birth_year
            if year and not MIN_BIRTH_YEAR <= year <= today.year:
                raise ValidationError(
                    self.env._("The birth year must be between 1900 and this year.")
                )

    @api.constrains("consent_date")
    def _check_consent_date(self):
        today = fields.Date.context_today(self)
        if any(beneficiary.consent_date > today for beneficiary in self.filtered("consent_date")):
            raise ValidationError(self.env._("The consent date cannot be in the future."))

    @api.constrains(*SOCIAL_DATA_FIELDS, "consent_date", "company_id")
    def _check_consent(self):
        for beneficiary in self.filtered(lambda b: not b.consent_date):
            filled = [
                fname for fname in beneficiary._consent_required_fields() if beneficiary[fname]
            ]
            if filled:
                labels = ", ".join(
                    self._fields[fname].get_description(self.env)["string"] for fname in filled
                )
                raise ValidationError(
                    self.env._(
                        "Record the consent to the processing of personal data "
                        "before storing: %(fields)s.",
                        fields=labels,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        """Create the contact of each beneficiary entered by name only, in one batch."""
        # Contact defaults (default_name from "Create and edit…") go to the new contact with
        # the other contact values; left in the context, they would come back once popped
        # and reach the contact through the related fields' inverse, a write mediators may
        # not do.
        context_keys = {f"default_{fname}": fname for fname in CONTACT_FIELDS}
        defaults = {
            fname: self.env.context[key]
            for key, fname in context_keys.items()
            if key in self.env.context
        }
        context = {
            key: value for key, value in self.env.context.items() if key not in context_keys
        }
        without_defaults = self.with_env(self.env(context=context))
        for vals in vals_list:
            for fname, value in defaults.items():
                vals.setdefault(fname, value)
            self._check_protected_values(vals)
            self._normalize_contact_values(vals)
            if vals.get("consent_date"):
                vals.setdefault("consent_user_id", self.env.uid)
        self._check_linked_partners([vals.get("partner_id") for vals in vals_list])
        contacts = [self._pop_contact_values(vals) for vals in vals_list]
        without_partner = [
            (vals, contact)
            for vals, contact in zip(vals_list, contacts, strict=True)
            if not vals.get("partner_id")
        ]
        # Mediators have no contact rights: the new beneficiary's own contact is created
        # by the file that manages it.
        partners = (
            self.env["res.partner"]
            .sudo()
            .create(
                [self._prepare_partner_values(vals, contact) for vals, contact in without_partner]
            )
        )
        for (vals, _contact), partner in zip(without_partner, partners, strict=True):
            vals["partner_id"] = partner.id
        beneficiaries = super(InclusionBeneficiary, without_defaults).create(vals_list)
        for beneficiary, vals, contact in zip(beneficiaries, vals_list, contacts, strict=True):
            if contact and vals["partner_id"] not in partners.ids:
                beneficiary._write_contact(contact)
        beneficiaries._check_commune()
        return beneficiaries

    def write(self, vals):
        self._check_protected_values(vals)
        self._normalize_contact_values(vals)
        self._check_linked_partners([vals.get("partner_id")])
        contact = self._pop_contact_values(vals)
        if "consent_date" in vals:
            vals["consent_user_id"] = vals["consent_date"] and self.env.uid
        result = super().write(vals)
        if "consent_scope" in vals and "consent_date" not in vals:
            # A new scope is a new consent, recorded by this user.
            super(InclusionBeneficiary, self.filtered("consent_date")).write(
                {"consent_user_id": self.env.uid}
            )
        if contact:
            self._write_contact(contact)
        if {"zip", "city", "commune_id"} & {*contact, *vals}:
            self._check_commune()
        return result

    @api.model
    def _check_protected_values(self, vals):
        if "consent_user_id" in vals and not self.env.su:
            raise UserError(self.env._("The user who recorded the consent is set automatically."))

    @api.model
    def _check_linked_partners(self, partner_ids):
        """An existing contact becomes managed by the beneficiary file (see _write_contact):
        only a user who may already edit it can link it."""
        partners = self.env["res.partner"].browse([pid for pid in partner_ids if pid])
        if partners:
            partners.check_access("write")

    @api.model
    def _pop_contact_values(self, vals):
        return {fname: vals.pop(fname) for fname in CONTACT_FIELDS if fname in vals}

    def _write_contact(self, contact):
        self.check_access("write")
        # Mediators have no contact rights: the beneficiary file keeps its own contact
        # (created by it, or linked by a user allowed to edit it) up to date.
        self.partner_id.sudo().write(contact)

    @api.model
    def _prepare_partner_values(self, vals, contact):
        return {
            **contact,
            "company_id": vals.get("company_id", self.env.company.id),
        }

    @api.model
    def _normalize_contact_values(self, vals):
        """Check e-mail and phone before anything is written; store them in one format so
        that duplicates are found by simple equality."""
        if vals.get("email"):
            email = vals["email"].strip()
            if not single_email_re.match(email):
                raise ValidationError(
                    self.env._("The e-mail address %(email)s is not valid.", email=email)
                )
            vals["email"] = email_normalize(email)
        if vals.get("phone"):
            vals["phone"] = self._format_phone(vals["phone"])

    @api.model
    def _format_phone(self, number):
        try:
            parsed = phonenumbers.parse(number, "FR")
        except phonenumbers.NumberParseException:
            parsed = None
        if not parsed or not phonenumbers.is_valid_number(parsed):
            raise ValidationError(
                self.env._("The phone number %(phone)s is not valid.", phone=number)
            )
        number_format = (
            phonenumbers.PhoneNumberFormat.NATIONAL
            if parsed.country_code == 33
            else phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )
        return phonenumbers.format_number(parsed, number_format)

    def _merge_missing_values(self, others):
        """Complete this record with what only its duplicates know."""
        self.ensure_one()
        values = {}
        for fname in MERGED_FIELDS:
            donor = others.filtered(fname)[:1]
            if donor and not self[fname]:
                values[fname] = self._fields[fname].convert_to_write(donor[fname], donor)
        self.write(values)
        # What only the system may set: the proof of consent keeps the user who recorded
        # it, and the employee link (mediators may not read employees) moves as it is.
        system_values = {}
        if "consent_date" in values:
            consent_donor = others.filtered("consent_date")[:1]
            system_values["consent_user_id"] = consent_donor.consent_user_id.id
        # The employee link and the consent recorder are the system's: mediators cannot
        # read employees nor write the recorder, the merge moves them as they are.
        employee = others.sudo().employee_id
        if employee and not self.sudo().employee_id:
            others.sudo().employee_id = False
            system_values["employee_id"] = employee.id
        if system_values:
            self.sudo().write(system_values)

    @api.model
    def _cron_refresh_age_brackets(self):
        """Brackets move with birthdays: recompute the stored bracket every day."""
        beneficiaries = self.with_context(active_test=False).search(
            ["|", ("birthdate", "!=", False), ("birth_year", "!=", 0)]
        )
        self.env.add_to_compute(self._fields["age_bracket"], beneficiaries)
        beneficiaries.flush_recordset(["age_bracket"])

    # What the story shows depends on who reads it: never served from another user's cache.
    @api.depends_context("uid", "lang")
    def _compute_timeline_html(self):
        for beneficiary in self:
            if not beneficiary._origin:
                beneficiary.timeline_html = False
                continue
            events = sorted(
                beneficiary._origin._timeline_events(),
                key=lambda event: event["moment"],
                reverse=True,
            )
            beneficiary.timeline_html = self.env["ir.qweb"]._render(
                "inclusion_numerique.beneficiary_timeline", {"events": events}
            )

    def _timeline_events(self):
        """Hook: the events of this person's story, as _timeline_event dicts. Each add-on
        adds its own, reading only what the user may read (_timeline_records), with one
        query a model."""
        self.ensure_one()
        kinds = self._selection_labels("inclusion.support", "kind")
        states = self._selection_labels("inclusion.support", "state")
        events = [
            self._timeline_event(
                support.start,
                "fa-handshake-o",
                kinds[support.kind]
                + (f" ({states[support.state]})" if support.state != "done" else ""),
                ", ".join(support.theme_ids.mapped("name")),
            )
            for support in self._timeline_records("inclusion.support")
        ]
        levels = self._selection_labels("inclusion.diagnostic", "level")
        events += [
            self._timeline_event(
                diagnostic.date,
                "fa-tachometer",
                self.env._("Diagnostic: %(level)s", level=levels[diagnostic.level]),
                diagnostic.comment or "",
            )
            for diagnostic in self._timeline_records("inclusion.diagnostic")
        ]
        return events

    @api.model
    def _selection_labels(self, model, fname):
        """{code: label} of a selection field, in the user's language."""
        return dict(self.env[model]._fields[fname]._description_selection(self.env))

    def _timeline_records(self, model, domain=None):
        """This person's records of `model` (or those of `domain`) that the user may read
        (access rights and record rules), in one query; none when the user may not read the
        model at all."""
        records = self.env[model]
        if not records.has_access("read"):
            return records
        return records.search(domain or [("beneficiary_id", "=", self.id)])

    @api.model
    def _timeline_event(self, when, icon, title, detail=""):
        """One line of the story; `when` is a date or a (UTC) datetime."""
        if isinstance(when, datetime):
            day = fields.Datetime.context_timestamp(self, when).date()
        else:
            day, when = when, datetime.combine(when, time.min)
        return {
            "moment": when,
            "day": format_date(self.env, day),
            "icon": icon,
            "title": title,
            "detail": detail,
        }

    def action_record_visit(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "inclusion_numerique.inclusion_support_action_quick"
        )
        action["context"] = {"default_kind": "drop_in", "default_beneficiary_id": self.id}
        return action

    def action_open_supports(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "inclusion_numerique.inclusion_support_action"
        )
        action["domain"] = [("beneficiary_id", "=", self.id)]
        action["context"] = {"default_beneficiary_id": self.id}
        return action

    def action_open_diagnostics(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "inclusion_numerique.inclusion_diagnostic_action"
        )
        action["domain"] = [("beneficiary_id", "=", self.id)]
        action["context"] = {"default_beneficiary_id": self.id}
        return action

    def action_open_employee(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.employee",
            "res_id": self.employee_id.id,
            "view_mode": "form",
        }

    def action_merge_duplicates(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Merge beneficiaries"),
            "res_model": "inclusion.beneficiary.merge",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_beneficiary_ids": (self | self.duplicate_ids).ids,
                "default_target_id": self.id,
            },
        }
