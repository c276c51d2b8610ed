#!/usr/bin/env python3
"""Fills in a plansite report form the way a clerk would, for the tests.

    python3 fill_form.py FORM OUT [--set ID|HEADER=VALUE ...] [--reporter R]
                         [--delimiter ';'] [--no-bom] [--lf] [--cp1258]
                         [--rename-sheet NAME] [--copy-sheet NAME [--hidden]] [--merge M2:M4]

FORM is a form made by `plansite report form` (.xlsx or .csv). Each --set
writes VALUE into the cell of column HEADER on the row whose "Mã" is ID (and
whose "Mã đơn vị" is R, with --reporter, for multi-reporter forms). For an
.xlsx the worksheet XML is edited with ElementTree (cells stay inline
strings, as plansite wrote them, except a VALUE written `pct:NUMBER`: a
number cell in a percentage format, as Excel makes of a cell the clerk
formatted as "%"; `num:NUMBER`: a plain number cell; `err:#DIV/0!`: a formula whose value is that error;
`formula:TEXT`: a formula saved without its result; `formula-empty:TEXT`: the
same with an empty value, as openpyxl saves it); for a .csv the file is rewritten with
Python's csv module (--rename-sheet, for an .xlsx, renames the form's sheet
and moves it last): --delimiter, --no-bom, --lf (LF line ends instead of
CRLF) and --cp1258 (saved in the Windows-1258 code page, as Excel's plain
"CSV" does in Vietnam) imitate what real programs write.
"""
import argparse
import csv
import io
import shutil
import sys
import zipfile
import xml.etree.ElementTree as ET

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS = {"m": MAIN}


def col_index(ref):
    n = 0
    for ch in ref:
        if ch.isalpha():
            n = n * 26 + ord(ch.upper()) - 64
        else:
            break
    return n - 1


def col_letters(index):
    n, out = index + 1, ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def parse_sets(items):
    sets = []
    for item in items:
        target, value = item.split("=", 1)
        row_id, header = target.split("|", 1)
        sets.append((row_id, header, value.replace("\\n", "\n")))
    return sets


def percent_style(parts):
    """Adds a cell format showing numbers as percentages (built-in 9, "0%")
    to the workbook's styles, and returns its index."""
    styles = ET.fromstring(parts["xl/styles.xml"])
    xfs = styles.find("m:cellXfs", NS)
    ET.SubElement(xfs, f"{{{MAIN}}}xf", numFmtId="9", fontId="0", fillId="0", borderId="0",
                  applyNumberFormat="1")
    xfs.set("count", str(len(xfs)))
    parts["xl/styles.xml"] = ET.tostring(styles, xml_declaration=True, encoding="UTF-8")
    return len(xfs) - 1


def fill_xlsx(path, out, sets, reporter, rename_sheet=None, copy_sheet=None, hidden=False,
              merge=None):
    ET.register_namespace("", MAIN)
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    if copy_sheet:
        # A copy of the blank form's sheet put first (hidden, with
        # hidden): an old copy a clerk kept in the workbook.
        parts["xl/worksheets/sheet99.xml"] = parts["xl/worksheets/sheet1.xml"]
        rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
        rels = rels.replace("</Relationships>", '<Relationship Id="rId99" Type="http://schemas.'
                            'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                            'Target="worksheets/sheet99.xml"/></Relationships>')
        parts["xl/_rels/workbook.xml.rels"] = rels.encode("utf-8")
        types = parts["[Content_Types].xml"].decode("utf-8")
        types = types.replace("</Types>", '<Override PartName="/xl/worksheets/sheet99.xml" '
                              'ContentType="application/vnd.openxmlformats-officedocument.'
                              'spreadsheetml.worksheet+xml"/></Types>')
        parts["[Content_Types].xml"] = types.encode("utf-8")
        book = parts["xl/workbook.xml"].decode("utf-8")
        state = ' state="hidden"' if hidden else ""
        book = book.replace("<sheets>", f'<sheets><sheet name="{copy_sheet}" sheetId="99"{state} '
                            'r:id="rId99"/>', 1)
        parts["xl/workbook.xml"] = book.encode("utf-8")
    root = ET.fromstring(parts["xl/worksheets/sheet1.xml"])
    percent = None

    def text(cell):
        t = cell.find("m:is/m:t", NS)
        return t.text or "" if t is not None else ""

    rows = root.findall("m:sheetData/m:row", NS)
    header = {text(c): col_index(c.get("r")) for c in rows[0].findall("m:c", NS)}
    for row_id, column, value in sets:
        done = False
        for row in rows[1:]:
            cells = {col_index(c.get("r")): c for c in row.findall("m:c", NS)}
            if text(cells[header["Mã"]]) != row_id:
                continue
            if reporter and text(cells[header["Mã đơn vị"]]) != reporter:
                continue
            cell = cells[header[column]]
            if value.startswith("pct:"):
                if percent is None:
                    percent = percent_style(parts)
                for child in list(cell):
                    cell.remove(child)
                cell.attrib.pop("t", None)
                cell.set("s", str(percent))
                ET.SubElement(cell, f"{{{MAIN}}}v").text = value[4:]
            elif value.startswith("num:"):
                # A number cell (a figure typed or pasted as a value).
                for child in list(cell):
                    cell.remove(child)
                cell.attrib.pop("t", None)
                ET.SubElement(cell, f"{{{MAIN}}}v").text = value[4:]
            elif value.startswith(("err:", "formula:", "formula-empty:")):
                # A formula whose value is an error (Excel saves the error
                # with the formula), or a formula saved without its result
                # (as programs that do not compute formulas write it).
                for child in list(cell):
                    cell.remove(child)
                kind, given = value.split(":", 1)
                if kind == "err":
                    cell.set("t", "e")
                    ET.SubElement(cell, f"{{{MAIN}}}f").text = "1/0"
                    ET.SubElement(cell, f"{{{MAIN}}}v").text = given
                else:
                    cell.attrib.pop("t", None)
                    ET.SubElement(cell, f"{{{MAIN}}}f").text = given
                    if kind == "formula-empty":
                        ET.SubElement(cell, f"{{{MAIN}}}v")
            else:
                t = cell.find("m:is/m:t", NS)
                t.text = value
            done = True
        if not done:
            sys.exit(f"no row {row_id} / column {column}")
    if merge:
        # Cells merged across rows, as a clerk merges one status over several.
        node = ET.SubElement(root, f"{{{MAIN}}}mergeCells", {"count": "1"})
        ET.SubElement(node, f"{{{MAIN}}}mergeCell", {"ref": merge})
    parts["xl/worksheets/sheet1.xml"] = ET.tostring(root, xml_declaration=True, encoding="UTF-8")
    if rename_sheet:
        # The form's sheet renamed and moved after the others, as a clerk
        # who adds or reorders sheets leaves it.
        book = parts["xl/workbook.xml"].decode("utf-8")
        start, end = book.index("<sheets>") + len("<sheets>"), book.index("</sheets>")
        sheets = book[start:end].split("/>")[:-1]
        form = sheets.pop(0).replace('name="Báo cáo"', f'name="{rename_sheet}"')
        book = book[:start] + "/>".join(sheets + [form]) + "/>" + book[end:]
        parts["xl/workbook.xml"] = book.encode("utf-8")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def fill_csv(path, out, sets, reporter, delimiter, bom, lf, cp1258):
    raw = open(path, "rb").read()
    text = raw[3:].decode("utf-8") if raw.startswith(b"\xef\xbb\xbf") else raw.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = rows[0]
    for row_id, column, value in sets:
        done = False
        for row in rows[1:]:
            if row[header.index("Mã")] != row_id:
                continue
            if reporter and row[header.index("Mã đơn vị")] != reporter:
                continue
            row[header.index(column)] = value
            done = True
        if not done:
            sys.exit(f"no row {row_id} / column {column}")
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n" if lf else "\r\n")
    for row in rows:
        writer.writerow(row)
    data = buffer.getvalue()
    if cp1258:
        encoded = data.encode("cp1258", errors="replace")
    else:
        encoded = (b"\xef\xbb\xbf" if bom else b"") + data.encode("utf-8")
    open(out, "wb").write(encoded)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("form")
    ap.add_argument("out")
    ap.add_argument("--set", action="append", default=[])
    ap.add_argument("--reporter")
    ap.add_argument("--delimiter", default=",")
    ap.add_argument("--no-bom", action="store_true")
    ap.add_argument("--lf", action="store_true")
    ap.add_argument("--cp1258", action="store_true")
    ap.add_argument("--rename-sheet")
    ap.add_argument("--copy-sheet")
    ap.add_argument("--hidden", action="store_true")
    ap.add_argument("--merge")
    args = ap.parse_args()
    sets = parse_sets(args.set)
    if args.form.endswith(".xlsx"):
        fill_xlsx(args.form, args.out, sets, args.reporter, args.rename_sheet, args.copy_sheet,
                  args.hidden, args.merge)
    else:
        fill_csv(args.form, args.out, sets, args.reporter, args.delimiter, not args.no_bom,
                 args.lf, args.cp1258)


if __name__ == "__main__":
    main()
