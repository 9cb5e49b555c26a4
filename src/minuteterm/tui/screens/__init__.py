"""Screens: the start list, the new-meeting form, the live meeting, help."""
