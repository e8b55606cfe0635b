/* The programme page's calendar form: reads the form, checks it, and hands
   the file that calendar-cycle.js makes to the browser as a download. The
   meetings come from the page itself (a JSON block the build wrote), so
   nothing is fetched and it works from files too. */
(function () {
  "use strict";
  var box = document.querySelector("[data-alp-calendar]");
  var cycle = window.alp && window.alp.calendarCycle;
  if (!box || !cycle) return;
  var form = box.querySelector("[data-alp-calendar-form]");
  var data = JSON.parse(box.querySelector("[data-alp-calendar-data]").textContent);
  var status = box.querySelector("[data-alp-calendar-status]");
  var fields = { start: form.elements.start, time: form.elements.time };
  var messages = { start: data.strings.errorStart, time: data.strings.errorTime };

  /* Show or clear a field's error, in words beside it and to assistive technology. */
  function mark(name, wrong) {
    var field = fields[name];
    var error = box.querySelector('[data-alp-calendar-error="' + name + '"]');
    error.textContent = wrong ? messages[name] : "";
    error.hidden = !wrong;
    if (wrong) {
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", error.id);
    } else {
      field.removeAttribute("aria-invalid");
      field.removeAttribute("aria-describedby");
    }
  }

  function rhythm() {
    var chosen = form.querySelector('input[name="rhythm"]:checked');
    return chosen ? Number(chosen.value) : data.rhythms[0];
  }

  function spoken(date) {
    return new Date(Date.UTC(date.year, date.month - 1, date.day)).toLocaleDateString(data.locale, {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC"
    });
  }

  function download(text) {
    var url = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
    var anchor = document.createElement("a");
    anchor.href = url;
    anchor.download = data.strings.file + ".ics";
    anchor.hidden = true;
    document.body.appendChild(anchor);
    anchor.click();
    document.body.removeChild(anchor);
    /* Freed later, not at once: some browsers read the file after click() returns. */
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 60000);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var start = cycle.parseDate(fields.start.value);
    var time = cycle.parseTime(fields.time.value);
    mark("start", !start);
    mark("time", time === null);
    status.textContent = "";
    if (!start || time === null) {
      (start ? fields.time : fields.start).focus();
      return;
    }
    var options = cycle.fromPage(data, {
      start: start,
      weeks: rhythm(),
      time: time,
      now: new Date(),
      base: new URL(box.getAttribute("data-site-root") || "./", document.baseURI).href
    });
    var made = cycle.events(options);
    download(cycle.calendar(options));
    status.textContent = cycle.fill(data.strings.made, {
      first: spoken(made[0].date),
      last: spoken(made[made.length - 1].date)
    });
  });

  form.hidden = false;
  box.setAttribute("data-ready", "");
})();
