"""Benchmarks: reproducible speed measurements, kept out of the unit tests."""
