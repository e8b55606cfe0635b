/* The pack's data for a page's script: api/pack.json, or api/pack.js when
   the site is opened from files, where browsers refuse to fetch JSON (and
   when the fetch fails). The planner and run mode read it through
   window.alp.packData.load(root), where root carries data-pack (the JSON's
   address) and data-pack-script (the script's). */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else (root.alp = root.alp || {}).packData = factory();
})(this, function () {
  "use strict";

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = url;
      script.onload = function () {
        resolve(window.__alpPack);
      };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function load(root) {
    if (window.location.protocol === "file:") return loadScript(root.dataset.packScript);
    return fetch(root.dataset.pack).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).catch(function () {
      return loadScript(root.dataset.packScript);
    });
  }

  return { load: load };
});
