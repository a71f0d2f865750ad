"""Where attachment bytes live: a small interface, the local data folder by default.

Files are stored by the SHA-256 of their content under a server-generated
name, so a user-supplied filename never touches the file system and the same
file uploaded twice is stored once. A shared object storage can implement the
same interface for deployments with several app hosts.

Files are never deleted while a request runs: another request may be storing the
same content for another entry at that very moment, its row not yet committed and
so invisible to any count. ``hub files gc`` removes files that no attachment refers
to and that were not written for a grace period (``content.files.collect_garbage``).
"""

from __future__ import annotations

import hashlib
import os
import secrets
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

CHUNK = 1024 * 1024


class TooLarge(ValueError):
    """The file is bigger than the configured limit."""


class Storage(Protocol):
    def put(self, stream: BinaryIO, *, max_bytes: int) -> tuple[str, int]:
        """Store the stream; return its content hash and size. Raise ``TooLarge`` past the limit."""

    def open(self, content_hash: str) -> BinaryIO: ...

    def path(self, content_hash: str) -> Path:
        """A local file with the content (for parsers; object storage would download it)."""

    def exists(self, content_hash: str) -> bool: ...

    def stored(self) -> Iterator[tuple[str, float]]:
        """Every stored content hash with the time its file was last written (epoch seconds)."""

    def remove_unused(
        self, content_hash: str, *, written_before: float, still_needed: Callable[[], bool]
    ) -> bool:
        """Remove the file if it was last written before ``written_before`` and, checked
        again once nobody can store it any more, ``still_needed()`` is false. True if removed."""

    def recover_interrupted(self, still_needed: Callable[[str], bool]) -> int: ...

    def remove_stale_uploads(self, written_before: float) -> int: ...


QUARANTINE_PREFIX = ".gc-"
UPLOAD_PREFIX = ".upload-"


class LocalStorage:
    def __init__(self, root: Path):
        self.root = Path(root)

    def _path(self, content_hash: str) -> Path:
        if len(content_hash) != 64 or not all(c in "0123456789abcdef" for c in content_hash):
            raise ValueError("not a SHA-256 hex digest")
        return self.root / content_hash[:2] / content_hash

    def put(self, stream: BinaryIO, *, max_bytes: int) -> tuple[str, int]:
        self.root.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.sha256(), 0
        handle, temp_name = tempfile.mkstemp(dir=self.root, prefix=UPLOAD_PREFIX)
        try:
            with os.fdopen(handle, "wb") as temp:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    if size > max_bytes:
                        raise TooLarge(size)
                    digest.update(chunk)
                    temp.write(chunk)
            content_hash = digest.hexdigest()
            target = self._path(content_hash)
            target.parent.mkdir(exist_ok=True)
            os.replace(temp_name, target)
            return content_hash, size
        finally:
            if os.path.exists(temp_name):
                os.unlink(temp_name)

    def open(self, content_hash: str) -> BinaryIO:
        return self._path(content_hash).open("rb")

    def path(self, content_hash: str) -> Path:
        return self._path(content_hash)

    def exists(self, content_hash: str) -> bool:
        return self._path(content_hash).exists()

    def stored(self) -> Iterator[tuple[str, float]]:
        if not self.root.is_dir():
            return
        for folder in sorted(self.root.iterdir()):
            if not folder.is_dir() or len(folder.name) != 2:
                continue
            for file in sorted(folder.iterdir()):
                if len(file.name) == 64 and file.name.startswith(folder.name):
                    try:
                        yield file.name, file.stat().st_mtime
                    except FileNotFoundError:
                        continue

    def remove_unused(
        self, content_hash: str, *, written_before: float, still_needed: Callable[[], bool]
    ) -> bool:
        """Move the file aside first, then look again.

        ``put`` always writes a fresh file (fresh modification time) and renames it into
        place. After our rename, an upload of the same content that started earlier has
        left a fresh file in the aside copy (we put it back), and one that starts later
        writes a new file at the old place, which we never touch. The reference check
        after the rename sees every upload committed meanwhile.
        """
        target = self._path(content_hash)
        try:
            if target.stat().st_mtime >= written_before:
                return False
            aside = self.root / f"{QUARANTINE_PREFIX}{content_hash}-{secrets.token_hex(4)}"
            os.rename(target, aside)
        except FileNotFoundError:
            return False
        if aside.stat().st_mtime >= written_before or still_needed():
            self._put_back(aside, target)
            return False
        aside.unlink()
        return True

    def _put_back(self, aside: Path, target: Path) -> None:
        # Fresh time: an upload still in flight must not find an "old" file on the next run.
        now = time.time()
        os.utime(aside, (now, now))
        os.replace(aside, target)  # a file written there meanwhile has the same content

    def recover_interrupted(self, still_needed: Callable[[str], bool]) -> int:
        """Files a crashed collection left aside: put back the needed ones, drop the rest."""
        if not self.root.is_dir():
            return 0
        recovered = 0
        for aside in self.root.glob(f"{QUARANTINE_PREFIX}*"):
            content_hash = aside.name.removeprefix(QUARANTINE_PREFIX)[:64]
            if still_needed(content_hash):
                self._put_back(aside, self._path(content_hash))
                recovered += 1
            else:
                aside.unlink(missing_ok=True)
        return recovered

    def remove_stale_uploads(self, written_before: float) -> int:
        """Temporary files of uploads that never finished (a crash while writing)."""
        if not self.root.is_dir():
            return 0
        removed = 0
        for temp in self.root.glob(f"{UPLOAD_PREFIX}*"):
            try:
                if temp.stat().st_mtime < written_before:
                    temp.unlink()
                    removed += 1
            except FileNotFoundError:
                continue
        return removed


def storage_for(app) -> Storage:
    return LocalStorage(Path(app.config["HANSE_DATA_DIR"]) / "uploads")
