#!/usr/bin/env python3
"""Incremental rebuilds of the synthetic corpus (issue "Regenerate on change").

    python3 bench/run_incremental.py [--sizes 1000 10000] [--runs 5] [--plansite PATH]

For each size N: copy the corpus (bench/gen_corpus.py) into a scratch
folder, build it once, then time `plansite build` after each kind of edit,
several times (toggling the edit so every run sees a change), and report
the median wall time, the pages rendered and the files rewritten:

  no-op            nothing changed
  task body        one task's Markdown body (a task sent to a few communes)
  task title       one task's title (a task sent to all communes: all 130
                   commune pages list it)
  agency name      one agency's name (its page and every task naming it)
  template         the footer partial (every page changes)

The same edits are also timed in `plansite watch` (one long-running
process that keeps parsed files in memory), from the save to the end of
the rebuild, as an editor experiences it.

Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
TODAY = "2026-11-27"


def build(plansite: Path, project: Path, *extra: str) -> tuple[float, str]:
    start = time.perf_counter()
    r = subprocess.run([str(plansite), "build", "--today", TODAY, *extra], cwd=project,
                       capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if r.returncode != 0:
        sys.exit(f"build failed:\n{r.stderr}")
    return elapsed, r.stdout.splitlines()[0]


def parse(line: str) -> tuple[str, str]:
    m = re.search(r"rendered (\d+), wrote (\d+) files", line)
    if m:
        return m.group(1), m.group(2)
    return ("0", "0") if "up to date" in line else ("?", "?")


class Edit:
    """A reversible edit: apply() and revert() alternate, so every run changes something."""

    def __init__(self, path: Path, old: str, new: str):
        self.path, self.old, self.new = path, old, new
        self.applied = False

    def toggle(self) -> None:
        text = self.path.read_text(encoding="utf-8")
        a, b = (self.new, self.old) if self.applied else (self.old, self.new)
        if a not in text:
            sys.exit(f"edit target {a!r} not found in {self.path}")
        self.path.write_text(text.replace(a, b, 1), encoding="utf-8")
        self.applied = not self.applied


def task_file(content: Path, all_communes: bool) -> Path:
    for path in sorted((content / "tasks").glob("*/nv-*.md")):
        text = path.read_text(encoding="utf-8")
        if ("[all-communes]" in text) == all_communes:
            return path
    sys.exit("no suitable task")


def edits(project: Path) -> dict[str, Edit | None]:
    content = project / "Content"
    few = task_file(content, all_communes=False)
    many = task_file(content, all_communes=True)
    return {
        "no-op": None,
        "task body": Edit(few, "## Mục tiêu", "## Mục tiêu cụ thể"),
        "task title": Edit(many, 'title: "', 'title: "Sửa: '),
        "agency name": Edit(content / "agencies.yaml", '"Sở Tài chính"', '"Sở Tài chính (sửa)"'),
        "template": Edit(project / "Templates/partials/footer.mustache", "</footer>", "<!-- sửa --></footer>"),
    }


def measure_cli(plansite: Path, project: Path, runs: int) -> list[dict]:
    rows = []
    for name, edit in edits(project).items():
        times, rendered, written = [], [], []
        for _ in range(runs):
            if edit:
                edit.toggle()
            elapsed, line = build(plansite, project)
            r, w = parse(line)
            times.append(elapsed)
            rendered.append(r)
            written.append(w)
        if edit and edit.applied:
            edit.toggle()
            build(plansite, project)
        rows.append({"edit": name, "median_s": statistics.median(times), "rendered": rendered[-1],
                     "written": written[-1], "runs": times})
    return rows


def measure_watch(plansite: Path, project: Path, runs: int) -> list[dict]:
    log_path = project / "watch.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen([str(plansite), "watch", "--today", TODAY], cwd=project,
                                stdout=log, stderr=subprocess.STDOUT)
    try:
        def lines() -> list[str]:
            return [l for l in log_path.read_text().splitlines() if l.startswith("[")]

        deadline = time.time() + 300
        while not lines() and time.time() < deadline:
            time.sleep(0.05)
        rows = []
        for name, edit in edits(project).items():
            if edit is None:
                continue
            times, builds = [], []
            for _ in range(runs):
                seen = len(lines())
                start = time.perf_counter()
                edit.toggle()
                while len(lines()) <= seen:
                    time.sleep(0.005)
                times.append(time.perf_counter() - start)
                m = re.search(r"in (\d+) ms$", lines()[-1])
                builds.append(int(m.group(1)) / 1000 if m else float("nan"))
            if edit.applied:
                seen = len(lines())
                edit.toggle()
                while len(lines()) <= seen:
                    time.sleep(0.005)
            rows.append({"edit": name, "median_save_to_done_s": statistics.median(times),
                         "median_build_s": statistics.median(builds)})
        return rows
    finally:
        proc.send_signal(2)
        proc.wait(timeout=60)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", nargs="*", type=int,
                    default=[int(s) for s in os.environ.get("BENCH_SIZES", "1000 10000").split()])
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "5")))
    ap.add_argument("--plansite", type=Path, default=ROOT / ".build/release/plansite")
    args = ap.parse_args()
    print(f"plansite {args.plansite}, {os.cpu_count()} cores, median of {args.runs} runs per edit\n")
    for n in args.sizes:
        scratch = Path(tempfile.mkdtemp(prefix=f"plansite-incr-{n}-"))
        subprocess.run([sys.executable, str(BENCH / "gen_corpus.py"), "--tasks", str(n), "--format",
                        "plansite", "--out", str(scratch / "corpus")], check=True, capture_output=True)
        project = scratch / "project"
        shutil.move(str(scratch / "corpus"), project)
        shutil.copytree(ROOT / "Templates", project / "Templates")
        clean, line = build(plansite=args.plansite, project=project)
        clean2, _ = build(args.plansite, project, "--clean")
        print(f"## N = {n:,} tasks\n")
        print(f"first build (empty output folder): {clean:.2f} s; full re-render (--clean): {clean2:.2f} s\n")
        print("| edit | `plansite build` median | vs first build | pages rendered | files rewritten |")
        print("|---|---|---|---|---|")
        for row in measure_cli(args.plansite, project, args.runs):
            print(f"| {row['edit']} | {row['median_s']:.3f} s | {row['median_s'] / clean * 100:.1f} % | "
                  f"{row['rendered']} | {row['written']} |")
        print("\n| edit (in `plansite watch`) | save → site updated, median | of which rebuild |")
        print("|---|---|---|")
        for row in measure_watch(args.plansite, project, args.runs):
            print(f"| {row['edit']} | {row['median_save_to_done_s']:.3f} s | {row['median_build_s']:.3f} s |")
        print()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
