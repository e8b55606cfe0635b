/* The planner's time: clock times, the running clock, the total, and
   whether a plan over- or under-runs. Pure functions, tested in tests/js/;
   window.alp.planTime, or module.exports in Node. */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else (root.alp = root.alp || {}).planTime = factory();
})(this, function () {
  "use strict";

  var CLOCK = /^(\d{1,2}):(\d{2})$/;

  /* "9:05", "13:30": as a time field gives it. */
  function isClock(text) {
    return CLOCK.test(text || "");
  }

  /* "13:30" as minutes after midnight; 10:00 when it is not a clock time. */
  function toMinutes(clock) {
    var parts = CLOCK.exec(clock || "");
    return parts ? Number(parts[1]) * 60 + Number(parts[2]) : 600;
  }

  /* Minutes after midnight as "HH:MM", wrapping round midnight either way. */
  function toClock(minutes) {
    var day = ((minutes % 1440) + 1440) % 1440;
    var hours = Math.floor(day / 60);
    var rest = day % 60;
    return (hours < 10 ? "0" : "") + hours + ":" + (rest < 10 ? "0" : "") + rest;
  }

  /* Rounded, within {min, max}; the minimum when not a number. */
  function clamp(value, limits) {
    return Math.max(limits.min, Math.min(limits.max, Math.round(value) || limits.min));
  }

  function total(items) {
    return items.reduce(function (sum, item) {
      return sum + item.minutes;
    }, 0);
  }

  /* When each item starts and ends, in minutes after midnight. */
  function schedule(start, items) {
    var clock = toMinutes(start);
    return items.map(function (item) {
      var slot = { start: clock, end: clock + item.minutes };
      clock = slot.end;
      return slot;
    });
  }

  /* How the plan fits the meeting: the sentence's key and its values. */
  function summary(start, items, length) {
    var sum = total(items);
    var end = toClock(toMinutes(start) + sum);
    if (sum === length) return { key: "planner.total_exact", values: { length: length, end: end }, over: false };
    if (sum < length) {
      return { key: "planner.total_fits", values: { total: sum, length: length, spare: length - sum, end: end }, over: false };
    }
    return { key: "planner.total_over", values: { total: sum, length: length, over: sum - length, end: end }, over: true };
  }

  return { isClock: isClock, toMinutes: toMinutes, toClock: toClock, clamp: clamp, total: total, schedule: schedule, summary: summary };
});
