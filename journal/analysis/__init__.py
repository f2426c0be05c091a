"""Honest statistics on one person's data: pure numpy, no Qt, no SQL."""
