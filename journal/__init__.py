"""Connection Journal: a private journal of connection, mood and treatment."""

__version__ = "0.1.0"
