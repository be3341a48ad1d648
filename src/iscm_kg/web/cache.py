"""A small in-process LRU cache of serialized query results, bounded in bytes.

Keys include the dataset version, so a new build never serves stale answers.

An answer is kept the second time its request is seen, not the first (a "doorkeeper" admission
filter, as in TinyLFU caches): most queries sent to a public endpoint are sent once, and keeping
every one of them would push out the answers that are asked again, and fill the memory of every
worker. The benchmark's unique-query runs filled the caches of four workers with answers that never
came back (54 MB at 1x); with the filter they keep none of them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict


class ResultCache:
    """Query answers by request, kept while they fit in ``max_bytes`` (least recently used go first)."""

    SEEN_ONCE = 8192  # requests remembered (by hash) as seen once; the oldest are forgotten first

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple, tuple[str, bytes]] = OrderedDict()
        self._seen: OrderedDict[int, None] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: tuple) -> tuple[str, bytes] | None:
        """The media type and body kept for the key, if any (counted as a hit or a miss)."""
        with self._lock:
            item = self._items.get(key)
            if item is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return item

    def put(self, key: tuple, media_type: str, body: bytes) -> None:
        """Keep an answer the second time its request is seen (not one larger than a quarter of the
        cache), dropping the least recently used to make room."""
        if self.max_bytes <= 0 or len(body) > self.max_bytes // 4:
            return
        with self._lock:
            if not self._seen_before(hash(key)):
                return
            if key in self._items:
                self._size -= len(self._items.pop(key)[1])
            self._items[key] = (media_type, body)
            self._size += len(body)
            while self._size > self.max_bytes and self._items:
                _, (_, old) = self._items.popitem(last=False)
                self._size -= len(old)

    def _seen_before(self, digest: int) -> bool:
        """Whether a request with this hash was answered before; remembers it if not."""
        if digest in self._seen:
            del self._seen[digest]
            return True
        self._seen[digest] = None
        if len(self._seen) > self.SEEN_ONCE:
            self._seen.popitem(last=False)
        return False
