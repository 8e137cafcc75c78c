"""make bench: one year of a large structure, then the activity report timed against a
hand-written SQL aggregate of the same figures.

Run by scripts/bench.sh on its own database: python bench.py -c CONF -d DB
Volumes: 10,000 beneficiaries, 100,000 support sessions, 200,000 attendance rows
(500 workshops of 20 sessions with 20 participants each).
"""

import statistics
import time
import tracemalloc
from datetime import date

from odoo_env import superuser_env

from odoo import SUPERUSER_ID

YEAR = 2025
BENEFICIARIES = 10_000
SUPPORTS = 100_000
WORKSHOPS, SESSIONS_PER_WORKSHOP, PARTICIPANTS = 500, 20, 20
RUNS = 3


def generate(env):
    """Bulk rows with INSERT ... SELECT generate_series: the ORM would take an hour."""
    cr = env.cr
    company = env.company.id
    mediators = env["res.users"].create(
        [
            {
                "name": f"Médiateur {index}",
                "login": f"bench_mediator_{index}",
                "groups_id": [(4, env.ref("inclusion_numerique.group_mediator").id)],
                "tz": "Europe/Paris",
            }
            for index in range(10)
        ]
    )
    places = env["inclusion.place"].create(
        [{"name": f"Lieu {index}", "city": "Carcassonne", "zip": "11000"} for index in range(5)]
    )
    themes = env["inclusion.theme"].search([("kind", "=", "digital")]).ids
    domains = env["inclusion.theme"].search([("kind", "=", "procedure")]).ids
    organisms = env["inclusion.organism"].search([]).ids
    env.flush_all()
    params = {
        "company": company,
        "uid": SUPERUSER_ID,
        "mediators": mediators.ids,
        "places": places.ids,
        "themes": themes,
        "domains": domains,
        "organisms": organisms,
        "year_start": date(YEAR, 1, 1),
        "beneficiaries": BENEFICIARIES,
        "supports": SUPPORTS,
        "workshops": WORKSHOPS,
        "sessions": SESSIONS_PER_WORKSHOP,
        "participants": PARTICIPANTS,
    }
    cr.execute("SELECT setseed(0.42)")
    cr.execute(
        """
        CREATE TEMP TABLE bench_partner AS
        WITH inserted AS (
            INSERT INTO res_partner (name, complete_name, company_id, active, type, city, zip,
                                     create_uid, write_uid, create_date, write_date)
            SELECT 'Bénéficiaire ' || g, 'Bénéficiaire ' || g, %(company)s, TRUE, 'contact',
                   (ARRAY['Carcassonne', 'Trèbes', 'Limoux', 'Castelnaudary'])[1 + g %% 4],
                   (ARRAY['11000', '11800', '11300', '11400'])[1 + g %% 4],
                   %(uid)s, %(uid)s, now(), now()
              FROM generate_series(1, %(beneficiaries)s) g
            RETURNING id, name, city, zip
        )
        SELECT * FROM inserted;

        CREATE TEMP TABLE bench_beneficiary AS
        WITH inserted AS (
            INSERT INTO inclusion_beneficiary (partner_id, name, company_id, active, gender,
                   birthdate, social_status, is_qpv, age_bracket, consent_date, consent_scope,
                   create_uid, write_uid, create_date, write_date)
            SELECT p.id, p.name, %(company)s, TRUE,
                   (ARRAY['male', 'female', 'unknown'])[1 + p.id %% 3],
                   DATE '1940-01-01' + (p.id * 37 %% 25000),
                   (ARRAY['retired', 'unemployed', 'employed', 'job_seeker', 'rsa',
                          'insertion_employee', 'student', 'unknown'])[1 + p.id %% 8],
                   p.id %% 5 = 0, 'unknown', %(year_start)s, 'support',
                   %(uid)s, %(uid)s, now(), now()
              FROM bench_partner p
            RETURNING id, partner_id, gender, birthdate, social_status, is_qpv
        )
        SELECT row_number() OVER (ORDER BY i.id) AS n, i.*, p.city, p.zip
          FROM inserted i JOIN bench_partner p ON p.id = i.partner_id;
        CREATE INDEX ON bench_beneficiary (n);
        """,
        params,
    )
    # Stored brackets as the ORM computes them (age today).
    cr.execute(
        """
        UPDATE inclusion_beneficiary b
           SET age_bracket = CASE WHEN age < 12 THEN 'under_12' WHEN age < 18 THEN '12_17'
                                  WHEN age < 25 THEN '18_24' WHEN age < 40 THEN '25_39'
                                  WHEN age < 60 THEN '40_59' WHEN age < 70 THEN '60_69'
                                  ELSE '70_plus' END
          FROM (SELECT id, date_part('year', age(current_date, birthdate)) AS age
                  FROM inclusion_beneficiary) a
         WHERE a.id = b.id AND b.id IN (SELECT id FROM bench_beneficiary)
        """
    )
    # Support sessions: one in ten anonymous; person dimensions as _compute_person stores
    # them (age bracket on the day of the session).
    cr.execute(
        """
        CREATE TEMP TABLE bench_support AS
        WITH source AS (
            SELECT g,
                   (ARRAY['individual', 'drop_in', 'appointment'])[1 + g %% 3] AS kind,
                   %(year_start)s::timestamp + interval '7 hours'
                       + ((g::bigint * 7919) %% 365) * interval '1 day'
                       + ((g * 13) %% 9) * interval '1 hour' AS start,
                   (ARRAY[15, 30, 45, 60, 90, 120])[1 + g %% 6] AS duration,
                   CASE WHEN g %% 10 = 0 THEN NULL
                        ELSE 1 + (g::bigint * 104729) %% %(beneficiaries)s END AS person,
                   (%(mediators)s::int[])[1 + g %% 10] AS mediator_id,
                   (%(places)s::int[])[1 + g %% 5] AS place_id
              FROM generate_series(1, %(supports)s) g
        ), inserted AS (
            INSERT INTO inclusion_support (kind, state, start, stop, date, duration,
                   duration_bucket, place_type, place_id, mediator_id, beneficiary_id,
                   company_id, anonymous_gender, anonymous_age_bracket,
                   anonymous_social_status, anonymous_city, anonymous_qpv, person_gender,
                   person_age_bracket, person_social_status, person_city, person_zip,
                   person_qpv, equipment_used, autonomy,
                   create_uid, write_uid, create_date, write_date)
            SELECT s.kind,
                   CASE WHEN s.kind = 'appointment' AND s.g %% 7 = 0 THEN 'no_show'
                        ELSE 'done' END,
                   s.start, s.start + s.duration * interval '1 minute', s.start::date,
                   s.duration,
                   CASE WHEN s.duration < 30 THEN 'under_30' WHEN s.duration < 60 THEN '30_60'
                        WHEN s.duration < 120 THEN '60_120' ELSE '120_plus' END,
                   'activity_place', s.place_id, s.mediator_id, b.id, %(company)s,
                   CASE WHEN b.id IS NULL THEN 'female' END,
                   CASE WHEN b.id IS NULL THEN '40_59' END,
                   CASE WHEN b.id IS NULL THEN 'unemployed' END,
                   CASE WHEN b.id IS NULL THEN 'Carcassonne' END,
                   b.id IS NULL AND s.g %% 20 = 0,
                   COALESCE(b.gender, 'female'),
                   CASE WHEN b.id IS NULL THEN '40_59' ELSE
                       CASE WHEN age < 12 THEN 'under_12' WHEN age < 18 THEN '12_17'
                            WHEN age < 25 THEN '18_24' WHEN age < 40 THEN '25_39'
                            WHEN age < 60 THEN '40_59' WHEN age < 70 THEN '60_69'
                            ELSE '70_plus' END END,
                   COALESCE(b.social_status, 'unemployed'),
                   COALESCE(b.city, 'Carcassonne'), b.zip,
                   COALESCE(b.is_qpv, s.g %% 20 = 0),
                   (ARRAY['computer', 'phone', 'tablet', 'none'])[1 + s.g %% 4],
                   (ARRAY['guided', 'partly_autonomous', 'autonomous'])[1 + s.g %% 3],
                   %(uid)s, %(uid)s, now(), now()
              FROM source s
              LEFT JOIN bench_beneficiary b ON b.n = s.person
              LEFT JOIN LATERAL (SELECT date_part('year', age(s.start::date, b.birthdate)) AS age)
                   a ON TRUE
            RETURNING id
        )
        SELECT id FROM inserted;

        INSERT INTO inclusion_support_theme_rel (support_id, theme_id)
        SELECT id, (%(themes)s::int[])[1 + id %% 19] FROM bench_support
        UNION
        SELECT id, (%(themes)s::int[])[1 + (id * 7) %% 19] FROM bench_support WHERE id %% 2 = 0;

        INSERT INTO inclusion_support_procedure_domain_rel (support_id, theme_id)
        SELECT id, (%(domains)s::int[])[1 + id %% 11] FROM bench_support WHERE id %% 3 = 0;

        INSERT INTO inclusion_organism_inclusion_support_rel
               (inclusion_support_id, inclusion_organism_id)
        SELECT id, (%(organisms)s::int[])[1 + id %% array_length(%(organisms)s::int[], 1)]
          FROM bench_support WHERE id %% 5 = 0;
        """,
        params,
    )
    # Workshops: 20 weekly sessions of 2 h, 20 participants, 200,000 roll-call rows.
    cr.execute(
        """
        CREATE TEMP TABLE bench_workshop AS
        WITH inserted AS (
            INSERT INTO inclusion_workshop (name, company_id, active, state, user_id, capacity,
                   is_work_time, subgroup_count, create_uid, write_uid, create_date, write_date)
            SELECT 'Atelier ' || g, %(company)s, TRUE, 'done',
                   (%(mediators)s::int[])[1 + g %% 10], %(participants)s, g %% 4 = 0, 0,
                   %(uid)s, %(uid)s, now(), now()
              FROM generate_series(1, %(workshops)s) g
            RETURNING id
        )
        SELECT row_number() OVER (ORDER BY id) AS n, id FROM inserted;

        CREATE TEMP TABLE bench_session AS
        WITH inserted AS (
            INSERT INTO inclusion_workshop_session (workshop_id, company_id, date_begin,
                   date_end, duration, state, create_uid, write_uid, create_date, write_date)
            SELECT w.id, %(company)s, begin_at, begin_at + interval '2 hours', 2.0, 'done',
                   %(uid)s, %(uid)s, now(), now()
              FROM bench_workshop w
             CROSS JOIN generate_series(0, %(sessions)s - 1) k
             CROSS JOIN LATERAL (
                   SELECT %(year_start)s::timestamp + interval '13 hours'
                          + (w.n %% 120) * interval '1 day'
                          + k * interval '7 days' AS begin_at) b
            RETURNING id, workshop_id
        )
        SELECT * FROM inserted;

        CREATE TEMP TABLE bench_registration AS
        WITH inserted AS (
            INSERT INTO inclusion_workshop_registration (workshop_id, beneficiary_id,
                   company_id, state, date_waiting, subgroup, attendance_rate, attended_hours,
                   create_uid, write_uid, create_date, write_date)
            SELECT w.id, b.id, %(company)s,
                   CASE WHEN k %% 3 = 0 THEN 'registered' ELSE 'completed' END,
                   now(), 0, 0, 0, %(uid)s, %(uid)s, now(), now()
              FROM bench_workshop w
             CROSS JOIN generate_series(0, %(participants)s - 1) k
              JOIN bench_beneficiary b
                ON b.n = 1 + (w.n * %(participants)s + k) %% %(beneficiaries)s
            RETURNING id, workshop_id, beneficiary_id
        )
        SELECT * FROM inserted;

        INSERT INTO inclusion_attendance (session_id, registration_id, state, beneficiary_id,
               workshop_id, company_id, date, is_work_time, attended_hours,
               create_uid, write_uid, create_date, write_date)
        SELECT s.id, r.id, st.state, r.beneficiary_id, s.workshop_id, %(company)s,
               ws.date_begin, w.is_work_time,
               CASE WHEN st.state IN ('present', 'late') THEN 2.0 ELSE 0 END,
               %(uid)s, %(uid)s, now(), now()
          FROM bench_session s
          JOIN inclusion_workshop_session ws ON ws.id = s.id
          JOIN inclusion_workshop w ON w.id = s.workshop_id
          JOIN bench_registration r ON r.workshop_id = s.workshop_id
         CROSS JOIN LATERAL (
               SELECT (ARRAY['present', 'present', 'present', 'present', 'present', 'present',
                             'present', 'late', 'absent', 'excused'])[1 + (s.id + r.id) %% 10]
                      AS state) st;

        UPDATE inclusion_workshop w
           SET date_begin = d.date_begin, date_end = d.date_end
          FROM (SELECT workshop_id, min(date_begin) AS date_begin, max(date_end) AS date_end
                  FROM inclusion_workshop_session GROUP BY workshop_id) d
         WHERE d.workshop_id = w.id;
        """,
        params,
    )
    cr.execute("ANALYZE")


def hand_written_figures(cr, company, date_from, date_to):
    """The report's figures straight from the tables, by hand, as a lower bound."""
    cr.execute(
        """
        WITH act AS (
            SELECT s.id AS support_id, s.beneficiary_id, s.duration, s.kind,
                   s.duration_bucket, s.place_id, s.mediator_id, NULL::int AS workshop_id,
                   s.person_gender AS gender, s.person_age_bracket AS age_bracket,
                   s.person_social_status AS status, s.person_city AS city,
                   s.person_qpv AS qpv, s.date
              FROM inclusion_support s
             WHERE s.state = 'done' AND s.company_id = %(company)s
               AND s.date BETWEEN %(date_from)s AND %(date_to)s
            UNION ALL
            SELECT NULL, a.beneficiary_id, round(ws.duration * 60)::int, 'workshop',
                   CASE WHEN ws.duration < 0.5 THEN 'under_30' WHEN ws.duration < 1 THEN '30_60'
                        WHEN ws.duration < 2 THEN '60_120' ELSE '120_plus' END,
                   NULL, w.user_id, ws.workshop_id, COALESCE(b.gender, 'unknown'),
                   CASE WHEN y IS NULL THEN 'unknown' WHEN y < 12 THEN 'under_12'
                        WHEN y < 18 THEN '12_17' WHEN y < 25 THEN '18_24'
                        WHEN y < 40 THEN '25_39' WHEN y < 60 THEN '40_59'
                        WHEN y < 70 THEN '60_69' ELSE '70_plus' END,
                   COALESCE(b.social_status, 'unknown'), p.city, COALESCE(b.is_qpv, FALSE),
                   d
              FROM inclusion_attendance a
              JOIN inclusion_workshop_session ws ON ws.id = a.session_id AND ws.state = 'done'
              JOIN inclusion_workshop w ON w.id = ws.workshop_id
              JOIN inclusion_beneficiary b ON b.id = a.beneficiary_id
              JOIN res_partner p ON p.id = b.partner_id
             CROSS JOIN LATERAL (SELECT (timezone('Europe/Paris',
                                   ws.date_begin AT TIME ZONE 'UTC'))::date AS d) day
             CROSS JOIN LATERAL (SELECT date_part('year', age(d, b.birthdate)) AS y) age
             WHERE a.state IN ('present', 'late') AND ws.company_id = %(company)s
               AND d BETWEEN %(date_from)s AND %(date_to)s
        )
        SELECT kind, duration_bucket, place_id, mediator_id, workshop_id, gender,
               age_bracket, status, city, qpv, kind = 'workshop',
               count(*), count(DISTINCT beneficiary_id), sum(duration)
          FROM act
         GROUP BY GROUPING SETS ((), (kind), (duration_bucket), (place_id), (mediator_id),
                  (workshop_id), (gender), (age_bracket), (status), (city), (qpv),
                  (kind = 'workshop'))
        """,
        {"company": company, "date_from": date_from, "date_to": date_to},
    )
    groups = cr.fetchall()
    cr.execute(
        """
        SELECT theme_id, count(*)
          FROM inclusion_support_theme_rel r JOIN inclusion_support s ON s.id = r.support_id
         WHERE s.state = 'done' AND s.company_id = %(company)s
           AND s.date BETWEEN %(date_from)s AND %(date_to)s
         GROUP BY theme_id
        """,
        {"company": company, "date_from": date_from, "date_to": date_to},
    )
    themes = cr.fetchall()
    cr.execute(
        """
        SELECT count(*) FILTER (WHERE a.state IN ('present', 'late')), count(*),
               count(DISTINCT a.session_id)
          FROM inclusion_attendance a
          JOIN inclusion_workshop_session ws ON ws.id = a.session_id AND ws.state = 'done'
         WHERE ws.company_id = %(company)s AND a.state IS NOT NULL
           AND ws.date_begin >= %(date_from)s AND ws.date_begin < %(date_to)s::date + 1
        """,
        {"company": company, "date_from": date_from, "date_to": date_to},
    )
    workshops = cr.fetchone()
    total = next(row for row in groups if all(value is None for value in row[:11]))
    return {"contacts": total[11], "people": total[12], "minutes": total[13]}, themes, workshops


def xlsx_report(env, model, suffix):
    """The XLSX report of `model` whose name ends with `suffix`, whichever add-on has it."""
    actions = env["ir.actions.report"].search(
        [("model", "=", model), ("report_type", "=", "xlsx")]
    )
    action = actions.filtered(lambda report: report.report_name.endswith(f".{suffix}"))
    if len(action) != 1:
        raise LookupError(
            f"no single XLSX report *.{suffix} on {model}: {actions.mapped('report_name')}"
        )
    return env[f"report.{action.report_name}"]


def timed(function, runs=RUNS):
    durations = []
    for _run in range(runs):
        start = time.perf_counter()
        result = function()
        durations.append(time.perf_counter() - start)
    return statistics.median(durations), result


def export_peak(report_model, wizard):
    """Peak Python memory (MiB), duration, file size and rows of the national export of
    the wizard's period."""
    rows = report_model.env["inclusion.activity.report"].search_count(wizard._activity_domain())
    tracemalloc.start()
    start = time.perf_counter()
    content, _kind = report_model.create_xlsx_report(wizard.ids, {})
    duration = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20, duration, len(content), rows


def main():
    with superuser_env(__doc__, {"tz": "Europe/Paris"}) as env:
        cr = env.cr
        cr.execute("SELECT count(*) FROM inclusion_support")
        if cr.fetchone()[0]:
            print("Data of a previous run reused")
        else:
            start = time.perf_counter()
            generate(env)
            cr.commit()
            print(f"Data generated in {time.perf_counter() - start:.1f} s")
        for table in ("inclusion_beneficiary", "inclusion_support", "inclusion_attendance"):
            cr.execute(f"SELECT count(*) FROM {table}")
            print(f"  {table}: {cr.fetchone()[0]:,} rows")

        wizard = env["inclusion.activity.report.wizard"].create(
            {"date_from": date(YEAR, 1, 1), "date_to": date(YEAR, 12, 31)}
        )
        queries_before = cr.sql_log_count
        report_time, figures = timed(wizard._get_figures)
        queries = (cr.sql_log_count - queries_before) // RUNS
        sql_time, (sql_totals, _themes, sql_workshops) = timed(
            lambda: hand_written_figures(cr, env.company.id, wizard.date_from, wizard.date_to)
        )
        totals = figures["totals"]
        same = (
            (totals["contacts"], totals["people"], totals["minutes"])
            == (sql_totals["contacts"], sql_totals["people"], sql_totals["minutes"])
            and figures["workshops"]["sessions_held"] == sql_workshops[2]
            and figures["workshops"]["marked"] == sql_workshops[1]
        )
        print(
            f"Activity report ({totals['contacts']:,} contacts, {totals['people']:,} people, "
            f"{totals['sessions']:,} sessions)"
        )
        print(f"  report (_get_figures):       {report_time:.3f} s  (median of {RUNS})")
        print(f"  hand-written SQL aggregate:  {sql_time:.3f} s  (median of {RUNS})")
        print(f"  ratio report / SQL:          {report_time / sql_time:.2f}  (goal: <= 3)")
        print(f"  queries per report:          {queries}")
        print(f"  same figures as the SQL:     {'yes' if same else 'NO'}")
        print(f"  goal report < 10 s:          {'met' if report_time < 10 else 'MISSED'}")

        context = {"active_model": wizard._name}
        xlsx = xlsx_report(env, wizard._name, "report_activity_xlsx").with_context(context)
        xlsx_time, _content = timed(lambda: xlsx.create_xlsx_report(wizard.ids, {}), runs=1)
        print(f"  activity report XLSX:        {xlsx_time:.3f} s (figures included)")

        export = xlsx_report(env, wizard._name, "report_national_export_xlsx")
        export = export.with_context(context)
        month = env["inclusion.activity.report.wizard"].create(
            {"date_from": date(YEAR, 3, 1), "date_to": date(YEAR, 3, 31)}
        )
        print("National export (xlsxwriter constant_memory, tracemalloc on):")
        for label, period in (("one month", month), ("whole year", wizard)):
            peak, duration, size, rows = export_peak(export, period)
            print(
                f"  {label}: {rows:,} rows, peak {peak:.1f} MiB, {duration:.1f} s, "
                f"{size / 2**20:.1f} MiB file"
            )
        cr.rollback()


if __name__ == "__main__":
    main()
