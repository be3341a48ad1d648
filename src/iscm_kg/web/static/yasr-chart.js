/* A "Chart" view for YASR (the results part of YASGUI), drawn with the vendored Chart.js: the
   reader picks a label column and a numeric column of the SELECT results and a kind of chart
   (bars across or up, a line, a pie). Works offline: both libraries are served by this service.

   Registered as the YASR plugin "chart" when both window.Yasgui and window.Chart are loaded; the
   query page lists it after the table. Numbers are the values of literals that read as numbers
   (xsd:integer, decimal, gYear...); a column counts as numeric when every non-empty value does.
   Labels are literal values as they are, IRIs shortened with the page's prefixes. */
(function () {
  "use strict";
  if (!window.Yasgui || !window.Yasgui.Yasr || !window.Chart) return;
  var Yasr = window.Yasgui.Yasr;
  var MAX_POINTS = 500;  // more bars than this say nothing; the note says how many are left out
  var KINDS = [["horizontal", "bars across"], ["bar", "bars up"], ["line", "line"], ["pie", "pie"]];
  var PALETTE = ["#1f5f99", "#d9822b", "#3f8f4f", "#b8463e", "#7b5ea7", "#8c6d31", "#c05a8e", "#5b6b7b",
                 "#2a9d8f", "#a3a13a"];
  var ICON = '<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path fill="currentColor" ' +
             'd="M1 14h14v1H1zM2 8h2v5H2zM6 4h2v9H6zM10 6h2v7h-2zM13 2h2v11h-2z"/></svg>';

  function number(term) {
    if (!term || term.type !== "literal" || term.value === "") return null;
    var n = Number(term.value);
    return isFinite(n) ? n : null;
  }

  function ChartPlugin(yasr) {
    this.yasr = yasr;
    this.priority = 5;
    this.label = "Chart";
    this.helpReference = "https://www.chartjs.org/docs/latest/";
    this.chart = null;
    this.root = null;
    this.choice = {};  // what the reader chose: label, value, kind
  }

  ChartPlugin.prototype.columns = function () {
    var results = this.yasr.results;
    if (!results || !results.getVariables || !results.getBindings) return null;
    var vars = results.getVariables() || [];
    var rows = results.getBindings() || [];
    var numeric = vars.filter(function (v) {
      var seen = 0;
      for (var i = 0; i < rows.length; i++) {
        if (!rows[i][v]) continue;
        if (number(rows[i][v]) === null) return false;
        seen += 1;
      }
      return seen > 0;
    });
    return { vars: vars, rows: rows, numeric: numeric };
  };

  ChartPlugin.prototype.canHandleResults = function () {
    var c = this.columns();
    return !!(c && c.rows.length && c.numeric.length);
  };

  ChartPlugin.prototype.getIcon = function () {
    var span = document.createElement("span");
    span.innerHTML = ICON;
    return span;
  };

  ChartPlugin.prototype.labelOf = function (term) {
    if (!term) return "";
    if (term.type !== "uri") return term.value;
    var prefixes = this.yasr.getPrefixes ? this.yasr.getPrefixes() : {};
    for (var p in prefixes) {
      if (prefixes[p] && term.value.indexOf(prefixes[p]) === 0 && term.value.length > prefixes[p].length) {
        return p + ":" + term.value.slice(prefixes[p].length);
      }
    }
    return term.value;
  };

  ChartPlugin.prototype.defaults = function (c) {
    var text = c.vars.filter(function (v) { return c.numeric.indexOf(v) < 0; });
    // a name reads better than an IRI: the first column holding literals, else the first other one
    var literal = text.filter(function (v) {
      return c.rows.some(function (r) { return r[v] && r[v].type === "literal"; });
    });
    return {
      label: this.choice.label && c.vars.indexOf(this.choice.label) >= 0 ? this.choice.label
        : (literal[0] || text[0] || c.vars[0]),
      value: this.choice.value && c.numeric.indexOf(this.choice.value) >= 0 ? this.choice.value
        : c.numeric[c.numeric.length - 1],
      kind: this.choice.kind || "horizontal"
    };
  };

  function select(name, text, options, chosen, onChange) {
    var label = document.createElement("label");
    label.className = "yasr-chart-" + name;
    label.appendChild(document.createTextNode(text + " "));
    var box = document.createElement("select");
    box.name = name;
    options.forEach(function (o) {
      var opt = document.createElement("option");
      opt.value = o[0];
      opt.textContent = o[1];
      opt.selected = o[0] === chosen;
      box.appendChild(opt);
    });
    box.addEventListener("change", function () { onChange(box.value); });
    label.appendChild(box);
    return label;
  }

  ChartPlugin.prototype.draw = function () {
    var self = this;
    var c = this.columns();
    var chosen = this.defaults(c);
    this.destroy();
    var root = this.root = document.createElement("div");
    root.className = "yasr-chart";
    var controls = document.createElement("div");
    controls.className = "yasr-chart-controls";
    function redraw(key) { return function (value) { self.choice[key] = value; self.draw(); }; }
    controls.appendChild(select("kind", "Chart", KINDS, chosen.kind, redraw("kind")));
    controls.appendChild(select("label", "labels from", c.vars.map(function (v) { return [v, "?" + v]; }),
                                chosen.label, redraw("label")));
    controls.appendChild(select("value", "numbers from", c.numeric.map(function (v) { return [v, "?" + v]; }),
                                chosen.value, redraw("value")));
    root.appendChild(controls);

    var rows = c.rows.filter(function (r) { return number(r[chosen.value]) !== null; });
    var shown = rows.slice(0, MAX_POINTS);
    var note = document.createElement("p");
    note.className = "yasr-chart-note";
    note.textContent = shown.length + " of " + c.rows.length + " rows drawn" +
      (rows.length < c.rows.length ? " (rows without a number in ?" + chosen.value + " are left out)" : "") +
      (shown.length < rows.length ? " (the first " + MAX_POINTS + ")" : "") + ".";
    root.appendChild(note);

    var across = chosen.kind === "horizontal";
    var pie = chosen.kind === "pie";
    var narrow = this.yasr.resultsEl.clientWidth < 600;  // a phone: a pie's legend goes below it
    var frame = document.createElement("div");
    frame.className = "yasr-chart-frame";
    // bars across get room for every label, a pie on a phone room for its legend; others a fixed height
    frame.style.height = (across ? Math.max(240, 22 * shown.length + 60)
      : (pie && narrow ? 320 + 11 * shown.length : 420)) + "px";
    var canvas = document.createElement("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", (chosen.kind === "pie" ? "Pie" : "Chart") + " of ?" + chosen.value +
                        " by ?" + chosen.label + ", " + shown.length + " values");
    frame.appendChild(canvas);
    root.appendChild(frame);
    this.yasr.resultsEl.appendChild(root);

    this.chart = new window.Chart(canvas, {
      type: pie ? "pie" : (chosen.kind === "line" ? "line" : "bar"),
      data: {
        labels: shown.map(function (r) { return self.labelOf(r[chosen.label]); }),
        datasets: [{
          label: "?" + chosen.value,
          data: shown.map(function (r) { return number(r[chosen.value]); }),
          backgroundColor: pie ? shown.map(function (r, i) { return PALETTE[i % PALETTE.length]; }) : PALETTE[0],
          borderColor: pie ? "#fff" : PALETTE[0],
          borderWidth: pie ? 1 : 2
        }]
      },
      options: {
        indexAxis: across ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: pie, position: narrow ? "bottom" : "right" } },
        scales: pie ? {} : (function () {
          var s = {};
          s[across ? "y" : "x"] = { ticks: { autoSkip: !across } };
          s[across ? "x" : "y"] = { beginAtZero: true, title: { display: true, text: "?" + chosen.value } };
          return s;
        })()
      }
    });
  };

  ChartPlugin.prototype.destroy = function () {
    if (this.chart) { this.chart.destroy(); this.chart = null; }
    if (this.root && this.root.parentNode) this.root.parentNode.removeChild(this.root);
    this.root = null;
  };

  ChartPlugin.prototype.download = function () {
    var chart = this.chart;
    if (!chart) return undefined;
    return {
      title: "Download the chart (PNG)",
      filename: "chart.png",
      contentType: "image/png",
      getData: function () { return chart.toBase64Image(); }
    };
  };

  Yasr.registerPlugin("chart", ChartPlugin);
})();
