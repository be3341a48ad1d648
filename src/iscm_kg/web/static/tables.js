/* Sortable and filterable tables, as an enhancement: without scripts the tables read the same,
   in the server's order, and the filters in the form still work. A header of a table.sortable
   sorts on click (again: the other way); an input.table-filter hides the rows of its table
   (data-table) that do not contain its text. Cells may give the value to sort by in data-value. */
(function () {
  "use strict";
  function cellValue(row, index, numeric) {
    var cell = row.children[index];
    if (!cell) return numeric ? -Infinity : "";
    var v = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
    if (numeric) { var f = parseFloat(v); return isNaN(f) ? -Infinity : f; }
    return v.toLocaleLowerCase();
  }
  function makeSortable(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, index) {
      var numeric = th.getAttribute("data-sort") === "number";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
          var c = numeric ? x - y : x.localeCompare(y);
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }
  function makeFilter(input) {
    var table = document.getElementById(input.getAttribute("data-table"));
    if (!table) return;
    var shown = document.querySelector(".n-results .shown");
    input.addEventListener("input", function () {
      var words = input.value.toLocaleLowerCase().trim();
      var n = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var hit = !words || row.textContent.toLocaleLowerCase().indexOf(words) >= 0;
        row.hidden = !hit;
        if (hit) n += 1;
      });
      if (shown) shown.textContent = String(n);
    });
  }
  document.documentElement.classList.add("tables-js");
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), makeSortable);
  Array.prototype.forEach.call(document.querySelectorAll("input.table-filter"), makeFilter);
})();
