/* timeline.js: an agenda as a timeline, as the planner's printed agenda draws it.
   tests/test_timeline.py checks that it gives the same blocks as timeline.py. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const timeline = require("../../overrides/assets/javascripts/timeline.js");

function entry(title, minutes, extra) {
  return Object.assign({ title: title, minutes: minutes, lead: "Facilitator", clock: "10:00", is_break: false }, extra);
}

const AGENDA = [
  entry("Check-in", 15),
  entry("Presenter slot: the first member's issue", 40, { lead: "Presenter", clock: "10:15" }),
  entry("Break", 15, { lead: "Everyone", clock: "11:15", is_break: true }),
  entry("Quiet minute", 5, { clock: "11:30" }),
  entry("Check-out", 45, { lead: "Everyone", clock: "11:35" })
];

test("one block per item, each as wide as its share of the minutes, end to end across the bar", () => {
  const drawing = timeline.layout(AGENDA);
  assert.equal(drawing.blocks.length, AGENDA.length);
  const total = AGENDA.reduce((sum, item) => sum + item.minutes, 0);
  let x = 0;
  drawing.blocks.forEach((block, index) => {
    assert.equal(block.number, index + 1);
    assert.ok(Math.abs(block.x - x) < 1e-9, `block ${index + 1} starts where the one before it ends`);
    assert.ok(Math.abs(block.width - (AGENDA[index].minutes / total) * drawing.width) <= 0.01, `block ${index + 1}`);
    x = block.x + block.width;
  });
  assert.ok(Math.abs(x - drawing.width) < 1e-9);
});

test("a wide block shows its time, title and lead; a narrow one its number, with a legend line", () => {
  const drawing = timeline.layout(AGENDA);
  const slot = drawing.blocks[1];
  assert.deepEqual(slot.lines.map((line) => [line.role, line.text]), [
    ["clock", "10:15"], ["title", "Presenter slot: the first"], ["title", "member's issue"], ["lead", "Presenter"]
  ]);
  assert.equal(slot.mark, null);
  assert.equal(slot.text_x, slot.x + 6);
  const quiet = drawing.blocks[3];
  assert.deepEqual(quiet.lines, []);
  assert.ok(quiet.mark.x > quiet.x && quiet.mark.x < quiet.x + quiet.width);
  assert.deepEqual(drawing.legend.map((row) => row.number), [4]);
  assert.ok(drawing.height > drawing.legend[0].y, "the legend is inside the drawing");
});

test("without a legend, a narrow block keeps its number for the table's rows", () => {
  const drawing = timeline.layout(AGENDA, true);
  assert.deepEqual(drawing.legend, []);
  assert.equal(drawing.blocks[3].mark.x > 0, true);
  assert.equal(drawing.height, drawing.bar + 2);
});

test("a title wraps onto three lines at most, between words, or not at all", () => {
  assert.deepEqual(timeline.wrap("Check-in", 200), ["Check-in"]);
  assert.deepEqual(timeline.wrap("A long title here", 100), ["A long", "title here"]);
  assert.deepEqual(timeline.wrap("A title far too long", 100), ["A title", "far too", "long"]);
  assert.equal(timeline.wrap("A title far too long for three lines", 100), null);
  assert.equal(timeline.wrap("Unbreakableword", 50), null);
});

test("a character outside the basic plane counts once, as Python counts it", () => {
  assert.deepEqual(timeline.wrap("\u{1F600}\u{1F600}\u{1F600}", 3 * 18 * 0.55), ["\u{1F600}\u{1F600}\u{1F600}"]);
  assert.equal(timeline.wrap("\u{1F600}\u{1F600}\u{1F600}\u{1F600}", 3 * 18 * 0.55), null);
});

test("numbers are rounded to hundredths, halves up", () => {
  assert.equal(timeline.rounded(66.666666), 66.67);
  assert.equal(timeline.rounded(0.125), 0.13);
  assert.equal(timeline.rounded(2), 2);
});

test("the drawing's nodes: an image with its name, breaks hatched and dashed, text as text", () => {
  const drawing = timeline.layout(AGENDA);
  const tree = timeline.tree(drawing, "Timeline", (number) => `Legend ${number}`, "hatch");
  assert.equal(tree.tag, "svg");
  assert.equal(tree.attrs.role, "img");
  assert.equal(tree.attrs["aria-label"], "Timeline");
  assert.equal(tree.attrs.viewBox, `0 0 1000 ${drawing.height}`);
  const groups = tree.children.filter((node) => node.tag === "g");
  assert.equal(groups.length, AGENDA.length);
  const rects = groups.map((group) => group.children[0].attrs);
  assert.equal(rects[2].fill, "url(#hatch)");
  assert.equal(rects[2]["stroke-dasharray"], "6 4");
  assert.equal(groups[2].attrs.class, "alp-timeline__block alp-timeline__block--break");
  for (const index of [0, 1, 3, 4]) {
    assert.equal(rects[index].fill, undefined);
    assert.equal(rects[index]["stroke-dasharray"], undefined);
  }
  assert.equal(tree.children[0].children[0].attrs.id, "hatch");
  const legend = tree.children.filter((node) => node.attrs.class === "alp-timeline__legend");
  assert.deepEqual(legend.map((node) => node.text), ["Legend 4"]);
  const number = groups[3].children.find((node) => node.text === "4");
  assert.equal(number.attrs["text-anchor"], "middle");
});

test("the counts the drawing's name gives", () => {
  assert.deepEqual(timeline.counts(AGENDA), { items: 5, minutes: 120, breaks: 1 });
  assert.deepEqual(timeline.counts([]), { items: 0, minutes: 0, breaks: 0 });
});
