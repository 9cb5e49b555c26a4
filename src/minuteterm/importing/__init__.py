"""Bringing work done before the meeting in: the agenda from a council's
Modern.Gov site, and each officer report turned into its minute's skeleton
(an opening note and proposed resolutions)."""
