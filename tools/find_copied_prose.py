"""List the 12-word passages of project files that also occur in the source documents."""

import sys
from array import array
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from iscm_kg.prose import SHINGLE, shingle_hashes, words  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
arr = array("Q")
arr.frombytes((ROOT / "tests" / "data" / "seed-fingerprints.bin").read_bytes())
prints = set(arr)
for name in sys.argv[1:]:
    w = words(Path(name).read_text(encoding="utf-8"))
    for i in range(len(w) - SHINGLE + 1):
        piece = " ".join(w[i:i + SHINGLE])
        if shingle_hashes(piece) & prints:
            print(f"{name}: {piece}")
