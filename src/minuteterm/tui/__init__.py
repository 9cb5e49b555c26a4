"""The Textual app: one face over the domain layer (the CLI is the other)."""
