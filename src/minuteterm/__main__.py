"""``python -m minuteterm``: the same as the ``minuteterm`` command."""

from minuteterm.cli import main

main()
