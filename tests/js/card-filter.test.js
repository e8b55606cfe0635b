/* card-filter.js: which cards match the filters of the tool index and the planner. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const cardFilter = require("../../overrides/assets/javascripts/card-filter.js");
const pack = require("./fixtures.js");

const ids = (cards) => cards.map((card) => card.id);
const all = (fields) => ids(cardFilter.select(pack().cards, cardFilter.fromFields(fields)));

test("an empty filter keeps every card, in order", () => {
  assert.deepEqual(all({}), ["check-in", "wicked-problem-test", "check-out"]);
  assert.deepEqual(all({ words: "  ", stage: "", time: "", size: "" }), ["check-in", "wicked-problem-test", "check-out"]);
});

test("fields are read as a form gives them: trimmed, lower-cased, numbers or nothing", () => {
  assert.deepEqual(cardFilter.fromFields({ words: "  Check ", stage: "opening", time: "15", size: "x" }), {
    words: "check", stage: "opening", time: 15, size: 0, problem: ""
  });
});

test("words match the title or the summary, in any case", () => {
  assert.deepEqual(all({ words: "CHECK" }), ["check-in", "check-out"]);
  assert.deepEqual(all({ words: "tame or" }), ["wicked-problem-test"]);
  assert.deepEqual(all({ words: "check-out" }), ["check-out"]);
  assert.deepEqual(all({ words: "nothing like this" }), []);
});

test("words match every word in any order, and the problems a card helps with, by id or in the site's words", () => {
  const cards = [
    { id: "rephrasing-practice", title: "Rephrasing practice", summary: "Turning leading questions into open ones.",
      stages: ["preparing"], duration: { min: 15, max: 25 }, group_size: { min: 2, max: 10 },
      problems: ["advice-giving"], problem_labels: ["A member keeps giving advice"] },
    { id: "check-in", title: "Check-in", summary: "Each member says how they arrive.",
      stages: ["opening"], duration: { min: 10, max: 20 }, group_size: { min: 3, max: 10 } }
  ];
  const found = (fields) => ids(cardFilter.select(cards, cardFilter.fromFields(fields)));
  assert.deepEqual(found({ words: "giving advice" }), ["rephrasing-practice"]);
  assert.deepEqual(found({ words: "Advice  KEEPS" }), ["rephrasing-practice"]);
  assert.deepEqual(found({ words: "advice-giving" }), ["rephrasing-practice"]);
  assert.deepEqual(found({ words: "giving silence" }), []);
  assert.deepEqual(found({ problem: "advice-giving" }), ["rephrasing-practice"]);
  assert.deepEqual(found({ problem: "silence" }), []);
  assert.deepEqual(found({ problem: "advice-giving", stage: "opening" }), []);
});

test("a stage keeps the cards for that stage", () => {
  assert.deepEqual(all({ stage: "presenting" }), ["wicked-problem-test"]);
  assert.deepEqual(all({ stage: "ending" }), []);
});

test("the time keeps the cards whose shortest time fits", () => {
  assert.deepEqual(all({ time: "10" }), ["check-in", "check-out"]);
  assert.deepEqual(all({ time: "9" }), ["check-out"]);
  assert.deepEqual(all({ time: "15" }), ["check-in", "wicked-problem-test", "check-out"]);
});

test("a group size keeps the cards made for that many people, ends included", () => {
  assert.deepEqual(all({ size: "1" }), ["wicked-problem-test"]);
  assert.deepEqual(all({ size: "3" }), ["check-in", "wicked-problem-test", "check-out"]);
  assert.deepEqual(all({ size: "10" }), ["check-in", "check-out"]);
  assert.deepEqual(all({ size: "100" }), ["check-out"]);
});

test("filters combine", () => {
  assert.deepEqual(all({ words: "check", time: "5", size: "2" }), ["check-out"]);
  assert.deepEqual(all({ stage: "opening", size: "2" }), []);
});

test("a card from the tool index's row (no title or summary) filters the same way", () => {
  const row = { title: "", summary: "", stages: ["preparing", "presenting"], duration: { min: 15, max: 30 }, group_size: { min: 1, max: 8 } };
  assert.equal(cardFilter.matches(row, cardFilter.fromFields({ stage: "preparing", time: "15", size: "8" })), true);
  assert.equal(cardFilter.matches(row, cardFilter.fromFields({ size: "9" })), false);
});

test("the key is the same for the same filter and differs otherwise", () => {
  const key = (fields) => cardFilter.key(cardFilter.fromFields(fields));
  assert.equal(key({ words: " Check", time: "10" }), key({ words: "check ", time: "10" }));
  assert.notEqual(key({ time: "10" }), key({ size: "10" }));
  assert.notEqual(key({}), key({ problem: "silence" }));
});
