"""18.0.2.0.0: workshops, insertion, equipment and reports move to add-ons of their own.

Before the new code of this add-on loads, the XML ids of the records that another add-on
now defines move to that add-on, which is then loaded in the same run in update mode, as
if it had always been installed. Odoo therefore updates these records in place: menus,
reports and rules keep their ids, reference lists and sequences are not created twice,
what the structure edited in them is kept, demo data is not loaded again, and no table
or column of a moved model is dropped (the models and fields get their new XML ids from
the add-on that now defines them, the old ones are then removed alone).
"""

import csv
import io
import logging

from lxml import etree

from odoo.modules.module import get_manifest
from odoo.tools.misc import file_open

_logger = logging.getLogger(__name__)

# Every add-on that the previous release held, in the order of their dependencies.
SPLIT_ADDONS = [
    "inclusion_numerique_workshop",
    "inclusion_numerique_insertion",
    "inclusion_numerique_equipment",
    "inclusion_numerique_equipment_candidate",
    "inclusion_numerique_workshop_insertion",
    "inclusion_numerique_report",
    "inclusion_numerique_report_equipment",
    "inclusion_numerique_report_insertion",
]


def _defined_names(addon):
    """Names of the XML ids that an add-on's data and demo files define."""
    manifest = get_manifest(addon)
    names = set()
    for path in manifest["data"] + manifest.get("demo", []):
        with file_open(f"{addon}/{path}", "rb") as file:
            if path.endswith(".csv"):
                names.update(row["id"] for row in csv.DictReader(io.TextIOWrapper(file)))
            elif path.endswith(".xml"):
                names.update(etree.parse(file).xpath("//record/@id|//template/@id|//menuitem/@id"))
    names = {name.removeprefix(f"{addon}.") for name in names}
    return {name for name in names if "." not in name}


def migrate(cr, version):
    kept = _defined_names("inclusion_numerique")
    for addon in SPLIT_ADDONS:
        names = tuple(_defined_names(addon) - kept)
        if not names:
            continue
        cr.execute(
            """UPDATE ir_model_data old SET module = %s
                WHERE old.module = 'inclusion_numerique' AND old.name IN %s
                  AND NOT EXISTS (SELECT FROM ir_model_data new
                                   WHERE new.module = %s AND new.name = old.name)""",
            (addon, names, addon),
        )
        _logger.info("%s: %s XML ids moved from inclusion_numerique", addon, cr.rowcount)
    # "to upgrade", not "to install": update mode keeps the records that are not updated
    # (noupdate) as the structure left them and loads no demo data.
    cr.execute(
        """UPDATE ir_module_module SET state = 'to upgrade'
            WHERE name IN %s AND state = 'uninstalled'""",
        (tuple(SPLIT_ADDONS),),
    )
