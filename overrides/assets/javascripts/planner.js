/* The session planner (macros/components/session_planner): the page.
   Reads api/pack.json (api/pack.js from files), keeps the plan in the
   address and in localStorage, and sends nothing anywhere. Text from data
   is set with textContent, never parsed as HTML. The plan, its time and
   the card filters, the checklist and the agenda's timeline are pure
   functions in plan-state.js, plan-time.js, card-filter.js, plan-print.js
   and timeline.js; this file draws and
   handles events. A change that drops work (a new session plan, starting
   again, removing an item) offers Undo and is a new entry in the browser's
   history, so Back brings the plan before it back. */
(function () {
  "use strict";

  var root = document.querySelector("[data-alp-planner]");
  if (!root) return;

  var STORE = "alp-planner-v1";
  var planTime = window.alp.planTime;
  var planState = window.alp.planState;
  var cardFilter = window.alp.cardFilter;
  var planPrint = window.alp.planPrint;
  var timeline = window.alp.timeline;
  /* pack.json, its catalogue, the plan (replaced, never changed in place),
     and the plan Undo brings back. */
  var data, pack, plan, before;
  var push = false;
  /* The item and minutes of the minutes box that has the focus, as they were when it took it. */
  var held = null;
  var lastFilter = null;
  var dragged = null;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function $(selector) {
    return root.querySelector(selector);
  }

  function t(key, values) {
    var text = data.strings[key] || key;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(values[name]));
    });
    return text;
  }

  function titleOf(item) {
    return planState.titleOf(item, pack);
  }

  /* ---- Keeping the plan: address and storage ---- */

  function save() {
    var encoded = planState.encode(plan, pack);
    try {
      if (push) window.history.pushState(null, "", "#" + encoded);
      else window.history.replaceState(null, "", "#" + encoded);
    } catch (error) {
      /* Some file:// pages refuse replaceState; the storage still keeps the plan. */
    }
    push = false;
    if ($("[data-alp-run-link]")) $("[data-alp-run-link]").hash = encoded;
    try {
      window.localStorage.setItem(STORE, encoded);
    } catch (error) {
      /* Storage may be off; the address still holds the plan. */
    }
  }

  function restore() {
    var fromAddress = planState.decode(window.location.hash.slice(1), pack);
    if (fromAddress) return fromAddress;
    try {
      return planState.decode(window.localStorage.getItem(STORE) || "", pack);
    } catch (error) {
      return null;
    }
  }

  /* ---- Drawing ---- */

  function announce(message) {
    var region = $("[data-alp-announce]");
    region.textContent = "";
    window.setTimeout(function () {
      region.textContent = message;
    }, 50);
  }

  /* How the plan fits the meeting, in words; .over when it over-runs. */
  function fit() {
    var summary = planTime.summary(plan.start, plan.items, plan.length);
    return { text: t(summary.key, summary.values), over: summary.over };
  }

  function span(slot) {
    return planTime.toClock(slot.start) + "–" + planTime.toClock(slot.end);
  }

  function drawTimes() {
    var slots = planTime.schedule(plan.start, plan.items);
    root.querySelectorAll("[data-alp-items] > li").forEach(function (row, index) {
      row.querySelector(".alp-planner__time").textContent = span(slots[index]);
    });
    var line = $("[data-alp-summary]");
    var summary = fit();
    if (line.textContent !== summary.text) line.textContent = summary.text;
    line.classList.toggle("alp-planner__summary--over", summary.over);
    $("[data-alp-empty]").hidden = plan.items.length > 0;
    $("[data-alp-undo]").hidden = true;
    drawPrint();
    save();
  }

  /* The names of a row's controls: by title and position, so no two are alike. */
  function label(row, index) {
    var item = plan.items[index];
    var card = item.card && pack.cards[item.card];
    var values = { title: titleOf(item) || t("planner.untitled"), position: index + 1, card: card ? card.title : "" };
    row.querySelectorAll("[data-label]").forEach(function (node) {
      var text = t("planner." + node.dataset.label, values);
      if (node.tagName === "LABEL") node.textContent = text;
      else node.setAttribute("aria-label", text);
    });
  }

  /* The row's note: why the minutes were refused (``refused``), or the card's range when outside it. */
  function note(row, index, refused) {
    var item = plan.items[index];
    var range = planState.suggestion(item, pack);
    var line = row.querySelector(".alp-planner__note");
    var field = row.querySelector(".alp-planner__minutes");
    line.textContent = refused
      ? t("planner.minutes_refused", { max: planState.allowed(plan, pack).max, minutes: item.minutes })
      : range ? t("planner.minutes_suggested", { min: range.min, max: range.max }) : "";
    line.hidden = !line.textContent;
    if (refused) field.setAttribute("aria-invalid", "true");
    else field.removeAttribute("aria-invalid");
  }

  function drawItems(focus) {
    var list = $("[data-alp-items]");
    var bounds = planState.allowed(plan, pack);
    $("#planner-own-minutes").max = bounds.max;
    list.textContent = "";
    plan.items.forEach(function (item, index) {
      var card = item.card && pack.cards[item.card];
      var id = "planner-item-" + index;
      var row = el("li", { class: "alp-planner__item", draggable: "true", "data-index": index });
      row.appendChild(el("span", { class: "alp-planner__time" }));
      var name = row.appendChild(el("span", { class: "alp-planner__name" }));
      name.appendChild(el("label", { class: "alp-visually-hidden", for: id + "-title", "data-label": "item_title" }));
      name.appendChild(el("input", { id: id + "-title", type: "text", autocomplete: "off", class: "alp-planner__title", value: item.title, placeholder: card ? card.title : "", "data-index": index }));
      if (card) {
        name.appendChild(el("a", { class: "alp-planner__card", href: root.dataset.siteRoot + card.url, "data-label": "item_card" }, t("planner.card", { title: card.title })));
      }
      row.appendChild(el("label", { class: "alp-visually-hidden", for: id + "-minutes", "data-label": "item_minutes" }));
      row.appendChild(el("input", {
        id: id + "-minutes", type: "number", inputmode: "numeric", class: "alp-planner__minutes",
        min: bounds.min, max: bounds.max, step: "1", value: item.minutes, "data-index": index, "aria-describedby": id + "-note"
      }));
      row.appendChild(el("span", { class: "alp-planner__unit", "aria-hidden": "true" }, t("planner.minutes_unit")));
      row.appendChild(el("label", { class: "alp-visually-hidden", for: id + "-lead", "data-label": "item_lead" }));
      var lead = el("select", { id: id + "-lead", class: "alp-planner__lead", "data-index": index });
      pack.limits.roles.forEach(function (role) {
        var option = el("option", { value: role }, t("role." + role));
        if (role === item.lead) option.selected = true;
        lead.appendChild(option);
      });
      row.appendChild(lead);
      [["up", "move_up", "up"], ["down", "move_down", "down"], ["remove", "remove", "remove_short"]].forEach(function (names) {
        row.appendChild(el("button", {
          type: "button", class: "alp-planner__button", "data-action": names[0], "data-index": index, "data-label": names[1]
        }, t("planner." + names[2])));
      });
      row.appendChild(el("p", { id: id + "-note", class: "alp-planner__note" }));
      list.appendChild(row);
      label(row, index);
      note(row, index);
    });
    drawTimes();
    if (focus) {
      var within = 'li[data-index="' + focus.index + '"] ';
      var target = list.querySelector(within + (focus.selector || '[data-action="' + focus.action + '"]'));
      if (target) target.focus();
    }
  }

  function drawResults() {
    var filter = cardFilter.fromFields({
      words: $("#planner-search").value,
      stage: $("#planner-stage").value,
      time: $("#planner-time").value,
      size: $("#planner-size").value
    });
    /* A field fires both input and change; redrawing twice would replace a
       button under the pointer between mouse down and up. */
    var key = cardFilter.key(filter);
    if (key === lastFilter) return;
    lastFilter = key;
    var list = $("[data-alp-results]");
    list.textContent = "";
    cardFilter.select(data.cards, filter).forEach(function (card) {
      var row = el("li", { class: "alp-planner__result" });
      var text = el("span", { class: "alp-planner__result-text" });
      text.appendChild(el("strong", {}, card.title));
      text.appendChild(document.createTextNode(" (" + card.duration.min + "–" + card.duration.max + " min). " + card.summary));
      row.appendChild(text);
      row.appendChild(el("button", { type: "button", class: "md-button alp-planner__add", "data-action": "add", "data-card": card.id }, t("planner.add_button", { title: card.title })));
      list.appendChild(row);
    });
  }

  function heading(area, key) {
    area.appendChild(el("h2", { class: "alp-planner__print-title" }, t(key, { title: plan.title || t("planner.title_default") })));
    var begin = planTime.toMinutes(plan.start);
    area.appendChild(el("p", {}, span({ start: begin, end: begin + planTime.total(plan.items) })));
  }

  function listOf(area, key, values, show) {
    if (!values.length) return;
    area.appendChild(el("h3", {}, t("planner." + key)));
    var list = area.appendChild(el("ul"));
    values.forEach(function (value) {
      list.appendChild(show ? show(value) : el("li", {}, value));
    });
  }

  function link(title, url) {
    var row = el("li");
    row.appendChild(el("a", { href: root.dataset.siteRoot + url }, title));
    return row;
  }

  /* The string ``key``.one, .other (and so on) for ``count``, as the language's plural rules say. */
  function plural(key, count) {
    var form = key + "." + new Intl.PluralRules(data.language).select(count);
    return t(data.strings[form] ? form : key + ".other", { count: count });
  }

  /* The timeline.js nodes as SVG elements. */
  function svg(node) {
    var made = document.createElementNS("http://www.w3.org/2000/svg", node.tag);
    Object.keys(node.attrs).forEach(function (name) {
      made.setAttribute(name, node.attrs[name]);
    });
    if (node.text !== null && node.text !== undefined) made.textContent = node.text;
    node.children.forEach(function (child) {
      made.appendChild(svg(child));
    });
    return made;
  }

  /* The agenda as a timeline; an item is a break when its session plan's entry is one. */
  function drawTimeline(area, slots) {
    if (!plan.items.length) return;
    var entries = plan.items.map(function (item, index) {
      var entry = planState.entryOf(item, plan, pack);
      return {
        title: titleOf(item) || t("planner.untitled"), minutes: item.minutes, lead: t("role." + item.lead),
        clock: planTime.toClock(slots[index].start), is_break: !!entry && entry.kind === "break"
      };
    });
    var count = timeline.counts(entries);
    var label = t("timeline.label", {
      items: plural("timeline.items", count.items), minutes: plural("timeline.minutes", count.minutes),
      breaks: count.breaks ? plural("timeline.breaks", count.breaks) : t("timeline.breaks.none")
    });
    /* No legend: a block's number keys to the table's numbered rows, and the sheet stays one page. */
    var tree = timeline.tree(timeline.layout(entries, true), label, null, "planner-timeline-hatch");
    area.appendChild(el("div", { class: "alp-timeline" })).appendChild(svg(tree));
  }

  /* For the room: times, items and who leads them, and nothing else. */
  function drawAgenda(area, slots) {
    heading(area, "planner.agenda_title");
    drawTimeline(area, slots);
    var table = el("table", { class: "alp-planner__agenda" });
    table.appendChild(el("caption", { class: "alp-visually-hidden" }, t("planner.agenda")));
    var head = el("tr");
    ["col_number", "col_time", "col_item", "col_lead"].forEach(function (key) {
      head.appendChild(el("th", { scope: "col" }, t("planner." + key)));
    });
    table.appendChild(el("thead")).appendChild(head);
    var body = table.appendChild(el("tbody"));
    plan.items.forEach(function (item, index) {
      var row = body.appendChild(el("tr"));
      [index + 1, span(slots[index]), titleOf(item), t("role." + item.lead)].forEach(function (value) {
        row.appendChild(el("td", {}, value));
      });
    });
    area.appendChild(table);
  }

  /* For the facilitator: what to bring, do and print, and the notes on each item. */
  function drawChecklist(area, slots) {
    var list = planPrint.checklist(plan, pack);
    heading(area, "planner.checklist_title");
    listOf(area, "materials", list.materials);
    listOf(area, "room", list.room);
    listOf(area, "preparation", list.preparation);
    listOf(area, "to_print", list.documents, function (found) {
      return link(found.title, found.url);
    });
    listOf(area, "handouts", list.handouts, function (card) {
      return link(card.title, card.handout);
    });
    if (!list.notes.length) return;
    area.appendChild(el("h3", {}, t("planner.notes")));
    var notes = area.appendChild(el("dl"));
    list.notes.forEach(function (entry) {
      notes.appendChild(el("dt", {}, span(slots[entry.index]) + " " + titleOf(plan.items[entry.index])));
      notes.appendChild(el("dd", {}, entry.text));
    });
  }

  function drawPrint() {
    var slots = planTime.schedule(plan.start, plan.items);
    [["agenda", drawAgenda], ["checklist", drawChecklist]].forEach(function (part) {
      var area = $('[data-alp-print="' + part[0] + '"]');
      area.textContent = "";
      part[1](area, slots);
    });
  }

  /* ---- Changes ---- */

  /* Buttons, Alt and an arrow key, and dragging all reorder here; ``focus``
     says which control to focus afterwards. */
  function reorder(from, to, focus) {
    var items = planState.move(plan.items, from, to);
    if (!items) return;
    var item = plan.items[from];
    plan = planState.change(plan, { items: items });
    drawItems(focus);
    announce(t("planner.moved", { title: titleOf(item), position: to + 1 }));
  }

  function fields() {
    $("#planner-title").value = plan.title;
    $("#planner-start").value = plan.start;
    $("#planner-length").value = plan.length;
    $("#planner-template").value = plan.template;
  }

  /* A change that drops work: Undo brings back the plan before it, and so does Back. */
  function replace(next, message, focus) {
    before = plan;
    plan = next;
    push = true;
    fields();
    drawItems(focus);
    $("[data-alp-undo-text]").textContent = message;
    $("[data-alp-undo]").hidden = false;
    announce(message + " " + t("planner.undo_hint"));
  }

  function restored(previous) {
    plan = previous;
    fields();
    $("[data-alp-undo]").hidden = true;
    drawItems();
    announce(t("planner.restored"));
  }

  function addOwn() {
    var title = $("#planner-own-title").value.trim();
    var minutes = Number($("#planner-own-minutes").value);
    var bounds = planState.allowed(plan, pack);
    if (!title) return announce(t("planner.own_no_title"));
    if (Math.round(minutes) !== minutes || minutes < bounds.min || minutes > bounds.max) {
      return announce(t("planner.own_minutes", { max: bounds.max }));
    }
    plan = planState.change(plan, { items: plan.items.concat([planState.ownItem(title, minutes, pack)]) });
    $("#planner-own-title").value = "";
    drawItems();
    announce(t("planner.added", { title: title }));
  }

  function onClick(event) {
    var target = event.target.closest("[data-action]");
    if (!target) return;
    var index = Number(target.dataset.index);
    switch (target.dataset.action) {
      case "up":
        return reorder(index, index - 1, { index: index - 1, action: "up" });
      case "down":
        return reorder(index, index + 1, { index: index + 1, action: "down" });
      case "remove": {
        var removed = titleOf(plan.items[index]);
        replace(planState.change(plan, { items: planState.removeAt(plan.items, index) }), t("planner.removed", { title: removed }),
          { index: Math.min(index, plan.items.length - 2), action: "remove" });
        if (!plan.items.length) $("[data-action=undo]").focus();
        return;
      }
      case "add":
        plan = planState.change(plan, { items: plan.items.concat([planState.cardItem(target.dataset.card, pack)]) });
        drawItems();
        return announce(t("planner.added", { title: pack.cards[target.dataset.card].title }));
      case "add-own":
        return addOwn();
      case "use-template": {
        var next = planState.useSession(plan, $("#planner-template").value, pack);
        if (next === plan) return;
        return plan.items.length ? replace(next, t("planner.replaced", { title: next.title })) : (plan = next, fields(), drawItems());
      }
      case "undo":
        return before && restored(before);
      case "print":
        drawPrint();
        document.documentElement.setAttribute("data-alp-print", target.dataset.print);
        return window.print();
      case "copy":
        save();
        if (navigator.clipboard && window.isSecureContext) {
          return navigator.clipboard.writeText(window.location.href).then(function () {
            announce(t("planner.copied"));
          }, function () {
            announce(t("planner.copy_failed", { url: window.location.href }));
          });
        }
        return announce(t("planner.copy_failed", { url: window.location.href }));
      case "clear":
        if (!plan.items.length) return;
        replace(planState.change(plan, { items: [], template: "" }), t("planner.cleared"));
        return $("[data-action=undo]").focus();
    }
  }

  function onInput(event) {
    var target = event.target;
    var index = Number(target.dataset.index);
    var row = target.closest("[data-alp-items] > li");
    if (target.classList.contains("alp-planner__minutes")) {
      var next = planState.setMinutes(plan, index, Number(target.value), pack);
      var taken = next !== plan;
      /* Refused on leaving the box: back to the minutes it had when it took the focus. */
      if (!taken && event.type === "change" && held && held.index === index) next = planState.setMinutes(plan, index, held.minutes, pack);
      plan = next;
      if (taken || event.type === "change") drawTimes();
      /* While typing, a value on its way to a good one is left alone; on leaving the box, it is refused out loud. */
      if (taken || event.type === "change") note(row, index, !taken && target.value !== String(plan.items[index].minutes));
    } else if (target.classList.contains("alp-planner__title")) {
      plan = planState.rename(plan, index, target.value);
      label(row, index);
      drawTimes();
    } else if (target.classList.contains("alp-planner__lead")) {
      plan = planState.setLead(plan, index, target.value);
      drawTimes();
    } else if (target.id === "planner-title") {
      plan = planState.change(plan, { title: target.value });
      drawTimes();
    } else if (target.id === "planner-start" && planTime.isClock(target.value)) {
      plan = planState.change(plan, { start: target.value });
      drawTimes();
    } else if (target.id === "planner-length" && Number(target.value) >= pack.limits.meeting_minutes.min) {
      plan = planState.change(plan, { length: planTime.clamp(Number(target.value), pack.limits.meeting_minutes) });
      drawItems();
    } else if (["planner-search", "planner-stage", "planner-time", "planner-size"].indexOf(target.id) >= 0) {
      drawResults();
    }
  }

  function onKey(event) {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    var row = event.target.closest("[data-alp-items] > li");
    if (!row) return;
    event.preventDefault();
    var control = event.target.matches("[data-action]") ? event.target.dataset.action : null;
    var index = Number(row.dataset.index);
    var to = index + (event.key === "ArrowUp" ? -1 : 1);
    var field = "." + event.target.classList[0];
    reorder(index, to, control ? { index: to, action: control } : { index: to, selector: field });
  }

  /* Dragging is an extra: everything it does, the buttons and keys do too. */
  function onDrag(event) {
    var row = event.target.closest && event.target.closest("[data-alp-items] > li");
    if (event.type === "dragstart" && row) {
      dragged = Number(row.dataset.index);
      event.dataTransfer.effectAllowed = "move";
    } else if (event.type === "dragover" && row && dragged !== null) {
      event.preventDefault();
    } else if (event.type === "drop" && row && dragged !== null) {
      event.preventDefault();
      var from = dragged;
      dragged = null;
      reorder(from, Number(row.dataset.index));
    }
  }

  function start(json) {
    data = json;
    pack = planState.catalogue(data);
    plan = restore() || planState.blank(t("planner.title_default"));
    fields();
    window.addEventListener("popstate", function () {
      var previous = planState.decode(window.location.hash.slice(1), pack);
      if (previous) restored(previous);
    });
    window.addEventListener("afterprint", function () {
      document.documentElement.removeAttribute("data-alp-print");
    });
    root.addEventListener("click", onClick);
    root.addEventListener("input", onInput);
    root.addEventListener("change", onInput);
    root.addEventListener("keydown", onKey);
    root.addEventListener("focusin", function (event) {
      var index = Number(event.target.dataset.index);
      held = event.target.classList.contains("alp-planner__minutes") ? { index: index, minutes: plan.items[index].minutes } : null;
    });
    ["dragstart", "dragover", "drop"].forEach(function (type) {
      root.addEventListener(type, onDrag);
    });
    $("[data-alp-planner-nojs]").hidden = true;
    $("[data-alp-planner-app]").hidden = false;
    drawResults();
    drawItems();
    root.setAttribute("data-ready", "true");
  }

  window.alp.packData.load(root).then(start, function () {
    $("[data-alp-planner-nojs]").hidden = false;
  });
})();
