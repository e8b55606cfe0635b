/* A small pack, in the shape of api/pack.json, for the planner's tests.
   The limits are those macros/components/session_planner.planner_limits()
   writes (from macros/schema.py). Each call gives a fresh copy. */
"use strict";

module.exports = function pack() {
  return {
    cards: [
      {
        id: "check-in", title: "Check-in", summary: "Each member says how they arrive.",
        stages: ["opening"], duration: { min: 10, max: 20 }, group_size: { min: 3, max: 10 },
        materials: ["A timer"], url: "tools/check-in.html"
      },
      {
        id: "wicked-problem-test", title: "Wicked problem test", summary: "Is the issue tame or wicked?",
        stages: ["preparing", "presenting"], duration: { min: 15, max: 30 }, group_size: { min: 1, max: 8 },
        materials: ["The issue, written down", "A timer"], url: "tools/wicked-problem-test.html"
      },
      {
        id: "check-out", title: "Check-out", summary: "One word each to close.",
        stages: ["closing"], duration: { min: 5, max: 10 }, group_size: { min: 2, max: 100 },
        materials: ["A timer"], url: "tools/check-out.html"
      }
    ],
    sessions: [
      {
        id: "set-meeting-1", title: "Set meeting 1", length: 60, materials: ["Name cards", "A timer"],
        agenda: [
          { title: "Check-in", minutes: 25, lead: "facilitator", card: "check-in", notes: "Go **first**." },
          { title: "Presenting", minutes: 30, lead: "presenter", card: null, notes: null },
          { title: "Check-out", minutes: 5, lead: "everyone", card: "check-out" }
        ],
        room: ["A circle of chairs"],
        preparation: { facilitator: ["Print the [starter questions](questions/starter.md)."], members: ["Think."] }
      }
    ],
    limits: {
      minutes: { min: 1, max: 600 },
      meeting_minutes: { min: 15, max: 600 },
      roles: ["facilitator", "members", "presenter", "sponsor", "everyone"]
    },
    strings: {}
  };
};
