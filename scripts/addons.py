"""Print the project's add-ons, one a line, each after the project add-ons it depends on.

Used by scripts/common.sh: python addons.py PROJECT_DIR
A directory inclusion_numerique*/ without __manifest__.py (a split in progress) or with
`"installable": False` is left out.
"""

import ast
import sys
from graphlib import TopologicalSorter
from pathlib import Path


def manifests(project_dir):
    found = {}
    for manifest in sorted(Path(project_dir).glob("inclusion_numerique*/__manifest__.py")):
        values = ast.literal_eval(manifest.read_text(encoding="utf-8"))
        if values.get("installable", True):
            found[manifest.parent.name] = values
    return found


def ordered(found):
    graph = {
        name: [dep for dep in values.get("depends", []) if dep in found]
        for name, values in found.items()
    }
    sorter = TopologicalSorter(graph)
    return list(sorter.static_order())


def main():
    for name in ordered(manifests(sys.argv[1])):
        print(name)


if __name__ == "__main__":
    main()
