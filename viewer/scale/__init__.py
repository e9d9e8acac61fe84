"""Extraction on a Dask cluster into a Parquet event dataset (optional: needs the `scale`
extra). The per-document work, the people merge and the clustering are the core's own
functions; this package only plans partitions, runs them as tasks and writes the dataset."""
