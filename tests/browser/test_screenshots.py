"""`make screenshots` keeps working: the same function, written to a temporary folder.

The README's screenshots in docs/screenshots/ are renewed on purpose with `make screenshots`,
not by every test run, which would rewrite committed images each time.
"""

from __future__ import annotations

import struct

from tests.browser.harness import (
    PHONE_SCREENSHOTS,
    PHONE_VIEWPORT,
    SCREENSHOTS,
    VIEWPORT,
    take_screenshots,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_SIGNATURE), "not a PNG file"
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    return width, height


def test_screenshots_of_the_main_pages_are_written_at_1280_by_900_and_a_phone_pair(
    browser, hub, tmp_path
):
    written = take_screenshots(browser, hub, tmp_path)

    assert [path.name for path in written] == [*SCREENSHOTS, *PHONE_SCREENSHOTS]
    for path in written:
        viewport = PHONE_VIEWPORT if path.name in PHONE_SCREENSHOTS else VIEWPORT
        assert png_size(path.read_bytes()) == (viewport["width"], viewport["height"]), path.name
