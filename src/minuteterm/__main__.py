"""``python -m minuteterm``: the same as the ``minuteterm`` command."""

from .cli import main

main()
