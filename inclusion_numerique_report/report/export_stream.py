"""Writers that stream rows to a CSV or XLSX file with constant memory.

xlsxwriter, even in constant_memory mode, writes a few thousand rows a second; this
XLSX writer produces the sheet XML itself (inline strings, one row at a time into a
deflated zip member) and writes tens of thousands. Only what the exports need: one
sheet, a bold frozen header, column widths, strings, numbers, dates and date-times."""

import csv
import re
import zipfile
from datetime import date, datetime
from functools import lru_cache
from xml.sax.saxutils import escape

EPOCH = datetime(1899, 12, 30)
# Characters XML 1.0 forbids (free-text notes may hold them).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Style indexes of styles.xml below.
DATE_STYLE, DATETIME_STYLE, BOLD_STYLE = 1, 2, 3

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.styles+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/></Relationships>'
)
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
    '<numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    "</cellStyleXfs>"
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    "</cellXfs>"
    # The "Normal" style: without it openpyxl warns "Workbook contains no default style".
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
# Column widths (characters): the header's, within these bounds (rows are streamed after).
MIN_WIDTH, MAX_WIDTH = 12, 40


# Names and labels repeat from row to row: their XML is built once.
@lru_cache(maxsize=8192)
def _text(value):
    text = escape(value)
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub("", text)
    return f'<c t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _cell(value):
    """XML of one cell; empty values are empty cells (cells carry no reference, so
    their position is their order in the row)."""
    if value is None or value == "" or value is False:
        return "<c/>"
    if isinstance(value, str):
        return _text(value)
    if value is True:
        return '<c t="b"><v>1</v></c>'
    if isinstance(value, datetime):
        serial = (value - EPOCH).total_seconds() / 86400
        return f'<c s="{DATETIME_STYLE}"><v>{serial}</v></c>'
    if isinstance(value, date):
        return f'<c s="{DATE_STYLE}"><v>{(value - EPOCH.date()).days}</v></c>'
    if isinstance(value, int | float):
        return f"<c><v>{value}</v></c>"
    return _text(str(value))


def _columns(header):
    """<cols> giving each column the width of its title, within MIN_WIDTH and MAX_WIDTH."""
    widths = "".join(
        f'<col min="{index}" max="{index}" width="{width}" customWidth="1"/>'
        for index, width in enumerate(
            (min(max(len(title) + 2, MIN_WIDTH), MAX_WIDTH) for title in header), start=1
        )
    )
    return f"<cols>{widths}</cols>"


class XlsxStreamWriter:
    """XLSX of one sheet written row by row: memory stays that of one row."""

    mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    extension = "xlsx"

    def __init__(self, path, sheet_name, header):
        # Level 1: the sheet XML compresses well anyway, and deflate is the cost.
        self._zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
        for name, content in (
            ("[Content_Types].xml", _CONTENT_TYPES),
            ("_rels/.rels", _RELS),
            ("xl/workbook.xml", _WORKBOOK.format(name=escape(sheet_name[:31]))),
            ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
            ("xl/styles.xml", _STYLES),
        ):
            self._zip.writestr(name, content)
        self._sheet = self._zip.open("xl/worksheets/sheet1.xml", "w", force_zip64=True)
        self._buffer = [
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
            'state="frozen"/></sheetView></sheetViews>'
            + _columns(header)
            + "<sheetData><row>"
            + "".join(
                f'<c t="inlineStr" s="{BOLD_STYLE}"><is><t>{escape(title)}</t></is></c>'
                for title in header
            )
            + "</row>"
        ]

    def write_rows(self, rows):
        cell = _cell
        buffer = self._buffer
        for row in rows:
            buffer.append("<row>" + "".join([cell(value) for value in row]) + "</row>")
        self._sheet.write("".join(buffer).encode())
        buffer.clear()

    def close(self):
        self._buffer.append("</sheetData></worksheet>")
        self._sheet.write("".join(self._buffer).encode())
        self._sheet.close()
        self._zip.close()


class CsvStreamWriter:
    """CSV (UTF-8 with BOM and semicolons, as French spreadsheets open it)."""

    mimetype = "text/csv"
    extension = "csv"

    def __init__(self, path, sheet_name, header):
        self._file = open(path, "w", encoding="utf-8-sig", newline="")
        self._writer = csv.writer(self._file, delimiter=";")
        self._writer.writerow(header)
        self._dates = None

    def write_rows(self, rows):
        if not rows:
            return
        if self._dates is None:
            # Columns of dates, found on the first row: only those need converting.
            self._dates = [i for i, value in enumerate(rows[0]) if isinstance(value, date)]
        if self._dates:
            rows = [list(row) for row in rows]
            for row in rows:
                for index in self._dates:
                    row[index] = _csv_value(row[index])
        self._writer.writerows(rows)

    def close(self):
        self._file.close()


def _csv_value(value):
    if value is None or value is False:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return value


WRITERS = {"xlsx": XlsxStreamWriter, "csv": CsvStreamWriter}
