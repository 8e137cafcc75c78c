"""make load, after the run: the figures per action (median, p95, p99, errors) with the
targets met or missed, then the database checked: no write lost, no seat or computer
given twice.

python load_check.py -c CONF -d DB --plan FILE --writes FILE --stats LOCUST_CSV_PREFIX
"""

import csv
import json

from odoo_env import database_cursor, parse_args

# Target p95 (ms) by kind of action (the prefix of the action's name).
TARGETS = {"entry": 200, "search": 200, "list": 200, "analysis": 300}


def print_stats(path):
    with open(f"{path}_stats.csv") as file:
        rows = [row for row in csv.DictReader(file) if row["Name"] != "Aggregated"]
    print(f"  {'action':<46}{'count':>7}{'errors':>7}{'median':>8}{'p95':>7}{'p99':>7}  target")
    met = True
    for row in sorted(rows, key=lambda row: row["Name"]):
        kind = row["Name"].split(":")[0]
        p95 = float(row["95%"])
        target = TARGETS.get(kind)
        ok = target is None or p95 < target
        met &= ok and row["Failure Count"] == "0"
        print(
            f"  {row['Name']:<46}{row['Request Count']:>7}{row['Failure Count']:>7}"
            f"{float(row['Median Response Time']):>8.0f}{p95:>7.0f}{float(row['99%']):>7.0f}  "
            + (f"p95 < {target} ms: {'met' if ok else 'MISSED'}" if target else "-")
        )
    total = sum(int(row["Request Count"]) for row in rows)
    errors = sum(int(row["Failure Count"]) for row in rows)
    print(
        f"  {total:,} requests, {errors} errors: {'met' if errors == 0 else 'MISSED'} (0 errors)"
    )
    return met


def check_writes(cr, plan, writes):
    problems = []
    for kind, table in (
        ("supports", "inclusion_support"),
        ("registrations", "inclusion_workshop_registration"),
        ("sales", "inclusion_equipment_handover"),
    ):
        ids = writes[kind]
        cr.execute(f"SELECT count(*) FROM {table} WHERE id = ANY(%s)", [ids])
        found = cr.fetchone()[0]
        print(f"  {kind}: {len(ids)} acknowledged, {found} in the database")
        if found != len(set(ids)) or len(set(ids)) != len(ids):
            problems.append(f"{kind}: {len(ids) - found} acknowledged writes lost")
    cr.execute(
        """SELECT w.id, w.capacity, count(r.id) FILTER (WHERE r.state = 'registered'),
                  count(r.id) - count(DISTINCT r.beneficiary_id)
             FROM inclusion_workshop w
             LEFT JOIN inclusion_workshop_registration r
                    ON r.workshop_id = w.id AND r.state != 'cancelled'
            WHERE w.id = ANY(%s) GROUP BY w.id""",
        [plan["workshops"]],
    )
    for workshop, capacity, registered, twice in cr.fetchall():
        if registered > capacity:
            problems.append(f"workshop {workshop}: {registered} seats given for {capacity}")
        if twice:
            problems.append(f"workshop {workshop}: {twice} people registered twice")
    cr.execute(
        """SELECT equipment_id, count(*) FROM inclusion_equipment_handover
            WHERE equipment_id = ANY(%s) AND state = 'done' GROUP BY equipment_id""",
        [plan["computers"]],
    )
    sold = dict(cr.fetchall())
    twice = {equipment: count for equipment, count in sold.items() if count > 1}
    if twice:
        problems.append(f"computers sold twice: {twice}")
    print(
        f"  computers: {len(sold)}/{len(plan['computers'])} sold once each, "
        f"{writes['refused_sales']} sales refused cleanly (already sold)"
    )
    return problems


def main():
    args = parse_args(
        __doc__,
        lambda parser: [
            parser.add_argument(name, required=True) for name in ("--plan", "--writes", "--stats")
        ],
    )
    print("Response times (ms) per action:")
    met = print_stats(args.stats)
    with open(args.plan) as file:
        plan = json.load(file)
    with open(args.writes) as file:
        writes = json.load(file)
    print("Writes checked in the database:")
    with database_cursor(__doc__, args) as cr:
        problems = check_writes(cr, plan, writes)
    for problem in problems:
        print(f"  PROBLEM: {problem}")
    print(
        f"  no write lost, no seat or computer given twice: {'met' if not problems else 'MISSED'}"
    )
    print(f"All targets: {'met' if met and not problems else 'MISSED (see above)'}")


if __name__ == "__main__":
    main()
