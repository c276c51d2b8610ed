#!/usr/bin/env python3
"""plansite vs Hugo on the same synthetic corpus (issue "Speed").

    python3 bench/run_bench.py [--sizes 1000 10000 30000] [--runs 3] [--plansite PATH]

For each size N: generate (or reuse) both corpora in bench/out/N/, then run
plansite and Hugo alternately (1 warm-up + R measured runs each), every run
building into a fresh output folder. Each run is one whole process, measured
with os.wait4: wall time, CPU time (user+sys) and peak RSS. Then check that
both outputs carry the same information, run plansite once more with
--timings, and print a Markdown table. Results also go to
bench/out/results-<timestamp>.json. See bench/README.md.

Python 3.11 standard library only. Linux (ru_maxrss is in KiB there).
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import platform
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
OUT = BENCH / "out"
GEN = BENCH / "gen_corpus.py"
HUGO_LAYOUTS = BENCH / "hugo-layouts"
TODAY = "2026-11-27"
DEFAULT_SIZES = [1000, 10000, 30000]
DEFAULT_RUNS = 3
MARKER = ".complete.json"


# ---------------------------------------------------------------- small helpers

def log(msg: str = "") -> None:
    print(msg, flush=True)


def sh(cmd: list[str], cwd: Path | None = None) -> str:
    """Output of a short informational command, or a note if it fails."""
    try:
        r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=60)
        return (r.stdout.strip() or r.stderr.strip())
    except (OSError, subprocess.SubprocessError) as e:
        return f"({' '.join(cmd)}: {e})"


def parse_sizes(text: str) -> list[int]:
    return [int(x) for x in re.split(r"[\s,]+", text.strip()) if x]


def shown(path: Path) -> str:
    """A path as printed: relative to the repository when inside it."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def mib(kib: float) -> float:
    return kib / 1024


def ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def remove_tree(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


# Outputs of earlier runs are moved here, not deleted, and deleted when the
# benchmark ends: on an ext4 file system without a journal (this VM's), a
# folder deleted just before a run makes that run's file creation several
# times slower (README, "Repeated runs").
TRASH_NAME = ".trash"
DELETE_OUTPUTS = False


def discard(path: Path) -> None:
    """Takes an earlier run's output out of the way."""
    if not (path.exists() or path.is_symlink()):
        return
    if DELETE_OUTPUTS:
        remove_tree(path)
        return
    trash = OUT / TRASH_NAME
    trash.mkdir(parents=True, exist_ok=True)
    os.rename(path, trash / f"{len(os.listdir(trash)):05d}-{path.name}")


# ext4 without a journal skips an inode deleted less than 60 s ago, and
# less than 360 s ago while its inode table block is not yet written back
# (fs/ext4/ialloc.c, RECENTCY_MIN and RECENTCY_DIRTY).
RECENTLY_DELETED_S = 360


def empty_trash() -> None:
    trash = OUT / TRASH_NAME
    if trash.exists():
        shutil.rmtree(trash, ignore_errors=True)
        (OUT / ".trash-emptied").write_text(f"{time.time():.0f}\n")


def wait_for_trash() -> None:
    """A benchmark that just deleted its outputs slows down the next one's file creation."""
    try:
        emptied = float((OUT / ".trash-emptied").read_text())
    except (OSError, ValueError):
        return
    left = emptied + RECENTLY_DELETED_S - time.time()
    if left > 0:
        log(f"(earlier outputs were deleted {RECENTLY_DELETED_S - left:.0f} s ago: waiting {left:.0f} s "
            "until the file system reuses their inodes at full speed, see README)")
        time.sleep(left)


# ---------------------------------------------------------------- corpus

def generator_fingerprint() -> str:
    """Changes when the generator or the Hugo layouts change: the cache is then rebuilt."""
    h = hashlib.sha256(GEN.read_bytes())
    for p in sorted(HUGO_LAYOUTS.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(HUGO_LAYOUTS)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def ensure_corpus(n: int, fmt: str, fingerprint: str, reports: bool = False) -> Path:
    """bench/out/N/<fmt>[-reports], generated once; reused while complete and current."""
    d = OUT / str(n) / (fmt + ("-reports" if reports else ""))
    marker = d / MARKER
    want = {"tasks": n, "format": fmt, "generator": fingerprint, "reports": reports}
    if marker.exists():
        try:
            if json.loads(marker.read_text()) == want:
                log(f"  corpus {fmt} N={n}: cached in {shown(d)}")
                return d
        except (OSError, ValueError):
            pass
    remove_tree(d)  # incomplete or stale
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, str(GEN), "--tasks", str(n), "--format", fmt, "--out", str(d)]
                       + (["--reports"] if reports else []),
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stdout + r.stderr)
        sys.exit(f"corpus generation failed: {fmt} N={n}")
    marker.write_text(json.dumps(want))
    log(f"  corpus {fmt} N={n}: generated in {time.perf_counter() - t0:.1f} s -> {shown(d)}")
    return d


# ---------------------------------------------------------------- measuring one process

def measure(cmd: list[str], cwd: Path, env: dict | None = None) -> dict:
    """Runs cmd to completion; wall, CPU (user+sys) and peak RSS of that process (with its children)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)  # keep Popen from waiting again
        out.seek(0)
        err.seek(0)
        return {
            "wall_s": wall,
            "cpu_s": ru.ru_utime + ru.ru_stime,
            "user_s": ru.ru_utime,
            "sys_s": ru.ru_stime,
            "maxrss_kib": ru.ru_maxrss,
            "exit": proc.returncode,
            "stdout": out.read().decode("utf-8", "replace"),
            "stderr": err.read().decode("utf-8", "replace"),
        }


def tree_stats(root: Path) -> dict:
    """html pages, files and bytes under root; hidden files (a tool's own build state,
    e.g. plansite's .plansite-build and .plansite-state) are counted apart."""
    pages = files = size = hidden_files = hidden_bytes = 0
    largest = (0, "")
    body_pages: dict[str, list[int]] = {}
    stack = [root]
    while stack:
        with os.scandir(stack.pop()) as it:
            for e in it:
                if e.is_dir(follow_symlinks=False):
                    stack.append(Path(e.path))
                elif e.is_file(follow_symlinks=False):
                    n = e.stat(follow_symlinks=False).st_size
                    if e.name.startswith("."):
                        hidden_files += 1
                        hidden_bytes += n
                        continue
                    files += 1
                    size += n
                    if e.name.endswith(".html"):
                        pages += 1
                        if n > largest[0]:
                            largest = (n, str(Path(e.path).relative_to(root)))
                        # An agency's or commune's own page: <kind>/<id>/index.html.
                        parts = Path(e.path).relative_to(root).parts
                        if len(parts) == 3 and parts[2] == "index.html" and parts[1] != "giao-chung":
                            body_pages.setdefault(parts[0], []).append(n)
    medians = {kind: statistics.median(sizes) for kind, sizes in body_pages.items()}
    return {"pages": pages, "files": files, "bytes": size,
            "hidden_files": hidden_files, "hidden_bytes": hidden_bytes,
            "largest_page": largest[0], "largest_page_path": largest[1],
            "median_body_page": medians}


# ---------------------------------------------------------------- the two tools

class Tool:
    name = ""

    def __init__(self, n: int, corpus: Path, workdir: Path):
        self.n, self.corpus = n, corpus
        self.output = workdir / f"site-{self.name}"

    def leftovers(self) -> list[Path]:
        return [self.output]

    def clean(self) -> None:
        for p in self.leftovers():
            discard(p)

    def command(self) -> tuple[list[str], Path]:
        raise NotImplementedError


class Plansite(Tool):
    name = "plansite"
    binary: Path
    templates: Path

    def leftovers(self) -> list[Path]:
        # plansite writes OUT.staging and swaps it in; it locks OUT.lock and
        # remembers what it built in OUT.db: all go, so every run starts cold.
        o = self.output
        return [o] + [o.with_name(o.name + suffix)
                      for suffix in (".staging", ".lock", ".db", ".db-journal")]

    def command(self, extra: list[str] = ()) -> tuple[list[str], Path]:
        return ([str(self.binary), "build", "--content", str(self.corpus / "Content"),
                 "--templates", str(self.templates), "--output", str(self.output),
                 "--today", TODAY, *extra], ROOT)


class Hugo(Tool):
    name = "hugo"
    binary = "hugo"

    def command(self) -> tuple[list[str], Path]:
        return [self.binary, "--quiet", "-d", str(self.output)], self.corpus


CLK_TCK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_snapshot() -> tuple[int, int] | None:
    """(all jiffies, idle+iowait jiffies) of all CPUs, from /proc/stat."""
    try:
        v = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:8]]
        return sum(v), v[3] + v[4]
    except (OSError, ValueError, IndexError):
        return None


def busy_seconds(a, b) -> float | None:
    """CPU-seconds used by everything on the machine between two snapshots."""
    if a is None or b is None:
        return None
    return ((b[0] - a[0]) - (b[1] - a[1])) / CLK_TCK


def cpu_busy(seconds: float = 0.25) -> float | None:
    """Share of all CPUs busy (not idle/iowait) over a short interval: other load on the machine."""
    a = cpu_snapshot()
    time.sleep(seconds)
    b = cpu_snapshot()
    if a is None or b is None or b[0] <= a[0]:
        return None
    return 1 - (b[1] - a[1]) / (b[0] - a[0])


NOISY = 0.15      # a run that starts with more than this share of CPU busy elsewhere is marked
WAIT_IDLE = 0.0   # --wait-idle: seconds to wait at most for the machine to become idle


def wait_for_idle() -> float | None:
    busy = cpu_busy()
    if WAIT_IDLE <= 0 or busy is None or busy <= NOISY:
        return busy
    deadline = time.monotonic() + WAIT_IDLE
    log(f"  (machine {busy:.0%} busy: waiting up to {WAIT_IDLE:.0f} s for it to become idle)")
    while busy is not None and busy > NOISY and time.monotonic() < deadline:
        time.sleep(2)
        busy = cpu_busy(1.0)
    return cpu_busy()


def run_once(tool: Tool, sync: bool, extra: list[str] | None = None) -> dict:
    tool.clean()                      # not timed
    assert not tool.output.exists()
    if sync:
        os.sync()                     # not timed: flush the previous run's writes and deletes
    busy = wait_for_idle()            # not timed: is something else running?
    cmd, cwd = tool.command(extra) if extra else tool.command()
    before = cpu_snapshot()
    r = measure(cmd, cwd)
    used = busy_seconds(before, cpu_snapshot())
    r["busy_before"] = busy
    # CPU time the rest of the machine used while the tool ran (whole-machine busy time minus the tool's own).
    r["others_cpu_s"] = None if used is None else max(0.0, used - r["cpu_s"])
    if r["exit"] != 0:
        log(f"\n*** {tool.name} failed (exit {r['exit']}) on N={tool.n}")
        log(f"command: {' '.join(cmd)}  (cwd {cwd})")
        log("--- stdout ---\n" + r["stdout"].rstrip())
        log("--- stderr ---\n" + r["stderr"].rstrip())
        raise SystemExit(1)
    return r


def is_noisy(r: dict) -> bool:
    """Something else ran before or during the run: more than NOISY of the CPUs."""
    others = r.get("others_cpu_s")
    ncpu = os.cpu_count() or 1
    return ((r.get("busy_before") or 0) > NOISY
            or (others is not None and others > NOISY * ncpu * r["wall_s"] + 0.1))


def busy_note(busy: float | None, others: float | None, wall: float) -> str:
    if busy is None:
        return ""
    r = {"busy_before": busy, "others_cpu_s": others, "wall_s": wall}
    during = "" if others is None else f", others used {others:.2f} CPU-s during"
    return f"  (machine {busy:.0%} busy before{during}{'; NOISY' if is_noisy(r) else ''})"


# ---------------------------------------------------------------- same information?

HREF = re.compile(r'href="([^"]*)"')
PLANSITE_TASK = re.compile(r'(?:^|/)nhiem-vu/([^/]+)/index\.html(?:#.*)?$')
HUGO_TASK = re.compile(r'^(?:https?://[^/]+)?/tasks/[^/]+/([^/]+)/(?:index\.html)?(?:#.*)?$')


def linked_tasks(page: Path, pattern: re.Pattern) -> set[str]:
    html = page.read_text(encoding="utf-8", errors="replace")
    return {m.group(1) for h in HREF.findall(html) if (m := pattern.search(h))}


def reachable_tasks(site: Path, start: Path, prefixes: list[str]) -> set[str] | None:
    """Task ids linked from `start` and from the pages it links to under
    `prefixes` (an agency's or commune's task-group pages, the lists shared by
    all communes): plansite splits long lists, Hugo lists them on one page."""
    if not start.exists():
        return None
    tasks: set[str] = set()
    seen = {start.resolve()}
    queue = [start]
    while queue:
        page = queue.pop()
        html = page.read_text(encoding="utf-8", errors="replace")
        for href in HREF.findall(html):
            if m := PLANSITE_TASK.search(href):
                tasks.add(m.group(1))
                continue
            if "://" in href or not href.endswith("index.html"):
                continue
            target = (page.parent / href.split("#")[0]).resolve()
            try:
                relative = target.relative_to(site.resolve()).as_posix()
            except ValueError:
                continue
            if target not in seen and target.exists() and any(relative.startswith(p) for p in prefixes):
                seen.add(target)
                queue.append(target)
    return tasks


def subdirs_with_index(d: Path) -> set[str]:
    if not d.is_dir():
        return set()
    return {e.name for e in os.scandir(d) if e.is_dir() and os.path.exists(os.path.join(e.path, "index.html"))}


def registry_ids(path: Path) -> list[str]:
    return re.findall(r"^- id: (\S+)$", path.read_text(encoding="utf-8"), re.M)


def compare_outputs(n: int, ps: Path, hugo: Path, corpus: Path, check_all: bool) -> tuple[bool, list[dict]]:
    checks = []

    def check(name, a, b, expected=None):
        ok = a == b and (expected is None or a == expected)
        checks.append({"check": name, "plansite": a, "hugo": b, "expected": expected, "ok": ok})

    p_tasks = subdirs_with_index(ps / "nhiem-vu")
    h_tasks = set()  # Hugo: tasks/<group>/<id>/index.html
    if (hugo / "tasks").is_dir():
        for g in os.scandir(hugo / "tasks"):
            if g.is_dir():
                h_tasks |= subdirs_with_index(Path(g.path))
    agencies = registry_ids(corpus / "Content" / "agencies.yaml")
    communes = registry_ids(corpus / "Content" / "communes.yaml")
    p_ag, h_ag = subdirs_with_index(ps / "co-quan"), subdirs_with_index(hugo / "agencies")
    p_cm, h_cm = subdirs_with_index(ps / "xa-phuong"), subdirs_with_index(hugo / "communes")
    check("task pages", len(p_tasks), len(h_tasks), n)
    check("task page ids equal", p_tasks == h_tasks, True, True)
    check("agency pages", len(p_ag), len(h_ag), len(agencies))
    check("agency page ids equal", p_ag == h_ag, True, True)
    check("commune pages", len(p_cm), len(h_cm), len(communes))
    check("commune page ids equal", p_cm == h_cm, True, True)

    samples = [("agency", a, "co-quan", "agencies") for a in (agencies if check_all else agencies[:1])]
    samples += [("commune", c, "xa-phuong", "communes") for c in (communes if check_all else communes[:1])]
    for kind, ident, p_dir, h_dir in samples:
        pf, hf = ps / p_dir / ident / "index.html", hugo / h_dir / ident / "index.html"
        a = reachable_tasks(ps, pf, [f"{p_dir}/{ident}/nhom/", "xa-phuong/giao-chung/"])
        b = linked_tasks(hf, HUGO_TASK) if hf.exists() else None
        ok = a is not None and a == b and len(a) > 0
        entry = {"check": f"{kind} {ident}: linked task ids", "plansite": None if a is None else len(a),
                 "hugo": None if b is None else len(b), "expected": None, "ok": ok}
        if not ok and a is not None and b is not None:
            entry["only_plansite"] = sorted(a - b)[:10]
            entry["only_hugo"] = sorted(b - a)[:10]
        checks.append(entry)
    return all(c["ok"] for c in checks), checks


def print_targets(results: dict, sizes: list[int], measured) -> None:
    """The target table (issue 15): one row per size, of the plansite run
    `measured(size's results)` gives as (medians, output stats), or none
    when it gives None, against that size's Hugo run."""
    log("| N tasks | wall / Hugo's | peak RSS / Hugo's | largest HTML page | median agency page | "
        "median commune page | output bytes / Hugo's |")
    log("|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        s = results["sizes"][str(n)]
        run = measured(s)
        if run is None:
            continue
        (p, op), h, oh = run, s["median"]["hugo"], s["output"]["hugo"]
        med = op.get("median_body_page", {})
        log(f"| {n:,} | {ratio(p['wall_s'], h['wall_s']):.2f} | {ratio(p['maxrss_kib'], h['maxrss_kib']):.2f} "
            f"| {op['largest_page'] / 1024:.0f} KB ({op['largest_page_path']}) "
            f"| {med.get('co-quan', 0) / 1024:.0f} KB | {med.get('xa-phuong', 0) / 1024:.0f} KB "
            f"| {ratio(op['bytes'], oh['bytes']):.2f} |")


def print_checks(checks: list[dict]) -> None:
    for c in checks:
        exp = "" if c["expected"] is None else f"  (expected {c['expected']})"
        log(f"  [{'ok' if c['ok'] else 'MISMATCH'}] {c['check']}: plansite {c['plansite']}, hugo {c['hugo']}{exp}")
        for k in ("only_plansite", "only_hugo"):
            if c.get(k):
                log(f"      {k} (first 10): {', '.join(c[k])}")


# ---------------------------------------------------------------- phases

# "  load                1.228 s  (peak   264 MiB)": the phase, its seconds,
# and the process's peak memory when it ended (not printed by older builds).
PHASE = re.compile(r"^  (\S.*?)\s+(\d+(?:\.\d+)?) s(?:\s+\(peak\s+\d+ MiB\))?\s*$")


def parse_phases(stdout: str) -> list[tuple[str, float]]:
    return [(m.group(1), float(m.group(2))) for line in stdout.splitlines() if (m := PHASE.match(line))]


# ---------------------------------------------------------------- main

def machine_facts(plansite: Path, hugo: str) -> dict:
    commit = sh(["git", "rev-parse", "--short", "HEAD"], ROOT)
    dirty = sh(["git", "status", "--porcelain", "--untracked-files=no"], ROOT)
    return {
        "commit": commit + (" (+ uncommitted changes)" if dirty and not dirty.startswith("(") else ""),
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "nproc": sh(["nproc"]),
        "free": sh(["free", "-m"]),
        "kernel": platform.release(),
        "cpu": next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines()
                     if l.startswith("model name")), "?") if Path("/proc/cpuinfo").exists() else "?",
        "python": platform.python_version(),
        "loadavg": Path("/proc/loadavg").read_text().strip() if Path("/proc/loadavg").exists() else "?",
        "plansite": str(plansite),
        "plansite_mtime": datetime.datetime.fromtimestamp(plansite.stat().st_mtime).isoformat(timespec="seconds"),
        "hugo": sh([hugo, "version"]),
    }


def main(argv=None) -> int:
    global OUT, DELETE_OUTPUTS
    ap = argparse.ArgumentParser(description="plansite vs Hugo on the same synthetic corpus.")
    ap.add_argument("--sizes", nargs="+", type=int,
                    help=f"task counts (default: $BENCH_SIZES or {' '.join(map(str, DEFAULT_SIZES))})")
    ap.add_argument("--runs", type=int, help=f"measured runs per tool and size (default: $BENCH_RUNS or {DEFAULT_RUNS})")
    ap.add_argument("--warmup", type=int, default=1, help="unmeasured runs per tool before the measured ones (default 1)")
    ap.add_argument("--plansite", default=str(ROOT / ".build/release/plansite"), help="the plansite binary")
    ap.add_argument("--templates", default=str(ROOT / "Templates"), help="the templates folder")
    ap.add_argument("--hugo", default="hugo", help="the hugo binary")
    ap.add_argument("--no-sync", action="store_true", help="do not call sync(2) (untimed) before each run")
    ap.add_argument("--check-all", action="store_true",
                    help="compare linked task ids on every agency and commune page, not one of each")
    ap.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS",
                    help="before each run, wait up to SECONDS for other processes to leave the CPUs idle")
    ap.add_argument("--keep", action="store_true", help="keep the last outputs in bench/out/N/site-*")
    ap.add_argument("--workdir", default=os.environ.get("BENCH_WORKDIR") or str(OUT),
                    help="where corpora and outputs go (default bench/out; e.g. /dev/shm/plansite-bench "
                         "to measure without the disk, see README)")
    ap.add_argument("--no-reports", action="store_true",
                    help="skip plansite's extra runs on the corpus with reports (gen_corpus.py --reports)")
    ap.add_argument("--delete-outputs", action="store_true",
                    help="delete each earlier output just before the next run instead of moving it aside "
                         "(measures ext4's penalty for recently deleted inodes too, see README)")
    args = ap.parse_args(argv)
    OUT = Path(args.workdir).resolve()
    DELETE_OUTPUTS = args.delete_outputs
    try:
        return run(args)
    finally:
        empty_trash()


def run(args) -> int:
    global WAIT_IDLE
    empty_trash()  # left by a run that was killed
    wait_for_trash()
    sizes = args.sizes or (parse_sizes(os.environ["BENCH_SIZES"]) if os.environ.get("BENCH_SIZES") else DEFAULT_SIZES)
    runs = args.runs if args.runs is not None else int(os.environ.get("BENCH_RUNS") or DEFAULT_RUNS)
    plansite = Path(args.plansite).resolve()
    if not os.access(plansite, os.X_OK):
        sys.exit(f"no plansite binary at {plansite}: run `make build-release` or pass --plansite")
    hugo = shutil.which(args.hugo)
    if not hugo:
        sys.exit(f"no `{args.hugo}` on PATH: apt-get install hugo (make bench does this)")
    # Others may rebuild the binary or edit Templates/ while this runs (plansite reads its
    # templates at run time): measure one fixed copy of both, taken now.
    templates = Path(args.templates).resolve()
    if not (templates / "layout.mustache").exists() and not any(templates.glob("*.mustache")):
        sys.exit(f"no templates in {templates}")
    snap = OUT / "snapshot"
    remove_tree(snap)
    snap.mkdir(parents=True)
    shutil.copy2(plansite, snap / "plansite")
    shutil.copytree(templates, snap / "Templates")
    binary_sha = hashlib.sha256((snap / "plansite").read_bytes()).hexdigest()[:16]
    Plansite.binary, Plansite.templates, Hugo.binary = snap / "plansite", snap / "Templates", hugo
    WAIT_IDLE = args.wait_idle

    facts = machine_facts(plansite, hugo)
    facts["plansite_sha256"] = binary_sha
    facts["templates"] = str(templates)
    log("# plansite vs Hugo")
    log()
    log(f"commit {facts['commit']}, {facts['date']}")
    log(f"plansite {facts['plansite']} (built {facts['plansite_mtime']}, sha256 {binary_sha}), "
        f"templates {templates}; both copied to {shown(snap)}/ and measured from there")
    log(f"{facts['hugo']}")
    log(f"nproc {facts['nproc']}, {facts['cpu']}, Linux {facts['kernel']}, Python {facts['python']}")
    log(facts["free"])
    log(f"load average {facts['loadavg']}")
    log(f"sizes {sizes}, {args.warmup} warm-up + {runs} measured runs per tool, alternating; "
        f"sync before each run: {not args.no_sync}; earlier outputs "
        + ("deleted before each run" if DELETE_OUTPUTS else "moved aside, deleted at the end"))

    OUT.mkdir(parents=True, exist_ok=True)
    fingerprint = generator_fingerprint()
    results = {"facts": facts, "runs": runs, "warmup": args.warmup, "sizes": {}}
    failed = False

    for n in sizes:
        log(f"\n## N = {n}")
        corpora = {"plansite": ensure_corpus(n, "plansite", fingerprint), "hugo": ensure_corpus(n, "hugo", fingerprint)}
        workdir = OUT / str(n)
        tools = [Plansite(n, corpora["plansite"], workdir), Hugo(n, corpora["hugo"], workdir)]
        samples = {t.name: [] for t in tools}
        for i in range(args.warmup + runs):
            warm = i < args.warmup
            for t in tools:
                r = run_once(t, not args.no_sync)
                label = "warm-up" if warm else f"run {i - args.warmup + 1}"
                log(f"  {label:8} {t.name:8} wall {r['wall_s']:7.2f} s  cpu {r['cpu_s']:7.2f} s "
                    f"(user {r['user_s']:.2f} + sys {r['sys_s']:.2f})  peak RSS {mib(r['maxrss_kib']):7.1f} MiB"
                    + busy_note(r["busy_before"], r["others_cpu_s"], r["wall_s"]))
                if not warm:
                    samples[t.name].append({k: r[k] for k in ("wall_s", "cpu_s", "user_s", "sys_s", "maxrss_kib", "busy_before", "others_cpu_s")})

        # The last measured outputs are still on disk: size them and compare them.
        sizes_out = {}
        for t in tools:
            st = sizes_out[t.name] = tree_stats(t.output)
            hidden = (f" (+ {st['hidden_files']} hidden build-state files, {st['hidden_bytes'] / 1e6:.1f} MB)"
                      if st["hidden_files"] else "")
            log(f"  output {t.name:8} {st['pages']} pages, {st['files']} files, {st['bytes'] / 1e6:.1f} MB{hidden}")
        ok, checks = compare_outputs(n, tools[0].output, tools[1].output, corpora["plansite"], args.check_all)
        log("  same information?")
        print_checks(checks)
        failed |= not ok

        # plansite's own phases, once, outside the measured runs.
        r = run_once(tools[0], not args.no_sync, ["--timings"])
        phases = parse_phases(r["stdout"])
        log(f"  plansite --timings (wall {r['wall_s']:.2f} s, cpu {r['cpu_s']:.2f} s)"
            + busy_note(r["busy_before"], r["others_cpu_s"], r["wall_s"]) + ":")
        for line in r["stdout"].rstrip().splitlines():
            log(f"    {line}")
        if not phases:
            log("    (no phase lines found in the output)")

        if not args.keep:
            for t in tools:
                t.clean()

        # plansite alone on the same corpus with reports (Hugo has no equivalent).
        with_reports = None
        if not args.no_reports:
            corpus = ensure_corpus(n, "plansite", fingerprint, reports=True)
            reporting = Plansite(n, corpus, workdir)
            reporting.output = workdir / "site-plansite-reports"
            rs = []
            for i in range(args.warmup + runs):
                r = run_once(reporting, not args.no_sync)
                label = "warm-up" if i < args.warmup else f"run {i - args.warmup + 1}"
                log(f"  {label:8} plansite with reports: wall {r['wall_s']:7.2f} s  cpu {r['cpu_s']:7.2f} s  "
                    f"peak RSS {mib(r['maxrss_kib']):7.1f} MiB" + busy_note(r["busy_before"], r["others_cpu_s"], r["wall_s"]))
                if i >= args.warmup:
                    rs.append({k: r[k] for k in ("wall_s", "cpu_s", "maxrss_kib", "busy_before", "others_cpu_s")})
            st = tree_stats(reporting.output)
            reports = sum(1 for _ in (corpus / "Content" / "reports").rglob("*.md"))
            log(f"  output plansite with reports: {st['pages']} pages, {st['files']} files, "
                f"{st['bytes'] / 1e6:.1f} MB; {reports} report files")
            with_reports = {"runs": rs, "output": st, "report_files": reports,
                            "median": {k: statistics.median(x[k] for x in rs) for k in ("wall_s", "cpu_s", "maxrss_kib")}}
            if not args.keep:
                reporting.clean()

        med = {name: {k: statistics.median(s[k] for s in samples[name]) for k in ("wall_s", "cpu_s", "maxrss_kib")}
               for name in samples}
        results["sizes"][str(n)] = {"runs": samples, "median": med, "output": sizes_out,
                                    "checks": checks, "checks_ok": ok, "phases": phases,
                                    "timings_stdout": r["stdout"], "with_reports": with_reports,
                                    "timings_run": {k: r[k] for k in ("wall_s", "cpu_s", "maxrss_kib",
                                                                      "busy_before", "others_cpu_s")}}

    # ------------------------------------------------------------ the table
    log("\n## Results (medians of whole-process runs)\n")
    log("| N tasks | pages (plansite / hugo) | output MB (plansite / hugo) "
        "| wall s plansite | wall s hugo | wall ratio "
        "| CPU s plansite | CPU s hugo | CPU ratio "
        "| peak RSS MiB plansite | peak RSS MiB hugo | RSS ratio |")
    log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        s = results["sizes"][str(n)]
        p, h = s["median"]["plansite"], s["median"]["hugo"]
        op, oh = s["output"]["plansite"], s["output"]["hugo"]
        log(f"| {n:,} | {op['pages']:,} / {oh['pages']:,} | {op['bytes'] / 1e6:.1f} / {oh['bytes'] / 1e6:.1f} "
            f"| {p['wall_s']:.2f} | {h['wall_s']:.2f} | {ratio(p['wall_s'], h['wall_s']):.2f} "
            f"| {p['cpu_s']:.2f} | {h['cpu_s']:.2f} | {ratio(p['cpu_s'], h['cpu_s']):.2f} "
            f"| {mib(p['maxrss_kib']):.0f} | {mib(h['maxrss_kib']):.0f} | {ratio(p['maxrss_kib'], h['maxrss_kib']):.2f} |")
    log("\nratio = plansite / hugo (below 1: plansite is faster / smaller).")

    # The page-weight and speed targets (issue 15), one row each.
    log("\n## Targets\n")
    print_targets(results, sizes, lambda s: (s["median"]["plansite"], s["output"]["plansite"]))
    log("\ntargets at 10,000: wall ≤ 0.15, RSS ≤ 0.2, largest page ≤ 512 KB, median agency and "
        "commune page < 150 KB, output ≤ 1.5; wall(30k) / wall(10k) ≤ 3.3 (below)")
    if any(results["sizes"][str(n)]["with_reports"] for n in sizes):
        log("\nplansite on the same corpus with reports (gen_corpus.py --reports: 3 periods, every named "
            "reporter on each of its tasks, 20% of communes on collective duties), beside the Hugo-comparable run:\n")
        log("| N tasks | report files | pages | output MB | wall s | CPU s | peak RSS MiB | wall / without reports |")
        log("|---:|---:|---:|---:|---:|---:|---:|---:|")
        for n in sizes:
            s = results["sizes"][str(n)]
            w = s["with_reports"]
            if not w:
                continue
            m = w["median"]
            log(f"| {n:,} | {w['report_files']:,} | {w['output']['pages']:,} | {w['output']['bytes'] / 1e6:.1f} "
                f"| {m['wall_s']:.2f} | {m['cpu_s']:.2f} | {mib(m['maxrss_kib']):.0f} "
                f"| {ratio(m['wall_s'], s['median']['plansite']['wall_s']):.2f} |")
        # The same target rows as above, for the site with reports. Hugo's
        # site has no reports, so these ratios compare unequal work; they
        # are printed so that a target met without reports is not read as
        # met with them.
        log("\nthe targets with reports (against the same Hugo runs, whose site has no reports):\n")
        print_targets(results, sizes, lambda s: (
            (s["with_reports"]["median"], s["with_reports"]["output"]) if s["with_reports"] else None))

    log("\nIndividual runs (wall s / CPU s / peak RSS MiB):")
    for n in sizes:
        for name, runs_ in results["sizes"][str(n)]["runs"].items():
            log(f"  N={n:<6} {name:8} " + "   ".join(
                f"{r['wall_s']:.2f} / {r['cpu_s']:.2f} / {mib(r['maxrss_kib']):.0f}"
                + ("*" if is_noisy(r) else "") for r in runs_))
    noisy = sum(is_noisy(r) for s in results["sizes"].values()
                for runs_ in s["runs"].values() for r in runs_)
    if noisy:
        log(f"  * {noisy} run(s) shared the machine with other work (more than {NOISY:.0%} of the CPUs before or during): "
            "their times are not trustworthy; re-run on an idle machine.")

    log("\nplansite phases (--timings, one extra run per size):")
    for n in sizes:
        ph = results["sizes"][str(n)]["phases"]
        log(f"  N={n:<6} " + (", ".join(f"{k} {v:.3f}" for k, v in ph) if ph else "(none printed)"))

    if "10000" in results["sizes"] and "30000" in results["sizes"]:
        log()
        for name in ("plansite", "hugo"):
            a = results["sizes"]["30000"]["median"][name]["wall_s"]
            b = results["sizes"]["10000"]["median"][name]["wall_s"]
            log(f"{name}: wall time(30k) / time(10k) = {a:.2f} / {b:.2f} = {ratio(a, b):.2f} (3.00 = linear)")

    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = OUT / f"results-{stamp}.json"
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    log(f"\nresults written to {shown(path)}")
    if failed:
        log("\nFAILED: the two outputs do not carry the same information (see the checks above).")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
