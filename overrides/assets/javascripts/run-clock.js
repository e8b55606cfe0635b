/* Run mode's clock: which item is on, the time it has left, and whether
   the meeting is ahead of or behind its plan. Pure functions of a state
   and ``now`` (milliseconds, from Date.now() in the page, from a fake clock
   in tests/js/); a change returns a new state. window.alp.runClock, or
   module.exports in Node.

   A state: ``minutes`` (each item's planned minutes), ``index`` (the item
   on), ``running``, ``since`` (when the clock last started), ``started``
   (when the meeting first started, or null), ``spent`` (each item's
   milliseconds run, not counting since ``since``) and ``added`` (the
   minutes added to or taken from each item). */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else (root.alp = root.alp || {}).runClock = factory();
})(this, function () {
  "use strict";

  var MINUTE = 60000;
  /* The progress bar's stages: at or under 20% of the item's time left, at or under 5%, none. */
  var SOON = 0.2;
  var LAST = 0.05;

  function create(minutes) {
    var zeros = minutes.map(function () {
      return 0;
    });
    return { minutes: minutes.slice(), index: 0, running: false, since: 0, started: null, spent: zeros, added: zeros.slice() };
  }

  function copy(state, changes) {
    var next = {};
    [state, changes].forEach(function (from) {
      Object.keys(from).forEach(function (name) {
        next[name] = from[name];
      });
    });
    return next;
  }

  /* The item's length in milliseconds, with the minutes added or taken. */
  function lengthOf(state, index) {
    return (state.minutes[index] + state.added[index]) * MINUTE;
  }

  /* The milliseconds the item on has run. */
  function spentNow(state, now) {
    return state.spent[state.index] + (state.running ? now - state.since : 0);
  }

  /* What is left of the item on: below zero when it runs over. */
  function left(state, now) {
    return lengthOf(state, state.index) - spentNow(state, now);
  }

  /* The clock stopped, its run so far added to the item's time. */
  function bank(state, now) {
    if (!state.running) return state;
    var spent = state.spent.slice();
    spent[state.index] = spentNow(state, now);
    return copy(state, { spent: spent, since: now, running: false });
  }

  function start(state, now) {
    if (state.running || !state.minutes.length) return state;
    return copy(state, { running: true, since: now, started: state.started === null ? now : state.started });
  }

  function pause(state, now) {
    return bank(state, now);
  }

  function toggle(state, now) {
    return state.running ? pause(state, now) : start(state, now);
  }

  /* To item ``index`` (kept within the plan), where it was left; the clock runs on if it was running. */
  function go(state, index, now) {
    if (index < 0 || index >= state.minutes.length || index === state.index) return state;
    var banked = bank(state, now);
    return copy(banked, { index: index, running: state.running, since: now });
  }

  function next(state, now) {
    return go(state, state.index + 1, now);
  }

  function back(state, now) {
    return go(state, state.index - 1, now);
  }

  /* A minute can be taken only while a whole minute is left, and an item keeps at least one. */
  function canTake(state, now) {
    var length = lengthOf(state, state.index);
    return state.minutes.length > 0 && length - MINUTE >= Math.max(MINUTE, spentNow(state, now));
  }

  /* ``by`` is 1 (add a minute) or -1 (take one). */
  function adjust(state, by, now) {
    if (!state.minutes.length || (by < 0 && !canTake(state, now))) return state;
    var added = state.added.slice();
    added[state.index] += by;
    return copy(state, { added: added });
  }

  /* How the item's time stands: "plenty", "soon" (20% or less left), "last" (5% or less), "over". */
  function stage(state, now) {
    var rest = left(state, now);
    var length = lengthOf(state, state.index);
    if (rest <= 0) return "over";
    if (rest <= length * LAST) return "last";
    return rest <= length * SOON ? "soon" : "plenty";
  }

  /* The share of the item's time left, from 0 to 1. */
  function fraction(state, now) {
    return Math.max(0, Math.min(1, left(state, now) / lengthOf(state, state.index)));
  }

  /* Against the plan: when the meeting will end if every item from here
     takes what it has left, less when it would have ended had every item
     taken its planned minutes from the start. Null before the start. */
  function pace(state, now) {
    if (state.started === null) return null;
    var planned = 0;
    var rest = Math.max(0, left(state, now));
    state.minutes.forEach(function (minutes, index) {
      planned += minutes * MINUTE;
      if (index > state.index) rest += Math.max(0, lengthOf(state, index) - state.spent[index]);
    });
    var late = now + rest - (state.started + planned);
    var whole = Math.floor(Math.abs(late) / MINUTE);
    return { kind: whole === 0 ? "on_time" : late > 0 ? "behind" : "ahead", minutes: whole };
  }

  /* Whether the item's time ran out between ``then`` and ``now`` (for the sound). */
  function ended(state, then, now) {
    return state.running && left(state, then) > 0 && left(state, now) <= 0;
  }

  /* Milliseconds as the countdown shows them: "9:05" left (a part second
     counts as one), "+0:12" over. */
  function display(ms) {
    var over = ms < 0;
    var seconds = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
    var rest = seconds % 60;
    return (over && seconds ? "+" : "") + Math.floor(seconds / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }

  /* As text for the address: index*running*since*started*spent.spent*added.added. */
  function toText(state) {
    return [
      state.index, state.running ? 1 : 0, state.since, state.started === null ? "-" : state.started,
      state.spent.join("."), state.added.join(".")
    ].join("*");
  }

  var WHOLE = /^-?\d+$/;

  function integers(text, count) {
    var list = text === "" ? [] : text.split(".");
    var good = list.length === count && list.every(function (value) {
      return WHOLE.test(value);
    });
    return good ? list.map(Number) : null;
  }

  /* The state ``toText`` wrote, for a plan of these ``minutes``; null if it does not fit them. */
  function fromText(text, minutes) {
    var parts = String(text || "").split("*");
    if (parts.length !== 6 || !/^[01]$/.test(parts[1]) || !WHOLE.test(parts[0]) || !WHOLE.test(parts[2])) return null;
    if (parts[3] !== "-" && !WHOLE.test(parts[3])) return null;
    var spent = integers(parts[4], minutes.length);
    var added = integers(parts[5], minutes.length);
    var index = Number(parts[0]);
    if (!spent || !added || index < 0 || index >= Math.max(1, minutes.length)) return null;
    var state = {
      minutes: minutes.slice(), index: index, running: parts[1] === "1", since: Number(parts[2]),
      started: parts[3] === "-" ? null : Number(parts[3]), spent: spent, added: added
    };
    var fits = state.minutes.every(function (value, at) {
      return lengthOf(state, at) >= MINUTE && spent[at] >= 0;
    });
    return fits ? state : null;
  }

  return {
    create: create, lengthOf: lengthOf, left: left, start: start, pause: pause,
    toggle: toggle, go: go, next: next, back: back, canTake: canTake, adjust: adjust, stage: stage, fraction: fraction,
    pace: pace, ended: ended, display: display, toText: toText, fromText: fromText
  };
});
