"""``python -m minuteterm``: the same as the ``minuteterm`` command."""

from minuteterm.start import main

main()
