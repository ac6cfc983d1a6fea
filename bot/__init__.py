"""Question answering over news articles, with verbatim quotes as evidence."""

__version__ = "0.1.0"
