/* plansite search: prefix-aware search over the
   index in tim-kiem/chi-muc.js, diacritic-insensitive for words typed
   without them. No framework, no network: the index is a
   script, so it works from file:// too. Runs in browsers and under Node
   (module.exports) for tests. */
(function (root) {
  "use strict";

  /* Folds text for matching: lowercase, no diacritics, đ as d. */
  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase();
  }

  /* Folds text one character at a time, keeping where each folded
     character came from, so matches can be highlighted in the original. */
  function foldWithMap(text) {
    var folded = "", map = [];
    for (var i = 0; i < text.length; i++) {
      var f = fold(text[i]);
      for (var j = 0; j < f.length; j++) { folded += f[j]; map.push(i); }
    }
    return { folded: folded, map: map };
  }

  function words(folded) {
    return folded.split(/[^a-z0-9]+/).filter(function (w) { return w.length > 0; });
  }

  /* Prepares the raw index for searching: its parts in order, each a
     string table and entries of five numbers (kind, title, detail,
     address, extra words) into it. An index of the first format (one
     table, still in a browser's cache beside a newer script) is one part.
     Entries of the kinds in showingExtra (assignments) show their extra
     words (the task's name) before their title. */
  function prepare(raw) {
    var prepared = [], showingExtra = raw.showingExtra || [];
    (raw.parts || (raw.strings ? [raw] : [])).forEach(function (part) {
      var s = part.strings;
      function str(n) { return n >= 0 ? s[n] : ""; }
      part.entries.forEach(function (e) {
        var title = str(e[1]), detail = str(e[2]), extra = str(e[4]);
        var shown = extra && showingExtra.indexOf(e[0]) >= 0 ? extra + " · " + title : title;
        prepared.push({
          kind: e[0], kindName: raw.kinds[e[0]], title: title, shownTitle: shown, detail: detail,
          extra: extra, href: str(e[3]),
          position: prepared.length,
          titleWords: words(fold(title + " " + extra)),
          detailWords: words(fold(detail)),
          foldedTitle: fold(title)
        });
      });
    });
    return prepared;
  }

  /* Whether a word of the text starts with a typed word (both folded). A
     typed number of one or two digits is a whole number, not the start of
     a longer one: "1.1" finds task 1.1, not every commune whose statistics
     code starts with 1; from three digits on it may be a code or a year
     being typed ("166", "202"). */
  function startsWith(word, typed) {
    if (word.indexOf(typed) !== 0) return false;
    return word.length === typed.length || typed.length > 2 || !/^[0-9]+$/.test(word);
  }

  function matchesPrefix(list, word) {
    for (var i = 0; i < list.length; i++) if (startsWith(list[i], word)) return true;
    return false;
  }

  /* Words typed with marks. Typed without any, a word matches with or
     without them ("so" finds "số" and "Sở"); typed with them, only a word
     with the same vowel marks and tone ("số" does not find "Sở"), wherever
     the tone sits ("hoà" and "hò" find "Hòa"); with vowel marks but no
     tone yet ("sô", while typing), any tone. An engine without Unicode
     property classes ignores marks, as before. */
  var TONES = /[\u0300\u0301\u0303\u0309\u0323]/g, SPLIT = null, LETTER = null;
  try {
    SPLIT = new RegExp("[^\\p{L}\\p{M}\\p{N}]+", "u");
    LETTER = new RegExp("[\\p{L}\\p{M}\\p{N}]", "u");
  } catch (e) { SPLIT = null; }
  function toneless(text) { return text.normalize("NFD").replace(TONES, "").normalize("NFC"); }
  /* A word (lowercase) as its letters with their vowel marks, and its tone. */
  function marks(word) {
    return { letters: toneless(word), tone: (word.normalize("NFD").match(TONES) || []).join("") };
  }
  /* Whether a word's marks (`marks()`) are those a query word typed. */
  function agrees(word, typed) {
    return word.letters.indexOf(typed.letters) === 0 && (typed.tone === "" || word.tone === typed.tone);
  }
  /* The query as its words in order, each folded ("so"), with its marks
     when it was typed with any. */
  function terms(query) {
    var list = [];
    var pieces = SPLIT ? String(query).normalize("NFC").toLowerCase().split(SPLIT) : [String(query)];
    pieces.forEach(function (piece) {
      var folded = words(fold(piece));
      var marked = SPLIT && folded.length === 1 && /[^\x00-\x7f]/.test(piece);
      folded.forEach(function (word) { list.push({ word: word, marks: marked ? marks(piece) : null }); });
    });
    return list;
  }
  function foldedQuery(list) { return list.map(function (t) { return t.word; }).join(" "); }
  /* Whether the word of `text` starting at `at` has the marks of `term`. */
  function marksAt(text, at, term) {
    return !term.marks || agrees(marks(text.substr(at, term.marks.letters.length + 12).toLowerCase().split(SPLIT)[0]), term.marks);
  }
  /* Where the words of `text` that `term` matches start: their folded
     prefix, and the term's marks. `text` and its fold are given (the fold
     keeps where each folded character came from). */
  function termStarts(text, fm, term) {
    var starts = [], re = /[a-z0-9]+/g, m;
    while ((m = re.exec(fm.folded)) !== null) {
      if (startsWith(m[0], term.word) && marksAt(text, fm.map[m.index], term)) starts.push(m.index);
    }
    return starts;
  }
  /* Whether `term` matches a word of an entry's title (with its extra
     words) or detail: by the folded words, and for a term with marks, in
     the part's text, lowercased and without tones, kept on the entry for
     the next query. */
  function matchesTerm(entry, part, term) {
    if (!matchesPrefix(part === "title" ? entry.titleWords : entry.detailWords, term.word)) return false;
    if (!term.marks) return true;
    var texts = entry[part + "Texts"];
    if (!texts) {
      var lower = (part === "title" ? entry.title + " " + entry.extra : entry.detail).toLowerCase();
      texts = entry[part + "Texts"] = { lower: lower, toneless: toneless(lower) };
    }
    if (texts.toneless.length !== texts.lower.length) {
      // Letters without a precomposed toneless form: word by word.
      return texts.lower.split(SPLIT).some(function (w) { return agrees(marks(w), term.marks); });
    }
    // Where the toneless text has the typed letters at a word's start, the
    // text itself, at the same place, has that word with its tone (to be
    // compared only when one was typed).
    var letters = term.marks.letters;
    for (var at = texts.toneless.indexOf(letters); at >= 0; at = texts.toneless.indexOf(letters, at + 1)) {
      if (at > 0 && LETTER.test(texts.toneless[at - 1])) continue;
      if (term.marks.tone === "" || marksAt(texts.lower, at, term)) return true;
    }
    return false;
  }

  /* Whether the query's words come one after another in `list` (an
     entry's folded words), the last one as a prefix: "2.1" in "nhiệm vụ
     2.1" but not in "1.2", "sở xây dựng" in "phối hợp với Sở Xây dựng"
     but not in "xây dựng cơ sở". */
  function hasPhrase(list, q) {
    var last = q.length - 1;
    for (var i = 0; i + last < list.length; i++) {
      var j = 0;
      while (j < last && list[i + j] === q[j].word) j++;
      if (j === last && startsWith(list[i + last], q[last].word)) return true;
    }
    return false;
  }

  /* Entries matching every query word as a word prefix, best first: words
     in the title count more than in the text, and the query's words in
     their order more than scattered. */
  function search(entries, query, limit) {
    var q = terms(query);
    if (q.length === 0) return [];
    var joined = foldedQuery(q), results = [];
    entries.forEach(function (entry) {
      var score = 0, allInTitle = true;
      for (var i = 0; i < q.length; i++) {
        if (matchesTerm(entry, "title", q[i])) score += 3;
        else if (matchesTerm(entry, "detail", q[i])) { score += 1; allInTitle = false; }
        else return;
      }
      // The whole query as the title: only when every word matched there.
      var folded = words(entry.foldedTitle).join(" ");
      if (allInTitle && folded === joined) score += 100;
      else if (allInTitle && folded.indexOf(joined) === 0) score += 20;
      else if (allInTitle && folded.indexOf(joined) >= 0) score += 10;
      else if (q.length > 1 && hasPhrase(entry.titleWords, q)) score += 10;
      else if (q.length > 1 && hasPhrase(entry.detailWords, q)) score += 4;
      results.push({ entry: entry, score: score });
    });
    results.sort(function (a, b) {
      return b.score - a.score || a.entry.kind - b.entry.kind || a.entry.position - b.entry.position;
    });
    return (limit ? results.slice(0, limit) : results).map(function (r) { return r.entry; });
  }

  /* Whether the best result is what the query names (Enter goes straight there). */
  function isStrongMatch(entry, query) {
    var list = terms(query), q = foldedQuery(list);
    var t = words(entry.foldedTitle).join(" ");
    var fm = foldWithMap(entry.title);
    var marked = list.every(function (term) { return !term.marks || termStarts(entry.title, fm, term).length > 0; });
    return q.length > 0 && marked && (t === q || (t.indexOf(q) === 0 && q.length >= 0.6 * t.length));
  }

  /* Where each query word matches `text` ([start, end] in `text`). For the
     highlight, a word of `text` counts once, for the longest query word
     it matches (so "d đổi" marks all of "đổi"); for the excerpt, every
     query word finds its own first match. */
  function wordMatches(text, query) {
    var q = terms(query), fm = foldWithMap(text);
    var starts = q.map(function (term) { return termStarts(text, fm, term); });
    var longest = {};
    starts.forEach(function (list, i) {
      list.forEach(function (at) {
        if (longest[at] === undefined || q[longest[at]].word.length < q[i].word.length) longest[at] = i;
      });
    });
    return starts.map(function (list, i) {
      return list.map(function (at) {
        return { start: fm.map[at], end: fm.map[at + q[i].word.length - 1] + 1, longest: longest[at] === i };
      });
    });
  }

  /* What a result shows of a long text: about `limit` characters around
     the query's words (an assignment is searched whole, and its match may
     be far into it), with … where text is left out. The window holds the
     latest first match of any query word, since the common words of a
     query tend to match early; it starts at a word, 40 characters before. */
  function excerpt(text, query, limit) {
    if (text.length <= limit) return text;
    var firsts = wordMatches(text, query).map(function (found) { return found.length ? found[0].start : -1; });
    var first = Math.max.apply(null, [-1].concat(firsts));
    var start = 0;
    if (first > limit - 40) {
      start = Math.min(first - 40, text.length - limit);
      var space = text.indexOf(" ", start);
      if (space >= 0 && space < first) start = space + 1;
    }
    var end = Math.min(start + limit, text.length);
    if (end < text.length) {
      var back = text.lastIndexOf(" ", end);
      if (back > Math.max(start + limit / 2, first)) end = back;
    }
    // Never cut a character written as two UTF-16 units in half.
    function whole(at) {
      var c = text.charCodeAt(at);
      return c >= 0xDC00 && c <= 0xDFFF ? at + 1 : at;
    }
    start = whole(start);
    end = whole(end);
    var shown = text.slice(start, end);
    if (end < text.length) shown = shown.replace(/[,;: ]+$/, "") + "…";
    return (start > 0 ? "…" : "") + shown;
  }

  /* Appends text to a DOM node with the query's word prefixes in <mark>. */
  function highlight(doc, node, text, query) {
    var spans = [];
    wordMatches(text, query).forEach(function (found) {
      found.forEach(function (f) { if (f.longest) spans.push(f); });
    });
    spans.sort(function (a, b) { return a.start - b.start; });
    var at = 0;
    spans.forEach(function (r) {
      if (r.start < at) return;
      if (r.start > at) node.appendChild(doc.createTextNode(text.slice(at, r.start)));
      var mark = doc.createElement("mark");
      mark.textContent = text.slice(r.start, r.end);
      node.appendChild(mark);
      at = r.end;
    });
    if (at < text.length) node.appendChild(doc.createTextNode(text.slice(at)));
  }

  var api = { fold: fold, prepare: prepare, search: search, isStrongMatch: isStrongMatch, highlight: highlight, excerpt: excerpt };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; return; }
  root.PlansiteSearch = api;

  /* ---- Browser behaviour ---- */
  var doc = root.document, script = doc.currentScript;
  var siteRoot = (script && script.getAttribute("data-root")) || "";
  var indexSrc = (script && script.getAttribute("data-index")) || "tim-kiem/chi-muc.js";
  var prepared = null, waiting = [];

  function withIndex(callback) {
    if (prepared) return callback(prepared);
    waiting.push(callback);
    if (waiting.length > 1) return;
    function ready() {
      prepared = prepare(root.PLANSITE_SEARCH_INDEX || { kinds: [], parts: [] });
      var queue = waiting; waiting = [];
      queue.forEach(function (f) { f(prepared); });
    }
    if (root.PLANSITE_SEARCH_INDEX) return ready();
    var tag = doc.createElement("script");
    tag.src = siteRoot + indexSrc;
    tag.onload = ready;
    tag.onerror = ready;
    doc.head.appendChild(tag);
  }

  /* Header box: a combobox suggesting the best matches as you type.
     Enter opens the highlighted suggestion, or the best one when the query
     names it; otherwise the form goes to the search page. */
  function setUpCombobox(input) {
    var form = input.form, list = doc.createElement("ul"), active = -1, current = [];
    list.id = input.id + "-goi-y";
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Gợi ý tìm kiếm");
    list.hidden = true;
    form.appendChild(list);
    /* When nothing matches, a line says so (outside the listbox, which holds
       only options) and screen readers hear it. */
    var empty = doc.createElement("p");
    empty.className = "search-suggestions search-suggestions--empty";
    empty.setAttribute("role", "status");
    empty.hidden = true;
    form.appendChild(empty);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    function close() {
      list.hidden = true;
      empty.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function go(entry) { root.location.href = siteRoot + entry.href; }
    function mark(index) {
      var items = list.children;
      for (var i = 0; i < items.length; i++) items[i].setAttribute("aria-selected", i === index ? "true" : "false");
      active = index;
      if (index < 0) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      input.setAttribute("aria-activedescendant", items[index].id);
      /* Three lines an entry: the one chosen by the arrow keys is scrolled to. */
      if (items[index].scrollIntoView) items[index].scrollIntoView({ block: "nearest" });
    }
    function show(query) {
      withIndex(function (entries) {
        if (input.value !== query) return;
        current = search(entries, query, 8);
        list.textContent = "";
        current.forEach(function (entry, i) {
          var item = doc.createElement("li");
          item.id = list.id + "-" + i;
          item.setAttribute("role", "option");
          item.setAttribute("aria-selected", "false");
          var kind = doc.createElement("span");
          kind.className = "search-suggestions__kind";
          kind.textContent = entry.kindName;
          item.appendChild(kind);
          highlight(doc, item, entry.shownTitle, query);
          /* What tells entries apart: a task's title, where an assignment's
             text mentions the words. */
          if (entry.detail) {
            var detail = doc.createElement("span");
            detail.className = "search-suggestions__detail";
            highlight(doc, detail, excerpt(entry.detail, query, 90), query);
            item.appendChild(detail);
          }
          item.addEventListener("mousedown", function (event) { event.preventDefault(); go(entry); });
          list.appendChild(item);
        });
        var open = current.length > 0 && query.trim().length > 0;
        list.hidden = !open;
        empty.hidden = open || query.trim().length === 0;
        empty.textContent = empty.hidden ? ""
          : "Không có gợi ý cho “" + query.trim() + "”. Nhấn Tìm để xem trang tìm kiếm.";
        input.setAttribute("aria-expanded", open ? "true" : "false");
        active = -1;
      });
    }
    input.addEventListener("input", function () { show(input.value); });
    input.addEventListener("focus", function () { withIndex(function () {}); });
    input.addEventListener("blur", close);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (list.hidden || current.length === 0) return;
        event.preventDefault();
        var next = event.key === "ArrowDown" ? active + 1 : active - 1;
        if (next < -1) next = current.length - 1;
        if (next >= current.length) next = -1;
        mark(next);
      } else if (event.key === "Escape") {
        close();
      } else if (event.key === "Enter") {
        if (active >= 0 && current[active]) {
          event.preventDefault();
          go(current[active]);
        } else {
          var query = input.value;
          event.preventDefault();
          withIndex(function (entries) {
            var best = search(entries, query, 1)[0];
            if (best && isStrongMatch(best, query)) go(best);
            else form.submit();
          });
        }
      }
    });
  }

  /* The search page: results grouped by kind, matched words highlighted. */
  function setUpResults(container, input) {
    var params = new URLSearchParams(root.location.search);
    var query = params.get("q") || "";
    input.value = query;
    function render(query) {
      withIndex(function (entries) {
        container.textContent = "";
        var results = search(entries, query);
        var summary = doc.createElement("p");
        summary.className = "search-summary";
        summary.textContent = query.trim() === "" ? "Nhập từ cần tìm, có thể gõ không dấu."
          : results.length === 0 ? "Không tìm thấy kết quả cho “" + query + "”."
          : "Tìm thấy " + results.length + " kết quả cho “" + query + "”.";
        container.appendChild(summary);
        var byKind = {};
        results.forEach(function (entry) { (byKind[entry.kind] = byKind[entry.kind] || []).push(entry); });
        Object.keys(byKind).sort(function (a, b) { return a - b; }).forEach(function (kind) {
          var group = byKind[kind], section = doc.createElement("section");
          section.className = "search-group";
          var heading = doc.createElement("h2");
          heading.textContent = group[0].kindName + " (" + group.length + ")";
          section.appendChild(heading);
          var list = doc.createElement("ol");
          list.className = "search-results";
          group.slice(0, 50).forEach(function (entry) {
            var item = doc.createElement("li"), link = doc.createElement("a");
            link.href = siteRoot + entry.href;
            highlight(doc, link, entry.shownTitle, query);
            item.appendChild(link);
            if (entry.detail) {
              var detail = doc.createElement("p");
              detail.className = "search-results__detail";
              highlight(doc, detail, excerpt(entry.detail, query, 160), query);
              item.appendChild(detail);
            }
            list.appendChild(item);
          });
          section.appendChild(list);
          if (group.length > 50) {
            var more = doc.createElement("p");
            more.textContent = "… và " + (group.length - 50) + " kết quả khác; hãy gõ thêm từ để thu hẹp.";
            section.appendChild(more);
          }
          container.appendChild(section);
        });
      });
    }
    render(query);
    input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var url = new URL(root.location.href);
      url.searchParams.set("q", input.value);
      root.history.replaceState(null, "", url.toString());
      render(input.value);
    });
  }

  function start() {
    var header = doc.getElementById("q");
    if (header && header.form) setUpCombobox(header);
    var results = doc.querySelector("[data-search-results]");
    var pageInput = doc.getElementById("tim");
    if (results && pageInput && pageInput.form) setUpResults(results, pageInput);
  }
  /* Start after every deferred script has run (the search page loads the
     index itself), but only once. */
  var started = false;
  function startOnce() { if (!started) { started = true; start(); } }
  if (doc.readyState === "complete") startOnce();
  else {
    doc.addEventListener("DOMContentLoaded", startOnce);
    root.addEventListener("load", startOnce);
  }
})(typeof window !== "undefined" ? window : this);
