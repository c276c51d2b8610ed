#!/usr/bin/env python3
"""Reads a built site's open data back with independent parsers.

    python3 check_data.py SITE_DIR

Parses du-lieu/*.csv with Python's csv module (UTF-8 with BOM, RFC 4180),
du-lieu/plan.json with json, and every co-quan/*/han.ics with a strict
RFC 5545 reader (CRLF line ends, lines of at most 75 octets, folding,
balanced BEGIN/END, required properties, escaped text). Prints a JSON
summary on stdout for the Swift test to compare with the model; exits 1
with a message on the first violation.
"""
import csv
import io
import json
import os
import re
import sys


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)*")


def needs_prefix(value):
    """Whether plansite writes VALUE with a leading ' (formula-injection guard)."""
    if not value:
        return False
    if value[0] in "=+-@\t\r":
        return not NUMBER.fullmatch(value)
    if value[0] == "'":
        return needs_prefix(value[1:])
    return False


def unescape(cell):
    """The value a cell stands for: plansite's leading ' removed (see the data page)."""
    if cell.startswith("'") and needs_prefix(cell[1:]):
        return cell[1:]
    return cell


def check_escaped(path, number, cell):
    """No cell may start a formula when a spreadsheet opens the file."""
    if cell and cell[0] in "=+-@\t\r" and not NUMBER.fullmatch(cell):
        fail(f"{path}:{number}: cell {cell[:20]!r} would run as a formula")


def read_csv(path):
    raw = open(path, "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        fail(f"{path}: no UTF-8 byte order mark")
    text = raw[3:].decode("utf-8")
    if "\n" in text.replace("\r\n", ""):
        fail(f"{path}: a line ends without CR LF")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    header, body = rows[0], rows[1:]
    for number, row in enumerate(body, 2):
        if len(row) != len(header):
            fail(f"{path}:{number}: {len(row)} fields, header has {len(header)}")
        for cell in row:
            check_escaped(path, number, cell)
    return [dict(zip(header, (unescape(cell) for cell in row))) for row in body]


ICS_TEXT_PROPERTIES = {"SUMMARY", "DESCRIPTION", "X-WR-CALNAME", "UID"}


def read_ics(path):
    raw = open(path, "rb").read()
    if not raw.endswith(b"\r\n"):
        fail(f"{path}: does not end with CR LF")
    physical = raw.split(b"\r\n")[:-1]
    for number, line in enumerate(physical, 1):
        if b"\n" in line or b"\r" in line:
            fail(f"{path}:{number}: bare LF or CR")
        if len(line) > 75:
            fail(f"{path}:{number}: {len(line)} octets (more than 75)")
        line.decode("utf-8")  # every physical line is whole UTF-8
    logical = []
    for line in physical:
        if line.startswith(b" ") or line.startswith(b"\t"):
            if not logical:
                fail(f"{path}: continuation before any line")
            logical[-1] += line[1:]
        else:
            logical.append(line)
    stack, events, calendar = [], [], {}
    for line in (l.decode("utf-8") for l in logical):
        name, _, value = line.partition(":")
        prop = name.split(";")[0]
        if prop == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                events.append({})
        elif prop == "END":
            if not stack or stack.pop() != value:
                fail(f"{path}: END:{value} does not close the open component")
        else:
            if prop in ICS_TEXT_PROPERTIES and re.search(r"(?<!\\)[,;]", value.replace("\\\\", "")):
                fail(f"{path}: unescaped , or ; in {prop}")
            target = events[-1] if stack and stack[-1] == "VEVENT" else calendar
            target[prop] = (name, value)
    if stack:
        fail(f"{path}: {stack} not closed")
    for key in ("VERSION", "PRODID"):
        if key not in calendar:
            fail(f"{path}: calendar without {key}")
    uids = set()
    for event in events:
        for key in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            if key not in event:
                fail(f"{path}: event without {key}")
        name, value = event["DTSTART"]
        if name != "DTSTART;VALUE=DATE" or not re.fullmatch(r"\d{8}", value):
            fail(f"{path}: DTSTART must be an all-day DATE, got {name}:{value}")
        if not re.fullmatch(r"\d{8}T\d{6}Z", event["DTSTAMP"][1]):
            fail(f"{path}: bad DTSTAMP")
        if event["UID"][1] in uids:
            fail(f"{path}: duplicate UID")
        uids.add(event["UID"][1])
    return [{"uid": e["UID"][1], "date": e["DTSTART"][1]} for e in events]


def main():
    site = sys.argv[1]
    data = os.path.join(site, "du-lieu")
    plan = json.load(open(os.path.join(data, "plan.json"), encoding="utf-8"))
    tables = {name: read_csv(os.path.join(data, name + ".csv"))
              for name in ("tasks", "assignments", "agencies", "communes", "indicators")}
    calendars, slices = {}, {}
    for agency in tables["agencies"]:
        folder = os.path.join(site, "co-quan", agency["id"])
        calendars[agency["id"]] = read_ics(os.path.join(folder, "han.ics"))
        slices[agency["id"]] = [row["task_id"] for row in read_csv(os.path.join(folder, "nhiem-vu.csv"))]
    summary = {
        "schema_version": plan["schema_version"],
        "json_tasks": [t["id"] for t in plan["tasks"]],
        "json_assignments": sum(len(a["to"]) for t in plan["tasks"] for a in t["assignments"]),
        "json_agencies": [a["id"] for a in plan["agencies"]],
        "json_communes": [c["id"] for c in plan["communes"]],
        "csv_tasks": [row["id"] for row in tables["tasks"]],
        "csv_task_titles": [row["title"] for row in tables["tasks"]],
        "csv_assignments": len(tables["assignments"]),
        "csv_agencies": [row["id"] for row in tables["agencies"]],
        "csv_agency_names": [row["name"] for row in tables["agencies"]],
        "csv_communes": [row["id"] for row in tables["communes"]],
        "csv_commune_names": [row["full_name"] for row in tables["communes"]],
        "csv_indicator_rows": len(tables["indicators"]),
        "calendar_events": {k: len(v) for k, v in calendars.items()},
        "calendar_dates": {k: sorted(e["date"] for e in v) for k, v in calendars.items()},
        "agency_slices": slices,
    }
    json.dump(summary, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
