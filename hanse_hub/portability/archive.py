"""Reading and writing the container of an export: a folder, a ``.zip`` or a ``.tar``.

An export is always written into a folder first (streaming, file by file) and then packed,
so memory stays flat whatever the size. Reading refuses, before anything is used, names that
leave the archive (``../``, absolute names, drive letters, backslashes), links of any kind,
members that are not plain files, and members larger than the import allows.
"""

from __future__ import annotations

import os
import shutil
import stat
import tarfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from hanse_hub.content.storage import CHUNK


class ArchiveError(ValueError):
    """The archive is unusable; the message says why."""


def archive_kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".zip"):
        return "zip"
    if name.endswith((".tar", ".tar.gz", ".tgz")):
        return "tar"
    return "dir"


def safe_name(name: str) -> str:
    """``name`` if it is a plain relative path inside the archive; ArchiveError otherwise."""
    if not name or "\\" in name or "\x00" in name:
        raise ArchiveError(f"the archive holds an invalid file name: {name!r}")
    path = PurePosixPath(name)
    if path.is_absolute() or (len(name) > 1 and name[1] == ":"):
        raise ArchiveError(f"the archive holds an absolute file name: {name!r}")
    if any(part in ("..", "") for part in name.rstrip("/").split("/")):
        raise ArchiveError(f"the archive holds a file name that leaves it: {name!r}")
    return name.rstrip("/")


def pack(folder: Path, target: Path, *, mode: int | None) -> None:
    """Pack the files of ``folder`` into the archive ``target`` (.zip or .tar)."""
    partial = target.with_name(target.name + ".partial")
    if mode is not None:
        partial.touch(mode=mode)
        os.chmod(partial, mode)
    names = sorted(
        str(path.relative_to(folder).as_posix()) for path in folder.rglob("*") if path.is_file()
    )
    try:
        if archive_kind(target) == "zip":
            with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for name in names:
                    archive.write(folder / name, name)
        else:
            with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as archive:
                for name in names:
                    archive.add(folder / name, name, recursive=False)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


class ArchiveReader:
    """Read-only access to the members of an archive, each checked on the way in."""

    def __init__(self, path: Path, *, max_member_bytes: int):
        self.path = Path(path)
        self.max_member_bytes = max_member_bytes
        self.kind = archive_kind(self.path)
        self._sizes: dict[str, int] = {}
        self._handle = None

    def __enter__(self) -> ArchiveReader:
        if self.kind == "zip":
            self._open_zip()
        elif self.kind == "tar":
            self._open_tar()
        else:
            self._open_folder()
        return self

    def __exit__(self, *exc) -> None:
        if self._handle is not None:
            self._handle.close()

    def _add(self, name: str, size: int) -> None:
        name = safe_name(name)
        if name in self._sizes:
            raise ArchiveError(f"the archive holds {name!r} twice")
        if size > self.max_member_bytes:
            raise ArchiveError(
                f"{name!r} declares {size:,} bytes, more than the import accepts "
                f"({self.max_member_bytes:,})"
            )
        self._sizes[name] = size

    def _open_zip(self) -> None:
        try:
            self._handle = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError) as error:
            raise ArchiveError(f"{self.path} is not a readable ZIP archive: {error}") from error
        for info in self._handle.infolist():
            file_type = stat.S_IFMT(info.external_attr >> 16)
            if file_type == stat.S_IFLNK:
                raise ArchiveError(f"the archive holds a link: {info.filename!r}")
            if info.is_dir():
                safe_name(info.filename)
                continue
            if file_type not in (0, stat.S_IFREG):
                raise ArchiveError(f"the archive holds a special file: {info.filename!r}")
            self._add(info.filename, info.file_size)

    def _open_tar(self) -> None:
        try:
            self._handle = tarfile.open(self.path)  # noqa: SIM115 (closed in __exit__)
            members = self._handle.getmembers()
        except (tarfile.TarError, OSError, EOFError) as error:
            raise ArchiveError(f"{self.path} is not a readable tar archive: {error}") from error
        self._members = {}
        for member in members:
            if member.issym() or member.islnk():
                raise ArchiveError(f"the archive holds a link: {member.name!r}")
            if member.isdir():
                safe_name(member.name)
                continue
            if not member.isfile():
                raise ArchiveError(f"the archive holds a special file: {member.name!r}")
            self._add(member.name, member.size)
            self._members[safe_name(member.name)] = member

    def _open_folder(self) -> None:
        if not self.path.is_dir():
            raise ArchiveError(f"{self.path} is neither a folder nor a .zip or .tar archive")
        for root, dirs, files in os.walk(self.path):
            for name in [*dirs, *files]:
                full = Path(root) / name
                relative = full.relative_to(self.path).as_posix()
                if full.is_symlink():
                    raise ArchiveError(f"the archive holds a link: {relative!r}")
                if name in files:
                    if not stat.S_ISREG(full.lstat().st_mode):
                        raise ArchiveError(f"the archive holds a special file: {relative!r}")
                    self._add(relative, full.lstat().st_size)

    def names(self) -> list[str]:
        return sorted(self._sizes)

    def size(self, name: str) -> int:
        return self._sizes[name]

    def __contains__(self, name: str) -> bool:
        return name in self._sizes

    @contextmanager
    def open(self, name: str) -> Iterator[BinaryIO]:
        if name not in self._sizes:
            raise ArchiveError(f"the archive lacks {name!r}")
        if self.kind == "zip":
            stream = self._handle.open(name)
        elif self.kind == "tar":
            stream = self._handle.extractfile(self._members[name])
        else:
            stream = (self.path / name).open("rb")
        try:
            yield _Capped(stream, self._sizes[name], name)
        finally:
            stream.close()


class _Capped:
    """A stream that fails when it yields more bytes than its member declared."""

    def __init__(self, stream: BinaryIO, limit: int, name: str):
        self._stream, self._left, self._name = stream, limit, name

    def read(self, size: int = -1) -> bytes:
        try:
            chunk = self._stream.read(CHUNK if size is None or size < 0 else size)
        except (zipfile.BadZipFile, tarfile.TarError, OSError, EOFError) as error:
            raise ArchiveError(f"{self._name!r} cannot be read: {error}") from error
        self._left -= len(chunk)
        if self._left < 0:
            raise ArchiveError(f"{self._name!r} holds more bytes than declared")
        return chunk

    def __iter__(self):
        pending = b""
        while chunk := self.read(CHUNK):
            pending += chunk
            *lines, pending = pending.split(b"\n")
            yield from lines
        if pending:
            yield pending


def remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
