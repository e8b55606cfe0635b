/* Lets the site's search work when the pack is opened from files (file://),
   for example from the offline zip on the Downloads page.

   Material runs search in a Web Worker, and browsers refuse to start a
   worker from a file. This stand-in runs the worker's script in a hidden
   frame instead, passing the same messages in and out. It replaces the
   shim that Material's offline plugin would load from a third-party host,
   so the site never contacts another server. On a web server (http or
   https) it does nothing and the real Worker is used. */
(function () {
  "use strict";

  if (window.location.protocol !== "file:" || typeof EventTarget !== "function") {
    return;
  }

  function loadScript(doc, url) {
    return new Promise(function (resolve, reject) {
      var script = doc.createElement("script");
      script.src = url;
      script.onload = function () {
        resolve();
      };
      script.onerror = function () {
        reject(new Error("could not load " + url));
      };
      doc.head.appendChild(script);
    });
  }

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      var worker = this;
      var address = new URL(url, window.location.href).href;
      this.onmessage = null;
      this.onerror = null;
      this.pending = [];
      this.ready = false;
      this.frame = document.createElement("iframe");
      this.frame.hidden = true;
      this.frame.tabIndex = -1;
      this.frame.title = "search";
      this.frame.setAttribute("aria-hidden", "true");
      (document.body || document.documentElement).appendChild(this.frame);

      var scope = this.frame.contentWindow;
      // What the worker's script calls as its globals.
      scope.postMessage = function (data) {
        worker.emit(new MessageEvent("message", { data: data }));
      };
      scope.importScripts = function () {
        var urls = Array.prototype.slice.call(arguments);
        return Promise.all(urls.map(function (each) {
          return loadScript(scope.document, new URL(each, address).href);
        }));
      };
      loadScript(scope.document, address).then(function () {
        worker.ready = true;
        worker.pending.splice(0).forEach(function (data) {
          worker.deliver(data);
        });
      }, function (error) {
        worker.emit(new ErrorEvent("error", { message: String(error) }));
      });
    }

    postMessage(data) {
      if (this.ready) {
        this.deliver(data);
      } else {
        this.pending.push(data);
      }
    }

    deliver(data) {
      var scope = this.frame.contentWindow;
      scope.dispatchEvent(new scope.MessageEvent("message", { data: data }));
    }

    emit(event) {
      this.dispatchEvent(event);
      var handler = event.type === "message" ? this.onmessage : this.onerror;
      if (typeof handler === "function") {
        handler.call(this, event);
      }
    }

    terminate() {
      this.frame.remove();
    }
  }

  // Material's search worker looks for this name to find its scripts.
  window.IFrameWorker = FrameWorker;
  window.Worker = FrameWorker;
})();
