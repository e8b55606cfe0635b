"""Serve a built site on 127.0.0.1 at its published path, for tests and audits.

The site is served under the path of its ``site_url`` (for example
``/action-learning-pack/``), as GitHub Pages would serve it, and missing
files get the site's own 404 page.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path: str) -> str:
        if path.startswith(self.prefix):
            path = "/" + path[len(self.prefix) :]
        return super().translate_path(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / "404.html"
        if code == 404 and not_found.is_file():
            body = not_found.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


def published_path(site: Path) -> str:
    """The path part of the site's site_url, ending in '/'."""
    data = json.loads((site / "api" / "pack.json").read_text(encoding="utf-8"))
    path = urlsplit(data.get("site_url") or "/").path or "/"
    return path if path.endswith("/") else path + "/"


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on a free port of 127.0.0.1; yield the site's base URL."""

    class Handler(_SiteHandler):
        prefix = published_path(site)

    handler = functools.partial(Handler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{Handler.prefix}"
    finally:
        server.shutdown()
        server.server_close()
