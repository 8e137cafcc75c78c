"""Personal-data lifecycle of a beneficiary (RGPD): information notice, consent and its
withdrawal, birth-year-only minimisation, retention and anonymisation, audit trail.

The other add-ons extend the hooks named `_privacy_*` for the data they add."""

import contextlib
import operator
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, html2plaintext, split_every

from .inclusion_beneficiary import NAMED_SHARING_CONSENT_SCOPES, SOCIAL_DATA_FIELDS
from .inclusion_diagnostic import PIX_SCORE_FIELDS

SEARCH_OPERATORS = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "=": operator.eq,
}
# People whose anonymisation is due within this many days are listed for a check.
ERASURE_WARNING_DAYS = 30
ANONYMISATION_BATCH_SIZE = 500
# Recorded by their actions only, never written by hand or through the API.
SYSTEM_PRIVACY_FIELDS = ["consent_withdrawal_date", "is_anonymised", "anonymisation_date"]
# Columns emptied on an anonymised person (identity, situation, notes). Gender, status,
# QPV, age bracket and digital level stay: the report reads them for workshop attendance
# (support sessions keep their own snapshot).
ANONYMISED_COLUMNS = [
    "birthdate",
    "birth_year",
    "has_computer",
    "has_smartphone",
    "has_tablet",
    "has_internet",
    "has_email",
    "prescriber_type",
    "prescriber_partner_id",
    "notes",
    "employee_id",
    "consent_date",
    "consent_user_id",
    "information_notice_date",
    "information_notice_user_id",
]
# What the right of access shows of the person's own file.
PERSON_ACCESS_FIELDS = [
    "name",
    "phone",
    "email",
    "street",
    "zip",
    "city",
    *SOCIAL_DATA_FIELDS,
    "age_bracket",
    "digital_level",
    "employee_id",
    "consent_date",
    "consent_user_id",
    "consent_scope",
    "consent_withdrawal_date",
    "information_notice_date",
    "information_notice_user_id",
    "create_date",
]
# Contact columns emptied; the commune and zip stay for the statistics.
ANONYMISED_PARTNER_COLUMNS = [
    "email",
    "phone",
    "mobile",
    "street",
    "street2",
    "website",
    "comment",
    "vat",
    "ref",
    "function",
]


class InclusionBeneficiary(models.Model):
    _inherit = "inclusion.beneficiary"

    information_notice_date = fields.Date(
        string="Information notice given on",
        tracking=True,
        help="Date the person received the notice on the processing of their data.",
    )
    # Proof of the notice: set by the system to the user who records it, as the consent.
    information_notice_user_id = fields.Many2one(
        "res.users", string="Notice given by", readonly=True
    )
    consent_withdrawal_date = fields.Date(string="Consent withdrawn on", readonly=True)
    needs_consent = fields.Boolean(
        string="Consent needed",
        compute="_compute_needs_consent",
        help="The structure's legal basis is consent and none is recorded yet.",
    )
    birth_year_only = fields.Boolean(related="company_id.inclusion_birth_year_only")
    is_anonymised = fields.Boolean(string="Anonymised", readonly=True, index=True)
    anonymisation_date = fields.Date(string="Anonymised on", readonly=True)
    last_activity_date = fields.Date(
        string="Last activity",
        compute="_compute_erasure_dates",
        help="Latest support session, workshop attendance, handover or contract; the "
        "creation of the file when there is none.",
    )
    erasure_due_date = fields.Date(
        string="Anonymisation due on",
        compute="_compute_erasure_dates",
        search="_search_erasure_due_date",
        help="Last activity plus the retention period of the structure.",
    )

    @api.depends("consent_date", "company_id.inclusion_legal_basis")
    def _compute_needs_consent(self):
        for beneficiary in self:
            beneficiary.needs_consent = (
                beneficiary.company_id.inclusion_legal_basis == "consent"
                and not beneficiary.consent_date
            )

    # ---- Consent required where the law wants it ------------------------------------

    def _consent_required_fields(self):
        """Fields that only a consent allows storing for this person: every social data
        under the consent basis; none under a public-interest mission or a legitimate
        interest, where only sharing needs it (see _check_sharing_consent)."""
        self.ensure_one()
        if self.company_id.inclusion_legal_basis == "consent":
            return list(SOCIAL_DATA_FIELDS)
        return []

    @api.constrains("consent_scope", "consent_date")
    def _check_sharing_consent(self):
        if self.filtered(
            lambda b: b.consent_scope in NAMED_SHARING_CONSENT_SCOPES and not b.consent_date
        ):
            raise ValidationError(
                self.env._(
                    "Sharing with the referring partner needs the person's consent: record "
                    "it first."
                )
            )

    def _privacy_consent_withdrawal_values(self):
        """Values written when the consent is withdrawn: what only the consent allowed."""
        self.ensure_one()
        values = {fname: False for fname in self._consent_required_fields()}
        values.update(consent_date=False, consent_scope="support")
        return values

    def action_withdraw_consent(self):
        """Withdraw the consent: sharing stops and the data only it allowed is removed.
        The statistics already recorded for past sessions stay (a withdrawal does not
        undo the processing made before it)."""
        without = self.filtered(lambda b: not b.consent_date)
        if without:
            raise UserError(
                self.env._(
                    "There is no consent to withdraw for %(names)s: it was already "
                    "withdrawn or never recorded.",
                    names=", ".join(without.mapped("name")),
                )
            )
        today = fields.Date.context_today(self)
        with self._privacy_protecting_snapshots():
            for beneficiary in self:
                values = beneficiary._privacy_consent_withdrawal_values()
                labels = [
                    self._fields[fname].get_description(self.env)["string"]
                    for fname in values
                    if fname in SOCIAL_DATA_FIELDS and beneficiary[fname]
                ]
                beneficiary.write(values)
                # A date only the button records (see _check_privacy_system_values).
                beneficiary.sudo().consent_withdrawal_date = today
                beneficiary.message_post(
                    body=self.env._(
                        "Consent withdrawn: sharing stopped; removed: %(fields)s.",
                        fields=", ".join(labels) or self.env._("nothing else"),
                    )
                )
        self.env["inclusion.privacy.log"]._log(self, "withdrawal")
        return True

    @contextlib.contextmanager
    def _privacy_protecting_snapshots(self):
        """Keep the statistics snapshots of past activity (gender, age bracket, status,
        commune, QPV per session) while the person's data is changed or removed."""
        with self.env.protecting(self._privacy_snapshot_fields()):
            yield

    def _privacy_snapshot_fields(self):
        """Hook: [(fields, records)] whose stored values must not be recomputed."""
        support = self.env["inclusion.support"]
        snapshot = [field for name, field in support._fields.items() if name.startswith("person_")]
        # Every session of the person, including those the user may not read.
        supports = support.sudo().search([("beneficiary_id", "in", self.ids)])
        return [(snapshot, supports)]

    # ---- Information notice and birth year only --------------------------------------

    @api.constrains("information_notice_date")
    def _check_information_notice_date(self):
        today = fields.Date.context_today(self)
        dated = self.filtered("information_notice_date")
        if any(beneficiary.information_notice_date > today for beneficiary in dated):
            raise ValidationError(
                self.env._("The information notice cannot be dated in the future.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_privacy_system_values(vals)
            if vals.get("information_notice_date"):
                vals.setdefault("information_notice_user_id", self.env.uid)
            company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
            self._privacy_birth_year_only(vals, company)
        return super().create(vals_list)

    def write(self, vals):
        self._check_privacy_system_values(vals)
        if "information_notice_date" in vals:
            vals["information_notice_user_id"] = vals["information_notice_date"] and self.env.uid
        self._privacy_birth_year_only(vals, self.company_id)
        changed = [fname for fname in SOCIAL_DATA_FIELDS if fname in vals]
        result = super().write(vals)
        if changed:
            self.env["inclusion.privacy.log"]._log(self, "change", details=", ".join(changed))
        return result

    @api.model
    def _check_privacy_system_values(self, vals):
        if "information_notice_user_id" in vals and not self.env.su:
            raise UserError(
                self.env._("The user who gave the information notice is set automatically.")
            )
        if set(vals) & set(SYSTEM_PRIVACY_FIELDS) and not self.env.su:
            raise UserError(
                self.env._(
                    "The withdrawal of the consent and the anonymisation are recorded by "
                    "their buttons only."
                )
            )

    @api.model
    def _privacy_birth_year_only(self, vals, companies):
        """Structures storing the birth year only keep the year of a given birth date."""
        if vals.get("birthdate") and any(companies.mapped("inclusion_birth_year_only")):
            vals["birth_year"] = fields.Date.to_date(vals["birthdate"]).year
            vals["birthdate"] = False

    @api.model
    def _privacy_keep_birth_years(self, companies):
        """A structure switching to the birth year only keeps the year of the birth dates
        it holds. In SQL: the sessions' age brackets of the past stay as recorded."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """UPDATE inclusion_beneficiary
                      SET birth_year = extract(year FROM birthdate), birthdate = NULL
                    WHERE birthdate IS NOT NULL AND company_id = ANY(%s)""",
                companies.ids,
            )
        )
        self.invalidate_model(["birthdate", "birth_year", "age"])

    def action_record_information_notice(self):
        self.write({"information_notice_date": fields.Date.context_today(self)})
        return True

    def action_print_information_notice(self):
        return self.env.ref("inclusion_numerique.action_report_information_notice").report_action(
            self
        )

    # ---- Audit trail of form opens -----------------------------------------------------

    def web_read(self, specification):
        result = super().web_read(specification)
        # The web client reads one record to open its form (lists use web_search_read); a
        # new record (onchange of a form being filled) has no file yet.
        if len(self) == 1 and self.id:
            self.env["inclusion.privacy.log"]._log_open(self)
        return result

    # ---- Retention ----------------------------------------------------------------------

    def _privacy_activity_dates_sql(self):
        """Hook: SQL expressions giving a date of activity of the beneficiary `b` (NULL
        when none), each add-on adding its own records."""
        return [
            SQL("(SELECT max(s.date) FROM inclusion_support s WHERE s.beneficiary_id = b.id)"),
            SQL("(SELECT max(d.date) FROM inclusion_diagnostic d WHERE d.beneficiary_id = b.id)"),
        ]

    @api.model
    def _privacy_erasure_rows(self, scope):
        """[(id, last activity, anonymisation due date)] of the people in `scope` (an SQL
        condition on `b`), in one query whatever their number."""
        self.env.flush_all()
        return self.env.execute_query(
            SQL(
                """
                SELECT b.id, last.date,
                       (last.date + make_interval(months => c.inclusion_retention_months))::date
                  FROM inclusion_beneficiary b
                  JOIN res_company c ON c.id = b.company_id
                 CROSS JOIN LATERAL (
                       SELECT COALESCE(GREATEST(%(dates)s), b.create_date::date) AS date
                 ) last
                 WHERE NOT COALESCE(b.is_anonymised, FALSE) AND %(scope)s
                 ORDER BY b.id
                """,
                dates=SQL(", ").join(self._privacy_activity_dates_sql()),
                scope=scope,
            )
        )

    def _compute_erasure_dates(self):
        rows = {
            row[0]: row[1:]
            for row in self._privacy_erasure_rows(SQL("b.id = ANY(%s)", self._origin.ids))
        }
        for beneficiary in self:
            last, due = rows.get(beneficiary._origin.id, (False, False))
            beneficiary.last_activity_date = last
            beneficiary.erasure_due_date = due

    def _search_erasure_due_date(self, operator, value):
        if operator not in SEARCH_OPERATORS or not value:
            raise ValidationError(self.env._("Unsupported search on the anonymisation date."))
        scope = SQL("b.company_id = ANY(%s)", self.env.companies.ids)
        due_ids = [
            row[0]
            for row in self._privacy_erasure_rows(scope)
            if SEARCH_OPERATORS[operator](row[2], fields.Date.to_date(value))
        ]
        return [("id", "in", due_ids)]

    # ---- Anonymisation -------------------------------------------------------------------

    def _privacy_erasure_blockers(self):
        """Hook: {beneficiary: [reasons]} of the people who cannot be anonymised yet."""
        return {}

    def action_anonymise(self):
        """Serve a request for erasure now (managers only)."""
        if not self.env.user.has_group("inclusion_numerique.group_manager"):
            raise UserError(self.env._("Only a manager can anonymise a person."))
        self.check_access("write")
        anonymised = self.filtered("is_anonymised")
        if anonymised:
            raise UserError(
                self.env._(
                    "%(names)s is already anonymised.",
                    names=", ".join(anonymised.mapped("name")),
                )
            )
        blockers = self._privacy_erasure_blockers()
        if blockers:
            reasons = "\n".join(
                f"- {person.name}: {'; '.join(reasons)}" for person, reasons in blockers.items()
            )
            raise UserError(self.env._("Nothing was anonymised:\n%(reasons)s", reasons=reasons))
        self._privacy_anonymise()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("The person's data was anonymised."),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _privacy_anonymise(self):
        """Remove identity, contact details, notes, diagnostics comments, messages,
        tracking values and attachments; keep the statistics of past activity. In SQL:
        the stored snapshots of the sessions are not recomputed, and 10,000 people take
        seconds. Checked by the callers (button, scheduled action)."""
        if not self:
            return
        self.env.flush_all()
        self.env["inclusion.privacy.log"]._log(self, "anonymisation")
        threads = self._privacy_erase_related()
        self._privacy_delete_threads(threads)
        self._privacy_anonymise_partners()
        self.env.cr.execute(
            SQL(
                """UPDATE inclusion_beneficiary
                      SET name = %(label)s || ' ' || id, %(columns)s,
                          consent_scope = 'support', is_anonymised = TRUE, active = FALSE,
                          anonymisation_date = %(today)s, write_uid = %(uid)s,
                          write_date = now() AT TIME ZONE 'UTC'
                    WHERE id = ANY(%(ids)s)""",
                label=self.env._("Anonymised person"),
                columns=SQL(", ").join(
                    SQL("%s = NULL", SQL.identifier(column)) for column in ANONYMISED_COLUMNS
                ),
                today=fields.Date.context_today(self),
                uid=self.env.uid,
                ids=self.ids,
            )
        )
        self.env.invalidate_all()

    def _privacy_erase_related(self):
        """Hook: empty the free texts of the person's records, and return
        {model: ids} of the records whose messages and attachments go."""
        # Every session of the person, including those the user may not read.
        supports = (
            self.env["inclusion.support"].sudo().search([("beneficiary_id", "in", self.ids)])
        )
        self.env.cr.execute(
            SQL("UPDATE inclusion_support SET notes = NULL WHERE id = ANY(%s)", supports.ids)
        )
        self.env.cr.execute(
            SQL(
                "UPDATE inclusion_diagnostic SET comment = NULL WHERE beneficiary_id = ANY(%s)",
                self.ids,
            )
        )
        return {"inclusion.beneficiary": self.ids, "inclusion.support": supports.ids}

    def _privacy_delete_threads(self, threads):
        """Messages (their tracking values and notifications cascade), followers,
        activities and attachments of the given records."""
        for model, ids in threads.items():
            if not ids:
                continue
            for table, model_column in (
                ("mail_message", "model"),
                ("mail_followers", "res_model"),
                ("mail_activity", "res_model"),
            ):
                self.env.cr.execute(
                    SQL(
                        "DELETE FROM %s WHERE %s = %s AND res_id = ANY(%s)",
                        SQL.identifier(table),
                        SQL.identifier(model_column),
                        model,
                        list(ids),
                    )
                )
            # The files of the filestore go with their records (garbage collected).
            self.env["ir.attachment"].sudo().search(
                [("res_model", "=", model), ("res_id", "in", list(ids))]
            ).unlink()

    def _privacy_partners_kept_for_accounting(self, partners):
        """Hook: the contacts that accounting documents (receipts, invoices) name: they
        keep the name and address that accounting law requires."""
        return partners.browse()

    def _privacy_anonymise_partners(self):
        # As superuser: the contacts of the people being anonymised (a manager's erasure or
        # the nightly job), which the contacts' own rules may hide from the caller.
        partners = self.sudo().partner_id
        kept = self._privacy_partners_kept_for_accounting(partners)
        if kept:
            # The person gets a new anonymous contact; the old one stays, archived,
            # behind the accounting documents, without phone or e-mail.
            self.env.cr.execute(
                SQL(
                    "UPDATE res_partner SET %s, active = FALSE WHERE id = ANY(%s)",
                    SQL(", ").join(
                        SQL("%s = NULL", SQL.identifier(column))
                        for column in ("email", "phone", "mobile")
                    ),
                    kept.ids,
                )
            )
            owners = self.sudo().filtered(lambda b: b.partner_id in kept)  # as above
            # Created as superuser: mediators have no contact rights (see create()).
            new_partners = (
                self.env["res.partner"]
                .sudo()
                .create(
                    [
                        {
                            "name": self.env._("Anonymised person"),
                            "city": owner.partner_id.city,
                            "zip": owner.partner_id.zip,
                            "company_id": owner.company_id.id,
                            "active": False,
                        }
                        for owner in owners
                    ]
                )
            )
            self.env.cr.execute(
                SQL(
                    """UPDATE inclusion_beneficiary b SET partner_id = new.partner_id
                         FROM unnest(%s::int[], %s::int[]) AS new(id, partner_id)
                        WHERE b.id = new.id""",
                    owners.ids,
                    new_partners.ids,
                )
            )
        erased = partners - kept
        self.env.cr.execute(
            SQL(
                """UPDATE res_partner SET name = %(label)s, complete_name = %(label)s,
                          %(columns)s, active = FALSE
                    WHERE id = ANY(%(ids)s)""",
                label=self.env._("Anonymised person"),
                columns=SQL(", ").join(
                    SQL("%s = NULL", SQL.identifier(c)) for c in ANONYMISED_PARTNER_COLUMNS
                ),
                ids=erased.ids,
            )
        )
        self._privacy_delete_threads({"res.partner": erased.ids})

    @api.model
    def _privacy_due_ids(self, on_date=None):
        """Ids of the people whose anonymisation is due on `on_date` (today)."""
        on_date = on_date or fields.Date.context_today(self)
        return [row[0] for row in self._privacy_erasure_rows(SQL("TRUE")) if row[2] <= on_date]

    @api.model
    def _cron_anonymise_inactive(self, batch_size=ANONYMISATION_BATCH_SIZE, commit=False):
        """Anonymise the people past the retention period, in batches: each batch is
        committed (scheduled action only) and the cache emptied, so memory stays flat."""
        due_ids = self._privacy_due_ids()
        done = 0
        for batch_ids in split_every(batch_size, due_ids):
            batch = self.with_context(active_test=False).browse(batch_ids)
            blocked = self.browse([person.id for person in batch._privacy_erasure_blockers()])
            (batch - blocked)._privacy_anonymise()
            done += len(batch)
            self.env["ir.cron"]._notify_progress(done=done, remaining=len(due_ids) - done)
            if commit:
                self.env.cr.commit()  # pylint: disable=invalid-commit
            self.env.invalidate_all()
        return done

    @api.model
    def action_open_erasure_due_soon(self):
        """The people to anonymise within 30 days, for a manager to check before."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "inclusion_numerique.inclusion_beneficiary_erasure_action"
        )
        limit = fields.Date.context_today(self) + timedelta(days=ERASURE_WARNING_DAYS)
        action["domain"] = [("erasure_due_date", "<=", limit)]
        return action

    def action_export_personal_data(self):
        self.ensure_one()
        wizard = self.env["inclusion.beneficiary.access.export"].create(
            {"beneficiary_id": self.id}
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Personal data of %(name)s", name=self.name),
            "res_model": wizard._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    # ---- Right of access ----------------------------------------------------------------

    def _privacy_access_sections(self):
        """Hook: what is stored about the person, each add-on adding its sections as
        {key, title, model, domain, fields}. Read as the user: a section, record or field
        they may not read is left out."""
        self.ensure_one()
        return [
            {
                "key": "person",
                "title": self.env._("Identity and situation"),
                "model": "inclusion.beneficiary",
                "domain": [("id", "=", self.id)],
                "fields": PERSON_ACCESS_FIELDS,
            },
            {
                "key": "supports",
                "title": self.env._("Support sessions"),
                "model": "inclusion.support",
                "domain": [("beneficiary_id", "=", self.id)],
                "fields": [
                    "start",
                    "kind",
                    "state",
                    "duration",
                    "mediator_id",
                    "place_id",
                    "theme_ids",
                    "procedure_domain_ids",
                    "organism_ids",
                    "equipment_used",
                    "autonomy",
                    "orientation",
                    "notes",
                ],
            },
            {
                "key": "diagnostics",
                "title": self.env._("Digital diagnostics"),
                "model": "inclusion.diagnostic",
                "domain": [("beneficiary_id", "=", self.id)],
                "fields": ["date", "tool", "level", *PIX_SCORE_FIELDS, "comment", "mediator_id"],
            },
            {
                "key": "messages",
                "title": self.env._("Messages"),
                "model": "mail.message",
                "domain": [("model", "=", self._name), ("res_id", "=", self.id)],
                "fields": ["date", "author_id", "message_type", "subject", "body"],
            },
            {
                "key": "attachments",
                "title": self.env._("Attachments"),
                "model": "ir.attachment",
                "domain": [("res_model", "=", self._name), ("res_id", "=", self.id)],
                "fields": ["name", "mimetype", "file_size", "create_date"],
            },
        ]

    def _privacy_access_data(self):
        """Everything stored about the person that the user may read, as plain values."""
        self.ensure_one()
        sections = []
        for section in self._privacy_access_sections():
            model = self.env[section["model"]]
            if not model.has_access("read"):
                continue
            names = [
                fname
                for fname in section["fields"]
                if model._fields[fname].is_accessible(self.env)
            ]
            records = model.search(section["domain"])._filtered_access("read")
            sections.append(
                {
                    "key": section["key"],
                    "title": section["title"],
                    "columns": [
                        {
                            "name": fname,
                            "label": model._fields[fname]._description_string(self.env),
                        }
                        for fname in names
                    ],
                    "records": [
                        {fname: _plain_value(record, fname) for fname in names}
                        for record in records
                    ],
                }
            )
        return {
            "person": self.name,
            "structure": self.company_id.name,
            "generated_on": fields.Datetime.to_string(fields.Datetime.now()),
            "generated_by": self.env.user.name,
            "sections": sections,
        }


def _plain_value(record, fname):
    """A field's value as the person would read it: labels, names, plain text."""
    field = record._fields[fname]
    value = record[fname]
    if field.type == "selection":
        return dict(field._description_selection(record.env)).get(value) or ""
    if field.type == "many2one":
        return value._filtered_access("read").display_name or ""
    if field.type in ("one2many", "many2many"):
        return ", ".join(value._filtered_access("read").mapped("display_name"))
    if field.type == "html":
        return html2plaintext(value or "")
    if field.type in ("date", "datetime"):
        return value.isoformat() if value else ""
    if value is False and field.type != "boolean":
        return ""
    return value
