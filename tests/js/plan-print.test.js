/* plan-print.js: the facilitator's checklist, with each thing to bring named once. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const planState = require("../../overrides/assets/javascripts/plan-state.js");
const planPrint = require("../../overrides/assets/javascripts/plan-print.js");
const fixture = require("./fixtures.js");

test("pack text as plain words, and the pages it links to", () => {
  assert.equal(planPrint.plain("Print the [starter questions](questions/starter.md)\nand **the** _bank_."), "Print the starter questions and the bank.");
  assert.deepEqual(planPrint.targets("See [a](forms/a.md#top) and [b](guides/b/index.md)."), ["forms/a.html", "guides/b/index.html"]);
  assert.equal(planPrint.plain(null), "");
});

test("the kinds of timer, and sticky notes twice, are each one thing to bring, in the words they first came in", () => {
  const list = [
    "A timer you can see, and one for each group of four", "Sticky notes", "A timer, or a watch you can see",
    "Sticky notes, a pad for each member", "A timer", "A timer, or a bell to mark each change", "Pens", "A pen",
    "Flip chart, stand and pens", "A flip chart showing the three prompts"
  ];
  assert.deepEqual(planPrint.merge(list), [
    "A timer you can see, and one for each group of four", "Sticky notes", "Pens", "Flip chart, stand and pens",
    "A flip chart showing the three prompts"
  ]);
  assert.equal(planPrint.thing("A timer for the member who keeps time"), "timer");
});

test("the checklist: the session's materials first, then each card's, room, preparation, what to print and the notes", () => {
  const data = fixture();
  data.downloads = { folder: "downloads", files: [{ file: "starter-questions.pdf", title: "Starter questions", kind: "sheet", page: "questions/starter.html" }] };
  data.cards[0].preparation = "Pick a question. See the [bank](questions/open.md).";
  data.cards[0].handout = "downloads/handouts/check-in.pdf";
  data.banks = [{ id: "open", title: "Open questions", url: "questions/open.html" }];
  const pack = planState.catalogue(data);
  let plan = planState.useSession(planState.blank(), "set-meeting-1", pack);
  plan = planState.change(plan, { items: plan.items.concat([planState.cardItem("wicked-problem-test", pack), planState.cardItem("check-in", pack)]) });
  const list = planPrint.checklist(plan, pack);
  assert.deepEqual(list.materials, ["Name cards", "A timer", "The issue, written down"]);
  assert.deepEqual(list.room, ["A circle of chairs"]);
  assert.deepEqual(list.preparation, ["Print the starter questions.", "Check-in: Pick a question. See the bank."]);
  assert.deepEqual(list.documents, [
    { title: "Starter questions", url: "downloads/starter-questions.pdf" },
    { title: "Open questions", url: "questions/open.html" }
  ]);
  assert.deepEqual(list.handouts.map((card) => card.id), ["check-in"], "each card once, and only those with a handout");
  assert.deepEqual(list.notes, [{ index: 0, text: "Go first." }], "the session's notes, by the item's place in the plan");
  const moved = planState.change(plan, { items: planState.move(plan.items, 0, 2) });
  assert.deepEqual(planPrint.checklist(moved, pack).notes, [{ index: 2, text: "Go first." }]);
  assert.deepEqual(planPrint.checklist(planState.blank(), pack), { materials: [], room: [], preparation: [], documents: [], handouts: [], notes: [] });
});

test("what to print: the meeting's own list, its one PDF first, then what the preparation links to, each once", () => {
  const data = fixture();
  data.sessions[0].url = "programme/set-meeting-1.html";
  data.downloads = {
    folder: "downloads",
    files: [
      { file: "starter-questions.pdf", title: "Starter questions", kind: "sheet", page: "questions/starter.html", pages: [] },
      { file: "handouts/check-in.pdf", title: "Check-in tool card", kind: "handout", page: "tools/check-in.html", pages: [] },
      { file: "forms/log.pdf", title: "Reflective log template", kind: "form", page: "forms/log.html", pages: [] },
      {
        file: "meetings/set-meeting-1.pdf", title: "Set meeting 1: everything to print", kind: "meeting",
        page: "programme/set-meeting-1.html", pages: ["forms/log.html", "tools/check-in.html", "questions/starter.html"]
      }
    ]
  };
  const pack = planState.catalogue(data);
  const plan = planState.useSession(planState.blank(), "set-meeting-1", pack);
  assert.deepEqual(planPrint.checklist(plan, pack).documents, [
    { title: "Set meeting 1: everything to print", url: "downloads/meetings/set-meeting-1.pdf" },
    { title: "Reflective log template", url: "downloads/forms/log.pdf" },
    { title: "Check-in tool card", url: "downloads/handouts/check-in.pdf" },
    { title: "Starter questions", url: "downloads/starter-questions.pdf" }
  ]);
});
