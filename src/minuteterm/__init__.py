"""MinuteTerm: keyboard-first live meeting minuting for committee clerks."""

__version__ = "0.1.0"
