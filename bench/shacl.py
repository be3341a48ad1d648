"""SHACL validation times, measured in a process of its own: ``python -m bench.shacl ROOT [FILE]``.

Prints one JSON object: seconds to validate the whole graph of the project root ROOT with
``iscm_kg.validation.validate_files()``, and, given FILE, seconds to validate that contribution
with ``validate_files([FILE])``, each with its number of findings and exit code.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> None:
    from iscm_kg.validation import validate_files

    root = Path(argv[0])
    out: dict = {}
    started = time.perf_counter()
    outcome = validate_files(root=root)
    out["whole"] = {"seconds": time.perf_counter() - started, "findings": len(outcome.findings),
                    "exit_code": outcome.exit_code}
    if len(argv) > 1:
        started = time.perf_counter()
        outcome = validate_files([Path(argv[1])], root=root)
        out["contribution"] = {"seconds": time.perf_counter() - started, "findings": len(outcome.findings),
                               "exit_code": outcome.exit_code}
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
