"""The one door: every change to a meeting goes through here; and the one
read of a meeting's record."""
