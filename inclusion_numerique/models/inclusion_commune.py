import csv
import gzip
import re
import unicodedata

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, file_path

# Official list of communes by postal code, built by scripts/build_communes.py from the
# open data of the `codes-postaux` package (INSEE COG, DGFiP; Licence Ouverte 2.0).
COMMUNES_FILE = "inclusion_numerique/data/communes.csv.gz"
LOAD_BATCH = 5000


def normalize_name(name):
    """A commune name as people type it, compared without accents, case, hyphens,
    apostrophes or the "St"/"Ste" abbreviations."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    words = re.sub(r"[^A-Z0-9]+", " ", text.upper()).split()
    abbreviations = {"ST": "SAINT", "STE": "SAINTE"}
    return " ".join(abbreviations.get(word, word) for word in words)


def department_of(insee_code):
    """Département code of an INSEE commune code (3 digits overseas: 971…976)."""
    return insee_code[:3] if insee_code.startswith("97") else insee_code[:2]


class InclusionCommune(models.Model):
    """A commune under one of its postal codes, from the official list (read only)."""

    _name = "inclusion.commune"
    _description = "Commune"
    _order = "zip, name"
    _rec_names_search = ["name", "zip", "insee_code"]

    name = fields.Char(required=True, readonly=True)
    zip = fields.Char(string="Postal code", required=True, index=True, readonly=True)
    insee_code = fields.Char(string="INSEE code", required=True, index=True, readonly=True)
    routing_label = fields.Char(readonly=True, help="La Poste's routing label (ligne 6).")
    department_code = fields.Char(string="Département", index=True, readonly=True)

    _sql_constraints = [
        ("zip_insee_uniq", "unique(zip, insee_code)", "A commune is listed once per postal code.")
    ]

    @api.depends("name", "zip")
    def _compute_display_name(self):
        for commune in self:
            commune.display_name = f"{commune.name} ({commune.zip})"

    def init(self):
        """Load the official list once, when the add-on is installed or updated on a
        database that lacks it (35,000 rows in batches, no ORM overhead)."""
        self.env.cr.execute(SQL("SELECT 1 FROM %s LIMIT 1", SQL.identifier(self._table)))
        if self.env.cr.rowcount:
            return
        with gzip.open(file_path(COMMUNES_FILE), "rt", encoding="utf-8") as data:
            rows = [
                (row["zip"], row["insee_code"], row["name"], row["routing_label"])
                for row in csv.DictReader(data)
            ]
        for start in range(0, len(rows), LOAD_BATCH):
            self.env.cr.execute(
                SQL(
                    """INSERT INTO inclusion_commune
                           (zip, insee_code, name, routing_label, department_code)
                       VALUES %s""",
                    SQL(", ").join(
                        SQL("(%s, %s, %s, %s, %s)", *row, department_of(row[1]))
                        for row in rows[start : start + LOAD_BATCH]
                    ),
                )
            )

    @api.model
    def _by_zip(self, zip_codes):
        """{postal code: communes under it} for the given postal codes, in one query."""
        communes = self.search([("zip", "in", list(set(filter(None, zip_codes))))])
        by_zip = {}
        for commune in communes:
            by_zip[commune.zip] = by_zip.get(commune.zip, self.browse()) | commune
        return by_zip

    def _matching(self, city):
        """The communes of self whose name or routing label is the given commune."""
        wanted = normalize_name(city)
        return self.filtered(
            lambda commune: (
                wanted in (normalize_name(commune.name), normalize_name(commune.routing_label))
            )
        )

    @api.model
    def _guess(self, addresses):
        """[commune or empty] for (postal code, commune name, current commune) triples: the
        current one while it is still under the postal code, else the only commune of the
        postal code that has that name (or the only one of the postal code)."""
        by_zip = self._by_zip([zip_code for zip_code, _city, _current in addresses])
        guesses = []
        for zip_code, city, current in addresses:
            candidates = by_zip.get(zip_code, self.browse())
            named = candidates._matching(city) if city else candidates
            if current in candidates and (not city or current in named):
                guesses.append(current)
            else:
                guesses.append(named if len(named) == 1 else self.browse())
        return guesses

    @api.model
    def _check_addresses(self, addresses):
        """Refuse an unknown postal code, a commune that is not under it, or a chosen
        commune of another postal code: addresses are (postal code, commune name, chosen
        commune) triples."""
        by_zip = self._by_zip([zip_code for zip_code, _city, _commune in addresses])
        for zip_code, city, commune in addresses:
            if not zip_code:
                continue
            candidates = by_zip.get(zip_code)
            if not candidates:
                raise ValidationError(
                    self.env._("The postal code %s is not in the official list.", zip_code)
                )
            if city and not candidates._matching(city):
                raise ValidationError(
                    self.env._(
                        "The commune %(city)s does not match the postal code %(zip)s"
                        " (communes under it: %(names)s).",
                        city=city,
                        zip=zip_code,
                        names=", ".join(sorted(set(candidates.mapped("name")))),
                    )
                )
            if commune and commune.zip != zip_code:
                raise ValidationError(
                    self.env._(
                        "The INSEE commune %(commune)s is not under the postal code %(zip)s.",
                        commune=commune.display_name,
                        zip=zip_code,
                    )
                )
