"""Where a person may be sent back to after a form: same-origin paths of this hub only."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

MAX_TARGET_LENGTH = 2000


def same_origin_path(target: str | None) -> str | None:
    """``target`` if it is a relative path on this hub, else None.

    Browsers treat ``//host``, ``/\\host``, tabs and newlines inside the scheme or host, and
    look-alike characters in surprising ways, so only printable ASCII that starts with exactly
    one slash is accepted – also after percent-decoding, which some proxies and browsers apply.
    """
    if not target or len(target) > MAX_TARGET_LENGTH:
        return None
    if not all(0x21 <= ord(char) <= 0x7E for char in target):
        return None  # control characters, spaces, NUL and any non-ASCII look-alike
    decoded = unquote(target)
    for candidate in (target, decoded):
        if not candidate.startswith("/") or candidate[1:2] in ("/", "\\"):
            return None
        if "\\" in candidate:
            return None
        parts = urlsplit(candidate)
        if parts.scheme or parts.netloc:
            return None
    return target
