/* Filters for the tool index (macros/components/tool_index).
   The index is a plain table that works without this script. The script
   shows the filter form and hides the rows that do not match; each row
   carries its facts in data- attributes. A live region says how many
   tools are shown, for screen reader users. */
(function () {
  "use strict";

  function matches(row, stage, time, size) {
    var stages = (row.dataset.stages || "").split(" ");
    if (stage && stages.indexOf(stage) === -1) return false;
    if (time && Number(row.dataset.timeMin) > time) return false;
    if (size && (size < Number(row.dataset.sizeMin) || size > Number(row.dataset.sizeMax))) return false;
    return true;
  }

  function setUp(index) {
    var form = index.querySelector("[data-alp-filters]");
    var count = index.querySelector("[data-alp-count]");
    var empty = index.querySelector("[data-alp-empty]");
    var rows = Array.prototype.slice.call(index.querySelectorAll("tbody tr"));
    if (!form || !count) return;

    function update() {
      var stage = form.elements.stage.value;
      var time = Number(form.elements.time.value) || 0;
      var size = Number(form.elements.size.value) || 0;
      var shown = 0;
      rows.forEach(function (row) {
        var visible = matches(row, stage, time, size);
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      var template = shown === rows.length ? count.dataset.templateAll : count.dataset.templateSome;
      count.textContent = template.replace("{shown}", shown).replace("{total}", rows.length);
      if (empty) empty.hidden = shown !== 0;
    }

    form.hidden = false;
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update();
    });
    form.addEventListener("reset", function () {
      window.setTimeout(update, 0);
    });
    update();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-alp-index]"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
