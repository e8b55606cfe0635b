/* calendar-cycle.js: the meetings' dates at the rhythm, across the UK's
   clock changes, and the calendar file's text (RFC 5545: CRLF, folding at
   75 octets of UTF-8, escaped TEXT). */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const cycle = require("../../overrides/assets/javascripts/calendar-cycle.js");

const date = (year, month, day) => ({ year, month, day });

function options(extra) {
  return Object.assign(
    {
      meetings: [
        { id: "first", title: "First meeting", minutes: 210, path: "programme/first.html", alternatives: [] },
        {
          id: "second",
          title: "Second meeting",
          minutes: 90,
          path: "programme/second.html",
          alternatives: [{ title: "Second meeting on Teams", path: "programme/second-online.html" }]
        }
      ],
      start: date(2027, 1, 12),
      weeks: 4,
      time: 600,
      now: new Date(Date.UTC(2026, 11, 3, 9, 5, 7)),
      base: "https://example.org/pack/",
      uidDomain: "example.org",
      prodid: "-//Example Organisation//Example Pack//EN",
      calendarName: "Example Pack: meetings of the set",
      strings: { description: "The plan for this meeting: {url}", alternative: "Another way to run it ({title}): {url}" }
    },
    extra
  );
}

const octets = (line) => Buffer.byteLength(line, "utf8");
const unfold = (text) => text.replace(/\r\n[ \t]/g, "");

test("a date as a date field gives it, or typed day first; nothing that is not a real date", () => {
  assert.deepEqual(cycle.parseDate("2027-01-12"), date(2027, 1, 12));
  assert.deepEqual(cycle.parseDate(" 12/01/2027 "), date(2027, 1, 12));
  assert.deepEqual(cycle.parseDate("29.2.2028"), date(2028, 2, 29));
  for (const text of ["", null, undefined, "2027-02-29", "31/04/2027", "2027-13-01", "2027-00-10", "12/01/27", "tomorrow", "0999-01-01"]) {
    assert.equal(cycle.parseDate(text), null, String(text));
  }
});

test("a start time in minutes after midnight, or null", () => {
  assert.equal(cycle.parseTime("10:00"), 600);
  assert.equal(cycle.parseTime("9:30"), 570);
  assert.equal(cycle.parseTime("13:45:00"), 825);
  assert.equal(cycle.parseTime("00:00"), 0);
  for (const text of ["", null, "24:00", "10:60", "10", "ten", "10:5"]) assert.equal(cycle.parseTime(text), null, String(text));
});

test("meetings fall on the same weekday at the rhythm, over month and year ends", () => {
  const dates = cycle.meetingDates(date(2026, 11, 24), 5, 4).map(cycle.isoDate);
  assert.deepEqual(dates, ["2026-11-24", "2026-12-29", "2027-02-02", "2027-03-09"]);
  assert.deepEqual(cycle.meetingDates(date(2028, 2, 1), 4, 2).map(cycle.isoDate), ["2028-02-01", "2028-02-29"]);
  assert.deepEqual(cycle.meetingDates(date(2027, 1, 12), 6, 0), []);
});

test("the UK's clock changes move no meeting by a day or an hour", () => {
  /* 2027: clocks go forward on 28 March and back on 31 October. Each gap
     below crosses one, and a day counted in local milliseconds would slip. */
  const previous = process.env.TZ;
  process.env.TZ = "Europe/London";
  try {
    const dates = cycle.meetingDates(date(2027, 3, 1), 4, 10).map(cycle.isoDate);
    assert.deepEqual(dates, [
      "2027-03-01", "2027-03-29", "2027-04-26", "2027-05-24", "2027-06-21",
      "2027-07-19", "2027-08-16", "2027-09-13", "2027-10-11", "2027-11-08"
    ]);
    const text = cycle.calendar(options({ start: date(2027, 3, 15), weeks: 6 }));
    assert.match(text, /DTSTART:20270315T100000\r\n/);
    assert.match(text, /DTSTART:20270426T100000\r\n/);
    const autumn = cycle.calendar(options({ start: date(2027, 10, 18), weeks: 4 }));
    assert.match(autumn, /DTSTART:20271018T100000\r\n/);
    assert.match(autumn, /DTSTART:20271115T100000\r\n/);
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
});

test("floating local date-times, running into the next day past midnight; DTSTAMP in UTC", () => {
  assert.equal(cycle.localStamp(date(2027, 1, 12), 600), "20270112T100000");
  assert.equal(cycle.localStamp(date(2027, 12, 31), 23 * 60 + 30 + 60), "20280101T003000");
  assert.equal(cycle.utcStamp(new Date(Date.UTC(2026, 11, 3, 9, 5, 7))), "20261203T090507Z");
});

test("TEXT values escape backslash, semicolon, comma and every kind of line break", () => {
  assert.equal(cycle.escapeText("a\\b;c,d\ne\r\nf\rg"), "a\\\\b\\;c\\,d\\ne\\nf\\ng");
  assert.equal(cycle.escapeText("Plain: words"), "Plain: words");
});

test("folding keeps every line to 75 octets and never cuts a character, and unfolds to the line", () => {
  const lines = [
    "SUMMARY:" + "a".repeat(200),
    "SUMMARY:" + "é".repeat(100),
    "DESCRIPTION:" + "Réunion ☕ 😀 ".repeat(20),
    "X:" + "😀".repeat(40),
    "SHORT:line"
  ];
  for (const line of lines) {
    const folded = cycle.fold(line);
    const parts = folded.split("\r\n");
    for (const [index, part] of parts.entries()) {
      assert.ok(octets(part) <= 75, `${octets(part)} octets: ${part}`);
      if (index > 0) assert.equal(part[0], " ");
      assert.doesNotMatch(part, /\uFFFD/);
      assert.equal(Buffer.from(part, "utf8").toString("utf8"), part, "whole characters only");
    }
    if (octets(line) > 75) assert.ok(parts.length > 1);
    assert.equal(unfold(folded), line);
  }
  assert.equal(cycle.fold("SHORT:line"), "SHORT:line");
  /* Lines are filled: a 75-octet line stays whole, 76 octets fold after 75. */
  assert.equal(cycle.fold("X:" + "a".repeat(73)).split("\r\n").length, 1);
  assert.deepEqual(cycle.fold("X:" + "a".repeat(74)).split("\r\n").map(octets), [75, 2]);
  /* A two-octet character that would end at octet 76 starts the next line. */
  assert.deepEqual(cycle.fold("X:" + "a".repeat(72) + "éé").split("\r\n").map(octets), [74, 5]);
});

test("{name} placeholders are filled, and unknown ones left as they are", () => {
  assert.equal(cycle.fill("From {first} to {last} ({other})", { first: "1", last: "2" }), "From 1 to 2 ({other})");
});

test("links resolve against the site's address, or where the site's root is on files", () => {
  assert.equal(cycle.link("programme/set-meeting-1.html", "https://example.org/pack/"), "https://example.org/pack/programme/set-meeting-1.html");
  assert.equal(cycle.link("programme/set-meeting-1.html", "file:///home/me/site/programme/../"), "file:///home/me/site/programme/set-meeting-1.html");
});

test("each meeting is an event at the rhythm, with its own length, link and a stable UID", () => {
  const made = cycle.events(options());
  assert.deepEqual(
    made.map((event) => [event.title, event.start, event.end, event.url]),
    [
      ["First meeting", "20270112T100000", "20270112T133000", "https://example.org/pack/programme/first.html"],
      ["Second meeting", "20270209T100000", "20270209T113000", "https://example.org/pack/programme/second.html"]
    ]
  );
  assert.deepEqual(made.map((event) => event.uid), ["first-20270112T1000@example.org", "second-20270112T1000@example.org"]);
  assert.equal(made[1].description, "The plan for this meeting: https://example.org/pack/programme/second.html\nAnother way to run it (Second meeting on Teams): https://example.org/pack/programme/second-online.html");
  /* The same cycle gives the same UIDs, whatever the rhythm; another start gives others. */
  assert.deepEqual(cycle.events(options({ weeks: 6, now: new Date() })).map((event) => event.uid), made.map((event) => event.uid));
  assert.notDeepEqual(cycle.events(options({ start: date(2027, 1, 19) })).map((event) => event.uid), made.map((event) => event.uid));
});

test("the page's data and the reader's choices make the options; a site address wins over the page's place", () => {
  const data = { meetings: [], siteUrl: null, uidDomain: "d", prodid: "p", calendarName: "c", strings: { description: "x" } };
  const chosen = { start: date(2027, 1, 12), weeks: 5, time: 570, now: new Date(0), base: "file:///site/" };
  assert.deepEqual(cycle.fromPage(data, chosen), {
    meetings: [], start: chosen.start, weeks: 5, time: 570, now: chosen.now, base: "file:///site/",
    uidDomain: "d", prodid: "p", calendarName: "c", strings: data.strings
  });
  assert.equal(cycle.fromPage(Object.assign({}, data, { siteUrl: "https://example.org/" }), chosen).base, "https://example.org/");
});

test("the calendar file: CRLF only, one VCALENDAR with VERSION and PRODID, escaped and folded", () => {
  const text = cycle.calendar(
    options({ prodid: "-//Example, Ltd; and \\ Co//Pack//EN", meetings: [{ id: "m", title: "Café, tea; and \\ talk\nnow", minutes: 60, path: "m.html" }] })
  );
  assert.ok(text.endsWith("\r\n"));
  assert.doesNotMatch(text.replace(/\r\n/g, ""), /[\r\n]/);
  for (const line of text.split("\r\n")) assert.ok(octets(line) <= 75, line);
  const lines = unfold(text).split("\r\n");
  assert.deepEqual(lines.slice(0, 5), [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Example\\, Ltd\\; and \\\\ Co//Pack//EN",
    "CALSCALE:GREGORIAN",
    "X-WR-CALNAME:Example Pack: meetings of the set"
  ]);
  assert.deepEqual(lines.slice(5, -2), [
    "BEGIN:VEVENT",
    "UID:m-20270112T1000@example.org",
    "DTSTAMP:20261203T090507Z",
    "DTSTART:20270112T100000",
    "DTEND:20270112T110000",
    "SUMMARY:Café\\, tea\\; and \\\\ talk\\nnow",
    "DESCRIPTION:The plan for this meeting: https://example.org/pack/m.html",
    "URL:https://example.org/pack/m.html",
    "END:VEVENT"
  ]);
  assert.equal(lines[lines.length - 2], "END:VCALENDAR");
  assert.equal(text.match(/BEGIN:VEVENT/g).length, 1);
});

test("in the browser it sets window.alp.calendarCycle, without module or document, in ES5", () => {
  const source = fs.readFileSync(path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "calendar-cycle.js"), "utf8");
  const window = { URL: URL };
  window.window = window;
  vm.runInContext(source, vm.createContext(window), { filename: "calendar-cycle.js" });
  assert.deepEqual(Object.keys(window.alp), ["calendarCycle"]);
  assert.equal(window.alp.calendarCycle.isoDate(window.alp.calendarCycle.addDays(date(2027, 1, 31), 28)), "2027-02-28");
});
