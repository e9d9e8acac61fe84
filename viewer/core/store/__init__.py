"""The analyst's work: tags, notes, corrections, periods and topic edits, kept safely on disk."""
