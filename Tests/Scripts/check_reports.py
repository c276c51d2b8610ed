#!/usr/bin/env python3
"""Reads a built site's reports back with independent parsers.

    python3 check_reports.py SITE_DIR

Parses the long-format report CSVs (du-lieu/reports.csv, report-updates.csv,
indicator-values.csv, submissions.csv) with Python's csv module and checks
that they say exactly what du-lieu/plan.json says (reports, every task's
history, every indicator's figures, who sent what). Parses every Atom feed
(bao-cao/feed.xml, co-quan/*/bao-cao.xml, xa-phuong/*/bao-cao.xml) with
feedparser and checks it against plan.json's reports. Prints a JSON summary
on stdout for the Swift test; exits 1 with a message on the first violation.
"""
import glob
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_data import fail, read_csv  # noqa: E402


def rows(site, name):
    return read_csv(os.path.join(site, "du-lieu", name))


def empty_if_none(value):
    return "" if value is None else str(value)


def main():
    site = sys.argv[1]
    plan = json.load(open(os.path.join(site, "du-lieu", "plan.json"), encoding="utf-8"))
    reports = plan["reports"]

    # reports.csv: one row per report, in plan.json's order.
    csv_reports = rows(site, "reports.csv")
    if len(csv_reports) != len(reports):
        fail(f"reports.csv has {len(csv_reports)} rows, plan.json {len(reports)} reports")
    for row, report in zip(csv_reports, reports):
        want = {
            "period": report["period"], "reporter_type": report["reporter"]["type"],
            "reporter_id": report["reporter"]["id"], "reporter_name": report["reporter"]["name"],
            "date": report["date"], "due": empty_if_none(report["due"]),
            "submission": report["submission"], "draft": "true" if report["draft"] else "false",
            "document": empty_if_none(report["document"]),
            "source_url": empty_if_none(report["source_url"]),
            "task_count": str(len(report["tasks"])),
            "indicator_count": str(len(report["indicators"])), "url": report["url"],
        }
        if row != want:
            fail(f"reports.csv row {row} differs from plan.json {want}")

    # report-updates.csv: one row per (report, task); the same entries,
    # regrouped by task, are every task's history in plan.json.
    updates = rows(site, "report-updates.csv")
    by_key = {(r["period"], r["reporter"]["id"]): r for r in reports}
    listed = [(r["period"], r["reporter"]["id"], task) for r in reports for task in r["tasks"]]
    if [(u["period"], u["reporter_id"], u["task_id"]) for u in updates] != listed:
        fail("report-updates.csv does not list the tasks of plan.json's reports, in order")
    for u in updates:
        report = by_key[(u["period"], u["reporter_id"])]
        if (u["reporter_type"], u["reporter_name"], u["report_date"], u["report_url"]) != (
                report["reporter"]["type"], report["reporter"]["name"], report["date"],
                report["url"]):
            fail(f"report-updates.csv row {u} disagrees with its report in plan.json")
    history = sorted(
        (entry["reporter_id"], entry["period"], task["id"], empty_if_none(entry["status"]),
         empty_if_none(entry["progress"]), empty_if_none(entry["done_on"]), entry["text"])
        for task in plan["tasks"] for entry in task["history"])
    from_csv = sorted(
        (row["reporter_id"], row["period"], row["task_id"], row["status"], row["progress"],
         row["done_on"], row["text"])
        for row in updates)
    if history != from_csv:
        fail("the tasks' history in plan.json differs from report-updates.csv")

    # indicator-values.csv: every figure of every indicator, with its source.
    values = rows(site, "indicator-values.csv")
    figures = [
        (indicator["id"], figure["period"], figure["value"], figure["source"],
         (figure["report"] or {}).get("period", ""),
         ((figure["report"] or {}).get("reporter") or {}).get("id", ""))
        for indicator in plan["indicators"] for figure in indicator["figures"]]
    from_values = [
        (row["indicator_id"], row["period"], row["value"], row["source"], row["report_period"],
         row["reporter_id"]) for row in values]
    if figures != from_values:
        fail(f"indicator-values.csv {from_values} differs from plan.json {figures}")
    reported = sorted(
        (figure["indicator"], figure["period"], figure["value"], report["period"],
         report["reporter"]["id"]) for report in reports for figure in report["indicators"])
    from_reports = sorted(
        (row["indicator_id"], row["period"], row["value"], row["report_period"],
         row["reporter_id"]) for row in values if row["source"] == "report")
    if reported != from_reports:
        fail("indicator-values.csv's reported figures differ from the reports in plan.json")

    # submissions.csv: one row per (period, body that must report).
    submissions = rows(site, "submissions.csv")
    want = [{
        "period": item["period"], "reporter_type": item["reporter"]["type"],
        "reporter_id": item["reporter"]["id"], "reporter_name": item["reporter"]["name"],
        "state": item["state"], "date": empty_if_none(item["date"]),
    } for item in plan["submissions"]]
    if submissions != want:
        fail("submissions.csv differs from plan.json's submissions")
    sent = {(r["period"], r["reporter"]["id"]) for r in reports}
    for item in plan["submissions"]:
        key = (item["period"], item["reporter"]["id"])
        if (item["state"] in ("on-time", "late")) != (key in sent):
            fail(f"submission {key} is {item['state']} but the report is {'' if key in sent else 'not '}there")

    # Atom feeds, read by a real feed reader.
    feeds = {}
    feed_paths = sorted(
        glob.glob(os.path.join(site, "bao-cao", "feed.xml"))
        + glob.glob(os.path.join(site, "co-quan", "*", "bao-cao.xml"))
        + glob.glob(os.path.join(site, "xa-phuong", "*", "bao-cao.xml")))
    if feed_paths:
        import feedparser
        for path in feed_paths:
            parsed = feedparser.parse(path)
            if parsed.bozo:
                fail(f"{path}: not a well-formed feed: {parsed.bozo_exception}")
            if parsed.version != "atom10":
                fail(f"{path}: version {parsed.version}, not Atom 1.0")
            for required in ("id", "title", "updated"):
                if not parsed.feed.get(required):
                    fail(f"{path}: the feed has no {required}")
            for entry in parsed.entries:
                for required in ("id", "title", "updated", "link", "author"):
                    if not entry.get(required):
                        fail(f"{path}: an entry has no {required}")
            relative = os.path.relpath(path, site)
            feeds[relative] = sorted(entry.link for entry in parsed.entries)
        everything = feeds.get("bao-cao/feed.xml")
        if everything is not None and everything != sorted(r["url"] for r in reports):
            fail("bao-cao/feed.xml does not list exactly the reports of plan.json")
        for report in reports:
            folder = "co-quan" if report["reporter"]["type"] == "agency" else "xa-phuong"
            own = feeds.get(f"{folder}/{report['reporter']['id']}/bao-cao.xml")
            if own is None or report["url"] not in own:
                fail(f"the feed of {report['reporter']['id']} does not list {report['url']}")

    print(json.dumps({
        "reports": len(csv_reports),
        "updates": len(updates),
        "indicator_values": len(values),
        "reported_values": len(from_reports),
        "submissions": {state: sum(1 for s in submissions if s["state"] == state)
                        for state in ("on-time", "late", "missing", "not-due")},
        "feeds": len(feeds),
        "feed_entries": len(feeds.get("bao-cao/feed.xml", [])),
        "schema_version": plan["schema_version"],
    }, ensure_ascii=False, sort_keys=True))


if __name__ == "__main__":
    main()
