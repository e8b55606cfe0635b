/* Run mode (macros/components/run_mode): the page. Reads the plan from the
   address with the planner's plan-state.js (or ?session=id, from a session
   page), keeps the clock with run-clock.js, and writes both to the address
   and localStorage at every change, so that a reload finds the same item,
   time left and pause. Its windows (the participant view) keep in step
   through BroadcastChannel and the storage event. Text from data is set
   with textContent, never parsed as HTML. */
(function () {
  "use strict";

  var root = document.querySelector("[data-alp-run]");
  if (!root) return;

  var STORE = "alp-run-v1";
  var SOUND = "alp-run-sound";
  var KEYS = { " ": "toggle", p: "toggle", n: "next", ArrowRight: "next", b: "back", ArrowLeft: "back", "+": "more", "=": "more", "-": "less", f: "fullscreen" };
  var planState = window.alp.planState;
  var clock = window.alp.runClock;
  var participant = new URLSearchParams(window.location.search).get("view") === "participant";
  var data, pack, plan, state, plurals, audio, lock, channel, then;
  var written = "";

  function $(selector) {
    return root.querySelector(selector);
  }

  function set(selector, text) {
    var node = $(selector);
    if (node.textContent !== text) node.textContent = text;
  }

  function t(key, values) {
    var text = data.strings[key] || key;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(values[name]));
    });
    return text;
  }

  function plural(key, count) {
    var form = plurals ? plurals.select(count) : count === 1 ? "one" : "other";
    return t(data.strings[key + "." + form] ? key + "." + form : key + ".other", { count: count });
  }

  /* ---- The plan and the clock as text: address, storage, other windows ---- */

  function minutesOf(found) {
    return found.items.map(function (item) {
      return item.minutes;
    });
  }

  /* {plan, state} from the address's text (a plan, or a session page's session=id), or null. */
  function read(text) {
    var params = new URLSearchParams(text || "");
    var found = planState.decode(text || "", pack);
    if (!found && pack.sessions[params.get("session")]) found = planState.useSession(planState.blank(), params.get("session"), pack);
    if (!found || !found.items.length) return null;
    return { plan: found, state: clock.fromText(params.get("run"), minutesOf(found)) || clock.create(minutesOf(found)) };
  }

  function stored() {
    try {
      return read(window.localStorage.getItem(STORE));
    } catch (error) {
      return null;
    }
  }

  function encoded() {
    return planState.encode(plan, pack) + "&run=" + clock.toText(state);
  }

  function keep(tell) {
    written = encoded();
    try {
      window.history.replaceState(null, "", window.location.pathname + (participant ? "?view=participant#" : "#") + written);
    } catch (error) {
      /* Some file:// pages refuse replaceState; the storage still keeps the state. */
    }
    if (!tell) return;
    try {
      window.localStorage.setItem(STORE, written);
    } catch (error) {
      /* Storage may be off; the address still holds the state. */
    }
    if (channel) channel.postMessage(written);
  }

  /* The address's plan; the stored clock when it is the same plan (another window may have moved it
     on), unless the address starts the plan afresh and the stored run began over 12 hours ago. */
  function restore() {
    var found = read(window.location.hash.slice(1)) || read(window.location.search.slice(1));
    var kept = stored();
    if (!found) return kept;
    var fresh = !/[#&]run=/.test(window.location.hash) && kept && kept.state.started !== null && Date.now() - kept.state.started > 432e5;
    return kept && !fresh && planState.encode(kept.plan, pack) === planState.encode(found.plan, pack) ? kept : found;
  }

  /* ---- Drawing ---- */

  function announce() {
    var region = $("[data-alp-run-announce]");
    var item = plan.items[state.index];
    var after = plan.items[state.index + 1];
    var values = { title: planState.titleOf(item, pack), minutes: plural("run.minutes", item.minutes) };
    region.textContent = "";
    window.setTimeout(function () {
      region.textContent = after ? t("run.now", { title: values.title, minutes: values.minutes, next: planState.titleOf(after, pack) }) : t("run.now_last", values);
    }, 50);
  }

  function notesOf(item) {
    var entry = planState.entryOf(item, plan, pack);
    return ((entry && entry.notes) || "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[*_`]+/g, "").replace(/\s+/g, " ").trim();
  }

  function draw(now) {
    var item = plan.items[state.index];
    var after = plan.items[state.index + 1];
    var left = clock.left(state, now);
    var stage = clock.stage(state, now);
    var pace = clock.pace(state, now);
    set("[data-alp-run-title]", plan.title);
    set("[data-alp-run-position]", t("run.position", { position: state.index + 1, count: plan.items.length }));
    set("[data-alp-run-now]", planState.titleOf(item, pack));
    set("[data-alp-run-lead]", t("run.lead", { role: t("role." + item.lead) }));
    var paused = state.started !== null && !state.running;
    set("[data-alp-run-label]", t(paused ? (left < 0 ? "run.paused_over" : "run.paused_left") : left < 0 ? "run.over" : "run.left"));
    root.setAttribute("data-paused", paused);
    set("[data-alp-run-clock]", clock.display(left));
    set("[data-alp-run-stage]", t("run.stage_" + stage));
    set("[data-alp-run-pace]", pace ? (pace.kind === "on_time" ? t("run.on_time") : plural("run." + pace.kind, pace.minutes)) : t("run.not_started"));
    set("[data-alp-run-next]", after ? t("run.next_item", { title: planState.titleOf(after, pack), minutes: plural("run.minutes", after.minutes) }) : t("run.next_end"));
    $("[data-alp-run-fill]").style.width = (clock.fraction(state, now) * 100).toFixed(1) + "%";
    root.setAttribute("data-stage", stage);
    root.setAttribute("data-pace", pace ? pace.kind : "none");
    var notes = participant ? "" : notesOf(item);
    set("[data-alp-run-notes-text]", notes);
    $("[data-alp-run-notes]").hidden = !notes;
    set("[data-action=toggle]", t(state.running ? "run.pause" : state.started === null ? "run.start" : "run.resume"));
    /* aria-disabled, not disabled, so that a button keeps the focus when it has nothing to do. */
    $("[data-action=back]").setAttribute("aria-disabled", state.index === 0);
    $("[data-action=next]").setAttribute("aria-disabled", state.index === plan.items.length - 1);
    $("[data-action=less]").setAttribute("aria-disabled", !clock.canTake(state, now));
    set("[data-action=fullscreen]", t(document.fullscreenElement ? "run.fullscreen_leave" : "run.fullscreen"));
  }

  function wake(key) {
    set("[data-alp-run-wake]", t(key));
  }

  /* The Wake Lock API, where the browser has it; the page says when the screen may sleep. */
  function keepAwake() {
    if (!("wakeLock" in navigator)) return wake("run.wake_none");
    if (lock || document.hidden) return;
    lock = true;
    navigator.wakeLock.request("screen").then(function (sentinel) {
      lock = sentinel;
      wake("run.wake_on");
      sentinel.addEventListener("release", function () {
        lock = null;
      });
    }, function () {
      lock = null;
      wake("run.wake_off");
    });
  }

  /* A soft two-note chime, made with WebAudio: no file to fetch. */
  function chime() {
    if (!audio) return;
    if (audio.state === "suspended") audio.resume();
    [[523.25, 0], [659.25, 0.4]].forEach(function (note) {
      var tone = audio.createOscillator();
      var gain = audio.createGain();
      var at = audio.currentTime + note[1];
      tone.frequency.value = note[0];
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.15, at + 0.05);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 1.2);
      tone.connect(gain);
      gain.connect(audio.destination);
      tone.start(at);
      tone.stop(at + 1.3);
    });
  }

  /* An item's time has just run out: the chime (if on), and one announcement, so a screen reader hears it too. */
  function timeUp() {
    chime();
    var region = $("[data-alp-run-announce]");
    region.textContent = "";
    window.setTimeout(function () {
      region.textContent = t("run.time_up", { title: planState.titleOf(plan.items[state.index], pack) });
    }, 50);
  }

  function sound(on) {
    var Context = window.AudioContext || window.webkitAudioContext;
    audio = on && Context ? audio || new Context() : null;
    $("[data-alp-run-sound]").checked = on;
  }

  /* ---- Changes ---- */

  function show(found) {
    var moved = !plan || found.state.index !== state.index || planState.encode(found.plan, pack) !== planState.encode(plan, pack);
    plan = found.plan;
    state = found.state;
    $("[data-alp-run-choose]").hidden = true;
    $("[data-alp-run-app]").hidden = false;
    var planner = $("[data-alp-run-planner]");
    if (planner) planner.hash = planState.encode(plan, pack);
    draw(Date.now());
    return moved;
  }

  function change(next) {
    if (next === state) return;
    var moved = next.index !== state.index;
    state = next;
    keep(true);
    draw(Date.now());
    if (moved) announce();
  }

  /* Another window's state: followed, never sent on. */
  function receive(text) {
    var found = text && text !== written && read(text);
    if (!found) return;
    var moved = show(found);
    keep(false);
    if (moved) announce();
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) return document.exitFullscreen();
    return root.requestFullscreen().catch(function () {
      /* Refused (no gesture, or not allowed here): the page's own layout fills the window. */
    });
  }

  function act(name) {
    var now = Date.now();
    if (audio && audio.state === "suspended") audio.resume();
    switch (name) {
      case "toggle":
        change(clock.toggle(state, now));
        return state.running && keepAwake();
      case "next":
        return change(clock.next(state, now));
      case "back":
        return change(clock.back(state, now));
      case "more":
        return change(clock.adjust(state, 1, now));
      case "less":
        return change(clock.adjust(state, -1, now));
      case "restart":
        /* It loses the meeting's timing: asked first, as a slip of the hand is easy. */
        return window.confirm(t("run.restart_confirm")) && change(clock.create(minutesOf(plan)));
      case "fullscreen":
        return document.fullscreenEnabled && toggleFullscreen();
      case "participant":
        return window.open(window.location.pathname + "?view=participant#" + encoded(), "alp-run-participant", "popup");
    }
  }

  function onKey(event) {
    var name = KEYS[event.key.length === 1 ? event.key.toLowerCase() : event.key];
    var target = event.target;
    if (!name || !plan || event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.closest && (target.closest("input, select, textarea, [contenteditable]") || (event.key === " " && target.closest("button")))) return;
    /* Before the theme's own keys (F and S search, N and P turn the page). */
    event.preventDefault();
    event.stopPropagation();
    act(name);
  }

  function open() {
    var found = restore();
    if (!found) {
      $("[data-alp-run-app]").hidden = true;
      $("[data-alp-run-choose]").hidden = false;
      return;
    }
    show(found);
    keep(true);
    if (state.started !== null) keepAwake();
  }

  function start(json) {
    data = json;
    pack = planState.catalogue(data);
    plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(data.language) : null;
    if (participant) document.documentElement.setAttribute("data-alp-run-view", "participant");
    $("[data-action=fullscreen]").hidden = !document.fullscreenEnabled;
    wake("wakeLock" in navigator ? "run.wake_ready" : "run.wake_none");
    try {
      sound(!participant && window.localStorage.getItem(SOUND) === "on");
    } catch (error) {
      sound(false);
    }
    root.addEventListener("click", function (event) {
      var target = event.target.closest("[data-action]");
      if (target) act(target.dataset.action);
    });
    $("[data-alp-run-sound]").addEventListener("change", function (event) {
      sound(event.target.checked);
      try {
        window.localStorage.setItem(SOUND, event.target.checked ? "on" : "off");
      } catch (error) {
        /* Not kept: the sound is off again after a reload. */
      }
      chime();
    });
    window.addEventListener("keydown", onKey, true);
    window.addEventListener("storage", function (event) {
      if (event.key === STORE) receive(event.newValue);
    });
    if (window.BroadcastChannel) {
      channel = new BroadcastChannel(STORE);
      channel.onmessage = function (event) {
        receive(event.data);
      };
    }
    document.addEventListener("fullscreenchange", function () {
      if (plan) draw(Date.now());
    });
    document.addEventListener("visibilitychange", function () {
      if (plan && state.started !== null) keepAwake();
    });
    then = Date.now();
    window.setInterval(function () {
      var now = Date.now();
      if (plan && clock.ended(state, then, now)) timeUp();
      then = now;
      if (plan) draw(now);
    }, 250);
    $("[data-alp-run-nojs]").hidden = true;
    open();
    root.setAttribute("data-ready", "true");
  }

  window.alp.packData.load(root).then(start, function () {
    $("[data-alp-run-nojs]").hidden = false;
  });
})();
