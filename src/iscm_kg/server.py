"""Production serving: gunicorn with the dataset loaded once before the workers fork."""

from __future__ import annotations

from gunicorn.app.base import BaseApplication

from .engine import Engine
from .web import create_app


class _Gunicorn(BaseApplication):
    def __init__(self, app, options: dict):
        self.application, self.options = app, options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.application


def run(host: str = "127.0.0.1", port: int = 8000, workers: int = 2, timeout: int = 60) -> None:
    engine = Engine.from_project()  # parse errors surface here, before any worker starts
    app = create_app(engine)
    print(f"iscm-kg: {len(engine)} quads from {engine.origin}; SPARQL at http://{host}:{port}/sparql", flush=True)
    _Gunicorn(app, {
        "bind": f"{host}:{port}",
        "workers": workers,
        "timeout": timeout,
        "preload_app": True,
        "accesslog": "-",
        "limit_request_line": 16384,
    }).run()
