"""The ``minuteterm`` command's entry point: start with the collector held
and the rarely used parts of libraries loaded when first used.

Starting the app allocates a few hundred thousand objects (modules, Textual's
widgets and styles, the first screen's rows), and Python's cyclic garbage
collector walks them again and again as they pile up: on this project's
measurements ~110 ms of a start to the first frame went in collections that
freed next to nothing (a bare Textual app pays ~40 ms). So the command holds
the collector from its very first import; it runs again as soon as the
command turns out not to open the app, or, for the app, once the first
screen has been painted (what start-up made is then frozen out of later
passes: see :meth:`minuteterm.tui.app.MinuteTermApp.collect_again`). Reference
counting frees ordinary garbage all along; only cycles wait.
"""

from __future__ import annotations

import gc
import importlib.util
import sys
from collections.abc import Sequence

#: The commands that open the app (and so keep the collector held until its
#: first frame); ``None`` is the bare ``minuteterm`` (the list of meetings).
OPEN_THE_APP = frozenset({None, "open", "demo"})


def hold_collector() -> None:
    """Hold the cyclic collector for the start (see the module docstring)."""
    gc.disable()


def collect_again() -> None:
    """The collector runs again; everything alive now is left out of its
    later passes (it is what the program runs on, not garbage)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


#: Modules that libraries MinuteTerm starts with import up front but use only
#: now and then, made to load when first used (standard
#: :class:`importlib.util.LazyLoader`). ``pendulum.parsing`` imports
#: dateutil's parser (and with it dateutil's time zones, ``tempfile``,
#: ``shutil`` …: ~20 ms, a third of importing pendulum) for the rare string
#: its own ISO parser cannot read; MinuteTerm reads its stored moments with
#: ``fromisoformat`` and UK dates with its own grammar.
DEFERRED = ("dateutil.parser",)


def defer_imports() -> None:
    """Make each module of :data:`DEFERRED` load on first use, not import."""
    for name in DEFERRED:
        if name in sys.modules:
            continue
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            continue
        spec.loader = importlib.util.LazyLoader(spec.loader)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)  # loads on the first attribute read
        parent, _, child = name.rpartition(".")
        setattr(sys.modules[parent], child, module)


def main(argv: Sequence[str] | None = None) -> None:
    """``minuteterm``: hold the collector, defer what the start does not
    use, then run the command line."""
    hold_collector()
    defer_imports()
    from minuteterm.cli import main as run_command

    run_command(argv)
