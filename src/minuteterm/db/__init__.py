"""The SQLite file: connection, transactions, schema and migrations, backup
and restore, the audit trail.

Nothing here imports anything of MinuteTerm above it (see
``docs/architecture.md``).
"""
