// Filters a table of reporters by name and status, without a server.
// The controls are hidden in the page and shown only when this script runs,
// so a reader without scripts sees the whole table and no dead controls.
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().trim();
  }
  function setUp(box) {
    var table = document.getElementById(box.getAttribute("data-filter-table"));
    if (!table) return;
    var name = box.querySelector("[data-filter-name]");
    var status = box.querySelector("[data-filter-status]");
    var count = box.querySelector("[data-filter-count]");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var names = rows.map(function (row) { return fold(row.cells[0].textContent); });
    function apply() {
      var wanted = fold(name.value);
      var key = status.value;
      var shown = 0;
      rows.forEach(function (row, i) {
        var visible = (!wanted || names[i].indexOf(wanted) !== -1) &&
          (!key || row.getAttribute("data-status") === key);
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = "Đang hiển thị " + shown + "/" + rows.length + " đơn vị";
    }
    name.addEventListener("input", apply);
    status.addEventListener("change", apply);
    box.hidden = false;
    apply();
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-filter-table]"), setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
