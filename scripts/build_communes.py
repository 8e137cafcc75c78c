"""Build inclusion_numerique/data/communes.csv.gz from the official open data.

Source: npm package `codes-postaux` (BaseAdresseNationale / Etalab), file
`codes-postaux.json`, produced from INSEE's Code officiel géographique and the
DGFiP's FIMOCT; data published on data.gouv.fr under the Licence Ouverte / Open
Licence 2.0 (Etalab). The output is one line per (postal code, INSEE commune code)
with the commune's official name and La Poste's routing label, sorted, compressed.
Never edit it by hand: run `python scripts/build_communes.py [VERSION]` (needs npm
and the registry).
"""

import csv
import gzip
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "codes-postaux"
DEFAULT_VERSION = "4.1.2"
TARGET = Path(__file__).resolve().parent.parent / "inclusion_numerique/data/communes.csv.gz"


def fetch_rows(version):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", f"{PACKAGE}@{version}", "--silent"], cwd=tmp, check=True)
        [tarball] = Path(tmp).glob("*.tgz")
        with tarfile.open(tarball) as archive:
            data = archive.extractfile("package/codes-postaux.json").read()
    return json.loads(data)


def main(version=DEFAULT_VERSION):
    rows = sorted(
        {
            (row["codePostal"], row["codeCommune"], row["nomCommune"], row["libelleAcheminement"])
            for row in fetch_rows(version)
        }
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["zip", "insee_code", "name", "routing_label"])
    writer.writerows(rows)
    # mtime=0: the same data gives the same bytes (no diff in git without a change).
    with open(TARGET, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(buffer.getvalue().encode())
    print(f"{len(rows)} communes by postal code ({PACKAGE} {version}) written to {TARGET}")


if __name__ == "__main__":
    main(*sys.argv[1:])
