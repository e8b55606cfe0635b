/* What the planner prints besides the room agenda: the facilitator's
   checklist (materials named once, preparation, what to print, the notes
   on each item). Pure functions, tested in tests/js/; window.alp.planPrint,
   or module.exports in Node. ``pack`` is planState.catalogue(pack.json). */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory(require("./plan-state.js"));
  else if (!root.alp || !root.alp.planState) throw new Error("plan-print.js needs plan-state.js, loaded before it");
  else root.alp.planPrint = factory(root.alp.planState);
})(this, function (state) {
  "use strict";

  var LINK = /\[([^\]]*)\]\(([^)\s]*)\)/g;

  /* Pack text is Markdown: as plain words, links and emphasis kept as their text. */
  function plain(markdown) {
    return (markdown || "").replace(LINK, "$1").replace(/[*_`]+/g, "").replace(/\s+/g, " ").trim();
  }

  /* The pages a text links to, as site addresses (pack text links to docs/ files). */
  function targets(markdown) {
    var found = [];
    (markdown || "").replace(LINK, function (whole, text, target) {
      found.push(target.split("#")[0].replace(/\.md$/, ".html"));
    });
    return found;
  }

  /* What a material is, for finding repeats: its first words, before a
     comma, an alternative or what it is for, without an article or a plural
     "s" ("A timer, or a watch you can see" and "A timer" are one timer). */
  function thing(text) {
    var head = text.toLowerCase().split(/,|\(| or | and | for | you | to | so /)[0];
    return head.replace(/^(a|an|the|printed|some) /, "").replace(/s$/, "").trim();
  }

  /* Each thing once, in the words it first came in (the session plan's come first). */
  function merge(list) {
    var seen = {};
    return list.filter(function (text) {
      var key = thing(text);
      if (seen[key]) return false;
      seen[key] = true;
      return true;
    });
  }

  function once(list) {
    return list.filter(function (value, index) {
      return list.indexOf(value) === index;
    });
  }

  function cardsOf(plan, pack) {
    return once(plan.items.map(function (item) {
      return item.card && pack.cards[item.card];
    }).filter(Boolean));
  }

  /* A linked page with a PDF of its own gives the PDF (a card's handout only when asked); a question bank, its page. */
  function printable(url, pack, handouts) {
    var file = pack.downloads.files.filter(function (download) {
      return download.page === url && download.kind !== "meeting" && (handouts || download.kind !== "handout");
    })[0];
    if (file) return fileOf(file, pack);
    var bank = pack.banks.filter(function (entry) {
      return entry.url === url;
    })[0];
    return bank ? { title: bank.title, url: bank.url } : null;
  }

  function fileOf(download, pack) {
    return { title: download.title, url: pack.downloads.folder + "/" + download.file };
  }

  /* The meeting's own list of what to print (its session's print: entries), with its one PDF of them all first. */
  function meetingDocuments(session, pack) {
    var bundle = session && pack.downloads.files.filter(function (download) {
      return download.kind === "meeting" && download.page === session.url;
    })[0];
    if (!bundle) return [];
    return [fileOf(bundle, pack)].concat(bundle.pages.map(function (page) {
      return printable(page, pack, true);
    }).filter(Boolean));
  }

  /* Everything the facilitator needs before and during the meeting. */
  function checklist(plan, pack) {
    var session = pack.sessions[plan.template];
    var cards = cardsOf(plan, pack);
    var materials = session ? session.materials : [];
    var preparation = session ? session.preparation.facilitator.slice() : [];
    cards.forEach(function (card) {
      materials = materials.concat(card.materials);
      if (card.preparation) preparation.push(card.title + ": " + card.preparation);
    });
    var documents = meetingDocuments(session, pack);
    var seen = {};
    documents.forEach(function (entry) {
      seen[entry.url] = true;
    });
    preparation.forEach(function (text) {
      targets(text).forEach(function (url) {
        var found = !seen[url] && printable(url, pack);
        if (found && !seen[found.url]) documents.push(found);
        seen[url] = true;
        if (found) seen[found.url] = true;
      });
    });
    var notes = [];
    plan.items.forEach(function (item, index) {
      var entry = state.entryOf(item, plan, pack);
      if (entry && entry.notes) notes.push({ index: index, text: plain(entry.notes) });
    });
    return {
      materials: merge(materials),
      room: session ? session.room : [],
      preparation: preparation.map(plain),
      documents: documents,
      handouts: cards.filter(function (card) {
        return card.handout;
      }),
      notes: notes
    };
  }

  return { plain: plain, targets: targets, thing: thing, merge: merge, checklist: checklist };
});
