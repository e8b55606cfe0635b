/* Filters for the tool index (macros/components/tool_index).
   The index is a list of tiles that works without this script. The script
   shows the filter form and hides the tiles that do not match; each tile
   carries its facts in data- attributes, its title and its summary, and
   card-filter.js (loaded before this, on every page) says which match, as
   it does for the planner. A live region says how many tools are shown,
   for screen reader users. */
(function () {
  "use strict";

  var cardFilter = window.alp && window.alp.cardFilter;

  function textOf(tile, selector) {
    var element = tile.querySelector(selector);
    return element ? element.textContent : "";
  }

  /* A tile's facts in the shape of a card in pack.json; the problems' labels
     are the problem field's options. */
  function cardOf(row, labels) {
    var problems = (row.dataset.problems || "").split(" ").filter(Boolean);
    return {
      title: textOf(row, ".alp-tile__title"),
      summary: textOf(row, ".alp-tile__summary"),
      problems: problems,
      problem_labels: problems.map(function (id) {
        return labels[id] || "";
      }),
      stages: (row.dataset.stages || "").split(" "),
      duration: { min: Number(row.dataset.timeMin), max: Number(row.dataset.timeMax) },
      group_size: { min: Number(row.dataset.sizeMin), max: Number(row.dataset.sizeMax) }
    };
  }

  function setUp(index) {
    var form = index.querySelector("[data-alp-filters]");
    var count = index.querySelector("[data-alp-count]");
    var empty = index.querySelector("[data-alp-empty]");
    var rows = Array.prototype.slice.call(index.querySelectorAll("[data-card-id]"));
    if (!form || !count) return;
    var labels = {};
    if (form.elements.problem) {
      Array.prototype.forEach.call(form.elements.problem.options, function (option) {
        labels[option.value] = option.textContent;
      });
    }
    var cards = rows.map(function (row) {
      return cardOf(row, labels);
    });

    function update() {
      var filter = cardFilter.fromFields({
        words: form.elements.search ? form.elements.search.value : "",
        problem: form.elements.problem ? form.elements.problem.value : "",
        stage: form.elements.stage.value,
        time: form.elements.time.value,
        size: form.elements.size.value
      });
      var shown = 0;
      rows.forEach(function (row, number) {
        var visible = cardFilter.matches(cards[number], filter);
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      var template = shown === rows.length ? count.dataset.templateAll : count.dataset.templateSome;
      var text = template.replace("{shown}", shown).replace("{total}", rows.length);
      /* With nothing left, the hint is part of what is announced, not only shown below. */
      if (empty && shown === 0) text += ". " + empty.textContent.trim();
      if (empty) empty.hidden = true;
      return text;
    }

    /* The tiles change at once; the count, a live region, only when typing stops, so that a
       screen reader says it once, not at every letter. */
    var waiting = null;
    function announce(text) {
      window.clearTimeout(waiting);
      waiting = null;
      count.textContent = text;
    }
    function onInput(event) {
      var text = update();
      if (event.target.type !== "search" && event.target.type !== "text") return announce(text);
      window.clearTimeout(waiting);
      waiting = window.setTimeout(function () {
        announce(text);
      }, 600);
    }

    form.hidden = false;
    form.addEventListener("input", onInput);
    form.addEventListener("change", function () {
      announce(update());
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      announce(update());
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        announce(update());
      }, 0);
    });
    announce(update());
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-alp-index]"), setUp);
  }

  if (!cardFilter) return; /* without it the list stays whole, as without JavaScript */
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
