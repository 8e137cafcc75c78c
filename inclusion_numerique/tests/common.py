import io
import re

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user
from odoo.tools.pdf import PdfFileReader

# The structure's identity, as the PDF tests expect it in every header and footer.
STRUCTURE = {
    "name": "Régie de Quartier Carcassonne Agglo",
    "street": "12 rue Barbès",
    "zip": "11000",
    "city": "Carcassonne",
    "company_registry": "44306184100047",
}


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
    def _person_values(cls, name, **values):
        """A person of the structure whose file the insertion team may see when the
        insertion add-on is installed (it shows advisers only the files they follow or
        that are shared with them)."""
        values.update(name=name, consent_date="2026-01-05")
        if "consent_insertion_sharing" in cls.env["inclusion.beneficiary"]._fields:
            values["consent_insertion_sharing"] = True
        return values

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

    def assertStructurePage(self, page, number=1, total=1):
        """`page`, the text of a page of a PDF (render_pdf_pages), carries the structure's
        name, address and SIRET (STRUCTURE) and its page number."""
        for expected in (
            STRUCTURE["name"],
            "12 rue Barbès, 11000 Carcassonne",
            "SIRET 44306184100047",
            f"Page {number} / {total}",
        ):
            self.assertIn(expected, page)

    @classmethod
    def _new_beneficiary(cls, company, **values):
        """A beneficiary with consent, created by the system in the given company."""
        return (
            cls.env["inclusion.beneficiary"]
            .with_company(company)
            .create({"consent_date": fields.Date.today(), "company_id": company.id, **values})
        )


def render_pdf_pages(report_ref, records, user=None):
    """The text of each page of the PDF of `report_ref` for `records`, printed by wkhtmltopdf
    (tests otherwise get HTML) as `user` in their language: spaces, non-breaking ones
    included, made single."""
    reports = records.env["ir.actions.report"]
    if user:
        reports = reports.with_user(user)
    reports = reports.with_context(force_report_rendering=True, lang=reports.env.user.lang)
    pdf, kind = reports._render_qweb_pdf(report_ref, records.ids)
    assert kind == "pdf" and pdf.startswith(b"%PDF"), "not a PDF"
    pages = PdfFileReader(io.BytesIO(pdf)).pages
    return [re.sub(r"\s+", " ", page.extract_text()) for page in pages]


class _Undo(Exception):
    """Rolls back an operation that the access table allowed."""


class AccessMatrixCase(InclusionCase):
    """Table-driven access test: each role tries each operation on each model through the
    ORM, as a caller of the external API would, and reads each sensitive field.

    An add-on's test declares MATRIX = {model: {role: the letters of what the role may do
    on a record of its own structure: r(ead), w(rite), c(reate), u(nlink)}} (a role not
    named may do nothing) and SENSITIVE_FIELDS = {model: {field: roles that may read it}},
    implements `_sample(model)` (a new {"record": …, "write": values, "create": values or
    a function of the user giving them} at each call), and calls assertAccessMatrix() and
    assertSensitiveFields()."""

    ROLES = ("mediator", "adviser", "accountant", "manager", "employee_user")
    maxDiff = None
    OPERATIONS = {"r": "read", "w": "write", "c": "create", "u": "unlink"}
    MATRIX = {}
    SENSITIVE_FIELDS = {}

    def _sample(self, model):
        raise NotImplementedError(model)

    def _allowed(self, user, letter, model):
        """Whether the user may do this; the operation is undone either way."""
        sample = self._sample(model)
        record = sample["record"].with_user(user)
        try:
            with self.env.cr.savepoint():
                if letter == "r":
                    record.read(["display_name"])
                elif letter == "w":
                    record.write(sample["write"])
                elif letter == "c":
                    values = sample["create"]
                    record.create(values(user) if callable(values) else values)
                else:
                    record.unlink()
                self.env.flush_all()
                raise _Undo
        except _Undo:
            return True
        except AccessError:
            return False
        finally:
            self.env.invalidate_all()

    def assertAccessMatrix(self):
        """Compares the whole table at once: the failure shows every cell that differs."""
        actual = {
            model: {
                role: "".join(
                    letter
                    for letter in self.OPERATIONS
                    if self._allowed(getattr(self, role), letter, model)
                )
                for role in self.ROLES
            }
            for model in self.MATRIX
        }
        expected = {
            model: {role: rights.get(role, "") for role in self.ROLES}
            for model, rights in self.MATRIX.items()
        }
        self.assertEqual(actual, expected)

    def assertSensitiveFields(self):
        actual, expected = {}, {}
        for model, fields_ in self.SENSITIVE_FIELDS.items():
            record = self._sample(model)["record"]
            for fname, readers in fields_.items():
                actual[model, fname] = tuple(
                    role for role in self.ROLES if self._can_read(record, fname, role)
                )
                expected[model, fname] = tuple(role for role in self.ROLES if role in readers)
        self.assertEqual(actual, expected)

    def _can_read(self, record, fname, role):
        try:
            record.with_user(getattr(self, role)).read([fname])
        except AccessError:
            return False
        return True
