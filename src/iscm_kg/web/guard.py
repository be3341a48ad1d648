"""Limits that keep one request from hurting the service: a time limit per query, and
checks on what a query may ask the engine to do (no federation, no updates).
"""

from __future__ import annotations

import os
import re
import signal
import threading
from typing import Callable, TypeVar

from ..engine import code_only

T = TypeVar("T")


class QueryTimeout(Exception):
    """The query ran past the configured limit."""


def run_with_deadline(work: Callable[[], T], seconds: float) -> T:
    """Run ``work`` in a helper thread and give up waiting after ``seconds``.

    The engine releases the GIL while it evaluates, so the request thread wakes on time. The
    abandoned evaluation cannot be interrupted from Python; the server retires the worker
    process after answering (see ``retire_worker``), which ends it.
    """
    box: dict = {}

    def target() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # re-raised in the request thread
            box["error"] = exc

    thread = threading.Thread(target=target, name="sparql-query", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise QueryTimeout()
    if "error" in box:
        raise box["error"]
    return box["value"]


def retire_worker() -> None:
    """Ask this gunicorn worker to finish its current response and exit; the master replaces it."""
    os.kill(os.getpid(), signal.SIGTERM)


_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+[^\s:]*:|BASE)\s*)*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)


def uses_service(query: str) -> bool:
    """A fast first check with a clear message; the engine's parser has the last word on SERVICE
    (``engine.refuse_federation``), since a lexer can take the ``<`` operator for an IRI."""
    return bool(_SERVICE.search(code_only(query)))


def is_update(query: str) -> bool:
    """Whether the text is a SPARQL Update (comments and strings left out)."""
    return bool(_UPDATE.match(code_only(query)))
