"""Serving a published folder with Datasette, on this machine only.

Datasette is an optional extra (``pip install 'minuteterm[publish]'``). The
folder is served as published: ``minutes.db`` immutable (``-i``: opened
read-only, never locked, row counts taken once), the metadata and plugin
beside it, and the HTML minutes at ``/html/``. The process becomes
Datasette (``exec``), so stopping it by its id stops the server.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

from minuteterm.publishing.config import PLUGIN_FILE
from minuteterm.publishing.errors import PublishError
from minuteterm.publishing.gather import HTML_MOUNT

INSTALL_HINT = "Datasette is not installed: pip install 'minuteterm[publish]'"
DEFAULT_PORT = 8001


def datasette_installed() -> bool:
    """Whether Datasette can be imported here."""
    try:
        return importlib.util.find_spec("datasette") is not None
    except (ImportError, ValueError):  # blocked, or half-installed
        return False


def check_folder(folder: Path) -> None:
    """Refuse a folder that does not hold a published site."""
    missing = [
        name
        for name in ("minutes.db", "metadata.json", f"plugins/{PLUGIN_FILE}", "minutes")
        if not (folder / name).exists()
    ]
    if missing:
        raise PublishError(
            f"{folder} holds no published minutes (no {missing[0]}):"
            f" run minuteterm publish -o {folder} first"
        )


def datasette_command(folder: Path, port: int) -> list[str]:
    """The command line that serves ``folder`` on 127.0.0.1:``port``."""
    folder = folder.resolve()
    return [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        "-i",
        str(folder / "minutes.db"),
        "--metadata",
        str(folder / "metadata.json"),
        "--plugins-dir",
        str(folder / "plugins"),
        "--static",
        f"{HTML_MOUNT}:{folder / 'minutes'}",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]


def serve(folder: Path, port: int) -> None:
    """Become Datasette serving ``folder``; returns only if it cannot start."""
    if not datasette_installed():
        raise PublishError(INSTALL_HINT)
    check_folder(folder)
    command = datasette_command(folder, port)
    print(
        f"Serving {folder} at http://127.0.0.1:{port}/ (minutes at /{HTML_MOUNT}/index.html);"
        " Ctrl+C stops it",
        flush=True,
    )
    sys.stderr.flush()
    try:
        os.execv(command[0], command)
    except OSError as error:
        raise PublishError(f"cannot start Datasette: {error.strerror or error}") from None
