"""Command-line entry shared by the project's scripts: `-c CONF -d DB` to an Odoo cursor."""

import argparse
from contextlib import contextmanager

import odoo
from odoo import SUPERUSER_ID, api


@contextmanager
def superuser_env(description, context=None):
    """Parse `-c CONF -d DB`, then yield a superuser environment; commits on success."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("-c", dest="config", required=True)
    parser.add_argument("-d", dest="database", required=True)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        yield api.Environment(cr, SUPERUSER_ID, context or {})
