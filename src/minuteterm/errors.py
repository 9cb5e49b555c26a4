"""The errors whose message is meant for the clerk, never a traceback.

Kept in a module of their own so a screen can catch them without importing
the capture grammar or the recorder (which the first screen does not need).
"""

from __future__ import annotations

from minuteterm.dates import DateError


class StoreError(Exception):
    """A problem the clerk can understand and act on; the message says what."""


class StorageUnavailable(StoreError):
    """The file cannot take a write just now (another program holds the write
    lock, the disk is full or read-only, an I/O error): nothing was changed,
    and the same write may work later."""


class CaptureError(ValueError):
    """A line that cannot be understood; the message says why, for the clerk."""


#: Errors whose message is meant for the clerk (never a traceback).
CLERK_ERRORS: tuple[type[Exception], ...] = (CaptureError, DateError, StoreError)
