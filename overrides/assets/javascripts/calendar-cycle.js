/* The cycle in a calendar: the meetings' dates at the set's rhythm, and the
   calendar file (RFC 5545) that holds them. Pure functions, tested in
   tests/js/; window.alp.calendarCycle, or module.exports in Node.

   Times are floating local times (RFC 5545, 3.3.5, form 1: no "Z", no
   TZID): a meeting at 10:00 is at 10:00 on the clock in the room, in
   January and in July alike, whatever zone the reader's calendar is set
   to. A set meets in one place (or on Teams from one region), so that is
   the time people mean; it needs no VTIMEZONE to write or keep up to date,
   and it works for a fork in any country. Dates are counted as whole days
   in UTC, so a clock change (such as the UK's in March and October) never
   moves a meeting by an hour or a day. */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else (root.alp = root.alp || {}).calendarCycle = factory();
})(this, function () {
  "use strict";

  var DAY = 86400000;
  var ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
  var UK_DATE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;
  var CLOCK = /^(\d{1,2})[:.](\d{2})(?::(\d{2}))?$/;
  /* A content line's longest, in octets, not counting its CRLF. */
  var LINE_OCTETS = 75;

  function pad(number, width) {
    var text = String(number);
    while (text.length < width) text = "0" + text;
    return text;
  }

  /* {year, month, day} from a whole day count since 1970-01-01 (UTC, so no clock change). */
  function fromDays(days) {
    var date = new Date(days * DAY);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  }

  function toDays(date) {
    return Math.round(Date.UTC(date.year, date.month - 1, date.day) / DAY);
  }

  /* "2027-01-12" (as a date field gives it) or "12/01/2027" (day first, as
     typed where a browser has no date field): {year, month, day}, or null
     for anything that is not a real date. */
  function parseDate(text) {
    var value = String(text == null ? "" : text).trim();
    var parts = ISO_DATE.exec(value);
    var date = parts ? { year: +parts[1], month: +parts[2], day: +parts[3] } : null;
    if (!date) {
      parts = UK_DATE.exec(value);
      date = parts ? { year: +parts[3], month: +parts[2], day: +parts[1] } : null;
    }
    if (!date || date.year < 1900 || date.year > 2999 || date.month < 1 || date.month > 12 || date.day < 1) return null;
    var back = fromDays(toDays(date));
    return back.month === date.month && back.day === date.day ? date : null;
  }

  /* "10:00", "9:30" or "10:00:00": minutes after midnight, or null. */
  function parseTime(text) {
    var parts = CLOCK.exec(String(text == null ? "" : text).trim());
    if (!parts) return null;
    var hours = +parts[1];
    var minutes = +parts[2];
    return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
  }

  function addDays(date, days) {
    return fromDays(toDays(date) + days);
  }

  /* The dates of `count` meetings, the first on `start`, then one every `weeks` weeks. */
  function meetingDates(start, weeks, count) {
    var dates = [];
    for (var index = 0; index < count; index += 1) dates.push(addDays(start, index * weeks * 7));
    return dates;
  }

  /* "2027-01-12", for a date field or a test. */
  function isoDate(date) {
    return pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2);
  }

  /* A floating local DATE-TIME: `minutes` after midnight on `date` (past midnight runs into the next day). */
  function localStamp(date, minutes) {
    var day = addDays(date, Math.floor(minutes / 1440));
    var rest = ((minutes % 1440) + 1440) % 1440;
    return pad(day.year, 4) + pad(day.month, 2) + pad(day.day, 2) + "T" + pad(Math.floor(rest / 60), 2) + pad(rest % 60, 2) + "00";
  }

  /* A moment as a UTC DATE-TIME, as DTSTAMP must be. */
  function utcStamp(moment) {
    return (
      pad(moment.getUTCFullYear(), 4) +
      pad(moment.getUTCMonth() + 1, 2) +
      pad(moment.getUTCDate(), 2) +
      "T" +
      pad(moment.getUTCHours(), 2) +
      pad(moment.getUTCMinutes(), 2) +
      pad(moment.getUTCSeconds(), 2) +
      "Z"
    );
  }

  /* A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks escaped. */
  function escapeText(value) {
    return String(value)
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n");
  }

  /* How many octets a character (one UTF-16 unit, or a surrogate pair) takes in UTF-8. */
  function octets(code) {
    if (code < 0x80) return 1;
    if (code < 0x800) return 2;
    return 3;
  }

  /* A content line folded (RFC 5545, 3.1): no line longer than 75 octets of
     UTF-8, each one after the first starting with a space, and never a
     character cut in two. Lines are joined with CRLF, with none at the end. */
  function fold(line) {
    var lines = [];
    var current = "";
    var size = 0;
    var index = 0;
    while (index < line.length) {
      var code = line.charCodeAt(index);
      var width = 1;
      var bytes = octets(code);
      if (code >= 0xd800 && code <= 0xdbff && index + 1 < line.length) {
        var next = line.charCodeAt(index + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          width = 2;
          bytes = 4;
        }
      }
      if (size + bytes > LINE_OCTETS) {
        lines.push(current);
        current = " ";
        size = 1;
      }
      current += line.substr(index, width);
      size += bytes;
      index += width;
    }
    lines.push(current);
    return lines.join("\r\n");
  }

  function property(name, value) {
    return fold(name + ":" + value);
  }

  /* `template` with each {name} replaced by values[name]. */
  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  /* A plan's address: `path` (from the site's root) resolved against `base`
     (the site's address, or where its root is when opened from files). */
  function link(path, base) {
    return new URL(path, base).href;
  }

  /* Every meeting of the cycle as an event: options are the meetings (id,
     title, minutes, path, alternatives), start ({year, month, day}), weeks,
     time (minutes after midnight), base (for the links), uidDomain and
     strings (description and alternative, with {url} and {title}). */
  function events(options) {
    var dates = meetingDates(options.start, options.weeks, options.meetings.length);
    var cycle = localStamp(options.start, options.time).slice(0, 13);
    return options.meetings.map(function (meeting, index) {
      var url = link(meeting.path, options.base);
      var notes = [fill(options.strings.description, { url: url })];
      (meeting.alternatives || []).forEach(function (other) {
        notes.push(fill(options.strings.alternative, { title: other.title, url: link(other.path, options.base) }));
      });
      return {
        uid: meeting.id + "-" + cycle + "@" + options.uidDomain,
        title: meeting.title,
        date: dates[index],
        start: localStamp(dates[index], options.time),
        end: localStamp(dates[index], options.time + meeting.minutes),
        url: url,
        description: notes.join("\n")
      };
    });
  }

  /* The calendar file's text: options as for events(), with prodid,
     calendarName and now (a Date, for DTSTAMP). */
  function calendar(options) {
    var stamp = utcStamp(options.now);
    var lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      property("PRODID", escapeText(options.prodid)),
      "CALSCALE:GREGORIAN",
      property("X-WR-CALNAME", escapeText(options.calendarName))
    ];
    events(options).forEach(function (event) {
      lines.push(
        "BEGIN:VEVENT",
        property("UID", escapeText(event.uid)),
        "DTSTAMP:" + stamp,
        "DTSTART:" + event.start,
        "DTEND:" + event.end,
        property("SUMMARY", escapeText(event.title)),
        property("DESCRIPTION", escapeText(event.description)),
        property("URL", event.url),
        "END:VEVENT"
      );
    });
    lines.push("END:VCALENDAR");
    return lines.join("\r\n") + "\r\n";
  }

  /* The options for events() and calendar(): the page's data (as the
     programme_calendar component writes it) and what the reader chose
     (start, weeks and time, parsed; now; base, where links resolve). */
  function fromPage(data, chosen) {
    return {
      meetings: data.meetings,
      start: chosen.start,
      weeks: chosen.weeks,
      time: chosen.time,
      now: chosen.now,
      base: data.siteUrl || chosen.base,
      uidDomain: data.uidDomain,
      prodid: data.prodid,
      calendarName: data.calendarName,
      strings: data.strings
    };
  }

  return {
    fromPage: fromPage,
    parseDate: parseDate,
    parseTime: parseTime,
    addDays: addDays,
    meetingDates: meetingDates,
    isoDate: isoDate,
    localStamp: localStamp,
    utcStamp: utcStamp,
    escapeText: escapeText,
    fold: fold,
    fill: fill,
    link: link,
    events: events,
    calendar: calendar
  };
});
