"""Screenshots of the main pages for the README, from a fresh demo hub in Chromium.

    make screenshots          # writes docs/screenshots/*.png (1280×900)
    .venv/bin/python bench/screenshots.py --output /tmp/shots

Needs Playwright for Python (dev extras) and Debian's Chromium at /usr/bin/chromium. The hub
runs on a temporary SQLite database, so the pictures always show the same demo content.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.harness import (  # noqa: E402 - after the path set-up above
    browser_unavailable_reason,
    chromium,
    live_hub,
    take_screenshots,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    reason = browser_unavailable_reason()
    if reason:
        print(f"No screenshots: {reason}", file=sys.stderr)
        return 1
    with (
        tempfile.TemporaryDirectory() as data_dir,
        live_hub(Path(data_dir)) as hub,
        chromium() as browser,
    ):
        written = take_screenshots(browser, hub, args.output)
    for path in written:
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
