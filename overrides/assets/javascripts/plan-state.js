/* The planner's plan and its text in the address. Pure functions (changes
   return a new plan or list), tested in tests/js/; window.alp.planState,
   or module.exports in Node. ``pack`` is catalogue(pack.json): cards and
   sessions by id, and limits (item and meeting minutes, roles). */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory(require("./plan-time.js"));
  else if (!root.alp || !root.alp.planTime) throw new Error("plan-state.js needs plan-time.js, loaded before it");
  else root.alp.planState = factory(root.alp.planTime);
})(this, function (time) {
  "use strict";

  function byId(list) {
    var found = {};
    list.forEach(function (entry) {
      found[entry.id] = entry;
    });
    return found;
  }

  function catalogue(data) {
    return { cards: byId(data.cards), sessions: byId(data.sessions), limits: data.limits };
  }

  /* As the page's fields show it before anything is chosen. */
  function blank(title) {
    return { title: title || "", start: "10:00", length: 180, template: "", items: [] };
  }

  /* A copy of ``plan`` with the fields in ``changes``. */
  function change(plan, changes) {
    var copy = {};
    [plan, changes].forEach(function (from) {
      Object.keys(from).forEach(function (name) {
        copy[name] = from[name];
      });
    });
    return copy;
  }

  function cardOf(item, pack) {
    return (item.card && pack.cards[item.card]) || null;
  }

  function titleOf(item, pack) {
    var card = cardOf(item, pack);
    return card ? card.title : item.title;
  }

  /* An item's minutes: its card's range, widened when it is made to take in
     its own minutes; any item's minutes without a card. */
  function rangeOf(item, pack) {
    return item.limits || pack.limits.minutes;
  }

  function withLimits(item, pack) {
    var card = cardOf(item, pack);
    var any = pack.limits.minutes;
    return change(item, {
      limits: card
        ? { min: Math.min(card.duration.min, item.minutes), max: Math.max(card.duration.max, item.minutes) }
        : { min: any.min, max: any.max }
    });
  }

  /* The middle of the card's time, led by the first role (the facilitator). */
  function cardItem(id, pack) {
    var card = pack.cards[id];
    var middle = Math.round((card.duration.min + card.duration.max) / 2);
    return withLimits({ card: id, title: "", minutes: middle, lead: pack.limits.roles[0] }, pack);
  }

  function setItem(plan, index, changes) {
    var items = plan.items.slice();
    items[index] = change(items[index], changes);
    return change(plan, { items: items });
  }

  /* Within the item's range, which stays as made; no change unless above zero. */
  function setMinutes(plan, index, minutes, pack) {
    if (!(minutes > 0)) return plan;
    var limits = rangeOf(plan.items[index], pack);
    return setItem(plan, index, { minutes: time.clamp(minutes, limits), limits: limits });
  }

  function setLead(plan, index, lead) {
    return setItem(plan, index, { lead: lead });
  }

  /* The session plan's title, length and items; the start time stays. */
  function useSession(plan, id, pack) {
    var session = pack.sessions[id];
    if (!session) return plan;
    return change(plan, {
      template: id,
      title: session.title,
      length: session.length,
      items: session.agenda.map(function (entry) {
        var card = entry.card && pack.cards[entry.card] ? entry.card : null;
        return withLimits({ card: card, title: entry.title, minutes: entry.minutes, lead: entry.lead }, pack);
      })
    });
  }

  /* The one way to reorder (buttons, keys, dragging); null outside the list. */
  function move(items, from, to) {
    if (from < 0 || from >= items.length || to < 0 || to >= items.length) return null;
    var moved = items.slice();
    moved.splice(to, 0, moved.splice(from, 1)[0]);
    return moved;
  }

  function removeAt(items, index) {
    return items.slice(0, index).concat(items.slice(index + 1));
  }

  /* For the printed agenda: the session's materials, then each card's, and
     the cards used, each once. */
  function materials(plan, pack) {
    var things = plan.template && pack.sessions[plan.template] ? pack.sessions[plan.template].materials : [];
    var tools = [];
    plan.items.forEach(function (item) {
      var card = cardOf(item, pack);
      if (card && tools.indexOf(card) < 0) {
        tools.push(card);
        things = things.concat(card.materials);
      }
    });
    return {
      materials: things.filter(function (value, index) {
        return things.indexOf(value) === index;
      }),
      tools: tools
    };
  }

  /* t=title&s=start&l=length&p=session&i=card*minutes*lead (~title for no card) */
  function encode(plan) {
    var params = new URLSearchParams();
    params.set("t", plan.title);
    params.set("s", plan.start);
    params.set("l", String(plan.length));
    if (plan.template) params.set("p", plan.template);
    plan.items.forEach(function (item) {
      params.append("i", [item.card || "~" + item.title, item.minutes, item.lead].join("*"));
    });
    return params.toString();
  }

  /* Or null. Items with a card or role the pack lacks are left out. */
  function decode(text, pack) {
    var params = new URLSearchParams(text);
    if (!params.has("l")) return null;
    var items = params.getAll("i").map(function (entry) {
      var parts = entry.split("*");
      var lead = parts.pop();
      var minutes = Number(parts.pop());
      var name = parts.join("*");
      var own = name.charAt(0) === "~";
      if ((!own && !pack.cards[name]) || !(minutes > 0) || pack.limits.roles.indexOf(lead) < 0) return null;
      var item = { card: own ? null : name, title: own ? name.slice(1) : "", minutes: time.clamp(minutes, pack.limits.minutes), lead: lead };
      return withLimits(item, pack);
    }).filter(Boolean);
    return {
      title: params.get("t") || "",
      start: time.isClock(params.get("s")) ? params.get("s") : "10:00",
      length: time.clamp(Number(params.get("l")), pack.limits.meeting_minutes),
      template: pack.sessions[params.get("p")] ? params.get("p") : "",
      items: items
    };
  }

  return {
    catalogue: catalogue, blank: blank, change: change, titleOf: titleOf, rangeOf: rangeOf,
    withLimits: withLimits, cardItem: cardItem, setMinutes: setMinutes, setLead: setLead,
    useSession: useSession, move: move, removeAt: removeAt, materials: materials,
    encode: encode, decode: decode
  };
});
