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
            for stop in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(stop, self.stop_cleanly)
        self.checkpoints.start(self.store.conn)
        if self._first_meeting is not None:
            self.open_meeting(self._first_meeting)
        else:
            self.show_meetings()

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

    def stop_cleanly(self) -> None:
        """SIGTERM or SIGHUP (the terminal closed): keep every unsent line as
        a draft, then exit normally."""
        from minuteterm.tui.screens.meeting_screen import MeetingScreen

        try:
            for screen in self.screen_stack:
                if isinstance(screen, MeetingScreen) and screen.is_mounted:
                    screen.save_draft()  # a screen not drawn yet holds no typing
        finally:
            self.exit(return_code=0)  # even if a draft could not be kept

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
