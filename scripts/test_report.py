"""The end of `make test`: one line per step, then one pytest-style line over all steps.

Run by scripts/test.sh: python test_report.py STEPS_FILE
STEPS_FILE has one tab-separated line per step: name, exit status, seconds, and the JUnit
XML file of its tests (empty for a step without tests: templates, upgrade, lint).
A step that failed without a failed test to show for it (an installation, the upgrade
test, the linters, a pytest collection error) counts as one failure.
"""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def junit_counts(path):
    """(passed, failed, errors, skipped) of a JUnit XML file written by pytest."""
    if not path or not Path(path).is_file():
        return None
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    tests = failed = errors = skipped = 0
    for suite in suites:
        tests += int(suite.get("tests", 0))
        failed += int(suite.get("failures", 0))
        errors += int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
    return tests - failed - errors - skipped, failed, errors, skipped


def main():
    steps = []
    for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines():
        if line.strip():
            name, status, seconds, junit = (line.split("\t") + [""] * 4)[:4]
            steps.append((name, int(status), float(seconds), junit))
    totals = [0, 0, 0, 0]
    width = max(len(step[0]) for step in steps)
    print(f"\n{'step'.ljust(width)}  result  time      tests")
    for name, status, seconds, junit in steps:
        counts = junit_counts(junit)
        if counts:
            totals = [total + count for total, count in zip(totals, counts, strict=True)]
            tests = "{} passed, {} failed, {} errors, {} skipped".format(*counts)
        else:
            tests = "-"
        if status and not (counts and (counts[1] or counts[2])):
            totals[1] += 1  # a failed step without a failed test: counted as one failure
        minutes, secs = divmod(round(seconds), 60)
        result = "FAIL" if status else "ok"
        print(f"{name.ljust(width)}  {result:6}  {minutes:3d}:{secs:02d}    {tests}")
    total_seconds = sum(step[2] for step in steps)
    passed, failed, errors, skipped = totals
    parts = [f"{passed} passed"]
    parts += [f"{failed} failed"] if failed else []
    parts += [f"{skipped} skipped"] if skipped else []
    parts += [f"{errors} errors"] if errors else []
    minutes, secs = divmod(round(total_seconds), 60)
    summary = f" {', '.join(parts)} in {total_seconds:.2f}s ({minutes}:{secs:02d}), all steps "
    print(summary.center(max(len(summary) + 8, 88), "="))
    # The plain closing line that CI reads, whatever the runner.
    print(
        f"total: {passed} passed, {failed + errors} failed"
        + (f", {skipped} skipped" if skipped else "")
    )


if __name__ == "__main__":
    main()
