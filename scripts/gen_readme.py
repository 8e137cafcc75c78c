"""Each add-on's README.rst assembled from its readme/ fragments, the way OCA's
oca-gen-addon-readme does it (same fragments, same order, same layout), without network
and deterministic: Markdown fragments are converted by the small converter below.

    python gen_readme.py [ADDON_DIR...]          write README.rst (make readme)
    python gen_readme.py --check [ADDON_DIR...]  exit 1 when a README.rst is not up to date

Without ADDON_DIR: every inclusion_numerique*/ directory with a __manifest__.py.
Fragments (readme/NAME.md, or NAME.rst copied as is): DESCRIPTION (required), CONTEXT,
INSTALL, CONFIGURE, USAGE, ROADMAP, DEVELOP, HISTORY, CONTRIBUTORS, CREDITS.
The Markdown understood: paragraphs, headings (#), bullet and numbered lists (nested by
indentation), **strong**, *emphasis*, `code`, [links](url), fenced code blocks, tables
are not (write them in a NAME.rst fragment).
"""

import argparse
import ast
import hashlib
import re
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
# (fragment, section title) in oca-gen-addon-readme's order; DESCRIPTION has no title.
FRAGMENTS = (
    ("DESCRIPTION", None),
    ("CONTEXT", "Use Cases / Context"),
    ("INSTALL", "Installation"),
    ("CONFIGURE", "Configuration"),
    ("USAGE", "Usage"),
    ("ROADMAP", "Known issues / Roadmap"),
    ("DEVELOP", "Development"),
    ("HISTORY", "Changelog"),
)
CREDIT_FRAGMENTS = (("CONTRIBUTORS", "Contributors"), ("CREDITS", "Other credits"))
# Underlines by level: sections ("="), their subsections ("-"), and so on.
SECTION_CHARS = "=-~^\"'"
MATURITY_COLORS = {
    "Alpha": "red",
    "Beta": "yellow",
    "Production/Stable": "green",
    "Mature": "brightgreen",
}
LICENSE_URLS = {
    "AGPL-3": "http://www.gnu.org/licenses/agpl-3.0-standalone.html",
    "LGPL-3": "http://www.gnu.org/licenses/lgpl-3.0-standalone.html",
    "GPL-3": "http://www.gnu.org/licenses/gpl-3.0-standalone.html",
}


# ---------------------------------------------------------------------------------------
# Markdown to reStructuredText
# ---------------------------------------------------------------------------------------


def inline(text):
    """Markdown inline markup to reStructuredText."""
    codes = []

    def keep_code(match):
        codes.append(match.group(1))
        return f"\0{len(codes) - 1}\0"

    text = re.sub(r"`([^`]+)`", keep_code, text)
    text = re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)", lambda m: f"`{m.group(1)} <{m.group(2)}>`__", text)
    text = re.sub(r"(?<![*\w])__([^_]+)__(?![\w])", r"**\1**", text)
    text = re.sub(r"(?<![*\w])_([^_]+)_(?![\w])", r"*\1*", text)
    return re.sub(r"\0(\d+)\0", lambda m: f"``{codes[int(m.group(1))]}``", text)


LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d+[.)])\s+(.*)$")


def markdown_to_rst(markdown, heading_offset=0):
    """Markdown to reStructuredText; the fragment's top headings get the underline of
    level `heading_offset` (0: a section, 1: a subsection...)."""
    lines = markdown.replace("\t", "    ").splitlines()
    depths = [len(m.group(1)) for m in (re.match(r"^(#{1,6})\s", line) for line in lines) if m]
    top = min(depths, default=1)
    out = []
    list_level = None  # level of the list item the previous line belongs to
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        item = LIST_ITEM.match(line)
        heading = re.match(r"^(#{1,6})\s+(.*?)\s*#*$", stripped)
        if stripped.startswith("```"):
            language = stripped[3:].strip()
            out += ["", f".. code-block:: {language}" if language else "::", ""]
            index += 1
            while index < len(lines) and not lines[index].strip().startswith("```"):
                out.append(f"   {lines[index]}" if lines[index].strip() else "")
                index += 1
            out.append("")
            list_level = None
        elif heading:
            title = inline(heading.group(2))
            char = SECTION_CHARS[min(len(heading.group(1)) - top + heading_offset, 5)]
            out += ["", title, char * len(title), ""]
            list_level = None
        elif item:
            indent, marker, text = item.groups()
            level = len(indent) // 2
            # reStructuredText wants a blank line before a list and around a nested one.
            if out and out[-1] and list_level != level:
                out.append("")
            bullet = "#." if marker[0].isdigit() else "-"
            out.append(f"{'  ' * level}{bullet} {inline(text)}")
            list_level = level
            continuation = "  " * level + " " * (len(bullet) + 1)
            while (
                index + 1 < len(lines)
                and lines[index + 1].strip()
                and not LIST_ITEM.match(lines[index + 1])
                and not lines[index + 1].strip().startswith(("#", "```"))
            ):
                index += 1
                out.append(continuation + inline(lines[index].strip()))
        elif stripped:
            if list_level is not None and out and out[-1]:
                out.append("")
            out.append(inline(stripped))
            list_level = None
        else:
            out.append("")
            if list_level is not None and not (
                index + 1 < len(lines) and LIST_ITEM.match(lines[index + 1])
            ):
                list_level = None
        index += 1
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(out))
    return text.strip("\n") + "\n"


# ---------------------------------------------------------------------------------------
# README.rst
# ---------------------------------------------------------------------------------------


def fragment(readme_dir, name, heading_offset):
    for suffix in (".md", ".rst"):
        path = readme_dir / f"{name}{suffix}"
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            if suffix == ".md":
                return markdown_to_rst(text, heading_offset)
            return text.strip("\n") + "\n"
    return None


def section(title, char="="):
    return f"{title}\n{char * len(title)}\n"


def badges(manifest):
    lines, names = [], []
    maturity = manifest.get("development_status")
    if maturity:
        color = MATURITY_COLORS.get(maturity, "lightgray")
        quoted = maturity.replace("/", "%2F").replace("-", "--")
        lines += [
            f".. |badge{len(names) + 1}| image:: "
            f"https://img.shields.io/badge/maturity-{quoted}-{color}.png",
            "    :target: https://odoo-community.org/page/development-status",
            f"    :alt: {maturity}",
        ]
        names.append(f"|badge{len(names) + 1}|")
    license_name = manifest.get("license")
    if license_name:
        quoted = license_name.replace("-", "--").replace(" ", "%20")
        lines += [
            f".. |badge{len(names) + 1}| image:: "
            f"https://img.shields.io/badge/license-{quoted}-blue.png",
            f"    :target: {LICENSE_URLS.get(license_name, 'https://spdx.org/licenses/')}",
            f"    :alt: License: {license_name}",
        ]
        names.append(f"|badge{len(names) + 1}|")
    if not lines:
        return ""
    return "\n".join(lines) + "\n\n" + " ".join(names) + "\n"


def digest(addon_dir):
    """Fingerprint of what the README.rst is made of, as oca-gen-addon-readme writes it."""
    sha = hashlib.sha256()
    sha.update((addon_dir / "__manifest__.py").read_bytes())
    for path in sorted((addon_dir / "readme").glob("*")):
        if path.is_file():
            sha.update(path.name.encode())
            sha.update(path.read_bytes())
    return sha.hexdigest()


def generate(addon_dir):
    manifest = ast.literal_eval((addon_dir / "__manifest__.py").read_text(encoding="utf-8"))
    readme_dir = addon_dir / "readme"
    description = fragment(readme_dir, "DESCRIPTION", 0)
    if description is None:
        raise ValueError(f"{addon_dir.name}: readme/DESCRIPTION.md is missing")
    name = manifest["name"]
    marker = "!" * 52
    parts = [
        "=" * len(name) + f"\n{name}\n" + "=" * len(name) + "\n",
        "..\n"
        f"   {marker}\n"
        "   !! This file is generated by scripts/gen_readme.py !!\n"
        "   !! (oca-gen-addon-readme's layout): make readme     !!\n"
        "   !! changes will be overwritten.                     !!\n"
        f"   {marker}\n"
        f"   !! source digest: sha256:{digest(addon_dir)}\n"
        f"   {marker}\n",
    ]
    if badges(manifest):
        parts.append(badges(manifest))
    parts += [description, "**Table of contents**\n\n.. contents::\n   :local:\n"]
    for name_, title in FRAGMENTS[1:]:
        text = fragment(readme_dir, name_, 1)
        if text:
            parts.append(section(title) + "\n" + text)
    website = manifest.get("website", "")
    if "github.com" in website:
        parts.append(
            section("Bug Tracker")
            + f"\nBugs are tracked on `GitHub Issues <{website.rstrip('/')}/issues>`_.\n"
            "In case of trouble, please check there if your issue has already been reported.\n"
        )
    credits_ = [section("Credits"), section("Authors", "-")]
    authors = [
        author.strip() for author in manifest.get("author", "").split(",") if author.strip()
    ]
    credits_.append("".join(f"\n* {author}" for author in authors).lstrip("\n") + "\n")
    for name_, title in CREDIT_FRAGMENTS:
        text = fragment(readme_dir, name_, 2)
        if text:
            credits_ += [section(title, "-"), text]
    if "github.com" in website:
        credits_ += [
            section("Maintainers", "-"),
            f"This module is part of the `{website.rstrip('/').split('github.com/')[-1]} "
            f"<{website}>`_ project on GitHub.\n\nYou are welcome to contribute.\n",
        ]
    parts.append("\n".join(credits_))
    return "\n".join(part.rstrip("\n") + "\n" for part in parts)


def rst_problems(text, source):
    """docutils' complaints about the generated reStructuredText (empty when it is valid)."""
    try:
        import docutils.core
        import docutils.utils
    except ImportError:
        return []
    stream = []

    class Collector:
        def write(self, message):
            stream.append(message)

    docutils.core.publish_doctree(
        text,
        source_path=source,
        settings_overrides={"report_level": 2, "halt_level": 5, "warning_stream": Collector()},
    )
    return [line for line in "".join(stream).splitlines() if line.strip()]


def addon_dirs(arguments):
    if arguments:
        return [Path(argument).resolve() for argument in arguments]
    return sorted(path.parent for path in PROJECT_DIR.glob("inclusion_numerique*/__manifest__.py"))


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    parser.add_argument("addons", nargs="*")
    args = parser.parse_args()
    failures = 0
    for addon_dir in addon_dirs(args.addons):
        target = addon_dir / "README.rst"
        try:
            text = generate(addon_dir)
        except (ValueError, OSError) as error:
            print(f"ERROR {error}")
            failures += 1
            continue
        problems = rst_problems(text, str(target))
        if problems:
            print(f"ERROR {addon_dir.name}: the readme/ fragments give invalid reStructuredText:")
            print("\n".join(f"    {problem}" for problem in problems))
            failures += 1
            continue
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == text:
            continue
        if args.check:
            print(f"ERROR {addon_dir.name}/README.rst is not up to date with readme/: make readme")
            failures += 1
        else:
            target.write_text(text, encoding="utf-8")
            print(f"{addon_dir.name}/README.rst written")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
