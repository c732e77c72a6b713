"""A hash for cache keys and duplicate detection, cheap to import."""

from __future__ import annotations

from typing import Any


def blake2b(data: bytes, *, digest_size: int) -> Any:
    """A BLAKE2b hash of ``data``, without the OpenSSL start-up cost of :mod:`hashlib`."""
    try:  # the module hashlib takes blake2b from
        from _blake2 import blake2b as new
    except ImportError:  # pragma: no cover - another Python implementation
        from hashlib import blake2b as new
    return new(data, digest_size=digest_size)
