"""Backend-neutral text helpers shared by backends, evaluation and digests.

``sentences`` splits text into sentences with offsets, ``names`` matches actor
names, ``similarity`` compares short texts. Nothing here generates or scores a
brief; this package imports nothing else from ``briefs``.
"""
