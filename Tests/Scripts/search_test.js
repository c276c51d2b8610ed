// Runs the site's own search script under Node against its own index.
//   node search_test.js SITE_DIR CASES_JSON
// CASES_JSON: [{"query": "...", "first": "href of the expected first result",
//               "firstCount": N (the first N results all have that href),
//               "contains": ["href", ...], "strong": true|false,
//               "excerpt": "text the first long result's excerpt shows",
//               "assignmentShows": "text the first assignment result's title shows",
//               "notMarked": "a word no result's highlighted title or excerpt may mark"}, ...]
// Exits 1 with a message when a case fails.
const fs = require("fs");
const path = require("path");
const [site, casesFile] = process.argv.slice(2);
const assets = fs.readdirSync(path.join(site, "assets")).filter((f) => /^search\.[0-9a-f]{8}\.js$/.test(f));
if (assets.length !== 1) { console.error("expected one hashed search script, found", assets); process.exit(1); }
const api = require(path.resolve(site, "assets", assets[0]));
global.window = {};
require(path.resolve(site, "tim-kiem", "chi-muc.js"));
const entries = api.prepare(window.PLANSITE_SEARCH_INDEX);
let failures = 0;
for (const c of JSON.parse(fs.readFileSync(casesFile, "utf8"))) {
  const results = api.search(entries, c.query);
  const hrefs = results.map((e) => e.href);
  const problems = [];
  if (c.first !== undefined && hrefs[0] !== c.first) problems.push(`first is ${hrefs[0]}, expected ${c.first}`);
  if (c.firstCount !== undefined && hrefs.slice(0, c.firstCount).some((h) => h !== c.first)) {
    problems.push(`the first ${c.firstCount} are ${hrefs.slice(0, c.firstCount).join(", ")}`);
  }
  for (const h of c.contains || []) if (!hrefs.includes(h)) problems.push(`missing ${h}`);
  for (const h of c.excludes || []) if (hrefs.includes(h)) problems.push(`should not find ${h}`);
  if (c.count !== undefined && results.length !== c.count) problems.push(`${results.length} results, expected ${c.count}`);
  if (c.excerpt !== undefined) {
    const entry = results.find((e) => e.detail.length > 160);
    const shown = entry ? api.excerpt(entry.detail, c.query, 160) : "";
    if (!shown.includes(c.excerpt) || shown.length > 162) problems.push(`excerpt "${shown}" lacks "${c.excerpt}" or is long`);
  }
  if (c.assignmentShows !== undefined) {
    const entry = results.find((e) => e.kindName === "Phân công");
    if (!entry || !entry.shownTitle.includes(c.assignmentShows)) problems.push(`assignment title "${entry ? entry.shownTitle : ""}" lacks "${c.assignmentShows}"`);
  }
  if (c.notMarked !== undefined) {
    // The page's own highlighting, into a minimal stand-in for the DOM.
    const marked = [];
    const doc = { createTextNode: () => ({}), createElement: () => ({ set textContent(t) { marked.push(t); } }) };
    for (const e of results) {
      api.highlight(doc, { appendChild() {} }, e.shownTitle, c.query);
      api.highlight(doc, { appendChild() {} }, api.excerpt(e.detail, c.query, 160), c.query);
    }
    if (marked.includes(c.notMarked)) problems.push(`"${c.notMarked}" is highlighted`);
    if (marked.length === 0) problems.push("nothing is highlighted");
  }
  if (c.strong !== undefined && results[0] && api.isStrongMatch(results[0], c.query) !== c.strong) problems.push(`strong match should be ${c.strong}`);
  if (problems.length) { failures++; console.error(`query "${c.query}": ${problems.join("; ")}`); }
}
console.log(`${failures === 0 ? "ok" : "FAILED"}: ${entries.length} entries`);
process.exit(failures === 0 ? 0 : 1);
