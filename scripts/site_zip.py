"""A zip of the whole built site, to read offline with no server.

Opened from files, the site still navigates and searches (Material's
offline plugin). The zip is reproducible: entries are sorted, and every
entry carries the edition date and the same permissions, so the same site
always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from macros.downloads import OFFLINE_ZIP as ZIP_NAME

#: The folder the zip unpacks to (not the build's scratch folder, whose name varies).
ZIP_FOLDER = "action-learning-pack"


def write_site_zip(site: Path, edition: dt.date, name: str = ZIP_NAME) -> Path:
    """Zip everything under ``site`` (but the zip itself) into ``site/downloads/<name>``."""
    target = site / "downloads" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    stamp = (max(edition.year, 1980), edition.month, edition.day, 0, 0, 0)
    folder = ZIP_FOLDER
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file() and p != target):
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    return target
