/* Progressive enhancement of the query form (and, on demand, YASR's interactive results table): when the vendored YASGUI bundle is loaded, its
   SPARQL editor (YASQE: syntax highlighting, prefix and variable completion) takes the place
   of the textarea. The form still submits to the server, which runs the query and renders the
   results; without JavaScript the plain textarea does the same. Nothing is fetched from other
   hosts: the class and property completers (which ask lov.linkeddata.es) are left out. */
(function () {
  "use strict";
  var textarea = document.getElementById("query");
  if (!textarea || !window.Yasgui || !window.Yasgui.Yasqe) return;
  var Yasqe = window.Yasgui.Yasqe;
  Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  var form = textarea.form;
  var holder = document.createElement("div");
  holder.className = "yasqe-holder";
  textarea.parentNode.insertBefore(holder, textarea);
  textarea.style.display = "none";
  function sync() { textarea.value = yasqe.getValue(); }
  function submit() { sync(); form.submit(); }
  var yasqe = new Yasqe(holder, {
    value: textarea.value,
    persistenceId: null,
    showQueryButton: false,
    resizeable: true,
    editorHeight: "330px",
    prefixCcApi: null,
    createShareableLink: null,
    extraKeys: {
      "Ctrl-Enter": submit, "Cmd-Enter": submit,
      "Ctrl-Space": function (e) { e.autocomplete(); }
    }
  });
  yasqe.setValue(textarea.value);
  form.addEventListener("submit", sync);
  document.documentElement.classList.add("yasqe-on");

  /* The results again in YASR's table (sort, filter, pages, download) and chart (yasr-chart.js), fetched from the SPARQL
     endpoint of this service when asked for; the server's table (IRIs as names) stays the default. */
  var prefixes = JSON.parse(textarea.getAttribute("data-prefixes") || "{}");
  var endpoint = textarea.getAttribute("data-endpoint");
  var button = document.getElementById("show-yasr");
  var holder2 = document.getElementById("yasr");
  var server = document.getElementById("server-results");
  if (!button || !holder2 || !window.Yasgui.Yasr) return;
  var yasr = null;
  button.addEventListener("click", function () {
    if (yasr) {  // toggle back
      var showing = !holder2.hidden;
      holder2.hidden = showing; server.hidden = !showing;
      button.textContent = showing ? "Interactive table and chart" : "Back to the table with names";
      return;
    }
    button.disabled = true;
    var started = Date.now();
    fetch(endpoint + "?query=" + encodeURIComponent(textarea.value),
          { headers: { Accept: "application/sparql-results+json" } })
      .then(function (r) { return r.text().then(function (body) { return { status: r.status, body: body,
        type: r.headers.get("content-type") || "" }; }); })
      .then(function (res) {
        yasr = new window.Yasgui.Yasr(holder2, { prefixes: prefixes, persistenceId: null,
          pluginOrder: ["table", "chart", "response"], defaultPlugin: "table" });
        yasr.setResponse({ data: res.body, contentType: res.type.split(";")[0], status: res.status,
          executionTime: Date.now() - started });
        holder2.hidden = false; server.hidden = true;
        button.textContent = "Back to the table with names";
      })
      .catch(function (e) { holder2.hidden = false; holder2.textContent = "The results could not be fetched: " + e; })
      .then(function () { button.disabled = false; });
  });
})();
