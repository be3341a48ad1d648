"""Fingerprint the source documents so tests can catch copied prose without shipping it.

Writes ``tests/data/seed-fingerprints.bin``: sorted 64-bit hashes of a sample (every hash
divisible by 2) of the 12-word shingles of the seed documents. Hashes cannot be turned back
into text, so the project can check itself offline without containing the sources.
Run: ``.venv/bin/python tools/make_seed_fingerprints.py ../shared/seeds``.
"""

from __future__ import annotations

import sys
from array import array
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from iscm_kg.prose import SHINGLE, shingle_hashes  # noqa: E402


def main(seed_dir: str) -> None:
    hashes: set[int] = set()
    for path in sorted(Path(seed_dir).glob("*.txt")):
        hashes |= shingle_hashes(path.read_text(encoding="utf-8"))
    out = Path(__file__).resolve().parent.parent / "tests" / "data" / "seed-fingerprints.bin"
    arr = array("Q", sorted(hashes))
    out.write_bytes(arr.tobytes())
    print(f"{len(arr)} fingerprints of {SHINGLE}-word shingles written to {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds")
