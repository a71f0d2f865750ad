"""Where attachment bytes live: a small interface, the local data folder by default.

Files are stored by the SHA-256 of their content under a server-generated
name, so a user-supplied filename never touches the file system and the same
file uploaded twice is stored once. A shared object storage can implement the
same interface for deployments with several app hosts.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
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

    def delete(self, content_hash: str) -> None: ...


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
        handle, temp_name = tempfile.mkstemp(dir=self.root, prefix=".upload-")
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

    def delete(self, content_hash: str) -> None:
        self._path(content_hash).unlink(missing_ok=True)


def storage_for(app) -> Storage:
    return LocalStorage(Path(app.config["HANSE_DATA_DIR"]) / "uploads")
