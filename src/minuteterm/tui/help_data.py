"""Every key MinuteTerm answers to, kept as data for the F1 help screen.

The bindings on the screens carry the same descriptions; a test checks that
each binding appears here, so help never falls behind the keys.
"""

from __future__ import annotations

#: (where, keys, what it does), in the order the help screen lists them.
KEYS: tuple[tuple[str, str, str], ...] = (
    ("Anywhere", "F1", "Show this list of keys"),
    ("Anywhere", "Ctrl+Q", "Quit (everything is already saved)"),
    ("Anywhere", "Ctrl+P", "Command palette"),
    ("This list", "Esc / F1 / Q", "Close this list of keys"),
    ("Dialogs", "↑ / ↓ then Enter", "Choose (a kind, a question)"),
    ("Dialogs", "Esc", "Cancel"),
    ("Meetings list", "Enter", "Open the highlighted meeting"),
    ("Meetings list", "N", "Create a new meeting"),
    ("New meeting", "Tab / Shift+Tab", "Move between fields"),
    ("New meeting", "Ctrl+S", "Create the meeting and open it"),
    ("New meeting", "Esc", "Cancel"),
    ("Capture bar", "Enter", "Save the line (it is committed at once)"),
    ("Capture bar", "F2", "Lines without a prefix are notes"),
    ("Capture bar", "F3", "Lines without a prefix are member questions"),
    ("Capture bar", "F4", "Lines without a prefix are officer responses"),
    ("Capture bar", "F5", "Lines without a prefix are actions"),
    ("Capture bar", "F6", "Lines without a prefix are resolutions"),
    ("Capture bar", "Tab", "Accept the suggested speaker name, else next pane"),
    ("Capture bar", "? > ! =", "First character: question, response, action, resolution"),
    ("Capture bar", "Name: …", "Names the speaker (an action's owner)"),
    ("Capture bar", "… by 14/12/2026", "Sets an action's due date"),
    ("Capture bar", "/item N  /next  /prev", "Move to another agenda item"),
    ("Capture bar", "/end", "Close the meeting (records the closing time)"),
    ("Capture bar", "/add TITLE", "Add an item of urgent business"),
    ("Capture bar", "/undo", "Bring back the entry deleted last"),
    ("Capture bar", "s/old/new/", "Correct the last entry"),
    ("Capture bar", "\\", "Keep the next character literal (\\? starts a note)"),
    ("Meeting", "Tab / Shift+Tab", "Move to the next / previous pane"),
    ("Meeting", "Esc", "Back to the capture bar"),
    ("Meeting", "Ctrl+E", "Export the minutes (Markdown and HTML)"),
    ("Meeting", "Ctrl+L", "Back to the list of meetings"),
    ("Agenda pane", "Enter", "Make the highlighted item current"),
    ("Entry panes", "↑ / ↓", "Select an entry"),
    ("Entry panes", "Enter / E", "Edit the entry in place (Enter saves, Esc cancels)"),
    ("Entry panes", "K", "Change the entry's kind"),
    ("Entry panes", "D / Delete", "Delete the entry"),
    ("Entry panes", "U", "Undo the last delete"),
    ("Entry panes", "A", "Attach a response to another question"),
)
