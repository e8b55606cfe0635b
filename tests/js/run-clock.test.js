/* run-clock.js: run mode's clock, on a fake clock (every time is an argument). */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const clock = require("../../overrides/assets/javascripts/run-clock.js");

const MINUTE = 60000;
const T0 = Date.UTC(2026, 11, 3, 10, 0, 0);
const at = (minutes, seconds = 0) => T0 + minutes * MINUTE + seconds * 1000;
/* A meeting of a 10-minute item, a 5-minute one and a 20-minute one. */
const meeting = () => clock.create([10, 5, 20]);

test("a new clock stands at the first item, not started, with every item's full time", () => {
  const state = meeting();
  assert.equal(state.index, 0);
  assert.equal(state.running, false);
  assert.equal(state.started, null);
  assert.equal(clock.left(state, at(5)), 10 * MINUTE, "time does not pass before the start");
  assert.equal(clock.pace(state, at(5)), null, "no pace before the start");
  assert.equal(clock.display(clock.left(state, at(5))), "10:00");
});

test("start, pause and resume: only running time counts", () => {
  let state = clock.start(meeting(), at(0));
  assert.equal(state.started, at(0));
  assert.equal(clock.left(state, at(3)), 7 * MINUTE);
  state = clock.pause(state, at(3));
  assert.equal(state.running, false);
  assert.equal(clock.left(state, at(8)), 7 * MINUTE, "a pause stops the countdown");
  state = clock.start(state, at(8));
  assert.equal(state.started, at(0), "resuming keeps when the meeting started");
  assert.equal(clock.left(state, at(9)), 6 * MINUTE);
  assert.equal(clock.toggle(state, at(9)).running, false);
  assert.equal(clock.toggle(clock.toggle(state, at(9)), at(10)).running, true);
  assert.equal(clock.start(state, at(9)), state, "starting a running clock changes nothing");
  assert.equal(clock.pause(clock.pause(state, at(9)), at(12)).spent[0], 4 * MINUTE, "pausing twice counts once");
});

test("next and back: each item keeps the time it had, and the clock runs on if it was running", () => {
  let state = clock.start(meeting(), at(0));
  state = clock.next(state, at(4));
  assert.equal(state.index, 1);
  assert.equal(state.running, true);
  assert.equal(clock.left(state, at(5)), 4 * MINUTE);
  state = clock.back(state, at(5));
  assert.equal(state.index, 0);
  assert.equal(clock.left(state, at(5)), 6 * MINUTE, "back where the item was left");
  state = clock.pause(state, at(6));
  state = clock.next(state, at(7));
  assert.equal(state.running, false, "a paused clock moves on paused");
  assert.equal(clock.left(state, at(30)), 4 * MINUTE);
  assert.equal(clock.back(clock.create([10]), at(1)).index, 0, "no item before the first");
  const last = clock.next(clock.next(meeting(), at(0)), at(0));
  assert.equal(last.index, 2);
  assert.equal(clock.next(last, at(1)), last, "no item after the last");
});

test("add a minute, take a minute; a minute is taken only while a whole one is left", () => {
  let state = clock.start(meeting(), at(0));
  state = clock.adjust(state, 1, at(2));
  assert.equal(clock.left(state, at(2)), 9 * MINUTE);
  assert.equal(clock.lengthOf(state, 0), 11 * MINUTE);
  state = clock.adjust(clock.adjust(state, -1, at(2)), -1, at(2));
  assert.equal(clock.left(state, at(2)), 7 * MINUTE);
  assert.equal(clock.canTake(state, at(8)), true, "a minute of 9 left");
  assert.equal(clock.canTake(state, at(8, 1)), false, "less than a minute left");
  assert.equal(clock.adjust(state, -1, at(8, 1)), state);
  const short = clock.create([1]);
  assert.equal(clock.canTake(short, at(0)), false, "an item keeps at least a minute");
  assert.equal(clock.adjust(clock.next(state, at(3)), 1, at(3)).added.join(), "-1,1,0", "the minutes are the item's own");
});

test("the bar's stages change at 20% and at 5% of the item's time left, then the item runs over", () => {
  const state = clock.start(meeting(), at(0));
  assert.equal(clock.stage(state, at(7, 59)), "plenty");
  assert.equal(clock.stage(state, at(8)), "soon", "2 of 10 minutes left is 20%");
  assert.equal(clock.stage(state, at(9, 29)), "soon");
  assert.equal(clock.stage(state, at(9, 30)), "last", "30 seconds of 10 minutes is 5%");
  assert.equal(clock.stage(state, at(10)), "over");
  assert.equal(clock.fraction(state, at(5)), 0.5);
  assert.equal(clock.fraction(state, at(12)), 0);
  assert.equal(clock.left(state, at(12)), -2 * MINUTE);
  /* Added time moves the thresholds: 2 minutes of 11 is under 20%. */
  assert.equal(clock.stage(clock.adjust(state, 1, at(0)), at(8, 48)), "soon");
  assert.equal(clock.stage(clock.adjust(state, 1, at(0)), at(8, 47)), "plenty");
});

test("ahead or behind: the end the meeting is heading for, against its planned end", () => {
  let state = clock.start(meeting(), at(0));
  assert.deepEqual(clock.pace(state, at(5)), { kind: "on_time", minutes: 0 });
  assert.deepEqual(clock.pace(state, at(12)), { kind: "behind", minutes: 2 }, "running over");
  state = clock.next(state, at(7));
  assert.deepEqual(clock.pace(state, at(7)), { kind: "ahead", minutes: 3 }, "moving on early");
  state = clock.pause(state, at(7));
  assert.deepEqual(clock.pace(state, at(11)), { kind: "behind", minutes: 1 }, "a pause costs time");
  assert.deepEqual(clock.pace(clock.adjust(state, 2, at(7)), at(7)), { kind: "ahead", minutes: 1 }, "an added minute counts");
  assert.deepEqual(clock.pace(state, at(7, 59)), { kind: "ahead", minutes: 2 }, "whole minutes only");
});

test("the sound's moment: the run crosses the item's end", () => {
  const state = clock.start(meeting(), at(0));
  assert.equal(clock.ended(state, at(9, 59), at(10)), true);
  assert.equal(clock.ended(state, at(9), at(9, 59)), false);
  assert.equal(clock.ended(state, at(10), at(11)), false, "once, not again while over");
  assert.equal(clock.ended(clock.pause(state, at(5)), at(9, 59), at(10)), false);
});

test("the countdown as text", () => {
  assert.equal(clock.display(9 * MINUTE + 5000), "9:05");
  assert.equal(clock.display(9 * MINUTE + 4001), "9:05", "a part second counts as one");
  assert.equal(clock.display(0), "0:00");
  assert.equal(clock.display(-12500), "+0:12");
  assert.equal(clock.display(-500), "0:00");
  assert.equal(clock.display(125 * MINUTE), "125:00");
});

test("the state as text for the address, and back, for the same plan only", () => {
  let state = clock.start(meeting(), at(0));
  state = clock.adjust(clock.next(state, at(4)), 2, at(5));
  const text = clock.toText(state);
  assert.equal(text, `1*1*${at(4)}*${at(0)}*${4 * MINUTE}.0.0*0.2.0`);
  assert.deepEqual(clock.fromText(text, [10, 5, 20]), state);
  const paused = clock.pause(state, at(6));
  assert.deepEqual(clock.fromText(clock.toText(paused), [10, 5, 20]), paused);
  assert.equal(clock.left(clock.fromText(clock.toText(paused), [10, 5, 20]), at(60)), 5 * MINUTE, "a reload finds the time left");
  assert.deepEqual(clock.fromText(clock.toText(meeting()), [10, 5, 20]), meeting());
  for (const bad of [null, "", "1*1*0*-*0.0.0", text.replace("1*1", "3*1"), text.replace("1*1", "1*2"), text.replace("*0.2.0", "*0.2"),
    text.replace("*0.2.0", "*0.x.0"), text.replace("*0.2.0", "*0.-5.0"), text.replace(`*${at(4)}*`, "*1.5*"), text.replace(`${4 * MINUTE}.`, "-1.")]) {
    assert.equal(clock.fromText(bad, [10, 5, 20]), null, String(bad));
  }
  assert.equal(clock.fromText(text, [10, 5]), null, "another plan");
});

test("in the browser it sets window.alp.runClock, without module or document", () => {
  const source = fs.readFileSync(path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "run-clock.js"), "utf8");
  const window = {};
  window.window = window;
  vm.runInContext(source, vm.createContext(window), { filename: "run-clock.js" });
  assert.deepEqual(Object.keys(window.alp), ["runClock"]);
  assert.equal(window.alp.runClock.display(61000), "1:01");
});

test("the run page loads the pack's data script and the planner's plan scripts, then the clock, then the page", () => {
  const template = fs.readFileSync(path.join(__dirname, "..", "..", "macros", "components", "run_mode", "template.html"), "utf8");
  const loaded = [...template.matchAll(/assets\/javascripts\/([\w.-]+\.js)/g)].map((match) => match[1]);
  assert.deepEqual(loaded, ["pack-data.js", "plan-time.js", "plan-state.js", "run-clock.js", "run.js"]);
});
