"""18.0.2.1.0: the QPV of beneficiaries and places is chosen from a list per structure.

The free-text names are kept aside here, before the new field takes the column's name;
post-migration.py turns them into the structure's list."""

from odoo.tools.sql import column_exists, rename_column

TABLES = ("inclusion_beneficiary", "inclusion_place")


def migrate(cr, version):
    for table in TABLES:
        if column_exists(cr, table, "qpv_name"):
            rename_column(cr, table, "qpv_name", "qpv_name_legacy")
