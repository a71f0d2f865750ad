"""Problems for the operator, logged once per period and process instead of once per request."""

from __future__ import annotations

import logging
import threading
import time

logger = logging.getLogger("hanse_hub")

# The same problem is logged again after this many seconds at the earliest.
LOG_AGAIN_AFTER_SECONDS = 600
_last_logged: dict[str, float] = {}
_lock = threading.Lock()


def log_once(key: str, message: str, *args) -> bool:
    """Log ``message`` as an error unless the problem ``key`` was logged recently.

    Returns whether it was logged.
    """
    now = time.monotonic()
    with _lock:
        last = _last_logged.get(key)
        if last is not None and now - last < LOG_AGAIN_AFTER_SECONDS:
            return False
        _last_logged[key] = now
    logger.error(message, *args)
    return True


def forget(key: str) -> None:
    """The problem is solved: log it again as soon as it comes back."""
    with _lock:
        _last_logged.pop(key, None)
