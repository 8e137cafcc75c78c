from datetime import datetime, time, timedelta

import pytz

from odoo import api, models
from odoo.addons.inclusion_numerique.tools import DEFAULT_TZ
from odoo.exceptions import AccessError
from odoo.tools import SQL, formatLang

from .pg_settings import local_settings

# Settings of the report's statement: memory per hash table or sort (with the default
# 4 MB a year of a large structure spills to disk), and no JIT compilation (longer than
# the statement itself).
REPORT_SETTINGS = {"work_mem": "64MB", "jit": "off"}
# Fields of the activity analysis broken down in the report, in this order (the digital
# themes, procedure domains and organisms come after the kind).
BREAKDOWNS = [
    "kind",
    "duration_bucket",
    "place_id",
    "mediator_id",
    "workshop_id",
    "person_gender",
    "person_age_bracket",
    "person_social_status",
    "person_city",
    "person_qpv",
    "person_qpv_id",
    "person_commune_id",
    "person_department",
    "programme_id",
]
# Filters of the report, each a field of the activity analysis.
FILTERS = ("place_id", "mediator_id", "workshop_id", "programme_id")
# Many2many fields of the support sessions broken down as well: {key: field name}.
RELATION_BREAKDOWNS = {
    "theme": "theme_ids",
    "procedure_domain": "procedure_domain_ids",
    "organism": "organism_ids",
}


class InclusionActivityFigures(models.AbstractModel):
    """Figures of the yearly activity report, computed for `criteria`: a dict with the
    period (date_from, date_to), the company (company_id) and the optional filters
    (place_id, mediator_id, workshop_id, programme_id: records or empty recordsets; a
    missing one is no filter). The wizard, the
    PDF and the XLSX call it; the add-ons of other capabilities extend it."""

    _name = "inclusion.activity.figures"
    _description = "Activity report figures"

    @api.model
    def _check_criteria(self, criteria):
        """Figures are only computed for one of the companies the user works in."""
        if criteria["company_id"] not in self.env.companies:
            raise AccessError(
                self.env._("You can only report on the companies you are working in.")
            )

    @api.model
    def _activity_domain(self, criteria):
        """Domain of the activity analysis rows covered by the report."""
        self._check_criteria(criteria)
        domain = [
            ("date", ">=", criteria["date_from"]),
            ("date", "<=", criteria["date_to"]),
            ("company_id", "=", criteria["company_id"].id),
        ]
        for fname in FILTERS:
            if criteria.get(fname):
                domain.append((fname, "=", criteria[fname].id))
        return domain

    def _utc_bounds(self, criteria):
        """The period as naive UTC datetimes [start, end), in the user's time zone."""
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or DEFAULT_TZ)
        start = tz.localize(datetime.combine(criteria["date_from"], time.min))
        end = tz.localize(datetime.combine(criteria["date_to"] + timedelta(days=1), time.min))
        return tuple(moment.astimezone(pytz.utc).replace(tzinfo=None) for moment in (start, end))

    def _get_figures(self, criteria):
        """Every figure of the activity report, as a plain dict shared by the PDF and the
        XLSX outputs. A fixed number of queries, whatever the volume."""
        self._check_criteria(criteria)
        self.env.flush_all()
        activities = self.env["inclusion.activity.report"]._search(self._activity_domain(criteria))
        with local_settings(self.env.cr, **REPORT_SETTINGS):
            groups, related, new_people = self._aggregate_activities(criteria, activities)
        totals = groups.pop(None)[0]
        workshops = self._workshop_figures(criteria)
        fields_ = self.env["inclusion.activity.report"]._fields
        breakdowns = [
            {
                "key": key,
                "title": fields_[key]._description_string(self.env),
                "rows": groups.get(key, []),
            }
            for key in BREAKDOWNS
        ]
        breakdowns[1:1] = self._relation_breakdowns(related)
        return {
            "company": criteria["company_id"].name,
            "date_from": criteria["date_from"],
            "date_to": criteria["date_to"],
            "filters": [
                f"{fields_[fname]._description_string(self.env)}: {criteria[fname].display_name}"
                for fname in FILTERS
                if criteria.get(fname)
            ],
            "totals": {
                "sessions": totals["support_sessions"] + workshops["sessions_held"],
                "support_sessions": totals["support_sessions"],
                "workshop_sessions": workshops["sessions_held"],
                "contacts": totals["contacts"],
                "people": totals["people"],
                "new_people": new_people,
                "anonymous_visits": totals["anonymous"],
                "minutes": totals["minutes"],
                "hours": totals["minutes"] / 60,
            },
            "by_mode": groups.get("is_workshop", []),
            "breakdowns": breakdowns,
            "workshops": {
                **workshops,
                "participants": next(
                    (row["people"] for row in groups.get("is_workshop", []) if row["key"]), 0
                ),
            },
        }

    def _aggregate_activities(self, criteria, activities):
        """Counts by each dimension, by digital theme, procedure domain and organism, and
        the number of new people, in one statement that reads the activity rows once:
        ({dimension: [rows]} with the totals under None, {relation: {id: (contacts,
        people)}}, new people).

        No count(DISTINCT) per dimension (one sort of every row each): contacts come from
        hashed grouping sets, people from one pass per person collecting the values they
        met (small per-person sorts), each value then counting its people."""
        dimensions = [*BREAKDOWNS, "is_workshop"]
        table = activities.table
        support = self.env["inclusion.support"]
        relations = {key: support._fields[fname] for key, fname in RELATION_BREAKDOWNS.items()}
        # Workshop presences count under the themes of their workshop.
        workshop_relations = {"theme": self.env["inclusion.workshop"]._fields["theme_ids"]}
        act = {key: SQL.identifier("act", key) for key in dimensions}
        self.env.cr.execute(
            SQL(
                """
                WITH act AS MATERIALIZED (
                    SELECT %(dims)s, act.beneficiary_id, act.is_anonymous, act.support_id,
                           count(*) AS contacts, sum(act.duration) AS minutes
                      FROM %(rows)s act
                     GROUP BY %(dims)s, act.beneficiary_id, act.is_anonymous, act.support_id
                ), grouped AS (
                    SELECT %(dims)s, %(flags)s,
                           sum(act.contacts) AS contacts,
                           sum(act.contacts) FILTER (WHERE act.is_anonymous) AS anonymous,
                           sum(act.contacts) FILTER (WHERE act.support_id IS NOT NULL)
                               AS support_sessions,
                           COALESCE(sum(act.minutes), 0) AS minutes
                      FROM act
                     GROUP BY GROUPING SETS ((), %(sets)s)
                ), persons AS (
                    SELECT act.beneficiary_id, %(values)s
                      FROM act
                     WHERE act.beneficiary_id IS NOT NULL
                     GROUP BY act.beneficiary_id
                ), related AS (%(related)s)
                SELECT (SELECT json_agg(grouped) FROM grouped),
                       json_build_object('', (SELECT count(*) FROM persons), %(people)s),
                       (SELECT json_agg(related) FROM related),
                       (SELECT count(*)
                          FROM persons
                         WHERE NOT EXISTS (SELECT 1
                                             FROM inclusion_activity_report earlier
                                            WHERE earlier.beneficiary_id = persons.beneficiary_id
                                              AND earlier.date < %(date_from)s))
                """,
                rows=activities.subselect(
                    *(SQL.identifier(table, key) for key in BREAKDOWNS),
                    SQL("%s = 'workshop' AS is_workshop", SQL.identifier(table, "kind")),
                    SQL.identifier(table, "beneficiary_id"),
                    SQL.identifier(table, "is_anonymous"),
                    SQL.identifier(table, "support_id"),
                    SQL.identifier(table, "duration"),
                ),
                dims=SQL(", ").join(act.values()),
                flags=SQL(", ").join(
                    SQL("GROUPING(%s) AS %s", act[key], SQL.identifier(f"g_{key}"))
                    for key in dimensions
                ),
                sets=SQL(", ").join(SQL("(%s)", act[key]) for key in dimensions),
                values=SQL(", ").join(
                    SQL("array_agg(DISTINCT %s) AS %s", act[key], SQL.identifier(key))
                    for key in dimensions
                ),
                # {dimension: [[value, people], ...]}
                people=SQL(", ").join(
                    SQL(
                        """%(key)s, (SELECT json_agg(json_build_array(value, people))
                                       FROM (SELECT value, count(*) AS people
                                               FROM persons, unnest(persons.%(col)s) value
                                              GROUP BY value) counted)""",
                        key=key,
                        col=SQL.identifier(key),
                    )
                    for key in dimensions
                ),
                related=SQL(" UNION ALL ").join(
                    SQL(
                        """SELECT %(key)s AS relation, linked.target,
                                  sum(linked.contacts) AS contacts,
                                  count(DISTINCT linked.beneficiary_id) AS people
                             FROM (%(support_links)s %(workshop_links)s) linked
                            GROUP BY linked.target""",
                        key=key,
                        support_links=self._related_rows(field, SQL("act.support_id")),
                        workshop_links=SQL(
                            "UNION ALL %s",
                            self._related_rows(
                                workshop_relations[key],
                                SQL("act.workshop_id AND act.support_id IS NULL"),
                            ),
                        )
                        if key in workshop_relations
                        else SQL(),
                    )
                    for key, field in relations.items()
                ),
                date_from=criteria["date_from"],
            )
        )
        grouped, people, related, new_people = self.env.cr.fetchone()
        people = {
            key: dict(map(tuple, people[key] or [])) if key else {None: people[key]}
            for key in people
        }
        groups = {}
        for row in grouped:
            key = next((key for key in dimensions if not row[f"g_{key}"]), None)
            value = row[key] if key else None
            groups.setdefault(key, []).append(
                {
                    "key": value,
                    "contacts": row["contacts"],
                    "people": people[key or ""].get(value, 0),
                    "anonymous": row["anonymous"] or 0,
                    "support_sessions": row["support_sessions"] or 0,
                    "minutes": row["minutes"],
                    "hours": row["minutes"] / 60,
                }
            )
        counts = {key: {} for key in relations}
        for row in related or []:
            counts[row["relation"]][row["target"]] = (row["contacts"], row["people"])
        return self._label_groups(groups), counts, new_people

    @api.model
    def _related_rows(self, field, source):
        """Activity rows joined to the records a many2many field links them to, the
        activity's column (SQL) equal to the relation's source column."""
        return SQL(
            """SELECT rel.%s AS target, act.contacts, act.beneficiary_id
                 FROM %s rel JOIN act ON rel.%s = %s""",
            SQL.identifier(field.column2),
            SQL.identifier(field.relation),
            SQL.identifier(field.column1),
            source,
        )

    def _label_groups(self, groups):
        """Add a readable label to each row and sort the rows: selections in their order,
        the others by decreasing number of contacts."""
        Report = self.env["inclusion.activity.report"]
        yes_no = {True: self.env._("Yes"), False: self.env._("No")}
        for key, rows in groups.items():
            field = Report._fields.get(key)
            if key is None:
                continue
            if key == "is_workshop":
                labels = {True: self.env._("Workshops"), False: self.env._("Individual support")}
            elif field.type == "selection":
                selection = field._description_selection(self.env)
                labels = dict(selection)
                order = {code: index for index, (code, _label) in enumerate(selection)}
                rows.sort(key=lambda row, order=order: order.get(row["key"], len(order)))
            elif field.type == "many2one":
                records = self.env[field.comodel_name].browse(
                    row["key"] for row in rows if row["key"]
                )
                labels = {record.id: record.display_name for record in records}
                rows.sort(key=lambda row: -row["contacts"])
            elif field.type == "boolean":
                labels = yes_no
            else:
                labels = {}
                rows.sort(key=lambda row: -row["contacts"])
            for row in rows:
                row["label"] = labels.get(row["key"]) or row["key"] or self.env._("Not given")
        return groups

    def _relation_breakdowns(self, counts):
        """Rows by digital theme, by procedure domain and by organism, most frequent first."""
        titles = {
            "theme": self.env._("By digital theme"),
            "procedure_domain": self.env._("By procedure domain"),
            "organism": self.env._("By organism"),
        }
        support = self.env["inclusion.support"]
        breakdowns = []
        for key, fname in RELATION_BREAKDOWNS.items():
            records = self.env[support._fields[fname].comodel_name].browse(list(counts[key]))
            rows = [
                {
                    "key": record.id,
                    "label": record.display_name,
                    "contacts": counts[key][record.id][0],
                    "people": counts[key][record.id][1],
                }
                for record in records
            ]
            rows.sort(key=lambda row: (-row["contacts"], row["label"]))
            breakdowns.append({"key": key, "title": titles[key], "rows": rows})
        return breakdowns

    @api.model
    def _workshop_filters(self, criteria):
        """Conditions on the workshops from the report's filters."""
        return [
            (fname, "=", criteria[key].id)
            for key, fname in (
                ("workshop_id", "id"),
                ("mediator_id", "user_id"),
                ("place_id", "place_id"),
                ("programme_id", "programme_id"),
            )
            if criteria.get(key)
        ]

    def _workshop_session_domain(self, criteria):
        start, end = self._utc_bounds(criteria)
        domain = [
            ("state", "=", "done"),
            ("date_begin", ">=", start),
            ("date_begin", "<", end),
            ("company_id", "=", criteria["company_id"].id),
        ]
        workshop_filters = self._workshop_filters(criteria)
        if workshop_filters:
            domain.append(("workshop_id", "any", workshop_filters))
        return domain

    def _workshop_figures(self, criteria):
        """Sessions held, attendance rate of their roll calls and cycles completed."""
        session_domain = self._workshop_session_domain(criteria)
        [(sessions_held,)] = self.env["inclusion.workshop.session"]._read_group(
            session_domain, [], ["__count"]
        )
        marks = dict(
            self.env["inclusion.attendance"]._read_group(
                [("session_id", "any", session_domain), ("state", "!=", False)],
                ["state"],
                ["__count"],
            )
        )
        attended = marks.get("present", 0) + marks.get("late", 0)
        marked = sum(marks.values())
        start, end = self._utc_bounds(criteria)
        [(completions,)] = self.env["inclusion.workshop.registration"]._read_group(
            [
                ("state", "=", "completed"),
                (
                    "workshop_id",
                    "any",
                    [
                        ("date_end", ">=", start),
                        ("date_end", "<", end),
                        ("company_id", "=", criteria["company_id"].id),
                        *self._workshop_filters(criteria),
                    ],
                ),
            ],
            [],
            ["__count"],
        )
        return {
            "sessions_held": sessions_held,
            "attendances": attended,
            "marked": marked,
            "attendance_rate": 100.0 * attended / marked if marked else 0.0,
            "completions": completions,
        }

    @api.model
    def _format_figure(self, value, kind):
        """`value` written in the user's language (in French 1 234, 1 234,5 h, 1 234,50 €,
        91,7 %); kind as in _summary_sections, or "float" (1 234,5)."""
        if kind == "int":
            return formatLang(self.env, value, digits=0)
        if kind == "hours":
            return self.env._("%(hours)s h", hours=formatLang(self.env, value, digits=1))
        if kind == "amount":
            return formatLang(self.env, value, currency_obj=self.env.company.currency_id)
        if kind == "percent":
            return self.env._("%(rate)s %%", rate=formatLang(self.env, value, digits=1))
        return formatLang(self.env, value, digits=1)

    @api.model
    def _summary_sections(self, figures):
        """(title, [(label, value, kind)]) of the key figures, shared by the PDF and XLSX
        outputs; kind is "int", "hours", "amount" or "percent". Add-ons append theirs."""
        totals, workshops = figures["totals"], figures["workshops"]
        return [
            (
                self.env._("Totals"),
                [
                    (self.env._("Sessions (support and workshops)"), totals["sessions"], "int"),
                    (self.env._("Individual support sessions"), totals["support_sessions"], "int"),
                    (self.env._("Workshop sessions held"), totals["workshop_sessions"], "int"),
                    (
                        self.env._("Contacts (one per person and session)"),
                        totals["contacts"],
                        "int",
                    ),
                    (self.env._("People supported (named)"), totals["people"], "int"),
                    (self.env._("New people"), totals["new_people"], "int"),
                    (self.env._("Anonymous visits"), totals["anonymous_visits"], "int"),
                    (self.env._("Hours of support (per person)"), totals["hours"], "hours"),
                ],
            ),
            (
                self.env._("Workshops"),
                [
                    (self.env._("Sessions held"), workshops["sessions_held"], "int"),
                    (self.env._("Participants"), workshops["participants"], "int"),
                    (self.env._("Attendance rate"), workshops["attendance_rate"], "percent"),
                    (self.env._("Completions"), workshops["completions"], "int"),
                ],
            ),
        ]

    @api.model
    def _programme_lines(self, programme, figures):
        """[(label, target, actual, kind)] of the programme report: the targets of the
        programme's agreement against its figures. Add-ons append theirs."""
        totals, workshops = figures["totals"], figures["workshops"]
        return [
            (
                self.env._("People supported (named people and anonymous visits)"),
                programme.target_people,
                totals["people"] + totals["anonymous_visits"],
                "int",
            ),
            (
                self.env._("Workshop sessions held"),
                programme.target_workshops,
                workshops["sessions_held"],
                "int",
            ),
            (self.env._("Hours of support"), programme.target_hours, totals["hours"], "hours"),
        ]
