"""Command-line entry shared by the project's scripts: `-c CONF -d DB` to an Odoo cursor."""

import argparse
from contextlib import contextmanager

import odoo
from odoo import SUPERUSER_ID, api


def parse_args(description, add_arguments=None):
    """Parse `-c CONF -d DB`, and the script's own arguments that `add_arguments(parser)`
    declares."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("-c", dest="config", required=True)
    parser.add_argument("-d", dest="database", required=True)
    if add_arguments:
        add_arguments(parser)
    return parser.parse_args()


@contextmanager
def superuser_env(description, context=None, args=None):
    """Yield a superuser environment on the database of `args` (parsed from the command
    line when not given); commits on success."""
    args = args or parse_args(description)
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        yield api.Environment(cr, SUPERUSER_ID, context or {})


@contextmanager
def database_cursor(description, args=None):
    """Yield a cursor on the database of `args` without loading the registry (the add-ons'
    code is not imported: it reads even a database the code cannot load); rolls back."""
    args = args or parse_args(description)
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    with odoo.sql_db.db_connect(args.database).cursor() as cr:
        try:
            yield cr
        finally:
            cr.rollback()
