from odoo import fields, models
from odoo.addons.inclusion_numerique.models.inclusion_beneficiary import (
    NAMED_SHARING_CONSENT_SCOPES,
    NATIONAL_SOCIAL_STATUS,
)
from odoo.addons.inclusion_numerique_workshop.models.inclusion_attendance import (
    ATTENDED_STATES,
)
from odoo.tools import SQL

from .pg_settings import local_settings

# Sheet and columns of the national tool of digital mediators (La Coop de la médiation
# numérique): the layout of its activities export (buildAccompagnementsWorksheet.ts, a
# mediator's own export), in French whatever the user's language.
SHEET_NAME = "Activités"
COLUMNS = [
    "Date",
    "Enregistré le",
    "Dernière modification le",
    "Type",
    "Participants",
    "Bénéficiaire",
    "Canaux d’accompagnement",
    "Nom du lieu",
    "Adresse",
    "Commune",
    "Code postal",
    "Code Insee",
    "Durée (min)",
    "Nom de l’atelier",
    "Matériel numérique utilisé",
    "Thématique(s) d’accompagnement",
    "Tags",
    "Nom de la démarche administrative",
    "Niveau d’autonomie (ou de l’atelier)",
    "Bénéficiaire réorienté",
    "Structure de redirection",
    "Commune du bénéficiaire",
    "Code postal du bénéficiaire",
    "Code Insee du bénéficiaire",
    "Genre du bénéficiaire",
    "Tranche d’âge du bénéficiaire",
    "Statut du bénéficiaire",
    "Notes supplémentaires",
    "ID CRA",
]
# Autonomy and workshop levels as La Coop writes them: stars out of three.
STARS = {"guided": 1, "partly_autonomous": 2, "autonomous": 3}
LEVEL_STARS = {"beginner": 1, "intermediate": 2, "advanced": 3}
# Several values in a cell (materials, themes, tags): one per line.
CELL_SEPARATOR = "\n"
TYPE_INDIVIDUAL = "Accompagnement individuel"
TYPE_WORKSHOP = "Atelier collectif"
ANONYMOUS = "Anonyme"
YES, NO = "Oui", "Non"
FETCH_SIZE = 2000


class ReportNationalExportXlsx(models.AbstractModel):
    """Activities in the layout of the national mediators' tool, one row per person and
    contact, streamed from the database (xlsxwriter's constant memory mode).

    A person's name and the notes leave the structure only when the person consented to
    sharing; the other rows are anonymous, with their statistical dimensions kept."""

    _name = "report.inclusion_numerique.report_national_export_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Export for the national mediators' tool"

    def get_workbook_options(self):
        return {"constant_memory": True, "default_date_format": "dd/mm/yyyy"}

    def generate_xlsx_report(self, workbook, data, wizards):
        sheet = workbook.add_worksheet(SHEET_NAME)
        bold = workbook.add_format({"bold": True})
        sheet.write_row(0, 0, COLUMNS, bold)
        row_index = 0
        for wizard in wizards:
            for row in self._export_rows(wizard._activity_domain()):
                row_index += 1
                sheet.write_datetime(row_index, 0, row[0])
                sheet.write_row(row_index, 1, row[1:])

    def _labels(self):
        """{field name: {code: label}} of the selections exported, in French when the
        language is installed (the national tool is French)."""
        lang = "fr_FR" if self.env["res.lang"]._lang_get("fr_FR") else self.env.lang
        support = self.env["inclusion.support"].with_context(lang=lang)
        workshop = self.env["inclusion.workshop"].with_context(lang=lang)
        labels = {
            fname: dict(model._fields[fname]._description_selection(model.env))
            for model, fnames in (
                (
                    support,
                    [
                        "place_type",
                        "equipment_used",
                        "autonomy",
                        "orientation",
                        "person_gender",
                        "person_age_bracket",
                        "person_social_status",
                    ],
                ),
                (workshop, ["level"]),
            )
            for fname in fnames
        }
        place_types = labels["place_type"]
        labels["place_type"] = {**place_types, None: place_types["activity_place"]}
        return labels

    def _export_query(self, domain):
        """SQL of the rows of the activity analysis matching `domain` (the period and
        filters of the report), restricted by the access rules. The rows are selected
        once (`r`); names and participant counts are aggregated for those rows only, so
        that a month costs a month and a year a year."""
        report = self.env["inclusion.activity.report"]
        rows = report._search(domain).select(
            *(
                SQL.identifier(report._table, fname)
                for fname in (
                    "id",
                    "date",
                    "kind",
                    "support_id",
                    "attendance_id",
                    "workshop_id",
                    "session_id",
                    "mediator_id",
                    "beneficiary_id",
                    "place_id",
                    "duration",
                    "person_city",
                    "person_zip",
                    "person_gender",
                    "person_age_bracket",
                    "person_social_status",
                    "person_commune_id",
                    "programme_id",
                )
            )
        )
        support = self.env["inclusion.support"]
        return SQL(
            """
            WITH r AS MATERIALIZED (%(rows)s),
            th AS (%(themes)s), dm AS (%(domains)s), og AS (%(organisms)s),
            wth AS (%(workshop_themes)s),
            pc AS (SELECT x.id AS attendance_id,
                          row_number() OVER (PARTITION BY x.session_id ORDER BY x.id) AS rank,
                          count(*) OVER (PARTITION BY x.session_id) AS participants
                     FROM inclusion_attendance x
                    WHERE x.state IN %(attended)s
                      AND x.session_id IN (SELECT r.session_id FROM r))
            SELECT r.date, COALESCE(s.create_date, att.create_date),
                   COALESCE(s.write_date, att.write_date), r.kind,
                   pc.rank, pc.participants,
                   CASE WHEN %(named)s THEN b.name END,
                   s.place_type, pl.name, pl.street,
                   pl.city, pl.zip, plc.insee_code, r.duration, w.name, s.equipment_used,
                   COALESCE(th.names, wth.names), prog.name,
                   concat_ws(', ', dm.names, og.names), s.autonomy, w.level, s.orientation,
                   orp.name, r.person_city, r.person_zip, pcm.insee_code, r.person_gender,
                   r.person_age_bracket, r.person_social_status,
                   CASE WHEN %(named)s THEN s.notes END, r.id
              FROM r
              LEFT JOIN inclusion_support s ON s.id = r.support_id
              LEFT JOIN inclusion_attendance att ON att.id = r.attendance_id
              LEFT JOIN inclusion_workshop w ON w.id = r.workshop_id
              LEFT JOIN res_users mu ON mu.id = r.mediator_id
              LEFT JOIN res_partner mp ON mp.id = mu.partner_id
              LEFT JOIN inclusion_beneficiary b ON b.id = r.beneficiary_id
              LEFT JOIN inclusion_place pl ON pl.id = r.place_id
              LEFT JOIN res_partner orp ON orp.id = s.orientation_partner_id
              LEFT JOIN th ON th.support_id = r.support_id
              LEFT JOIN dm ON dm.support_id = r.support_id
              LEFT JOIN og ON og.support_id = r.support_id
              LEFT JOIN pc ON pc.attendance_id = r.attendance_id
              LEFT JOIN inclusion_commune plc ON plc.id = pl.commune_id
              LEFT JOIN inclusion_commune pcm ON pcm.id = r.person_commune_id
              LEFT JOIN inclusion_programme prog ON prog.id = r.programme_id
              LEFT JOIN wth ON wth.workshop_id = r.workshop_id
             ORDER BY r.date, r.id
            """,
            rows=rows,
            themes=self._names_by_support(support._fields["theme_ids"], "inclusion_theme"),
            domains=self._names_by_support(
                support._fields["procedure_domain_ids"], "inclusion_theme", ", "
            ),
            organisms=self._names_by_support(
                support._fields["organism_ids"], "inclusion_organism", ", "
            ),
            workshop_themes=SQL(
                """SELECT rel.workshop_id,
                          string_agg(t.name, %(sep)s ORDER BY t.sequence, t.name) AS names
                     FROM inclusion_workshop_theme_rel rel
                     JOIN inclusion_theme t ON t.id = rel.theme_id
                    WHERE rel.workshop_id IN (SELECT r.workshop_id FROM r)
                    GROUP BY rel.workshop_id""",
                sep=CELL_SEPARATOR,
            ),
            attended=tuple(ATTENDED_STATES),
            named=SQL("b.consent_scope IN %s", NAMED_SHARING_CONSENT_SCOPES),
        )

    @staticmethod
    def _names_by_support(field, table, separator=CELL_SEPARATOR):
        """Names of the records of a many2many of the support sessions of the rows `r`,
        one per line (or joined by `separator`)."""
        return SQL(
            """SELECT rel.%(col1)s AS support_id,
                      string_agg(t.name, %(sep)s ORDER BY t.sequence, t.name) AS names
                 FROM %(rel)s rel JOIN %(table)s t ON t.id = rel.%(col2)s
                WHERE rel.%(col1)s IN (SELECT r.support_id FROM r)
                GROUP BY rel.%(col1)s""",
            col1=SQL.identifier(field.column1),
            col2=SQL.identifier(field.column2),
            rel=SQL.identifier(field.relation),
            table=SQL.identifier(table),
            sep=separator,
        )

    def _export_rows(self, domain):
        """Rows of the sheet one by one (see _export_batches)."""
        for batch in self._export_batches(domain):
            yield from batch

    def _export_batches(self, domain):
        """Rows of the sheet in lists of FETCH_SIZE, read through a server-side cursor so
        that memory does not grow with the number of activities."""
        self.env.flush_all()
        labels = self._labels()
        sql = self._export_query(domain)
        # A named (server-side) cursor streams the result; it lives in the transaction.
        # JIT would compile the statement for seconds (its cost estimate is large).
        with (
            local_settings(self.env.cr, jit="off"),
            self.env.cr._cnx.cursor("inclusion_national_export") as cursor,
        ):
            cursor.itersize = FETCH_SIZE
            cursor.execute(sql.code, sql.params)
            while batch := cursor.fetchmany(FETCH_SIZE):
                yield [self._sheet_row(values, labels) for values in batch]

    def _sheet_row(self, values, labels):
        (
            day,
            created,
            written,
            kind,
            rank,
            participants,
            beneficiary,
            place_type,
            place,
            street,
            city,
            zip_code,
            insee_code,
            duration,
            workshop,
            equipment,
            themes,
            programme,
            procedures,
            autonomy,
            level,
            orientation,
            redirection,
            person_city,
            person_zip,
            person_insee_code,
            gender,
            age_bracket,
            status,
            notes,
            row_id,
        ) = values
        is_workshop = kind == "workshop"
        created, written = (self._local_text(moment) for moment in (created, written))
        stars = LEVEL_STARS.get(level) if is_workshop else STARS.get(autonomy)
        return [
            day,
            created,
            "" if written == created else written,
            TYPE_WORKSHOP if is_workshop else TYPE_INDIVIDUAL,
            f"{rank}/{participants}" if participants and participants > 1 else 1,
            beneficiary or ANONYMOUS,
            labels["place_type"].get(place_type, ""),
            place or "",
            street or "",
            city or "",
            zip_code or "",
            insee_code or "",
            duration,
            workshop or "",
            labels["equipment_used"].get(equipment, ""),
            themes or "",
            programme or "",
            procedures or "",
            f"{stars}/3" if stars else "",
            "" if is_workshop else (YES if orientation else NO),
            redirection or labels["orientation"].get(orientation, ""),
            person_city or "",
            person_zip or "",
            person_insee_code or "",
            labels["person_gender"].get(gender, ""),
            labels["person_age_bracket"].get(age_bracket, ""),
            labels["person_social_status"].get(NATIONAL_SOCIAL_STATUS.get(status, status), ""),
            notes or "",
            row_id,
        ]

    def _local_text(self, moment):
        """A UTC date-time as La Coop writes it: "23/11/2026 à 09:05", local time."""
        local = fields.Datetime.context_timestamp(self, moment)
        return local.strftime("%d/%m/%Y à %H:%M")
