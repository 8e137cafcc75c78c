from odoo import fields, models, tools
from odoo.addons.inclusion_numerique.models.inclusion_beneficiary import (
    AGE_BRACKETS,
    GENDERS,
    SOCIAL_STATUSES,
)
from odoo.addons.inclusion_numerique.models.inclusion_support import (
    DURATION_BUCKETS,
    SUPPORT_KINDS,
    duration_bucket_sql,
)
from odoo.addons.inclusion_numerique_workshop.models.inclusion_attendance import (
    ATTENDED_STATES,
)
from odoo.tools import SQL

ACTIVITY_KINDS = [*SUPPORT_KINDS, ("workshop", "Workshop")]
# Row ids: even for support sessions, odd for workshop attendances, so that they stay
# stable and the theme relation view can point to them.
SUPPORT_ROW_ID = "s.id * 2"
ATTENDANCE_ROW_ID = "a.id * 2 + 1"


class InclusionActivityReport(models.Model):
    """One row per person and contact: each support session done, and each presence
    (present or late) at a closed workshop session.

    A row names its person, and shows their dimensions, only when the person belongs to
    the row's company: a record linking another structure's beneficiary (made before
    links were checked) counts as a contact with an unknown person."""

    _name = "inclusion.activity.report"
    _description = "Activity analysis"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "date"
    # Pending writes on these fields are flushed before the view is read.
    _depends = {
        "inclusion.support": [
            "state",
            "date",
            "kind",
            "duration",
            "duration_bucket",
            "place_id",
            "mediator_id",
            "beneficiary_id",
            "company_id",
            "theme_ids",
            "procedure_domain_ids",
            "person_gender",
            "person_age_bracket",
            "person_social_status",
            "person_city",
            "person_zip",
            "person_qpv",
        ],
        "inclusion.attendance": [
            "state",
            "session_id",
            "beneficiary_id",
            "local_date",
            "person_age_bracket",
        ],
        "inclusion.workshop.session": [
            "state",
            "workshop_id",
            "date_begin",
            "duration",
            "company_id",
        ],
        "inclusion.workshop": ["user_id"],
        "inclusion.beneficiary": [
            "gender",
            "social_status",
            "is_qpv",
            "partner_id",
            "company_id",
        ],
        "res.partner": ["city", "zip"],
    }

    date = fields.Date(readonly=True)
    kind = fields.Selection(ACTIVITY_KINDS, readonly=True)
    support_id = fields.Many2one("inclusion.support", string="Support session", readonly=True)
    attendance_id = fields.Many2one("inclusion.attendance", readonly=True)
    workshop_id = fields.Many2one("inclusion.workshop", readonly=True)
    session_id = fields.Many2one(
        "inclusion.workshop.session", string="Workshop session", readonly=True
    )
    duration = fields.Integer(string="Duration (min)", readonly=True)
    hours = fields.Float(readonly=True)
    duration_bucket = fields.Selection(DURATION_BUCKETS, readonly=True)
    place_id = fields.Many2one("inclusion.place", readonly=True)
    mediator_id = fields.Many2one("res.users", readonly=True)
    beneficiary_id = fields.Many2one("inclusion.beneficiary", readonly=True)
    # The person again, as a number counted once per person: the "People" measure of the
    # pivot and graph views (anonymous visits count no one).
    people = fields.Integer(aggregator="count_distinct", readonly=True)
    is_anonymous = fields.Boolean(string="Anonymous visit", readonly=True)
    theme_ids = fields.Many2many(
        "inclusion.theme",
        "inclusion_activity_report_theme_rel",
        "activity_id",
        "theme_id",
        string="Themes",
        readonly=True,
    )
    procedure_domain_ids = fields.Many2many(
        "inclusion.theme",
        "inclusion_activity_report_procedure_rel",
        "activity_id",
        "theme_id",
        string="Procedure domains",
        readonly=True,
    )
    person_gender = fields.Selection(GENDERS, string="Gender", readonly=True)
    person_age_bracket = fields.Selection(AGE_BRACKETS, string="Age bracket", readonly=True)
    person_social_status = fields.Selection(SOCIAL_STATUSES, string="Status", readonly=True)
    person_city = fields.Char(string="Commune", readonly=True)
    person_zip = fields.Char(string="Zip", readonly=True)
    person_qpv = fields.Boolean(string="Lives in a QPV", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)

    def init(self):
        for table in (
            "inclusion_activity_report_theme_rel",
            "inclusion_activity_report_procedure_rel",
            self._table,
        ):
            tools.drop_view_if_exists(self.env.cr, table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s UNION ALL %s)",
                SQL.identifier(self._table),
                self._support_rows(),
                self._attendance_rows(),
            )
        )
        support = self.env["inclusion.support"]
        for view, field in (
            ("inclusion_activity_report_theme_rel", support._fields["theme_ids"]),
            ("inclusion_activity_report_procedure_rel", support._fields["procedure_domain_ids"]),
        ):
            self.env.cr.execute(
                SQL(
                    """CREATE OR REPLACE VIEW %s AS (
                         SELECT %s * 2 AS activity_id, %s AS theme_id FROM %s
                    )""",
                    SQL.identifier(view),
                    SQL.identifier(field.column1),
                    SQL.identifier(field.column2),
                    SQL.identifier(field.relation),
                )
            )

    def _support_rows(self):
        """Support sessions done (appointments missed or excused are no contact), with
        the person's dimensions from the session's own snapshot."""
        return SQL(
            """
            SELECT %(row_id)s AS id,
                   s.id AS support_id,
                   NULL::integer AS attendance_id,
                   NULL::integer AS workshop_id,
                   NULL::integer AS session_id,
                   s.date AS date,
                   s.kind::varchar AS kind,
                   s.duration AS duration,
                   s.duration / 60.0 AS hours,
                   s.duration_bucket::varchar AS duration_bucket,
                   s.place_id AS place_id,
                   s.mediator_id AS mediator_id,
                   b.id AS beneficiary_id,
                   b.id AS people,
                   s.beneficiary_id IS NULL AS is_anonymous,
                   %(gender)s AS person_gender,
                   %(age_bracket)s AS person_age_bracket,
                   %(status)s AS person_social_status,
                   CASE WHEN own.known THEN s.person_city END AS person_city,
                   CASE WHEN own.known THEN s.person_zip END AS person_zip,
                   own.known AND COALESCE(s.person_qpv, FALSE) AS person_qpv,
                   s.company_id AS company_id
              FROM inclusion_support s
              LEFT JOIN inclusion_beneficiary b
                     ON b.id = s.beneficiary_id AND b.company_id = s.company_id
             CROSS JOIN LATERAL (
                   SELECT s.beneficiary_id IS NULL OR b.id IS NOT NULL AS known
             ) own
             WHERE s.state = 'done'
            """,
            row_id=SQL(SUPPORT_ROW_ID),
            **{
                key: SQL(
                    "(CASE WHEN own.known THEN %s ELSE 'unknown' END)::varchar",
                    SQL.identifier("s", fname),
                )
                for key, fname in (
                    ("gender", "person_gender"),
                    ("age_bracket", "person_age_bracket"),
                    ("status", "person_social_status"),
                )
            },
        )

    def _attendance_rows(self):
        """Presences at closed workshop sessions, on the day of the session in the
        mediator's time zone and with the person's age bracket on that day (as support
        sessions have it): both stored on the attendance when it is written."""
        return SQL(
            """
            SELECT %(row_id)s AS id,
                   NULL::integer AS support_id,
                   a.id AS attendance_id,
                   ws.workshop_id AS workshop_id,
                   a.session_id AS session_id,
                   a.local_date AS date,
                   'workshop'::varchar AS kind,
                   minutes.minutes AS duration,
                   minutes.minutes / 60.0 AS hours,
                   %(duration_bucket)s AS duration_bucket,
                   NULL::integer AS place_id,
                   w.user_id AS mediator_id,
                   b.id AS beneficiary_id,
                   b.id AS people,
                   FALSE AS is_anonymous,
                   COALESCE(b.gender, 'unknown')::varchar AS person_gender,
                   (CASE WHEN b.id IS NULL THEN 'unknown'
                         ELSE COALESCE(a.person_age_bracket, 'unknown') END)::varchar
                       AS person_age_bracket,
                   COALESCE(b.social_status, 'unknown')::varchar AS person_social_status,
                   bp.city AS person_city,
                   bp.zip AS person_zip,
                   COALESCE(b.is_qpv, FALSE) AS person_qpv,
                   ws.company_id AS company_id
              FROM inclusion_attendance a
              JOIN inclusion_workshop_session ws ON ws.id = a.session_id AND ws.state = 'done'
              JOIN inclusion_workshop w ON w.id = ws.workshop_id
              LEFT JOIN inclusion_beneficiary b
                     ON b.id = a.beneficiary_id AND b.company_id = ws.company_id
              LEFT JOIN res_partner bp ON bp.id = b.partner_id
             CROSS JOIN LATERAL (
                   SELECT round(ws.duration * 60)::integer AS minutes
             ) minutes
             WHERE a.state IN %(attended)s
            """,
            row_id=SQL(ATTENDANCE_ROW_ID),
            duration_bucket=duration_bucket_sql(SQL("minutes.minutes")),
            attended=tuple(ATTENDED_STATES),
        )
