/* Progressive enhancement of the query form: when the vendored YASGUI bundle is loaded, its
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
})();
