from itertools import count

from odoo.tests import tagged

from .common import AccessMatrixCase

READERS = {"mediator": "r", "adviser": "r", "accountant": "r", "employee_user": "r"}


@tagged("post_install", "-at_install")
class TestBaseAccessMatrix(AccessMatrixCase):
    """Who may read, write, create and delete the base's records (README, "Roles")."""

    MATRIX = {
        "inclusion.beneficiary": {"mediator": "rwc", "adviser": "rwc", "manager": "rwcu"},
        "inclusion.support": {"mediator": "rwc", "adviser": "r", "manager": "rwcu"},
        "inclusion.diagnostic": {"mediator": "rwc", "adviser": "r", "manager": "rwcu"},
        "inclusion.theme": {**READERS, "manager": "rwcu"},
        "inclusion.organism": {**READERS, "manager": "rwcu"},
        "inclusion.place": {**READERS, "manager": "rwcu"},
        # The beneficiary's contact: kept by the beneficiary file, never edited directly.
        "res.partner": {"mediator": "r", "adviser": "r", "accountant": "r", "manager": "r"},
        # The audit trail: written by the system only, read by managers only.
        "inclusion.privacy.log": {"manager": "r"},
    }
    SENSITIVE_FIELDS = {
        "inclusion.beneficiary": {"notes": ("mediator", "manager")},
    }
    _serial = count()

    def _person(self, name):
        return self.env["inclusion.beneficiary"].create(
            self._person_values(name, phone="06 11 22 33 44", notes="<p>Expulsion</p>")
        )

    def _sample(self, model):
        theme = self.env.ref("inclusion_numerique.theme_email")
        if model == "inclusion.beneficiary":
            return {
                "record": self._person("Awa Traoré"),
                "write": {"phone": "06 99 88 77 66"},
                "create": self._person_values("Nouvelle personne"),
            }
        if model == "inclusion.support":
            values = {"beneficiary_id": self._person("Karim Haddad").id, "duration": 30}
            values["theme_ids"] = [theme.id]
            return {
                "record": self.env[model].create(values),
                "write": {"duration": 45},
                "create": values,
            }
        if model == "inclusion.diagnostic":
            values = {"beneficiary_id": self._person("Odette Martin").id, "level": "beginner"}
            return {
                "record": self.env[model].create(values),
                "write": {"level": "intermediate"},
                "create": values,
            }
        if model == "inclusion.privacy.log":
            person = self._person("Lucie Petit")
            values = {
                "user_id": self.env.uid,
                "beneficiary_id": person.id,
                "company_id": self.company.id,
                "action": "open",
            }
            return {
                "record": self.env[model].create(values),
                "write": {"action": "export"},
                "create": values,
            }
        if model == "res.partner":
            return {
                "record": self._person("Sylvie Martin").partner_id,
                "write": {"phone": "06 00 00 00 00"},
                "create": {"name": "Contact"},
            }
        values, existing = {"name": f"Nouveau {model}"}, {"name": "Existant"}
        if model in ("inclusion.theme", "inclusion.organism"):  # codes are unique
            values["code"], existing["code"] = "matrix_new", f"matrix_{next(self._serial)}"
        return {
            "record": self.env[model].create(existing),
            "write": {"name": "Renommé"},
            "create": values,
        }

    def test_access_matrix(self):
        self.assertAccessMatrix()

    def test_sensitive_fields(self):
        self.assertSensitiveFields()
