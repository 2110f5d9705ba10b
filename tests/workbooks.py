"""Spreadsheet workbooks made in memory for the tests, as Excel and LibreOffice save them.

``xlsx`` writes with openpyxl and ``ods`` with odfpy: each takes the sheets in order, a
sheet as rows of cells (``None`` for an empty cell; numbers, dates and text keep their
type, as a person typing them into a spreadsheet would give them).
"""

import io
import zipfile
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

Rows = Sequence[Sequence[Any]]


def xlsx(sheets: Mapping[str, Rows]) -> bytes:
    """An .xlsx workbook with these sheets, in order."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def ods(sheets: Mapping[str, Rows]) -> bytes:
    """An .ods workbook with these sheets, in order."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        table = Table(name=name)
        for row in rows:
            table_row = TableRow()
            for value in row:
                table_row.addElement(_ods_cell(value, TableCell, P))
            table.addElement(table_row)
        document.spreadsheet.addElement(table)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def _ods_cell(value: Any, cell: Any, paragraph: Any) -> Any:
    if value is None:
        return cell()
    if isinstance(value, bool):
        made = cell(valuetype="boolean", booleanvalue=str(value).lower())
    elif isinstance(value, int | float):
        made = cell(valuetype="float", value=value)
    elif isinstance(value, datetime):
        made = cell(valuetype="date", datevalue=value.isoformat(timespec="seconds"))
    elif isinstance(value, date):
        made = cell(valuetype="date", datevalue=value.isoformat())
    else:
        made = cell(valuetype="string")
    made.addElement(paragraph(text=str(value)))
    return made


def encrypted_xlsx() -> bytes:
    """What Excel saves for a workbook with a password: an OLE compound file, not a zip.

    The real thing holds an ``EncryptionInfo`` and an ``EncryptedPackage`` stream; the
    header and the directory entry names are what tell it apart, so that is what is built.
    """
    header = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff"
    header += bytes(512 - len(header))
    names = ("Root Entry", "EncryptionInfo", "EncryptedPackage")
    directory = b"".join(
        (name.encode("utf-16-le") + bytes(2)).ljust(64, b"\x00")
        + (2 * (len(name) + 1)).to_bytes(2, "little")
        + bytes(62)
        for name in names
    )
    return header + directory.ljust(512, b"\x00") + bytes(1024)


def legacy_xls() -> bytes:
    """An Excel 97–2003 workbook's start: an OLE compound file with a ``Workbook`` stream."""
    header = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff"
    header += bytes(512 - len(header))
    names = ("Root Entry", "Workbook")
    directory = b"".join(
        (name.encode("utf-16-le") + bytes(2)).ljust(64, b"\x00")
        + (2 * (len(name) + 1)).to_bytes(2, "little")
        + bytes(62)
        for name in names
    )
    return header + directory.ljust(512, b"\x00") + bytes(1024)


def locked_ods(sheets: Mapping[str, Rows]) -> bytes:
    """An .ods saved with a password: LibreOffice encrypts the parts and says so in the manifest.

    The parts are left as they are; the manifest's ``encryption-data`` is what marks it.
    """
    entry = b'manifest:full-path="content.xml" manifest:media-type="text/xml"'
    return _rewritten(
        ods(sheets),
        "META-INF/manifest.xml",
        lambda xml: xml.replace(
            entry + b"/>",
            entry + b'><manifest:encryption-data manifest:checksum-type="SHA1/1K"/>'
            b"</manifest:file-entry>",
        ),
    )


def padded(raw: bytes, megabytes: int) -> bytes:
    """The workbook with one more part that unpacks to ``megabytes`` of spaces (zips to little)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("padding.xml", b" " * (megabytes * 1024 * 1024), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _rewritten(raw: bytes, part: str, change: Any) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, change(data) if info.filename == part else data)
    return out.getvalue()


def with_part(raw: bytes, part: str, data: bytes) -> bytes:
    """The workbook with one part's bytes replaced (to damage a sheet, say)."""
    return _rewritten(raw, part, lambda _: data)
