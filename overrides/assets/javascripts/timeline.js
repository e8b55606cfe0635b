/* An agenda as a timeline: one block per item, its width in proportion to
   its minutes. The rules of macros/components/session_plan/timeline.py,
   which draws the session pages' timelines; tests/test_timeline.py checks
   that the two give the same blocks. Pure functions, tested in tests/js/;
   window.alp.timeline, or module.exports in Node. */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else (root.alp = root.alp || {}).timeline = factory();
})(this, function () {
  "use strict";

  /* As in timeline.py: width, font, a character's share of the font, padding, line, bar, legend line. */
  var WIDTH = 1000, FONT = 18, CHAR = 0.58, PAD = 6, LINE = 22, TOP = 1, BAR = 98, LEGEND_LINE = 26;

  function rounded(value) {
    return Math.floor(value * 100 + 0.5) / 100;
  }

  /* Characters as Python counts them: a pair of surrogates is one. */
  function measure(text) {
    return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, "_").length * FONT * CHAR;
  }

  /* On at most two lines of ``room``, broken between words, or null. */
  function wrap(text, room) {
    var lines = [];
    var current = "";
    var words = text.split(" ");
    for (var i = 0; i < words.length; i++) {
      var candidate = current ? current + " " + words[i] : words[i];
      if (measure(candidate) <= room) current = candidate;
      else if (current && measure(words[i]) <= room) {
        lines.push(current);
        current = words[i];
      } else return null;
    }
    lines.push(current);
    return lines.length <= 2 ? lines : null;
  }

  /* ``entries``: {title, minutes, lead, clock, is_break}, in order. */
  function layout(entries) {
    var total = entries.reduce(function (sum, entry) {
      return sum + entry.minutes;
    }, 0) || 1;
    var legend = [];
    var start = 0;
    var blocks = entries.map(function (entry, index) {
      var x = rounded(start * WIDTH / total);
      var width = rounded(rounded((start + entry.minutes) * WIDTH / total) - x);
      start += entry.minutes;
      var room = width - 2 * PAD;
      var title = wrap(entry.title, room);
      var texts = [];
      if (title && measure(entry.clock) <= room) {
        texts = [[entry.clock, "clock"]].concat(title.map(function (line) {
          return [line, "title"];
        }));
        if (measure(entry.lead) <= room) texts.push([entry.lead, "lead"]);
      }
      var lines = texts.map(function (text, row) {
        return { text: text[0], y: TOP + PAD + FONT - 3 + row * LINE, role: text[1] };
      });
      var mark = null;
      if (!lines.length) {
        legend.push({ number: index + 1, y: TOP + BAR + 12 + FONT + legend.length * LEGEND_LINE });
        if (measure(String(index + 1)) <= width - 4) mark = { x: rounded(x + width / 2), y: TOP + BAR / 2 + 6 };
      }
      return { number: index + 1, x: x, width: width, is_break: entry.is_break, text_x: rounded(x + PAD), lines: lines, mark: mark };
    });
    var height = legend.length ? legend[legend.length - 1].y + 8 : TOP + BAR + 1;
    return { width: WIDTH, height: height, bar: BAR, blocks: blocks, legend: legend };
  }

  return { layout: layout, wrap: wrap, rounded: rounded, TOP: TOP };
});
