"""One map from what can end a query to the HTTP status and the message the client reads.

The SPARQL endpoint answers it as plain text, the query page shows it in the page: the same query
gets the same status and words from both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..engine import FederationRefused, QueryError, StoreRefused, StoreUnavailable, UpdateRefused
from ..formats import NotAcceptable
from .guard import QueryTimeout
from .runner import EngineFailure, FormatError

ENGINE_DEFECT = ("This is a defect of the query engine triggered by this query (for example ORDER BY over values of "
                 "mixed datatypes, or groups nested thousands deep); rewrite the query, e.g. sort on STR(?value), "
                 "or flatten it.")


@dataclass
class Refusal:
    """What the client is told about a query the service refuses: status, message and extra headers."""

    status: int
    message: str
    headers: dict = field(default_factory=dict)


def refusal(exc: BaseException, limit: float) -> Refusal | None:
    """The status and message for ``exc``, or None when it is not a refusal (a defect: let it raise)."""
    if isinstance(exc, QueryTimeout):
        return Refusal(503, f"The query ran past the time limit of {limit:g} s and was stopped. Narrow it (add "
                            "LIMIT, more specific patterns) and try again.", {"Retry-After": "1"})
    if isinstance(exc, UpdateRefused):
        return Refusal(403, str(exc))
    if isinstance(exc, (FederationRefused, StoreRefused)):
        return Refusal(400, str(exc))
    if isinstance(exc, QueryError):
        return Refusal(400, f"Malformed query: {exc}")
    if isinstance(exc, FormatError):
        return Refusal(exc.status, str(exc))
    if isinstance(exc, NotAcceptable):
        return Refusal(406, str(exc))
    if isinstance(exc, StoreUnavailable):
        return Refusal(503, f"The SPARQL store is unavailable: {exc}", {"Retry-After": "5"})
    if isinstance(exc, EngineFailure):
        return Refusal(400, f"The query could not be evaluated: {exc}. {ENGINE_DEFECT}")
    if isinstance(exc, (OSError, RuntimeError, ValueError)):
        return Refusal(400, f"The query could not be evaluated: {exc}")
    return None
