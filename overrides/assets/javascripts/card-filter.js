/* Which cards (as in pack.json) match the filters: pure functions for the
   tool index and the planner, tested in tests/js/. A classic script, as
   pages from files refuse modules: window.alp.cardFilter, or module.exports
   in Node. overrides/main.html loads it on every page. */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else (root.alp = root.alp || {}).cardFilter = factory();
})(this, function () {
  "use strict";

  /* The filter from the fields' values; an empty or unreadable number means any. */
  function fromFields(fields) {
    return {
      words: String(fields.words || "").trim().toLowerCase(),
      stage: String(fields.stage || ""),
      time: Number(fields.time) || 0,
      size: Number(fields.size) || 0
    };
  }

  /* The same text for the same filter (the planner redraws when it changes). */
  function key(filter) {
    return [filter.words, filter.stage, filter.time, filter.size].join("|");
  }

  function matches(card, filter) {
    if (filter.words && (card.title + " " + card.summary).toLowerCase().indexOf(filter.words) < 0) return false;
    if (filter.stage && card.stages.indexOf(filter.stage) < 0) return false;
    if (filter.time && card.duration.min > filter.time) return false;
    if (filter.size && (filter.size < card.group_size.min || filter.size > card.group_size.max)) return false;
    return true;
  }

  function select(cards, filter) {
    return cards.filter(function (card) {
      return matches(card, filter);
    });
  }

  return { fromFields: fromFields, key: key, matches: matches, select: select };
});
