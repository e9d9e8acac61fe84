"""A whole folder: extraction in parallel with a per-file cache, then the folder-wide steps."""
