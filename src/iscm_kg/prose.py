"""Detect prose copied from the source documents, by comparing hashed word shingles."""

from __future__ import annotations

import hashlib
import re

SHINGLE = 12
_WORD = re.compile(r"[a-z0-9]+")
_TAGS = re.compile(r"<[^>]+>")


def words(text: str) -> list[str]:
    """The lower-case words of a text, markup dropped (for prose fingerprints)."""
    return _WORD.findall(_TAGS.sub(" ", text).lower())


def shingle_hashes(text: str, sample: int = 2) -> set[int]:
    """64-bit hashes of the 12-word shingles of ``text`` (only those divisible by ``sample``)."""
    w = words(text)
    out: set[int] = set()
    for i in range(len(w) - SHINGLE + 1):
        h = int.from_bytes(hashlib.blake2b(" ".join(w[i:i + SHINGLE]).encode(), digest_size=8).digest(), "big")
        if h % sample == 0:
            out.add(h)
    return out


def copied_passages(text: str, fingerprints: set[int], allowed: set[int] = frozenset()) -> list[str]:
    """The 12-word passages of ``text`` whose hash is among ``fingerprints`` (minus ``allowed``)."""
    w = words(text)
    out = []
    for i in range(len(w) - SHINGLE + 1):
        piece = " ".join(w[i:i + SHINGLE])
        h = shingle_hashes(piece)
        if h and (h & fingerprints) and not (h & allowed):
            out.append(piece)
    return out
