/* Which cards (as in pack.json) match the filters, for the tool index and
   the planner (tests/js/). A classic script (pages from files refuse
   modules): window.alp.cardFilter, or module.exports in Node. */
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
      size: Number(fields.size) || 0,
      problem: String(fields.problem || "")
    };
  }

  /* The same text for the same filter (the planner redraws on a change). */
  function key(f) {
    return [f.words, f.stage, f.time, f.size, f.problem].join("|");
  }

  /* Each word is in the title, summary or problems. */
  function hasWords(card, words) {
    var text = [card.title, card.summary].concat(card.problems || [], card.problem_labels || []).join(" ").toLowerCase();
    return words.split(/\s+/).every(function (word) {
      return text.indexOf(word) >= 0;
    });
  }

  function matches(card, f) {
    if (f.words && !hasWords(card, f.words)) return false;
    if (f.stage && card.stages.indexOf(f.stage) < 0) return false;
    if (f.time && card.duration.min > f.time) return false;
    if (f.size && (f.size < card.group_size.min || f.size > card.group_size.max)) return false;
    if (f.problem && (card.problems || []).indexOf(f.problem) < 0) return false;
    return true;
  }

  function select(cards, filter) {
    return cards.filter(function (card) {
      return matches(card, filter);
    });
  }

  return { fromFields: fromFields, key: key, matches: matches, select: select };
});
