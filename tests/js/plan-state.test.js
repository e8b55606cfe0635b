/* plan-state.js: the plan's items, how they change, and the plan as text in the address. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const planState = require("../../overrides/assets/javascripts/plan-state.js");
const fixture = require("./fixtures.js");

const pack = () => planState.catalogue(fixture());
const titles = (plan, catalogue) => plan.items.map((item) => planState.titleOf(item, catalogue));

test("the catalogue holds cards and sessions by id, and pack.json's limits", () => {
  const catalogue = pack();
  assert.deepEqual(Object.keys(catalogue.cards), ["check-in", "wicked-problem-test", "check-out"]);
  assert.deepEqual(Object.keys(catalogue.sessions), ["set-meeting-1"]);
  assert.deepEqual(catalogue.limits.meeting_minutes, { min: 15, max: 600 });
});

test("a blank plan", () => {
  assert.deepEqual(planState.blank("Set meeting"), { title: "Set meeting", start: "10:00", length: 180, template: "", items: [] });
  assert.equal(planState.blank().title, "");
});

test("a card's item takes the middle of its time, is led by the first role and keeps to the card's range", () => {
  const catalogue = pack();
  assert.deepEqual(planState.cardItem("check-in", catalogue), {
    card: "check-in", title: "", minutes: 15, lead: "facilitator", limits: { min: 10, max: 20 }
  });
  assert.equal(planState.cardItem("wicked-problem-test", catalogue).minutes, 23); /* 22.5, rounded */
  assert.equal(planState.titleOf(planState.cardItem("check-out", catalogue), catalogue), "Check-out");
});

test("an item's suggested range: its card's, widened to a session plan's minutes; any item's for one without a card", () => {
  const catalogue = pack();
  assert.deepEqual(planState.withLimits({ card: "check-in", title: "", minutes: 25, lead: "members" }, catalogue).limits, { min: 10, max: 20 });
  assert.deepEqual(planState.withLimits({ card: "check-in", title: "", minutes: 5, lead: "members" }, catalogue, 25).limits, { min: 10, max: 25 });
  assert.deepEqual(planState.withLimits({ card: "check-in", title: "", minutes: 5, lead: "members" }, catalogue, 5).limits, { min: 5, max: 20 });
  const own = planState.withLimits({ card: null, title: "Break", minutes: 15, lead: "everyone" }, catalogue);
  assert.deepEqual(own.limits, { min: 1, max: 600 });
  assert.equal(planState.titleOf(own, catalogue), "Break");
  assert.deepEqual(planState.rangeOf({ card: null, title: "Old", minutes: 5, lead: "everyone" }, catalogue), { min: 1, max: 600 });
});

test("a session plan gives the meeting's title, length and items, and keeps the start time", () => {
  const catalogue = pack();
  const before = planState.change(planState.blank("Mine"), { start: "13:30" });
  const plan = planState.useSession(before, "set-meeting-1", catalogue);
  assert.equal(plan.template, "set-meeting-1");
  assert.equal(plan.title, "Set meeting 1");
  assert.equal(plan.length, 60);
  assert.equal(plan.start, "13:30");
  assert.deepEqual(titles(plan, catalogue), ["Check-in", "Presenting", "Check-out"]);
  assert.deepEqual(plan.items.map((item) => item.from), [0, 1, 2], "each item knows its entry, for its notes");
  assert.deepEqual(plan.items[0].limits, { min: 10, max: 25 }, "widened to the session's 25 minutes");
  assert.deepEqual(plan.items.map((item) => item.lead), ["facilitator", "presenter", "everyone"]);
  assert.equal(before.items.length, 0, "the plan it started from is unchanged");
  assert.equal(planState.useSession(before, "no-such-session", catalogue), before);
});

test("a session's item whose card the pack does not have keeps its title, without the card", () => {
  const data = fixture();
  data.sessions[0].agenda[0].card = "hidden-card";
  const catalogue = planState.catalogue(data);
  const plan = planState.useSession(planState.blank(), "set-meeting-1", catalogue);
  assert.equal(plan.items[0].card, null);
  assert.equal(planState.titleOf(plan.items[0], catalogue), "Check-in");
  assert.deepEqual(plan.items[0].limits, { min: 1, max: 600 });
});

test("a session plan's items keep the plan's own titles, not their cards' names", () => {
  const data = fixture();
  data.sessions[0].agenda[0].title = "Demonstration, part one: presenting and clarifying questions";
  const catalogue = planState.catalogue(data);
  const plan = planState.useSession(planState.blank(), "set-meeting-1", catalogue);
  assert.equal(planState.titleOf(plan.items[0], catalogue), "Demonstration, part one: presenting and clarifying questions");
  assert.equal(planState.entryOf(plan.items[0], plan, catalogue).notes, "Go **first**.");
  assert.equal(planState.entryOf(planState.cardItem("check-in", catalogue), plan, catalogue), null);
});

test("any whole number of minutes from 1 to the meeting's length is taken as it is, outside the card's range too", () => {
  const catalogue = pack();
  const plan = planState.useSession(planState.blank(), "set-meeting-1", catalogue); /* 60 minutes */
  assert.deepEqual(planState.allowed(plan, catalogue), { min: 1, max: 60 });
  assert.equal(planState.setMinutes(plan, 0, 12, catalogue).items[0].minutes, 12);
  assert.equal(planState.setMinutes(plan, 0, 40, catalogue).items[0].minutes, 40, "above the card's 10 to 25");
  assert.equal(planState.setMinutes(plan, 0, 2, catalogue).items[0].minutes, 2, "below it");
  assert.equal(planState.setMinutes(plan, 0, 60, catalogue).items[0].minutes, 60);
  assert.deepEqual(planState.setMinutes(plan, 0, 40, catalogue).items[0].limits, { min: 10, max: 25 }, "the card's range stays");
  assert.equal(plan.items[0].minutes, 25, "the plan it started from is unchanged");
});

test("minutes that are not a whole number from 1 to the meeting's length leave the plan as it was, never changed to another number", () => {
  const catalogue = pack();
  const plan = planState.useSession(planState.blank(), "set-meeting-1", catalogue);
  for (const minutes of [0, -5, 61, 900, 1.5, Number.NaN]) assert.equal(planState.setMinutes(plan, 0, minutes, catalogue), plan, String(minutes));
  const long = planState.change(plan, { length: 900 });
  assert.deepEqual(planState.allowed(long, catalogue), { min: 1, max: 600 }, "no longer than an item may be");
});

test("the card's range is suggested when the minutes are outside it", () => {
  const catalogue = pack();
  const plan = planState.useSession(planState.blank(), "set-meeting-1", catalogue);
  assert.equal(planState.suggestion(plan.items[0], catalogue), null, "the session's 25 minutes are the plan's own");
  assert.deepEqual(planState.suggestion(planState.setMinutes(plan, 0, 40, catalogue).items[0], catalogue), { min: 10, max: 25 });
  assert.deepEqual(planState.suggestion(planState.setMinutes(plan, 0, 5, catalogue).items[0], catalogue), { min: 10, max: 25 });
  assert.equal(planState.suggestion(planState.setMinutes(plan, 1, 50, catalogue).items[1], catalogue), null, "no card, no range");
});

test("items can be renamed, and the facilitator's own items added", () => {
  const catalogue = pack();
  let plan = planState.useSession(planState.blank(), "set-meeting-1", catalogue);
  plan = planState.rename(plan, 0, "Arrival and check-in");
  assert.equal(planState.titleOf(plan.items[0], catalogue), "Arrival and check-in");
  assert.equal(plan.items[0].card, "check-in", "still the card's item");
  const lunch = planState.ownItem("Lunch", 30, catalogue);
  assert.deepEqual(lunch, { card: null, title: "Lunch", minutes: 30, lead: "facilitator", limits: { min: 1, max: 600 } });
  const card = planState.rename(planState.change(plan, { items: [planState.cardItem("check-out", catalogue)] }), 0, "");
  assert.equal(planState.titleOf(card.items[0], catalogue), "Check-out", "no name of its own: the card's");
});

test("the lead of one item changes", () => {
  const catalogue = pack();
  const plan = planState.useSession(planState.blank(), "set-meeting-1", catalogue);
  const changed = planState.setLead(plan, 1, "sponsor");
  assert.deepEqual(changed.items.map((item) => item.lead), ["facilitator", "sponsor", "everyone"]);
  assert.equal(plan.items[1].lead, "presenter");
});

test("moving an item shifts the others, and refuses to leave the list", () => {
  const list = ["a", "b", "c", "d"];
  assert.deepEqual(planState.move(list, 0, 1), ["b", "a", "c", "d"]);
  assert.deepEqual(planState.move(list, 3, 2), ["a", "b", "d", "c"]);
  assert.deepEqual(planState.move(list, 0, 3), ["b", "c", "d", "a"], "dragged to the end");
  assert.deepEqual(planState.move(list, 3, 0), ["d", "a", "b", "c"], "dragged to the start");
  assert.deepEqual(planState.move(list, 2, 2), list);
  assert.equal(planState.move(list, 0, -1), null);
  assert.equal(planState.move(list, 3, 4), null);
  assert.equal(planState.move(list, 4, 0), null);
  assert.equal(planState.move([], 0, 0), null);
  assert.deepEqual(list, ["a", "b", "c", "d"], "the list it was given is unchanged");
});

test("removing an item", () => {
  const list = ["a", "b", "c"];
  assert.deepEqual(planState.removeAt(list, 1), ["a", "c"]);
  assert.deepEqual(planState.removeAt(list, 2), ["a", "b"]);
  assert.deepEqual(planState.removeAt(["a"], 0), []);
  assert.deepEqual(list, ["a", "b", "c"]);
});

test("change copies the plan with some fields replaced", () => {
  const plan = planState.blank("A");
  const changed = planState.change(plan, { title: "B", length: 90 });
  assert.deepEqual(changed, { title: "B", start: "10:00", length: 90, template: "", items: [] });
  assert.equal(plan.title, "A");
});

test("a plan survives the trip through its address", () => {
  const catalogue = pack();
  let plan = planState.useSession(planState.change(planState.blank(), { start: "13:30" }), "set-meeting-1", catalogue);
  plan = planState.setMinutes(plan, 0, 12, catalogue);
  plan = planState.change(plan, { items: planState.move(plan.items, 2, 0) });
  plan = planState.rename(plan, 2, "Presenting * and = questions");
  plan = planState.change(plan, { items: plan.items.concat([planState.ownItem("Lunch", 30, catalogue), planState.cardItem("check-in", catalogue)]) });
  plan = planState.rename(plan, 4, "Second check-in");
  const text = planState.encode(plan, catalogue);
  assert.equal(
    text,
    "t=Set+meeting+1&s=13%3A30&l=60&p=set-meeting-1&i=%402*5*everyone&i=%400*12*facilitator&i=%401*30*presenter*Presenting+*+and+%3D+questions" +
      "&i=%7ELunch*30*facilitator&i=check-in*15*facilitator*Second+check-in"
  );
  const back = planState.decode(text, catalogue);
  const shown = (p) => p.items.map((item) => [item.card, planState.titleOf(item, catalogue), item.minutes, item.lead, item.from]);
  assert.deepEqual(shown(back), shown(plan));
  for (const field of ["title", "start", "length", "template"]) assert.equal(back[field], plan[field], field);
  /* A session's item keeps its entry (its notes, and its range widened to the session's 25 minutes). */
  assert.deepEqual(back.items[1].limits, { min: 10, max: 25 });
  assert.equal(planState.entryOf(back.items[1], back, catalogue).notes, "Go **first**.");
});

test("links made before items kept their session's entry still open", () => {
  const catalogue = pack();
  const plan = planState.decode("t=A&s=10:00&l=60&i=check-in*15*facilitator&i=%7EBreak*10*everyone", catalogue);
  assert.deepEqual(plan.items.map((item) => [item.card, planState.titleOf(item, catalogue), item.minutes]), [["check-in", "Check-in", 15], [null, "Break", 10]]);
});

test("titles with the separators in them survive too", () => {
  const catalogue = pack();
  const item = planState.withLimits({ card: null, title: "Break * & = ~ coffee", minutes: 20, lead: "everyone" }, catalogue);
  const plan = planState.change(planState.blank("A & B = *"), { items: [item] });
  assert.deepEqual(planState.decode(planState.encode(plan, catalogue), catalogue), plan);
});

test("no plan in an address without a length", () => {
  const catalogue = pack();
  assert.equal(planState.decode("", catalogue), null);
  assert.equal(planState.decode("t=Hello&s=10:00", catalogue), null);
});

test("reading a plan keeps to the pack: unknown cards and roles are left out, numbers kept within the limits", () => {
  const catalogue = pack();
  const plan = planState.decode(
    "t=&s=25:7&l=5&p=gone&i=check-in*15*facilitator&i=hidden-card*10*members&i=check-out*5*boss" +
      "&i=~Lunch*0*everyone&i=~Long*5000*everyone&i=check-in*45*members",
    catalogue
  );
  assert.equal(plan.title, "");
  assert.equal(plan.start, "10:00", "not a clock time");
  assert.equal(plan.length, 15, "a meeting is at least 15 minutes");
  assert.equal(plan.template, "", "no such session");
  assert.deepEqual(plan.items.map((item) => [item.card, item.minutes, item.lead]), [
    ["check-in", 15, "facilitator"],
    [null, 600, "everyone"],
    ["check-in", 45, "members"]
  ]);
  assert.deepEqual(plan.items[2].limits, { min: 10, max: 20 }, "the card's own range, to suggest");
  assert.equal(planState.decode("l=9999", catalogue).length, 600);
  assert.equal(planState.decode("l=abc", catalogue).length, 15);
});

test("the limits come from the pack, not from the script", () => {
  const data = fixture();
  data.limits = { minutes: { min: 2, max: 90 }, meeting_minutes: { min: 30, max: 120 }, roles: ["chair", "everyone"] };
  const catalogue = planState.catalogue(data);
  const plan = planState.decode("l=10&i=~A*1*chair&i=~B*100*everyone&i=~C*10*facilitator", catalogue);
  assert.equal(plan.length, 30);
  assert.deepEqual(plan.items.map((item) => [item.title, item.minutes, item.lead]), [["A", 2, "chair"], ["B", 90, "everyone"]]);
  assert.deepEqual(plan.items[0].limits, { min: 2, max: 90 });
  assert.equal(planState.cardItem("check-in", catalogue).lead, "chair");
});
