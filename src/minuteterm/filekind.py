"""What is at a path, when it is not a regular file: a device, a FIFO, a
socket, a folder, a link to nothing. MinuteTerm reads and writes regular
files only: a FIFO would hang a read for ever, and renaming over a device
(``/dev/null``) would replace it. Each place that opens or replaces a file
the clerk named asks here first, and refuses with these words.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def kind_of(path: str | Path) -> str | None:
    """``None`` when ``path`` is a regular file (a link to one counts) or
    nothing is there; otherwise what it is, in a clerk's words ("a device",
    "a pipe (FIFO)", "a socket", "a folder", "a link to nothing")."""
    try:
        mode = os.stat(path).st_mode  # follows links
    except FileNotFoundError:
        return "a link to nothing" if os.path.islink(path) else None
    except OSError:
        return None  # unreadable: the open that follows says why
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"
