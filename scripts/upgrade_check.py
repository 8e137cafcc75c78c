"""Upgrade test, data side: what a database holds before the upgrade, then the comparison.

Run by scripts/upgrade_test.sh:
    python upgrade_check.py -c CONF -d DB fill --json BEFORE.json
    python upgrade_check.py -c CONF -d DB record --json BEFORE.json --modules OLD,ADDONS
    python upgrade_check.py -c CONF -d DB check --json BEFORE.json --addons NEW,ADDONS

`fill` adds, with the old code, what the demo data lacks: sold handovers invoiced by the
accounting bridge, one cancelled (credit note).

`record` reads, with plain SQL so that the old and the new code see the same thing:
- the row count of every table of the old add-ons (inclusion_* tables, relation tables);
- the insertion contracts, the chatter (messages, tracking values, followers, activities)
  and the attachments of the business models, the invoices linked to handovers;
- a sample of values: the first 20 rows (by id) of every model of the old add-ons and of
  the models they extend, with the stored fields people enter (not computed ones);
- the XML ids of the old add-ons' business records (reference and demo data, sequences).

`check` installs nothing: it reads the upgraded database, compares, prints a PASS/FAIL
table and exits with status 1 when a check fails.
"""

import json
import re
import sys
from pathlib import Path

from odoo_env import database_cursor, parse_args, superuser_env

PROJECT_DIR = Path(__file__).resolve().parent.parent
SAMPLE_SIZE = 20
# Models whose records are the interface or the access rights, not data: their XML ids may
# legitimately disappear (a view replaced by another one in a new add-on).
TECHNICAL_MODELS = (
    "ir.ui.view",
    "ir.ui.menu",
    "ir.actions.act_window",
    "ir.actions.act_window.view",
    "ir.actions.server",
    "ir.actions.report",
    "ir.actions.client",
    "ir.actions.act_url",
    "ir.model.access",
    "ir.rule",
    "ir.model",
    "ir.model.fields",
    "ir.model.fields.selection",
    "ir.model.constraint",
    "ir.model.relation",
    "ir.asset",
    "res.groups",
    "res.groups.privilege",
    "ir.module.category",
    "ir.model.inherit",
)
# Columns every table has: the identity of a row is its id; write_* change with any write.
MAGIC_COLUMNS = ("id", "create_uid", "create_date", "write_uid", "write_date")
# Values that a migration script changes on purpose: (table, column) -> why. They are not
# counted as differences.
MIGRATED_VALUES = {
    ("inclusion_eligibility_criterion", "name"): "inclusion_numerique_insertion 18.0.1.1.0: "
    "refugees, asylum seekers and temporary protection are one criterion (Les emplois)",
    ("inclusion_pass_iae_suspension", "reason"): "inclusion_numerique_insertion 18.0.1.1.0: "
    "the CTA agreement reason instead of a move to another structure (Les emplois)",
}
# Models the chatter and attachment counts cover beside the add-ons' own models.
EXTENDED_BUSINESS_MODELS = ("hr.contract", "hr.employee", "account.move")


def add_arguments(parser):
    parser.add_argument("action", choices=("fill", "record", "check"))
    parser.add_argument("--json", required=True, help="file of the values recorded before")
    parser.add_argument("--modules", default="", help="record: the old add-ons")
    parser.add_argument("--addons", default="", help="check: the add-ons that must be installed")
    parser.add_argument("--report", help="check: JSON file of every check and its details")
    parser.add_argument(
        "--upgrade-status", type=int, default=0, help="check: exit status of odoo-bin -u"
    )


def column_exists(cr, table, column):
    cr.execute(
        "SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = %s",
        (table, column),
    )
    return bool(cr.fetchone())


def table_exists(cr, table):
    cr.execute(
        "SELECT 1 FROM information_schema.tables"
        " WHERE table_name = %s AND table_type = 'BASE TABLE'",
        (table,),
    )
    return bool(cr.fetchone())


def scalar(cr, query, params=None):
    cr.execute(query, params)
    return cr.fetchone()[0]


def json_safe(value):
    if isinstance(value, (int, float, str, bool)) or value is None:
        return value
    if isinstance(value, dict):
        return {key: json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(item) for item in value]
    return str(value)


# ---------------------------------------------------------------------------------------
# What the demo data lacks and a customer's database has (run with the old code)
# ---------------------------------------------------------------------------------------


def fill(env):
    """Sold handovers made through the accounting bridge: their invoice and payment, and a
    cancelled one with its credit note (the demo handovers predate the bridge)."""
    handovers = env["inclusion.equipment.handover"]
    if "invoice_id" not in handovers._fields:
        print("Fill: no accounting bridge, nothing to add")
        return
    equipment = env["inclusion.equipment"].search([("state", "=", "ready")], order="id", limit=3)
    beneficiaries = env["inclusion.beneficiary"].search(
        [("company_id", "=", equipment[:1].company_id.id)], order="id", limit=len(equipment)
    )
    handovers = handovers.create(
        [
            {
                "equipment_id": item.id,
                "beneficiary_id": beneficiary.id,
                "mode": "sold",
                "payment_method": method,
            }
            for item, beneficiary, method in zip(
                equipment, beneficiaries, ("cash", "cheque", "card"), strict=False
            )
        ]
    )
    handovers[-1:].action_cancel("Upgrade test: a cancelled sale")
    print(
        f"Fill: {len(handovers)} sold handovers, {len(handovers.invoice_id)} invoices,"
        f" {len(handovers.payment_id)} payments, {len(handovers.credit_note_id)} credit notes"
    )


# ---------------------------------------------------------------------------------------
# What is counted and sampled: plain SQL queries, written down in the JSON file at record
# time so that the check runs exactly the same queries on the upgraded database.
# ---------------------------------------------------------------------------------------


def count_queries(cr, modules):
    """(label, SQL returning one count, or rows of (key, count)) for the data to keep."""
    queries = []
    cr.execute(
        """
        SELECT table_name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
           AND table_name LIKE 'inclusion\\_%%'
         ORDER BY table_name
        """
    )
    for (table,) in cr.fetchall():
        # The rows present before: the upgrade may add reference records (a new eligibility
        # criterion, exit reason...), it must lose none.
        where = ""
        if column_exists(cr, table, "id"):
            last_id = scalar(cr, f'SELECT COALESCE(max(id), 0) FROM "{table}"')
            where = f" WHERE id <= {last_id}"
        queries.append((f"rows {table}", f'SELECT count(*) FROM "{table}"{where}', "count"))
    if column_exists(cr, "hr_contract", "is_insertion"):
        queries.append(
            (
                "rows hr_contract (is_insertion)",
                "SELECT count(*) FROM hr_contract WHERE is_insertion",
                "count",
            )
        )
    models = business_models(cr, modules)
    in_models = "(" + ", ".join(f"'{model}'" for model in models) + ")"
    queries += [
        (
            "mail_message per model",
            f"SELECT model, count(*) FROM mail_message WHERE model IN {in_models} GROUP BY model",
            "grouped",
        ),
        (
            "mail_tracking_value per model",
            "SELECT m.model, count(*) FROM mail_tracking_value t"
            f" JOIN mail_message m ON m.id = t.mail_message_id WHERE m.model IN {in_models}"
            " GROUP BY m.model",
            "grouped",
        ),
        (
            "mail_followers per model",
            f"SELECT res_model, count(*) FROM mail_followers WHERE res_model IN {in_models}"
            " GROUP BY res_model",
            "grouped",
        ),
        (
            "mail_activity per model",
            f"SELECT res_model, count(*) FROM mail_activity WHERE res_model IN {in_models}"
            " GROUP BY res_model",
            "grouped",
        ),
        (
            "ir_attachment per res_model",
            f"SELECT res_model, count(*) FROM ir_attachment WHERE res_model IN {in_models}"
            " GROUP BY res_model",
            "grouped",
        ),
    ]
    links = [
        column
        for column in ("invoice_id", "payment_id", "credit_note_id")
        if column_exists(cr, "inclusion_equipment_handover", column)
    ]
    if links and table_exists(cr, "account_move"):
        condition = " OR ".join(f"h.{column} IS NOT NULL" for column in links)
        queries.append(
            (
                "handovers linked to accounting",
                f"SELECT count(*) FROM inclusion_equipment_handover h WHERE {condition}",
                "count",
            )
        )
        if "invoice_id" in links:
            queries.append(
                (
                    "account_move of handovers (invoices)",
                    "SELECT count(*) FROM account_move m"
                    " JOIN inclusion_equipment_handover h ON h.invoice_id = m.id",
                    "count",
                )
            )
    return queries


def business_models(cr, modules):
    """Models created by the old add-ons (per ir_model_data) and the extended ones."""
    cr.execute(
        """
        SELECT m.model FROM ir_model m
          JOIN ir_model_data d ON d.model = 'ir.model' AND d.res_id = m.id
         WHERE d.module = ANY(%s) AND NOT m.transient
         ORDER BY m.model
        """,
        (modules,),
    )
    return sorted({model for (model,) in cr.fetchall()} | set(EXTENDED_BUSINESS_MODELS))


def sample_queries(cr, modules):
    """(label, SQL) of the first rows of every stored model of the old add-ons, with the
    fields people enter (stored, not computed, not related) that these add-ons define."""
    cr.execute(
        """
        SELECT f.model, m.transient, f.name, f.ttype,
               EXISTS (SELECT 1 FROM ir_model_data dm
                        WHERE dm.model = 'ir.model' AND dm.res_id = m.id
                          AND dm.module = ANY(%(modules)s)) AS own_model
          FROM ir_model_fields f
          JOIN ir_model m ON m.id = f.model_id
          JOIN ir_model_data d ON d.model = 'ir.model.fields' AND d.res_id = f.id
         WHERE d.module = ANY(%(modules)s) AND f.store
           AND COALESCE(f.compute, '') = '' AND COALESCE(f.related, '') = ''
           AND f.ttype NOT IN ('one2many', 'many2many', 'binary')
         ORDER BY f.model, f.name
        """,
        {"modules": modules},
    )
    fields_by_model = {}
    for model, transient, name, ttype, own_model in cr.fetchall():
        if transient:
            continue
        entry = fields_by_model.setdefault(model, {"own": own_model, "fields": []})
        entry["fields"].append((name, ttype))
    queries = []
    for model, entry in sorted(fields_by_model.items()):
        table = model.replace(".", "_")
        if not table_exists(cr, table):
            continue
        columns = [
            name
            for name, _ttype in entry["fields"]
            if name not in MAGIC_COLUMNS and column_exists(cr, table, name)
        ]
        if not columns:
            continue
        where = ""
        if not entry["own"]:
            # An extended model (hr.contract...): the rows the add-ons filled in.
            filled = [
                f'"{name}" IS NOT NULL'
                for name, ttype in entry["fields"]
                if ttype != "boolean" and name in columns
            ]
            if column_exists(cr, table, "is_insertion"):
                filled = ["is_insertion"]
            if filled:
                where = " WHERE " + " OR ".join(filled)
        select = ", ".join(f'"{column}"' for column in ["id", *columns])
        queries.append(
            (
                f"sample {table}",
                f'SELECT {select} FROM "{table}"{where} ORDER BY id LIMIT {SAMPLE_SIZE}',
            )
        )
    return queries


def run_count(cr, query, kind):
    cr.execute(query)
    if kind == "count":
        return cr.fetchone()[0]
    return {str(key): count for key, count in cr.fetchall()}


def run_sample(cr, query):
    cr.execute(query)
    names = [column.name for column in cr.description]
    return [dict(zip(names, json_safe(list(row)), strict=True)) for row in cr.fetchall()]


def data_xmlids(cr, modules):
    cr.execute(
        """
        SELECT module, name, model, res_id FROM ir_model_data
         WHERE module = ANY(%s) AND model <> ALL(%s) AND model NOT LIKE 'ir.actions%%'
         ORDER BY module, name
        """,
        (modules, list(TECHNICAL_MODELS)),
    )
    return [list(row) for row in cr.fetchall()]


def record(cr, args):
    modules = [module for module in args.modules.split(",") if module]
    counts = []
    for label, query, kind in count_queries(cr, modules):
        counts.append(
            {"label": label, "query": query, "kind": kind, "value": run_count(cr, query, kind)}
        )
    samples = []
    for label, query in sample_queries(cr, modules):
        samples.append({"label": label, "query": query, "rows": run_sample(cr, query)})
    cr.execute(
        """
        SELECT m.model FROM ir_model m
          JOIN ir_model_data d ON d.model = 'ir.model' AND d.res_id = m.id
         WHERE d.module = ANY(%s)
        """,
        (modules,),
    )
    document = {
        "modules": modules,
        "models": sorted({model for (model,) in cr.fetchall()}),
        "counts": counts,
        "samples": samples,
        "xmlids": data_xmlids(cr, modules),
    }
    with open(args.json, "w", encoding="utf-8") as file:
        json.dump(document, file, ensure_ascii=False, indent=1, sort_keys=True)
    tables = sum(1 for count in counts if count["label"].startswith("rows inclusion_"))
    rows = sum(len(sample["rows"]) for sample in samples)
    print(
        f"Recorded: {tables} tables, {len(counts)} counts, {len(samples)} samples ({rows} rows),"
        f" {len(document['xmlids'])} XML ids of data -> {args.json}"
    )


# ---------------------------------------------------------------------------------------
# The comparison
# ---------------------------------------------------------------------------------------


class Report:
    def __init__(self):
        self.rows = []

    def add(self, check, before, after, ok, detail=""):
        self.rows.append((check, str(before), str(after), "PASS" if ok else "FAIL", detail))

    @property
    def failed(self):
        return [row for row in self.rows if row[3] == "FAIL"]

    def print(self):
        header = ("check", "before", "after", "result")
        widths = [max(len(header[i]), *(len(row[i]) for row in self.rows)) for i in range(4)]
        widths[0] = min(widths[0], 60)
        widths[1] = widths[2] = min(max(widths[1], widths[2]), 30)

        def line(values):
            return "  ".join(
                str(value)[:width].ljust(width)
                for value, width in zip(values, widths, strict=False)
            )

        print(line(header))
        print(line(["-" * width for width in widths]))
        for row in self.rows:
            print(line(row[:4]))
            details = row[4].splitlines() if row[3] == "FAIL" else []
            for detail in details[:15]:
                print(f"      {detail}")
            if len(details) > 15:
                print(f"      ... and {len(details) - 15} more (all of them in the JSON report)")
        status = "FAIL" if self.failed else "PASS"
        print(
            f"\nUpgrade test: {status} ({len(self.rows) - len(self.failed)} checks passed, "
            f"{len(self.failed)} failed)"
        )


def short(value, limit=60):
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_modules(cr, report, addons):
    cr.execute("SELECT name, state FROM ir_module_module WHERE name = ANY(%s)", (addons,))
    states = dict(cr.fetchall())
    for addon in addons:
        state = states.get(addon, "absent")
        report.add(f"module {addon}", "-", state, state == "installed")


def check_counts(cr, report, counts):
    for count in counts:
        try:
            cr.execute("SAVEPOINT upgrade_check")
            after = run_count(cr, count["query"], count["kind"])
            cr.execute("RELEASE SAVEPOINT upgrade_check")
        except Exception as error:  # a table or column gone: the data went with it
            cr.execute("ROLLBACK TO SAVEPOINT upgrade_check")
            report.add(
                count["label"], short(count["value"], 30), "error", False, str(error).strip()
            )
            continue
        before = count["value"]
        if count["kind"] == "count":
            report.add(count["label"], before, after, before == after)
            continue
        for key in sorted(set(before) | set(after)):
            old, new = before.get(key, 0), after.get(key, 0)
            report.add(f"{count['label']}: {key}", old, new, old == new)


def check_samples(cr, report, samples):
    for sample in samples:
        try:
            cr.execute("SAVEPOINT upgrade_check")
            after = run_sample(cr, sample["query"])
            cr.execute("RELEASE SAVEPOINT upgrade_check")
        except Exception as error:
            cr.execute("ROLLBACK TO SAVEPOINT upgrade_check")
            report.add(
                sample["label"], f"{len(sample['rows'])} rows", "error", False, str(error).strip()
            )
            continue
        before = sample["rows"]
        differences = []
        after_by_id = {row["id"]: row for row in after}
        for row in before:
            new = after_by_id.get(row["id"])
            if new is None:
                differences.append(f"id {row['id']}: row gone")
                continue
            table = sample["label"].removeprefix("sample ")
            for column, value in row.items():
                if new.get(column) != value and (table, column) not in MIGRATED_VALUES:
                    differences.append(
                        f"id {row['id']} {column}:"
                        f" {short(value, 40)} -> {short(new.get(column), 40)}"
                    )
        columns = len(before[0]) - 1 if before else 0
        report.add(
            sample["label"],
            f"{len(before)} rows x {columns} fields",
            f"{len(differences)} differences" if differences else "same",
            not differences,
            "\n".join(differences),
        )


def check_xmlids(cr, report, xmlids):
    """Each data record named by an XML id of the old add-ons still has one (moved to a new
    add-on or not), on the same record, and the record still exists."""
    lost = []
    for module, name, model, res_id in xmlids:
        # Moved to another add-on or renamed: still named, so not loaded again (a duplicate
        # would show in the counts anyway).
        cr.execute(
            "SELECT module FROM ir_model_data WHERE model = %s AND res_id = %s"
            " AND module LIKE 'inclusion\\_numerique%%'",
            (model, res_id),
        )
        found = [row[0] for row in cr.fetchall()]
        table = model.replace(".", "_")
        exists = table_exists(cr, table) and scalar(
            cr, f'SELECT count(*) FROM "{table}" WHERE id = %s', (res_id,)
        )
        if not found or not exists:
            lost.append(
                f"{module}.{name} ({model}, id {res_id})" + ("" if exists else ": record gone")
            )
    report.add(
        "XML ids of data records kept",
        len(xmlids),
        len(xmlids) - len(lost),
        not lost,
        "\n".join(lost),
    )


def models_by_addon():
    """{model: add-on} of the models the current code defines (`_name = "..."` in the
    add-ons' Python files): the truth even when the upgrade did not go through."""
    found = {}
    for path in sorted(PROJECT_DIR.glob("inclusion_numerique*/**/*.py")):
        if "tests" in path.relative_to(PROJECT_DIR).parts:
            continue
        for model in re.findall(
            r"^\s+_name\s*=\s*[\"']([\w.]+)[\"']", path.read_text("utf-8"), re.M
        ):
            found.setdefault(model, path.relative_to(PROJECT_DIR).parts[0])
    return found


def check_moved_models(cr, report, old_models):
    """The models of the old base add-on that now live in another add-on: their XML ids
    (model, fields, records) must have moved with them, none left in inclusion_numerique."""
    moved = {
        model: addon
        for model, addon in models_by_addon().items()
        if model in old_models and addon != "inclusion_numerique"
    }
    cr.execute(
        """
        SELECT d.module, d.name, d.model, d.res_id,
               COALESCE(m.model, f.model, d.model) AS owner
          FROM ir_model_data d
          LEFT JOIN ir_model m ON d.model = 'ir.model' AND m.id = d.res_id
          LEFT JOIN ir_model_fields f ON d.model = 'ir.model.fields' AND f.id = d.res_id
         WHERE d.module = 'inclusion_numerique'
           AND COALESCE(m.model, f.model, d.model) = ANY(%s)
         ORDER BY owner, d.model, d.name
        """,
        (sorted(moved),),
    )
    left = [
        f"{module}.{name} ({model}, id {res_id}): {owner} is in {moved[owner]}"
        for module, name, model, res_id, owner in cr.fetchall()
    ]
    report.add(
        f"XML ids left in inclusion_numerique for {len(moved)} moved models",
        "-",
        len(left),
        not left,
        "\n".join(left),
    )
    cr.execute(
        """
        SELECT m.model, d.module FROM ir_model m
          JOIN ir_model_data d ON d.model = 'ir.model' AND d.res_id = m.id
         WHERE m.model = ANY(%s)
        """,
        (sorted(moved),),
    )
    owners = {}
    for model, module in cr.fetchall():
        owners.setdefault(model, set()).add(module)
    missing = [
        f"{model}: expected in {addon}, XML id in {sorted(owners.get(model, ())) or 'no add-on'}"
        for model, addon in sorted(moved.items())
        if addon not in owners.get(model, ())
    ]
    report.add(
        "moved models declared by their new add-on",
        len(moved),
        len(moved) - len(missing),
        not missing,
        "\n".join(missing),
    )


def check(cr, args):
    with open(args.json, encoding="utf-8") as file:
        document = json.load(file)
    addons = [addon for addon in args.addons.split(",") if addon]
    report = Report()
    report.add(
        "odoo-bin -u inclusion_numerique",
        "-",
        f"exit {args.upgrade_status}",
        args.upgrade_status == 0,
    )
    check_modules(cr, report, addons)
    check_counts(cr, report, document["counts"])
    check_samples(cr, report, document["samples"])
    check_xmlids(cr, report, document["xmlids"])
    check_moved_models(cr, report, set(document["models"]))
    if args.report:
        rows = [
            dict(zip(("check", "before", "after", "result", "detail"), row, strict=True))
            for row in report.rows
        ]
        with open(args.report, "w", encoding="utf-8") as file:
            json.dump(rows, file, ensure_ascii=False, indent=1)
    report.print()
    return 1 if report.failed else 0


def main():
    args = parse_args(__doc__, add_arguments)
    if args.action == "fill":
        with superuser_env(__doc__, args=args) as env:
            fill(env)
        return 0
    with database_cursor(__doc__, args=args) as cr:
        if args.action == "record":
            record(cr, args)
            return 0
        return check(cr, args)


if __name__ == "__main__":
    sys.exit(main())
