"""Throughput: N concurrent clients (threads) send a fixed request sequence to a server.

Closed loop: each client sends its next request when the previous one is answered. A run ends
when the sequence is used up or the time window has passed (no new request is started after
it; those in flight are waited for, each bounded by the request time-out). Throughput is the
number of successful answers divided by the time from the first request to the last answer.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from .contenders import http_post
from .workload import Query


@dataclass
class LoadResult:
    clients: int
    completed: int
    errors: int
    seconds: float
    latencies: list[float]

    @property
    def qps(self) -> float:
        return self.completed / self.seconds if self.seconds > 0 else 0.0


def run_load(port: int, path: str, requests: list[tuple[Query, str]], clients: int, window: float,
             timeout: float) -> LoadResult:
    lock = threading.Lock()
    position = [0]
    completed, errors = [0], [0]
    latencies: list[float] = []
    last_end = [0.0]
    started = time.perf_counter()
    deadline = started + window

    def client() -> None:
        while time.perf_counter() < deadline:
            with lock:
                i = position[0]
                if i >= len(requests):
                    return
                position[0] += 1
            query, text = requests[i]
            try:
                status, _, _, seconds = http_post(port, path, text, query.accept, timeout)
                ok = status == 200
            except OSError:
                ok, seconds = False, 0.0
            with lock:
                if ok:
                    completed[0] += 1
                    latencies.append(seconds)
                else:
                    errors[0] += 1
                last_end[0] = time.perf_counter()

    threads = [threading.Thread(target=client, name=f"client-{n}", daemon=True) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(window + timeout + 10)
    end = last_end[0] or time.perf_counter()
    return LoadResult(clients, completed[0], errors[0], end - started, latencies)
