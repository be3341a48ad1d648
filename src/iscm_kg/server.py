"""Production serving: gunicorn with the dataset loaded once before the workers fork."""

from __future__ import annotations

from gunicorn.app.base import BaseApplication

from .engine import engine_for
from .web import create_app

ACCESS_LOG_FORMAT = (
    '{"time":"%(t)s","remote":"%(h)s","method":"%(m)s","path":"%(U)s","status":%(s)s,'
    '"bytes":%(B)s,"duration_ms":%(M)s,"query_ms":"%({x-query-time-ms}o)s","cache":"%({x-cache}o)s",'
    '"agent":"%(a)s"}'
)


class _Gunicorn(BaseApplication):
    def __init__(self, app, options: dict):
        self.application, self.options = app, options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)
        if "control_socket_disable" in self.cfg.settings:
            # gunicorn 24+ opens a control socket at one path per user ($XDG_RUNTIME_DIR or ~/.gunicorn):
            # a second server on the machine takes it over from the first. The service does not use it.
            self.cfg.set("control_socket_disable", True)

    def load(self):
        return self.application


def run(host: str = "127.0.0.1", port: int = 8000, workers: int = 2, timeout: int = 60,
        store: str | None = None, query_timeout: float = 10.0, cache_mb: int = 64) -> None:
    """Serve the graph with gunicorn (the engine loaded once before the workers fork).

    ``cache_mb`` is the result cache's budget for the whole service: each worker keeps its own
    cache, so each gets its share. A budget per worker would make the memory the service may take
    grow with ``--workers`` (four workers at 64 MB each held 72 MB more at 1x than with no cache,
    in the benchmark's unique-query runs, which fill every cache).
    """
    engine = engine_for(store)  # parse errors surface here, before any worker starts
    app = create_app(engine, {
        "QUERY_TIMEOUT": query_timeout,
        "RETIRE_WORKER_ON_TIMEOUT": True,
        "RESULT_CACHE_BYTES": cache_mb * 1024 * 1024 // max(workers, 1),
    })
    print(f"iscm-kg: serving {engine.origin}; SPARQL at http://{host}:{port}/sparql", flush=True)
    _Gunicorn(app, {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "sync",
        "timeout": max(timeout, int(query_timeout) + 5),
        "graceful_timeout": 10,
        "preload_app": True,
        "accesslog": "-",
        "access_log_format": ACCESS_LOG_FORMAT,
        "limit_request_line": 16384,
        "limit_request_field_size": 16384,
    }).run()
