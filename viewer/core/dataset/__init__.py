"""Event datasets on disk (Parquet), written by the scale-out engine and opened like folders."""
