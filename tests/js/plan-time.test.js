/* plan-time.js: clock times, the running clock, totals and over- or under-runs. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const planTime = require("../../overrides/assets/javascripts/plan-time.js");

const items = (...minutes) => minutes.map((value) => ({ minutes: value }));

test("clock times as a time field gives them", () => {
  for (const text of ["10:00", "9:05", "23:59", "00:00"]) assert.equal(planTime.isClock(text), true, text);
  for (const text of ["", null, undefined, "10", "10:0", "10:000", "a:bc", " 10:00", "100:00"]) {
    assert.equal(planTime.isClock(text), false, String(text));
  }
});

test("a clock time in minutes after midnight; 10:00 when it is not one", () => {
  assert.equal(planTime.toMinutes("00:00"), 0);
  assert.equal(planTime.toMinutes("9:05"), 545);
  assert.equal(planTime.toMinutes("13:30"), 810);
  assert.equal(planTime.toMinutes("nonsense"), 600);
  assert.equal(planTime.toMinutes(""), 600);
});

test("minutes as a clock time, two digits each, round midnight either way", () => {
  assert.equal(planTime.toClock(0), "00:00");
  assert.equal(planTime.toClock(545), "09:05");
  assert.equal(planTime.toClock(810), "13:30");
  assert.equal(planTime.toClock(1440 + 75), "01:15");
  assert.equal(planTime.toClock(-30), "23:30");
  assert.equal(planTime.toClock(planTime.toMinutes("7:45")), "07:45");
});

test("clamp rounds and keeps within the limits; the minimum when not a number", () => {
  const limits = { min: 15, max: 600 };
  assert.equal(planTime.clamp(90, limits), 90);
  assert.equal(planTime.clamp(90.6, limits), 91);
  assert.equal(planTime.clamp(5, limits), 15);
  assert.equal(planTime.clamp(601, limits), 600);
  assert.equal(planTime.clamp(Number.NaN, limits), 15);
  assert.equal(planTime.clamp(0, limits), 15);
});

test("the total of an empty plan is nothing", () => {
  assert.equal(planTime.total([]), 0);
  assert.equal(planTime.total(items(10, 25, 5)), 40);
});

test("the schedule runs the clock on from the start", () => {
  assert.deepEqual(planTime.schedule("10:00", items(10, 25, 5)), [
    { start: 600, end: 610 }, { start: 610, end: 635 }, { start: 635, end: 640 }
  ]);
  assert.deepEqual(planTime.schedule("10:00", []), []);
  const late = planTime.schedule("23:50", items(20));
  assert.equal(planTime.toClock(late[0].end), "00:10");
});

test("a plan that fills the meeting", () => {
  assert.deepEqual(planTime.summary("10:00", items(120, 90), 210), {
    key: "planner.total_exact", values: { length: 210, end: "13:30" }, over: false
  });
});

test("a plan with time to spare", () => {
  assert.deepEqual(planTime.summary("13:30", items(20, 20), 60), {
    key: "planner.total_fits", values: { total: 40, length: 60, spare: 20, end: "14:10" }, over: false
  });
  assert.equal(planTime.summary("10:00", [], 180).values.spare, 180);
});

test("a plan that over-runs", () => {
  assert.deepEqual(planTime.summary("10:00", items(20, 200), 210), {
    key: "planner.total_over", values: { total: 220, length: 210, over: 10, end: "13:40" }, over: true
  });
});
