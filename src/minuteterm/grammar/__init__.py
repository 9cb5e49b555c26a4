"""The capture grammar: one typed line becomes one command. Pure: no I/O, no clock."""
