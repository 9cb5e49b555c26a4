"""Widgets of the meeting screen, one file each."""
