/* The session planner (macros/components/session_planner): the page.
   Reads api/pack.json (api/pack.js from files), keeps the plan in the
   address and in localStorage, and sends nothing anywhere. Text from data
   is set with textContent, never parsed as HTML. The plan, its time and
   the card filters are pure functions in plan-state.js, plan-time.js and
   card-filter.js; this file draws and handles events. */
(function () {
  "use strict";

  var root = document.querySelector("[data-alp-planner]");
  if (!root) return;

  var STORE = "alp-planner-v1";
  var planTime = window.alp.planTime;
  var planState = window.alp.planState;
  var cardFilter = window.alp.cardFilter;
  /* pack.json, its catalogue, and the plan (replaced, never changed in place). */
  var data, pack, plan;
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

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      var script = el("script", { src: url });
      script.onload = function () {
        resolve(window.__alpPack);
      };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function loadPack() {
    if (window.location.protocol === "file:") return loadScript(root.dataset.packScript);
    return fetch(root.dataset.pack).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).catch(function () {
      return loadScript(root.dataset.packScript);
    });
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
    var encoded = planState.encode(plan);
    try {
      window.history.replaceState(null, "", "#" + encoded);
    } catch (error) {
      /* Some file:// pages refuse replaceState; the storage still keeps the plan. */
    }
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
    drawPrint();
    save();
  }

  function drawItems(focus) {
    var list = $("[data-alp-items]");
    list.textContent = "";
    plan.items.forEach(function (item, index) {
      var title = titleOf(item);
      var limits = planState.rangeOf(item, pack);
      var card = item.card && pack.cards[item.card];
      var row = el("li", { class: "alp-planner__item", draggable: "true", "data-index": index });
      row.appendChild(el("span", { class: "alp-planner__time" }));
      var name = el("span", { class: "alp-planner__name" });
      if (card) {
        name.appendChild(el("a", { href: root.dataset.siteRoot + card.url }, title));
      } else {
        name.textContent = title;
      }
      row.appendChild(name);
      var minutesId = "planner-item-" + index + "-minutes";
      row.appendChild(el("label", { class: "alp-visually-hidden", for: minutesId }, t("planner.item_minutes", { title: title })));
      row.appendChild(el("input", {
        id: minutesId, type: "number", inputmode: "numeric", class: "alp-planner__minutes",
        min: limits.min, max: limits.max, step: "1", value: item.minutes, "data-index": index
      }));
      row.appendChild(el("span", { class: "alp-planner__unit", "aria-hidden": "true" }, t("planner.minutes_unit")));
      var leadId = "planner-item-" + index + "-lead";
      row.appendChild(el("label", { class: "alp-visually-hidden", for: leadId }, t("planner.item_lead", { title: title })));
      var lead = el("select", { id: leadId, class: "alp-planner__lead", "data-index": index });
      pack.limits.roles.forEach(function (role) {
        var option = el("option", { value: role }, t("role." + role));
        if (role === item.lead) option.selected = true;
        lead.appendChild(option);
      });
      row.appendChild(lead);
      [["up", "move_up", "up"], ["down", "move_down", "down"], ["remove", "remove", "remove_short"]].forEach(function (names) {
        row.appendChild(el("button", {
          type: "button", class: "alp-planner__button", "data-action": names[0], "data-index": index,
          "aria-label": t("planner." + names[1], { title: title })
        }, t("planner." + names[2])));
      });
      list.appendChild(row);
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

  function drawPrint() {
    var area = $("[data-alp-print]");
    area.textContent = "";
    var slots = planTime.schedule(plan.start, plan.items);
    var start = planTime.toMinutes(plan.start);
    var whole = { start: start, end: start + planTime.total(plan.items) };
    area.appendChild(el("h2", { class: "alp-planner__print-title" }, plan.title || t("planner.title_default")));
    area.appendChild(el("p", {}, span(whole) + ". " + fit().text));
    var table = el("table", { class: "alp-planner__agenda" });
    table.appendChild(el("caption", {}, t("planner.agenda")));
    var head = el("tr");
    ["col_time", "col_item", "col_lead", "col_minutes"].forEach(function (key) {
      head.appendChild(el("th", { scope: "col" }, t("planner." + key)));
    });
    table.appendChild(el("thead")).appendChild(head);
    var body = table.appendChild(el("tbody"));
    plan.items.forEach(function (item, index) {
      var row = el("tr");
      row.appendChild(el("td", {}, planTime.toClock(slots[index].start)));
      row.appendChild(el("td", {}, titleOf(item)));
      row.appendChild(el("td", {}, t("role." + item.lead)));
      row.appendChild(el("td", {}, String(item.minutes)));
      body.appendChild(row);
    });
    area.appendChild(table);
    var used = planState.materials(plan, pack);
    if (used.materials.length) {
      area.appendChild(el("h3", {}, t("planner.materials")));
      var list = area.appendChild(el("ul"));
      used.materials.forEach(function (value) {
        list.appendChild(el("li", {}, value));
      });
    }
    if (used.tools.length) {
      area.appendChild(el("h3", {}, t("planner.about_tools")));
      var about = area.appendChild(el("dl"));
      used.tools.forEach(function (card) {
        about.appendChild(el("dt", {}, card.title));
        about.appendChild(el("dd", {}, card.summary));
      });
    }
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

  function useTemplate(id) {
    var next = planState.useSession(plan, id, pack);
    if (next === plan) return;
    plan = next;
    $("#planner-title").value = plan.title;
    $("#planner-length").value = plan.length;
    drawItems();
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
        var removed = plan.items[index];
        plan = planState.change(plan, { items: planState.removeAt(plan.items, index) });
        drawItems({ index: Math.min(index, plan.items.length - 1), action: "remove" });
        if (!plan.items.length) $("#planner-search").focus();
        return announce(t("planner.removed", { title: titleOf(removed) }));
      }
      case "add":
        plan = planState.change(plan, { items: plan.items.concat([planState.cardItem(target.dataset.card, pack)]) });
        drawItems();
        return announce(t("planner.added", { title: pack.cards[target.dataset.card].title }));
      case "use-template":
        return useTemplate($("#planner-template").value);
      case "print":
        drawPrint();
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
        plan = planState.change(plan, { items: [], template: "" });
        drawItems();
        return announce(t("planner.cleared"));
    }
  }

  function onInput(event) {
    var target = event.target;
    var index = Number(target.dataset.index);
    if (target.classList.contains("alp-planner__minutes")) {
      var value = Number(target.value);
      plan = planState.setMinutes(plan, index, value, pack);
      if (value > 0) drawTimes();
      if (event.type === "change") target.value = plan.items[index].minutes; /* show what the plan uses */
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
      drawTimes();
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
    var field = event.target.classList.contains("alp-planner__lead") ? ".alp-planner__lead" : ".alp-planner__minutes";
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
    $("#planner-title").value = plan.title;
    $("#planner-start").value = plan.start;
    $("#planner-length").value = plan.length;
    $("#planner-template").value = plan.template;
    root.addEventListener("click", onClick);
    root.addEventListener("input", onInput);
    root.addEventListener("change", onInput);
    root.addEventListener("keydown", onKey);
    ["dragstart", "dragover", "drop"].forEach(function (type) {
      root.addEventListener(type, onDrag);
    });
    $("[data-alp-planner-nojs]").hidden = true;
    $("[data-alp-planner-app]").hidden = false;
    drawResults();
    drawItems();
    root.setAttribute("data-ready", "true");
  }

  loadPack().then(start, function () {
    $("[data-alp-planner-nojs]").hidden = false;
  });
})();
