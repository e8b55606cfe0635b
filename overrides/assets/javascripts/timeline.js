/* An agenda as a timeline: the rules of macros/components/session_plan/timeline.py
   (tests/test_timeline.py checks both give the same blocks). Pure; window.alp.timeline. */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else (root.alp = root.alp || {}).timeline = factory();
})(this, function () {
  "use strict";

  var FAMILY = "Atkinson Hyperlegible, sans-serif", WIDTH = 1000, FONT = 18, CHAR = 0.55, PAD = 6, LINE = 22, LINES = 4, TITLE_LINES = 3, TOP = 1, BAR = 98, LEGEND = 26;

  function rounded(value) {
    return Math.floor(value * 100 + 0.5) / 100;
  }

  /* As Python counts characters: a surrogate pair is one. */
  function measure(text) {
    return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, "_").length * FONT * CHAR;
  }

  /* On at most TITLE_LINES lines of ``room``, broken between words, or null. */
  function wrap(text, room) {
    var lines = [], current = "", words = text.split(" ");
    for (var i = 0; i < words.length; i++) {
      var next = current ? current + " " + words[i] : words[i];
      if (measure(next) <= room) current = next;
      else if (current && measure(words[i]) <= room) {
        lines.push(current);
        current = words[i];
      } else return null;
    }
    lines.push(current);
    return lines.length <= TITLE_LINES ? lines : null;
  }

  /* ``entries``: {title, minutes, lead, clock, is_break}. ``noLegend``: numbers key to a table's rows. */
  function layout(entries, noLegend) {
    var total = counts(entries).minutes || 1, legend = [], start = 0;
    var blocks = entries.map(function (entry, index) {
      var x = rounded(start * WIDTH / total);
      var width = rounded(rounded((start + entry.minutes) * WIDTH / total) - x);
      var room = width - 2 * PAD, title = wrap(entry.title, room), texts = [], mark = null;
      start += entry.minutes;
      if (title && measure(entry.clock) <= room) {
        texts = [[entry.clock, "clock"]].concat(title.map(function (line) {
          return [line, "title"];
        }));
        if (texts.length < LINES && measure(entry.lead) <= room) texts.push([entry.lead, "lead"]);
      } else {
        if (!noLegend) legend.push({ number: index + 1, y: TOP + BAR + 12 + FONT + legend.length * LEGEND });
        if (measure(String(index + 1)) <= width - 2) mark = { x: rounded(x + width / 2), y: TOP + BAR / 2 + 6 };
      }
      var lines = texts.map(function (text, row) {
        return { text: text[0], y: TOP + PAD + FONT - 3 + row * LINE, role: text[1] };
      });
      return { number: index + 1, x: x, width: width, is_break: entry.is_break, text_x: rounded(x + PAD), lines: lines, mark: mark };
    });
    return {
      width: WIDTH, height: legend.length ? legend[legend.length - 1].y + 8 : TOP + BAR + 1, bar: BAR,
      family: FAMILY, font: FONT, blocks: blocks, legend: legend
    };
  }

  function node(tag, attrs, text, children) {
    return { tag: tag, attrs: attrs, text: text, children: children || [] };
  }

  /* The SVG the session pages' template writes, as {tag, attrs, text, children}: ``label``
     its name, ``legend(number)`` a legend line, ``hatch`` the breaks' pattern's id. */
  function tree(drawing, label, legend, hatch) {
    var line = node("line", { x1: 0, y1: 0, x2: 0, y2: 8, stroke: "currentColor", "stroke-width": 1.5, "stroke-opacity": 0.3 });
    var children = [node("defs", {}, null, [node("pattern", {
      id: hatch, width: 8, height: 8, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)"
    }, null, [line])])];
    drawing.blocks.forEach(function (block) {
      var rect = { x: block.x, y: TOP, width: block.width, height: drawing.bar, stroke: "currentColor", "stroke-width": 1 };
      if (block.is_break) {
        rect.fill = "url(#" + hatch + ")";
        rect["stroke-dasharray"] = "6 4";
      } else rect["fill-opacity"] = 0.1;
      var parts = [node("rect", rect)].concat(block.lines.map(function (text) {
        var attrs = { x: block.text_x, y: text.y };
        if (text.role === "clock") attrs["font-weight"] = 700;
        if (text.role === "lead") attrs["font-style"] = "italic";
        return node("text", attrs, text.text);
      }));
      if (block.mark) parts.push(node("text", { x: block.mark.x, y: block.mark.y, "text-anchor": "middle", "font-weight": 700 }, String(block.number)));
      children.push(node("g", { class: "alp-timeline__block" + (block.is_break ? " alp-timeline__block--break" : "") }, null, parts));
    });
    drawing.legend.forEach(function (row) {
      children.push(node("text", { class: "alp-timeline__legend", x: 0, y: row.y }, legend(row.number)));
    });
    return node("svg", {
      class: "alp-timeline__svg", viewBox: "0 0 " + drawing.width + " " + drawing.height, role: "img",
      "aria-label": label, "font-family": drawing.family, "font-size": drawing.font, fill: "currentColor"
    }, null, children);
  }

  /* Items, minutes and breaks, for the drawing's name. */
  function counts(entries) {
    return entries.reduce(function (sum, entry) {
      return { items: sum.items + 1, minutes: sum.minutes + entry.minutes, breaks: sum.breaks + (entry.is_break ? 1 : 0) };
    }, { items: 0, minutes: 0, breaks: 0 });
  }

  return { layout: layout, wrap: wrap, rounded: rounded, tree: tree, counts: counts };
});
