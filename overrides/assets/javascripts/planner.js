/* The session planner (macros/components/session_planner).
   Reads the pack from api/pack.json (api/pack.js when opened from files),
   keeps the plan in the page's address and in localStorage, and never
   sends anything anywhere. Every text from data is set with textContent,
   never parsed as HTML. */
(function () {
  "use strict";

  var root = document.querySelector("[data-alp-planner]");
  if (!root) return;

  var STORE = "alp-planner-v1";
  var ROLES = ["facilitator", "members", "presenter", "sponsor", "everyone"];
  var pack = null;
  var cards = {};
  var sessions = {};
  var state = { title: "", start: "10:00", length: 180, template: "", items: [] };
  var lastFilter = null;

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
    var text = (pack && pack.strings[key]) || key;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(values[name]));
    });
    return text;
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

  /* ---- Time ---- */

  function toMinutes(clock) {
    var parts = /^(\d{1,2}):(\d{2})$/.exec(clock || "");
    return parts ? Number(parts[1]) * 60 + Number(parts[2]) : 600;
  }

  function toClock(minutes) {
    var day = ((minutes % 1440) + 1440) % 1440;
    var hours = Math.floor(day / 60);
    var rest = day % 60;
    return (hours < 10 ? "0" : "") + hours + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function total() {
    return state.items.reduce(function (sum, item) {
      return sum + item.minutes;
    }, 0);
  }

  /* ---- Items ---- */

  function titleOf(item) {
    return item.card && cards[item.card] ? cards[item.card].title : item.title;
  }

  /* An item's minutes stay within its card's range, widened once, when the
     item is made, to take in a session plan's own timing. */
  function range(item) {
    return item.limits || { min: 1, max: 600 };
  }

  function withLimits(item) {
    var card = item.card && cards[item.card];
    item.limits = card
      ? { min: Math.min(card.duration.min, item.minutes), max: Math.max(card.duration.max, item.minutes) }
      : { min: 1, max: 600 };
    return item;
  }

  function clamp(value, limits) {
    return Math.max(limits.min, Math.min(limits.max, Math.round(value) || limits.min));
  }

  function cardItem(id) {
    var card = cards[id];
    var middle = Math.round((card.duration.min + card.duration.max) / 2);
    return withLimits({ card: id, title: "", minutes: middle, lead: "facilitator" });
  }

  /* ---- Keeping the plan: address and storage ---- */

  function encode() {
    var params = new URLSearchParams();
    params.set("t", state.title);
    params.set("s", state.start);
    params.set("l", String(state.length));
    if (state.template) params.set("p", state.template);
    state.items.forEach(function (item) {
      var name = item.card ? item.card : "~" + item.title;
      params.append("i", [name, item.minutes, item.lead].join("*"));
    });
    return params.toString();
  }

  function decode(text) {
    var params = new URLSearchParams(text);
    if (!params.has("l")) return null;
    var items = params.getAll("i").map(function (entry) {
      var parts = entry.split("*");
      var lead = parts.pop();
      var minutes = Number(parts.pop());
      var name = parts.join("*");
      var item = name.charAt(0) === "~"
        ? { card: null, title: name.slice(1), minutes: minutes, lead: lead }
        : { card: name, title: "", minutes: minutes, lead: lead };
      if ((item.card && !cards[item.card]) || !(minutes > 0) || ROLES.indexOf(lead) < 0) return null;
      item.minutes = clamp(minutes, { min: 1, max: 600 });
      return withLimits(item);
    }).filter(Boolean);
    return {
      title: params.get("t") || "",
      start: /^\d{1,2}:\d{2}$/.test(params.get("s") || "") ? params.get("s") : "10:00",
      length: clamp(Number(params.get("l")), { min: 15, max: 600 }),
      template: sessions[params.get("p")] ? params.get("p") : "",
      items: items
    };
  }

  function save() {
    var encoded = encode();
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
    var fromAddress = decode(window.location.hash.slice(1));
    if (fromAddress) return fromAddress;
    try {
      return decode(window.localStorage.getItem(STORE) || "");
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

  function summaryText() {
    var sum = total();
    var end = toClock(toMinutes(state.start) + sum);
    if (sum === state.length) return t("planner.total_exact", { length: state.length, end: end });
    if (sum < state.length) {
      return t("planner.total_fits", { total: sum, length: state.length, spare: state.length - sum, end: end });
    }
    return t("planner.total_over", { total: sum, length: state.length, over: sum - state.length, end: end });
  }

  function drawTimes() {
    var clock = toMinutes(state.start);
    root.querySelectorAll("[data-alp-items] > li").forEach(function (row, index) {
      var item = state.items[index];
      row.querySelector(".alp-planner__time").textContent = toClock(clock) + "–" + toClock(clock + item.minutes);
      clock += item.minutes;
    });
    var summary = $("[data-alp-summary]");
    var text = summaryText();
    if (summary.textContent !== text) summary.textContent = text;
    summary.classList.toggle("alp-planner__summary--over", total() > state.length);
    $("[data-alp-empty]").hidden = state.items.length > 0;
    drawPrint();
    save();
  }

  function button(label, name, action, index) {
    var node = el("button", { type: "button", class: "alp-planner__button", "data-action": action, "data-index": index, "aria-label": label }, name);
    return node;
  }

  function drawItems(focus) {
    var list = $("[data-alp-items]");
    list.textContent = "";
    state.items.forEach(function (item, index) {
      var title = titleOf(item);
      var limits = range(item);
      var row = el("li", { class: "alp-planner__item", draggable: "true", "data-index": index });
      row.appendChild(el("span", { class: "alp-planner__time" }));
      var name = el("span", { class: "alp-planner__name" });
      if (item.card && cards[item.card]) {
        name.appendChild(el("a", { href: root.dataset.siteRoot + cards[item.card].url }, title));
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
      ROLES.forEach(function (role) {
        var option = el("option", { value: role }, t("role." + role));
        if (role === item.lead) option.selected = true;
        lead.appendChild(option);
      });
      row.appendChild(lead);
      row.appendChild(button(t("planner.move_up", { title: title }), t("planner.up"), "up", index));
      row.appendChild(button(t("planner.move_down", { title: title }), t("planner.down"), "down", index));
      row.appendChild(button(t("planner.remove", { title: title }), t("planner.remove_short"), "remove", index));
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
    var words = $("#planner-search").value.trim().toLowerCase();
    var stage = $("#planner-stage").value;
    var time = Number($("#planner-time").value) || 0;
    var size = Number($("#planner-size").value) || 0;
    /* A field fires both input and change; redrawing twice would replace a
       button under the pointer between mouse down and up. */
    var filter = [words, stage, time, size].join("|");
    if (filter === lastFilter) return;
    lastFilter = filter;
    var list = $("[data-alp-results]");
    list.textContent = "";
    pack.cards.forEach(function (card) {
      if (words && (card.title + " " + card.summary).toLowerCase().indexOf(words) < 0) return;
      if (stage && card.stages.indexOf(stage) < 0) return;
      if (time && card.duration.min > time) return;
      if (size && (size < card.group_size.min || size > card.group_size.max)) return;
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
    var start = toMinutes(state.start);
    area.appendChild(el("h2", { class: "alp-planner__print-title" }, state.title || t("planner.title_default")));
    area.appendChild(el("p", {}, toClock(start) + "–" + toClock(start + total()) + ". " + summaryText()));
    var table = el("table", { class: "alp-planner__agenda" });
    table.appendChild(el("caption", {}, t("planner.agenda")));
    var head = el("tr");
    ["col_time", "col_item", "col_lead", "col_minutes"].forEach(function (key) {
      head.appendChild(el("th", { scope: "col" }, t("planner." + key)));
    });
    table.appendChild(el("thead")).appendChild(head);
    var body = table.appendChild(el("tbody"));
    var clock = start;
    var materials = [];
    var tools = [];
    if (state.template && sessions[state.template]) materials = materials.concat(sessions[state.template].materials);
    state.items.forEach(function (item) {
      var row = el("tr");
      row.appendChild(el("td", {}, toClock(clock)));
      row.appendChild(el("td", {}, titleOf(item)));
      row.appendChild(el("td", {}, t("role." + item.lead)));
      row.appendChild(el("td", {}, String(item.minutes)));
      body.appendChild(row);
      clock += item.minutes;
      var card = item.card && cards[item.card];
      if (card && tools.indexOf(card) < 0) {
        tools.push(card);
        materials = materials.concat(card.materials);
      }
    });
    area.appendChild(table);
    materials = materials.filter(function (value, index) {
      return materials.indexOf(value) === index;
    });
    if (materials.length) {
      area.appendChild(el("h3", {}, t("planner.materials")));
      var list = area.appendChild(el("ul"));
      materials.forEach(function (value) {
        list.appendChild(el("li", {}, value));
      });
    }
    if (tools.length) {
      area.appendChild(el("h3", {}, t("planner.about_tools")));
      var about = area.appendChild(el("dl"));
      tools.forEach(function (card) {
        about.appendChild(el("dt", {}, card.title));
        about.appendChild(el("dd", {}, card.summary));
      });
    }
  }

  /* ---- Changes ---- */

  function move(index, step, action) {
    var target = index + step;
    if (target < 0 || target >= state.items.length) return;
    var item = state.items.splice(index, 1)[0];
    state.items.splice(target, 0, item);
    drawItems({ index: target, action: action });
    announce(t("planner.moved", { title: titleOf(item), position: target + 1 }));
  }

  function useTemplate(id) {
    var session = sessions[id];
    if (!session) return;
    state.template = id;
    state.title = session.title;
    state.length = session.length;
    state.items = session.agenda.map(function (entry) {
      return withLimits({ card: entry.card && cards[entry.card] ? entry.card : null, title: entry.title, minutes: entry.minutes, lead: entry.lead });
    });
    $("#planner-title").value = state.title;
    $("#planner-length").value = state.length;
    drawItems();
  }

  function onClick(event) {
    var target = event.target.closest("[data-action]");
    if (!target) return;
    var index = Number(target.dataset.index);
    switch (target.dataset.action) {
      case "up":
        return move(index, -1, "up");
      case "down":
        return move(index, 1, "down");
      case "remove": {
        var removed = state.items.splice(index, 1)[0];
        drawItems({ index: Math.min(index, state.items.length - 1), action: "remove" });
        if (!state.items.length) $("#planner-search").focus();
        return announce(t("planner.removed", { title: titleOf(removed) }));
      }
      case "add":
        state.items.push(cardItem(target.dataset.card));
        drawItems();
        return announce(t("planner.added", { title: cards[target.dataset.card].title }));
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
        state.items = [];
        state.template = "";
        drawItems();
        return announce(t("planner.cleared"));
    }
  }

  function onInput(event) {
    var target = event.target;
    if (target.classList.contains("alp-planner__minutes")) {
      var item = state.items[Number(target.dataset.index)];
      var value = Number(target.value);
      if (value > 0) {
        item.minutes = clamp(value, range(item));
        drawTimes();
      }
      if (event.type === "change") target.value = item.minutes; /* show what the plan uses */
    } else if (target.classList.contains("alp-planner__lead")) {
      state.items[Number(target.dataset.index)].lead = target.value;
      drawTimes();
    } else if (target.id === "planner-title") {
      state.title = target.value;
      drawTimes();
    } else if (target.id === "planner-start" && /^\d{1,2}:\d{2}$/.test(target.value)) {
      state.start = target.value;
      drawTimes();
    } else if (target.id === "planner-length" && Number(target.value) >= 15) {
      state.length = clamp(Number(target.value), { min: 15, max: 600 });
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
    var step = event.key === "ArrowUp" ? -1 : 1;
    var selector = control ? null : (event.target.classList.contains("alp-planner__lead") ? ".alp-planner__lead" : ".alp-planner__minutes");
    var target = index + step;
    if (target < 0 || target >= state.items.length) return;
    var item = state.items.splice(index, 1)[0];
    state.items.splice(target, 0, item);
    drawItems(control ? { index: target, action: control } : { index: target, selector: selector });
    if (!control) {
      var field = root.querySelector('[data-alp-items] > li[data-index="' + target + '"] ' + selector);
      if (field) field.focus();
    }
    announce(t("planner.moved", { title: titleOf(item), position: target + 1 }));
  }

  /* Dragging is an extra: everything it does, the buttons and keys do too. */
  var dragged = null;

  function onDrag(event) {
    var row = event.target.closest && event.target.closest("[data-alp-items] > li");
    if (event.type === "dragstart" && row) {
      dragged = Number(row.dataset.index);
      event.dataTransfer.effectAllowed = "move";
    } else if (event.type === "dragover" && row && dragged !== null) {
      event.preventDefault();
    } else if (event.type === "drop" && row && dragged !== null) {
      event.preventDefault();
      var target = Number(row.dataset.index);
      var item = state.items.splice(dragged, 1)[0];
      state.items.splice(target, 0, item);
      dragged = null;
      drawItems();
      announce(t("planner.moved", { title: titleOf(item), position: target + 1 }));
    }
  }

  function start(data) {
    pack = data;
    pack.cards.forEach(function (card) {
      cards[card.id] = card;
    });
    pack.sessions.forEach(function (session) {
      sessions[session.id] = session;
    });
    var saved = restore();
    state.title = t("planner.title_default");
    if (saved) state = saved;
    $("#planner-title").value = state.title;
    $("#planner-start").value = state.start;
    $("#planner-length").value = state.length;
    $("#planner-template").value = state.template;
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
