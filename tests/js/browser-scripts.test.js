/* The scripts as the browser loads them: classic scripts (not modules, which
   pages opened from file:// refuse), in the order the pages load them, each
   setting its part of window.alp without touching the page; and in the plain
   ES5 style the site keeps for older browsers. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const PROJECT = path.join(__dirname, "..", "..");
const SCRIPTS = path.join(PROJECT, "overrides", "assets", "javascripts");
const PURE = ["pack-data.js", "card-filter.js", "plan-time.js", "plan-state.js", "plan-print.js", "timeline.js"];

function read(name) {
  return fs.readFileSync(path.join(SCRIPTS, name), "utf8");
}

/* A page with no document: a pure script that reached for the page would throw. */
function load(names) {
  const window = { URLSearchParams: URLSearchParams };
  window.window = window;
  const context = vm.createContext(window);
  for (const name of names) vm.runInContext(read(name), context, { filename: name });
  return window;
}

test("the pure scripts set window.alp in the browser, without module or document", () => {
  const window = load(PURE);
  assert.deepEqual(Object.keys(window.alp).sort(), ["cardFilter", "packData", "planPrint", "planState", "planTime", "timeline"]);
  assert.equal(typeof window.alp.cardFilter.select, "function");
  assert.equal(window.alp.planTime.toClock(600), "10:00");
  assert.equal("module" in window || "document" in window, false);
});

test("in the browser they work as in Node", () => {
  const window = load(PURE);
  const data = require("./fixtures.js")();
  const pack = window.alp.planState.catalogue(data);
  const plan = window.alp.planState.useSession(window.alp.planState.blank(), "set-meeting-1", pack);
  const summary = window.alp.planTime.summary(plan.start, plan.items, plan.length);
  assert.equal(summary.key, "planner.total_exact");
  assert.equal(window.alp.planState.decode(window.alp.planState.encode(plan, pack), pack).items.length, 3);
  assert.deepEqual(window.alp.planPrint.checklist(plan, pack).materials, ["Name cards", "A timer"]);
});

test("plan-state.js says so when plan-time.js, which the planner loads before it, is missing", () => {
  assert.throws(() => load(["plan-state.js"]), /plan-state\.js needs plan-time\.js/);
  assert.throws(() => load(["plan-time.js", "plan-print.js"]), /plan-print\.js needs plan-state\.js/);
});

test("the planner's page loads its scripts in order, and every page loads card-filter.js first", () => {
  const template = fs.readFileSync(path.join(PROJECT, "macros", "components", "session_planner", "template.html"), "utf8");
  const loaded = [...template.matchAll(/assets\/javascripts\/([\w.-]+\.js)/g)].map((match) => match[1]);
  assert.deepEqual(loaded, ["pack-data.js", "plan-time.js", "plan-state.js", "plan-print.js", "timeline.js", "planner.js"]);
  const main = fs.readFileSync(path.join(PROJECT, "overrides", "main.html"), "utf8");
  const scripts = main.slice(main.indexOf("{% block scripts %}"));
  assert.ok(scripts.indexOf("assets/javascripts/card-filter.js") < scripts.indexOf("super()"), "before the theme's and extra_javascript's scripts");
});

/* The code with comments, strings and regular expressions taken out. */
function code(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:])\/\/.*$/gm, "$1")
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""')
    .replace(/\/(?![*/])(?:[^/\\\n[]|\\.|\[(?:[^\]\\\n]|\\.)*\])+\/[gimsuy]*/g, "/x/");
}

/* What ES5 does not have, each with a line that has it. */
const LATER = [
  [/=>/, "an arrow function", "var f = (a) => a;"],
  /* As a property's name ({ class: "x" }, a.class) these words are ES5. */
  [/(?<!\.\s*)\b(?:let|const|class|async|await|yield)\b(?!\s*:)/, "a keyword after ES5", "const a = 1; class B {}"],
  [/`/, "a template literal", "var s = `a${b}`;"],
  [/\.\.\./, "spread or rest", "f(...args);"],
  [/^\s*(?:import|export)\b/m, "a module", "import a from './a.js';"],
  [/\bfor\s*\([^)]*\bof\b/, "for...of", "for (var a of list) {}"]
];

test("every script keeps to ES5 syntax", () => {
  /* file-worker.js subclasses EventTarget, which only browsers that have
     classes can do; in older ones it fails to load and changes nothing. */
  const names = fs.readdirSync(SCRIPTS).filter((name) => name.endsWith(".js") && name !== "file-worker.js");
  assert.ok(names.length >= 5, names);
  for (const name of names) {
    const source = code(read(name));
    for (const [pattern, what] of LATER) assert.doesNotMatch(source, pattern, `${name} uses ${what}`);
    assert.match(read(name), /^\s*"use strict";/m, `${name} is strict`);
  }
});

test("the ES5 check sees what it looks for, and not in comments, strings, regular expressions or property names", () => {
  for (const [pattern, what, example] of LATER) assert.match(code(example), pattern, what);
  const harmless = 'var s = "=> const `"; /* let ... */ // class\nvar r = /`/g; var o = { class: "x" }; o.class = 1;';
  for (const [pattern, what] of LATER) assert.doesNotMatch(code(harmless), pattern, what);
});
