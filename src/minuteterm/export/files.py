"""Writing export files: safe names and atomic writes."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import unicodedata
from pathlib import Path

from minuteterm.export.errors import ExportError
from minuteterm.filekind import kind_of
from minuteterm.textsafe import printable

#: The longest a :func:`slug` gets, so a generated file name (a slug, a
#: date, a style and an extension) stays far below any system's limit.
MAX_SLUG_CHARS = 60


def slug(text: str) -> str:
    """``text`` as a file-name part: lower case ``[a-z0-9-]`` only, at most
    :data:`MAX_SLUG_CHARS` long (cut after a whole word when it can be)."""
    text = unicodedata.normalize("NFKD", text.replace("&", " and "))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) <= MAX_SLUG_CHARS:
        return text
    cut = text[: MAX_SLUG_CHARS + 1]
    return (cut[: cut.rindex("-")] if "-" in cut else cut[:MAX_SLUG_CHARS]).strip("-")


def writable_target(path: Path) -> Path:
    """The file that writing to ``path`` replaces: ``path`` itself when it
    is a regular file or does not exist yet, the file a symbolic link points
    to (so the link stays). Anything else (a device such as ``/dev/null``, a
    FIFO, a socket, a folder, a link to one of those or to nothing) is never
    replaced: raises :class:`ExportError` saying what it is."""
    kind = kind_of(path)
    if kind is not None:
        raise ExportError(f"cannot write {path}: it is {kind}, not a file; nothing was written")
    return Path(os.path.realpath(path)) if os.path.islink(path) else path


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line endings) to ``path`` atomically,
    without terminal escapes or controls (a minute frozen from a database
    edited by hand could still carry one)."""
    write_atomic_bytes(path, printable(text).encode("utf-8"))


def write_atomic_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: a temporary file in the same
    folder, flushed to disk, then renamed over ``path``; the temporary file
    is removed if anything fails. Only a regular file is ever replaced (see
    :func:`writable_target`). Raises :class:`ExportError`."""
    path = writable_target(path)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(temporary, flags, 0o666)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        reason = error.strerror or str(error)
        raise ExportError(f"cannot write {path}: {reason}") from None
