from odoo import fields, models

from .hr_contract import INSERTION_CONTRACT_TYPES, INSERTION_TEAM_GROUP, SIAE_KINDS
from .inclusion_exit_reason import EXIT_CATEGORIES


class InclusionInsertionReport(models.Model):
    """One row per entry into and per exit from an insertion contract."""

    _name = "inclusion.insertion.report"
    _description = "Insertion entries and exits"
    _auto = False
    _order = "date desc"
    _depends = {
        "hr.contract": [
            "active",
            "company_id",
            "date_start",
            "employee_id",
            "exit_category",
            "exit_date",
            "exit_reason_id",
            "insertion_contract_type",
            "is_counted_exit",
            "is_dynamic_exit",
            "is_insertion",
            "siae_kind",
            "state",
            "work_activity_id",
        ],
    }

    event = fields.Selection([("entry", "Entry"), ("exit", "Exit")], readonly=True)
    date = fields.Date(readonly=True)
    contract_id = fields.Many2one("hr.contract", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    siae_kind = fields.Selection(SIAE_KINDS, string="SIAE kind", readonly=True)
    insertion_contract_type = fields.Selection(INSERTION_CONTRACT_TYPES, readonly=True)
    work_activity_id = fields.Many2one(
        "inclusion.work.activity", string="Activity or work site", readonly=True
    )
    exit_reason_id = fields.Many2one(
        "inclusion.exit.reason", readonly=True, groups=INSERTION_TEAM_GROUP
    )
    exit_category = fields.Selection(EXIT_CATEGORIES, readonly=True)
    entry_count = fields.Integer(string="Entries", readonly=True)
    exit_count = fields.Integer(string="Exits", readonly=True)
    counted_exit_count = fields.Integer(
        string="Counted exits",
        readonly=True,
        help="Exits except those withdrawn and those after less than the minimum stay "
        "(3 months, or 150 hours in an AI or ETTI).",
    )
    dynamic_exit_count = fields.Integer(
        string="Dynamic exits",
        readonly=True,
        help="Counted exits to durable or transition employment, or positive exits.",
    )
    dynamic_exit_rate = fields.Float(
        string="Dynamic exit rate (%)",
        readonly=True,
        aggregator="avg",
        help="(Durable + transition + positive exits) / counted exits. Exits not counted "
        "and entries are left out of the average.",
    )

    @property
    def _table_query(self):
        common = """
            c.id AS contract_id, c.employee_id, c.company_id, c.siae_kind,
            c.insertion_contract_type, c.work_activity_id
        """
        return f"""
            SELECT c.id * 2 AS id, 'entry' AS event, c.date_start AS date, {common},
                   NULL::integer AS exit_reason_id, NULL::varchar AS exit_category,
                   1 AS entry_count, 0 AS exit_count, 0 AS counted_exit_count,
                   0 AS dynamic_exit_count, NULL::float AS dynamic_exit_rate
              FROM hr_contract c
             WHERE c.is_insertion AND c.state != 'cancel' AND c.active
            UNION ALL
            SELECT c.id * 2 + 1 AS id, 'exit' AS event, c.exit_date AS date, {common},
                   c.exit_reason_id, c.exit_category,
                   0 AS entry_count, 1 AS exit_count,
                   c.is_counted_exit::int AS counted_exit_count,
                   c.is_dynamic_exit::int AS dynamic_exit_count,
                   CASE WHEN NOT c.is_counted_exit THEN NULL
                        WHEN c.is_dynamic_exit THEN 100.0
                        ELSE 0.0 END AS dynamic_exit_rate
              FROM hr_contract c
             WHERE c.is_insertion AND c.exit_date IS NOT NULL AND c.active
        """
