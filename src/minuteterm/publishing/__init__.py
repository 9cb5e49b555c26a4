"""Publishing the public record as a searchable minutes website.

``minuteterm publish -o DIR`` turns the archive (one clerk's database, or
several merged) into a folder a stock Datasette serves read-only:

- :mod:`.sources` reads each clerk's database (from a private copy, never
  the file itself) and picks the meetings to publish;
- :mod:`.confidential` decides, in one place, which actions and action
  updates are confidential (raised or typed in an exempt item);
- :mod:`.public_db` gathers each meeting's public record as plain rows and
  writes ``minutes.db`` (full-text search, readable views), fresh and
  vacuumed;
- :mod:`.site` writes each meeting's public minutes as the same HTML as
  ``export --public``, and an index by committee and date;
- :mod:`.config` writes Datasette's ``metadata.json`` (titles, column
  descriptions, canned queries) and the small plugin that links rows to the
  HTML minutes;
- :mod:`.serve` runs Datasette over the folder, immutable, on 127.0.0.1;
- :mod:`.publish` puts it together (:func:`~.publish.publish`) and
  :mod:`.command` is the ``minuteterm publish`` command.

Nothing is imported here: the command line loads :mod:`.command` at start,
and the rest only when it publishes.
"""
