"""Keys applied in the order they were typed, in every input of the app.

Textual's ``Input`` and ``TextArea`` put a printable character into the text
as soon as the key reaches them, but an editing key (Backspace, Delete, the
arrows, Home, End, Ctrl+U/K/W, Enter…) is a *binding*: the key goes up to the
app and its action runs on the way back (Textual issue #6605). When keys
arrive together (a fast typist, a text expander, a terminal catching up after
a pause) the letters typed after Backspace are put in before it runs, so
``abcdefgh`` + four Backspaces + ``WXYZ`` became ``abcdefgh``.

Here the focused input runs, as each key reaches it, the binding the app
would have run for that key, when that binding belongs to the input itself or
to a widget around it (the capture bar's kind keys), or moves the focus (Tab,
Shift+Tab). Keys bound on a screen or on the app (open a screen, export,
quit) still go up to the app as before.

The TextArea that does the same lives in :mod:`.ordered_text_area`, so that
the screens with no TextArea (the list, the meeting) do not import Textual's
TextArea at start-up.

A key that moves the focus (Tab to the next field) leaves the keys typed
after it waiting in the old field's queue: they are handed on, in order, to
the field that now has the focus, before the app can send it anything newer.
"""

from __future__ import annotations

from asyncio import Queue, QueueEmpty

from textual import events
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget

#: Screen and app actions that run with the key, because they decide where
#: the next keys go.
#: (The screens' own "to the filter line" actions are among them: a list or
#: table runs ``/`` as it reaches it, so the letters typed behind it follow it
#: to the filter line: see :mod:`.ordered_option_list`.)
FOCUS_ACTIONS = frozenset(
    {
        "focus_next",
        "focus_previous",
        "app.focus_next",
        "app.focus_previous",
        "filter",
        "focus_filter",
        "focus_query",
    }
)


def _runs_inline(namespace: object, action: str) -> bool:
    """Whether a binding on ``namespace`` runs as its key reaches the input."""
    if action in FOCUS_ACTIONS:
        return True
    return isinstance(namespace, Widget) and not isinstance(namespace, Screen)


async def run_binding_now(widget: Widget, event: events.Key) -> bool:
    """Run the binding the app would run for ``event`` now, if it is one the
    input owns (see the module docstring). True when a binding ran; the key
    is then used up."""
    if not widget.is_attached:
        return False
    app = widget.app
    # The chain the app itself walks for a key that is not a priority one:
    # from the focused widget up to the screen and the app, stopping at a modal.
    for namespace, bindings in widget.screen._modal_binding_chain:
        for binding in bindings.key_to_bindings.get(event.key, ()):
            if binding.priority:
                continue  # the app ran priority bindings before the key came here
            if not _runs_inline(namespace, binding.action):
                return False  # the app's to run, in its usual way
            if await app.run_action(binding.action, namespace):
                return True
    return False


def hand_on_waiting_keys(widget: Widget) -> None:
    """The focus has left ``widget``: the keys and pastes still waiting in its
    queue go, in order, to whatever has the focus now."""
    if not widget.is_attached:
        return
    target: Widget = widget.app.focused or widget.app.screen
    if target is widget:
        return
    queue: Queue[Message | None] = widget._message_queue
    waiting: list[Message | None] = []
    if widget._pending_message is not None:  # the next message, already peeked at
        waiting.append(widget._pending_message)
        widget._pending_message = None
    while True:
        try:
            waiting.append(queue.get_nowait())
        except QueueEmpty:
            break
        queue.task_done()  # taken out here, never processed here
    for message in waiting:
        if isinstance(message, (events.Key, events.Paste)):
            target.post_message(message)
        else:
            queue.put_nowait(message)


def pass_on_if_focus_left(widget: Widget, event: events.Key | events.Paste) -> bool:
    """A key or paste reaching ``widget`` after the focus left it (a key run
    by the screen, such as Esc or F7, moved it while more keys were on their
    way) goes on to where the focus is now, with the keys behind it. True
    when it was passed on."""
    if not widget.is_attached or widget.app.focused is widget:
        return False
    event.stop()
    event.prevent_default()
    target: Widget = widget.app.focused or widget.app.screen
    target.post_message(event)
    hand_on_waiting_keys(widget)
    return True


async def apply_key_in_order(widget: Widget, event: events.Key) -> bool:
    """Run ``event``'s binding now if the input owns it; hand on the keys
    behind it if it moved the focus. True when the key was used up."""
    if not await run_binding_now(widget, event):
        return False
    event.stop()
    event.prevent_default()  # not the widget's own handling, nor the app's
    if widget.is_attached and widget.app.focused is not widget:
        hand_on_waiting_keys(widget)
    return True


async def follow_keys(widget: Widget, event: events.Key) -> None:
    """For a list or table (no text of its own): a key that reaches it after
    the focus left goes on to the focus; a key that moves the focus (``/``,
    Tab) runs now, and the keys behind it follow it."""
    if not pass_on_if_focus_left(widget, event):
        await apply_key_in_order(widget, event)
