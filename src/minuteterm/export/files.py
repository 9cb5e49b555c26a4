"""Writing export files: safe names and atomic writes."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import unicodedata
from pathlib import Path

from minuteterm.export.errors import ExportError
from minuteterm.textsafe import printable


def slug(text: str) -> str:
    """``text`` as a file-name part: lower case ``[a-z0-9-]`` only."""
    text = unicodedata.normalize("NFKD", text.replace("&", " and "))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line endings) to ``path`` atomically,
    without terminal escapes or controls (a minute frozen from a database
    edited by hand could still carry one)."""
    write_atomic_bytes(path, printable(text).encode("utf-8"))


def write_atomic_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: a temporary file in the same
    folder, flushed to disk, then renamed over ``path``; the temporary file
    is removed if anything fails. Raises :class:`ExportError`."""
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
