"""Archive search: a full-text index over every meeting, kept in step with
each change by SQL triggers (:mod:`.index`), the clerk's query read into
safe FTS5 syntax and run (:mod:`.query`), what a ``--public`` search may
show (:mod:`.confidential`), and a subject's story across meetings
(:mod:`.history`)."""
