"""The MinuteTerm Textual app: holds the store and moves between screens."""

from __future__ import annotations

import asyncio
import gc
import signal
from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.driver import Driver
from textual.screen import Screen

from minuteterm.db.checkpoints import BackgroundCheckpoints
from minuteterm.db.store import Store
from minuteterm.tui.terminal_input import install_paste_filter

#: How long a write from the app waits for another program's write lock
#: before the clerk is told the database is busy (the line is kept).
BUSY_MS = 250


def _collect_again() -> None:
    """See :func:`minuteterm.launch.collect_again` (the same, for the app:
    the app may not import :mod:`minuteterm.launch`, which sits above it
    with the command line)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def stop_signals() -> list[signal.Signals]:
    """The signals that ask the app to stop, of those this platform has
    (Windows has neither SIGHUP nor, for asyncio, signal handlers)."""
    return [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]


class MinuteTermApp(App[None]):
    """Start on the list of meetings, or straight on one meeting."""

    TITLE = "MinuteTerm"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("f1", "help", "Keys", id="app.help"),
        Binding("ctrl+a", "actions", "Actions", id="app.actions", priority=True),
        Binding("ctrl+f", "search", "Search", id="app.search", priority=True),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
    ]

    def __init__(self, store: Store, meeting_id: int | None = None) -> None:
        super().__init__()
        self.store = store
        self._first_meeting = meeting_id
        self.checkpoints = BackgroundCheckpoints(store.path)

    def get_driver_class(self) -> type[Driver]:
        """The terminal driver, reading pastes through the escape filter."""
        install_paste_filter()
        return super().get_driver_class()

    def on_mount(self) -> None:
        if not self.is_headless:  # tests keep their own signal handling
            loop = asyncio.get_running_loop()
            for stop in stop_signals():
                try:
                    loop.add_signal_handler(stop, self.stop_cleanly)
                except (NotImplementedError, RuntimeError):
                    break  # an event loop without signal handlers (Windows)
        self.store.set_busy_timeout(BUSY_MS)
        self.checkpoints.start(self.store.conn)
        # The first screen is pushed once the app's own mount is over, not
        # from inside it. Textual holds every repaint until the app has
        # mounted, and a screen pushed from here would be mounted, laid out
        # and rendered whole inside that hold, to be thrown away and
        # rendered again when it ends: ~40 ms of a ~150 ms start on this
        # machine. Pushed just after, its first render is the first frame.
        if self._first_meeting is not None:
            self.call_later(self.open_meeting, self._first_meeting)
        else:
            self.call_later(self.show_meetings)

    def on_unmount(self) -> None:
        self.checkpoints.stop(self.store.conn)
        gc.unfreeze()

    def settle_garbage(self) -> None:
        """Collect what is garbage now, then leave everything still alive
        (Textual's widgets and styles, the modules, the open screen) out of
        the collector's later full passes, which otherwise walk it all and
        stall a keystroke by tens of milliseconds every few seconds of
        typing. Called once a meeting screen is up (so garbage from screens
        closed since the last call is freed then)."""
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def collect_again(self) -> None:
        """Called by the first screen once it has its content: after that
        frame is painted, the garbage collector held by the ``minuteterm``
        command for the start (:mod:`minuteterm.start`) runs again, with
        what start-up made frozen out of its passes."""
        if not gc.isenabled():
            self.call_after_refresh(_collect_again)

    def _unstored(self) -> list[str]:
        """Every line, in every open meeting window, that is stored nowhere
        (each window first tries once more to keep its drafts)."""
        from minuteterm.tui.screens.meeting_screen import MeetingScreen

        lines: list[str] = []
        for screen in self.screen_stack:
            if isinstance(screen, MeetingScreen) and screen.is_mounted:
                lines += screen.unstored()  # a screen not drawn yet holds no typing
        return lines

    def _recovered(self, lines: list[str]) -> str:
        """Write ``lines`` to a recovery file; what to tell the clerk."""
        from minuteterm.recording.drafts import write_recovery

        try:
            path = write_recovery(self.store.path, lines)
        except OSError as error:
            return f"MinuteTerm: {len(lines)} unsaved line(s) could not be kept: {error}"
        return f"MinuteTerm: {len(lines)} line(s) the database did not store are in {path}"

    def stop_cleanly(self) -> None:
        """SIGTERM or SIGHUP (the terminal closed): keep every unsent line as
        a draft, then exit normally; words the database will not take are
        written to a recovery file next to it, and its path is printed."""
        message = None
        try:
            lines = self._unstored()
            if lines:
                message = self._recovered(lines)
        finally:
            self.exit(return_code=0, message=message)  # even if a draft could not be kept

    async def action_quit(self) -> None:
        """Ctrl+Q: quit, but never silently over lines that are not stored:
        ask first, and write them to a recovery file if the clerk quits."""
        from textual.content import Content

        from minuteterm.tui.screens.choice_dialog import ChoiceDialog

        lines = self._unstored()
        if not lines:
            self.exit()
            return

        def chosen(choice: str | None) -> None:
            if choice == "write":
                self.exit(message=self._recovered(lines))

        title = f"{len(lines)} line(s) are not stored: the database refused them. Quit anyway?"
        choices = [
            ("stay", Content("Stay: keep them and keep trying to store them")),
            ("write", Content("Write them to a text file next to the database, then quit")),
        ]
        self.push_screen(ChoiceDialog(title, choices), chosen)

    def show_meetings(self) -> None:
        """Show the list of meetings: back to it if it is under this screen,
        else in place of this screen (it is made when first needed, so
        opening straight on a meeting never pays for it)."""
        from minuteterm.tui.screens.start_screen import StartScreen

        for index, screen in enumerate(self.screen_stack):
            if isinstance(screen, StartScreen):
                while len(self.screen_stack) > index + 1:
                    self.pop_screen()
                return
        if len(self.screen_stack) > 1:
            self.switch_screen(StartScreen(self.store))
        else:
            self.push_screen(StartScreen(self.store))

    def open_meeting(self, meeting_id: int) -> None:
        """Show the live screen for one meeting."""
        from minuteterm.tui.screens.meeting_screen import MeetingScreen

        self.push_screen(MeetingScreen(self.store, meeting_id))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette (Ctrl+P) offers the action sheet and the keys."""
        yield SystemCommand(
            "Action sheet", "Every action across meetings (Ctrl+A)", self.action_actions
        )
        yield SystemCommand(
            "Search", "Find words in every meeting, best match first (Ctrl+F)", self.action_search
        )
        yield SystemCommand("Keys", "Every key MinuteTerm answers to (F1)", self.action_help)
        yield from super().get_system_commands(screen)

    def action_actions(self) -> None:
        """Show the action sheet, from anywhere."""
        from minuteterm.tui.screens.actions_screen import ActionsScreen

        if not isinstance(self.screen, ActionsScreen):
            self.push_screen(ActionsScreen(self.store))

    def action_search(self) -> None:
        """Search every meeting, from anywhere; Enter on a result opens it."""
        from .screens.search_screen import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen(self.store), self.open_found)

    def open_found(self, found: object) -> None:
        """Open a search result: its meeting at its item, the entry selected
        (in the meeting screen already open for it, if there is one)."""
        from .screens.meeting_screen import MeetingScreen
        from .screens.search_screen import Found

        if not isinstance(found, Found):
            return
        if isinstance(self.screen, MeetingScreen) and self.screen.meeting_id == found.meeting_id:
            self.screen.show_found(found.item_id, found.entry_id)
            return
        screen = MeetingScreen(self.store, found.meeting_id)
        self.push_screen(screen)
        screen.show_found(found.item_id, found.entry_id)

    def action_help(self) -> None:
        """Show every key."""
        from minuteterm.tui.screens.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
