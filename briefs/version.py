"""The package version, in one place (read by the cache key and the package face)."""

__version__ = "0.1.0"
