// Sort a table by the clicked column; missing values (empty data-sort) always go last.
document.querySelectorAll("table.sortable").forEach(function (table) {
  table.querySelectorAll("th[data-col] button").forEach(function (button) {
    var th = button.parentNode;
    button.addEventListener("click", function () {
      var col = Number(th.dataset.col), numeric = th.dataset.type === "num";
      var asc = th.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("th[aria-sort]").forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      var key = function (row) { var c = row.cells[col]; return c.hasAttribute("data-sort") ? c.getAttribute("data-sort") : c.textContent.trim().toLowerCase(); };
      rows.sort(function (x, y) {
        var a = key(x), b = key(y);
        if (a === "" || b === "") { return (a === "") - (b === ""); }
        var d = numeric ? Number(a) - Number(b) : a.localeCompare(b);
        return asc ? d : -d;
      });
      rows.forEach(function (row) { body.appendChild(row); });
      table.classList.add("resorted");
    });
  });
});
