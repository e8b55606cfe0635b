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
    return {
      cards: byId(data.cards), sessions: byId(data.sessions), limits: data.limits,
      banks: data.banks || [], downloads: data.downloads || { folder: "downloads", files: [] }
    };
  }

  /* The session plan's entry an item came from (``from``), or null. */
  function entryOf(item, plan, pack) {
    var session = pack.sessions[plan.template];
    return (item.from !== undefined && item.from !== null && session && session.agenda[item.from]) || null;
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

  /* The item's own title (a session's, or the facilitator's), else its card's. */
  function titleOf(item, pack) {
    var card = cardOf(item, pack);
    return item.title || (card ? card.title : "");
  }

  /* The minutes the card suggests: its range, widened to a session plan's
     own minutes for the item; any item's minutes without a card. */
  function rangeOf(item, pack) {
    return item.limits || pack.limits.minutes;
  }

  function withLimits(item, pack, widen) {
    var card = cardOf(item, pack);
    var any = pack.limits.minutes;
    var own = widen || card && card.duration.min;
    return change(item, {
      limits: card
        ? { min: Math.min(card.duration.min, own), max: Math.max(card.duration.max, own) }
        : { min: any.min, max: any.max }
    });
  }

  /* The card's range when the item's minutes are outside it, else null. */
  function suggestion(item, pack) {
    var range = rangeOf(item, pack);
    return item.minutes < range.min || item.minutes > range.max ? range : null;
  }

  /* Any whole number of minutes from the least an item takes to the meeting's length. */
  function allowed(plan, pack) {
    var any = pack.limits.minutes;
    return { min: any.min, max: Math.max(any.min, Math.min(any.max, plan.length)) };
  }

  /* The middle of the card's time, led by the first role (the facilitator). */
  function cardItem(id, pack) {
    var card = pack.cards[id];
    var middle = Math.round((card.duration.min + card.duration.max) / 2);
    return withLimits({ card: id, title: "", minutes: middle, lead: pack.limits.roles[0] }, pack);
  }

  /* The facilitator's own item (lunch, a welcome), with no card. */
  function ownItem(title, minutes, pack) {
    return withLimits({ card: null, title: title, minutes: minutes, lead: pack.limits.roles[0] }, pack);
  }

  function setItem(plan, index, changes) {
    var items = plan.items.slice();
    items[index] = change(items[index], changes);
    return change(plan, { items: items });
  }

  /* Whole minutes within allowed(); anything else leaves the plan as it was
     (the page says why), never changed to some other number. */
  function setMinutes(plan, index, minutes, pack) {
    var bounds = allowed(plan, pack);
    if (Math.round(minutes) !== minutes || minutes < bounds.min || minutes > bounds.max) return plan;
    return setItem(plan, index, { minutes: minutes });
  }

  function rename(plan, index, title) {
    return setItem(plan, index, { title: title });
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
      items: session.agenda.map(function (entry, index) {
        return fromEntry(entry, index, entry.minutes, entry.lead, entry.title, pack);
      })
    });
  }

  /* An item made from the session plan's ``index``th entry; its range takes in the entry's minutes. */
  function fromEntry(entry, index, minutes, lead, title, pack) {
    var card = entry.card && pack.cards[entry.card] ? entry.card : null;
    return withLimits({ card: card, title: title, minutes: minutes, lead: lead, from: index }, pack, entry.minutes);
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

  /* t=title&s=start&l=length&p=session&i=item, an item as ref*minutes*lead,
     and *title when it is not the ref's own: ref is a card's id, or @n for
     the session plan's nth entry (from 0); ~title*minutes*lead without either. */
  function encode(plan, pack) {
    var params = new URLSearchParams();
    params.set("t", plan.title);
    params.set("s", plan.start);
    params.set("l", String(plan.length));
    if (plan.template) params.set("p", plan.template);
    plan.items.forEach(function (item) {
      var entry = entryOf(item, plan, pack);
      var ref = entry ? "@" + item.from : item.card;
      var parts = [ref || "~" + item.title, item.minutes, item.lead];
      if (ref && item.title !== (entry ? entry.title : "")) parts.push(item.title);
      params.append("i", parts.join("*"));
    });
    return params.toString();
  }

  /* Or null. Items with a card or role the pack lacks are left out. */
  function decode(text, pack) {
    var params = new URLSearchParams(text);
    if (!params.has("l")) return null;
    var session = pack.sessions[params.get("p")];
    var items = params.getAll("i").map(function (text) {
      var parts = text.split("*");
      var own = text.charAt(0) === "~";
      /* An own item's title may hold "*": it is all before the last two parts. */
      var head = own ? [parts.slice(0, -2).join("*")].concat(parts.slice(-2)) : parts.slice(0, 3);
      var ref = head[0];
      var minutes = Number(head[1]);
      var lead = head[2];
      var title = own ? ref.slice(1) : parts.length > 3 ? parts.slice(3).join("*") : null;
      var entry = !own && ref.charAt(0) === "@" && session ? session.agenda[Number(ref.slice(1))] : null;
      if ((!own && !entry && !pack.cards[ref]) || !(minutes > 0) || pack.limits.roles.indexOf(lead) < 0) return null;
      minutes = time.clamp(minutes, pack.limits.minutes);
      if (entry) return fromEntry(entry, Number(ref.slice(1)), minutes, lead, title === null ? entry.title : title, pack);
      return withLimits({ card: own ? null : ref, title: title || "", minutes: minutes, lead: lead }, pack);
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
    catalogue: catalogue, blank: blank, change: change, titleOf: titleOf, rangeOf: rangeOf, entryOf: entryOf,
    withLimits: withLimits, suggestion: suggestion, allowed: allowed, cardItem: cardItem, ownItem: ownItem,
    setMinutes: setMinutes, rename: rename, setLead: setLead, useSession: useSession, move: move,
    removeAt: removeAt, encode: encode, decode: decode
  };
});
