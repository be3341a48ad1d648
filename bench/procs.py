"""Processes the harness starts: memory sampling of a process tree, free ports, stopping."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

try:  # psutil is in the bench extra; without it /proc is read directly (Linux)
    import psutil
except ImportError:  # pragma: no cover - depends on the environment
    psutil = None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _proc_children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            try:
                text = Path(f"/proc/{pid}/task/{task}/children").read_text()
            except OSError:
                continue
            out += [int(c) for c in text.split()]
    except OSError:
        pass
    return out


def _proc_kb(pid: int, field: str, name: str = "status") -> int:
    try:
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def tree_memory(pid: int, pss: bool = True, cpu: dict | None = None) -> tuple[int, int, int]:
    """(RSS summed over the process and all its descendants, PSS likewise, process count), bytes.

    RSS counts pages shared between a forking server's processes once per process; PSS divides
    each shared page among the processes sharing it, so it adds up to the memory really used.
    """
    if psutil is not None:
        try:
            root = psutil.Process(pid)
            procs = [root] + root.children(recursive=True)
        except psutil.Error:
            return 0, 0, 0
        rss = pss_total = 0
        for p in procs:
            try:
                if cpu is not None:
                    t = p.cpu_times()
                    cpu[p.pid] = t.user + t.system
                if pss:
                    info = p.memory_full_info()
                    rss += info.rss
                    pss_total += getattr(info, "pss", 0)
                else:
                    rss += p.memory_info().rss
            except psutil.Error:
                continue
        return rss, pss_total, len(procs)
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        todo += _proc_children(p)
    if cpu is not None:
        tick = os.sysconf("SC_CLK_TCK")
        for p in pids:
            try:
                fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
                cpu[p] = (int(fields[11]) + int(fields[12])) / tick
            except (OSError, ValueError, IndexError):
                pass
    rss = sum(_proc_kb(p, "VmRSS") for p in pids) * 1024
    pss_total = sum(_proc_kb(p, "Pss", "smaps_rollup") for p in pids) * 1024 if pss else 0
    return rss, pss_total, len(pids)


class MemorySampler:
    """Samples a process tree's memory in a thread until stopped; keeps the peaks.

    RSS is cheap to read (statm) and is read every ``interval``. PSS makes the kernel walk every
    page table (about 1 ms per process of the service, 10 ms per sample over its 9 processes): read
    four times a second it took several percent of a CPU away from the contender being timed. It is
    read when the RSS sum reaches a new peak, and at least every ``pss_interval`` seconds.
    """

    def __init__(self, pid: int, interval: float = 0.25, pss_interval: float = 2.0):
        self.pid, self.interval, self.pss_interval = pid, interval, pss_interval
        self._pss_at = 0.0
        self.peak_rss = self.peak_pss = self.max_procs = 0
        self.cpu: dict[int, float] = {}  # pid -> CPU seconds last seen: the tree's CPU use
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"mem-{pid}", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self, pss: bool = False) -> None:
        rss, _, n = tree_memory(self.pid, pss=False, cpu=self.cpu)
        now = time.monotonic()
        if pss or rss > self.peak_rss or now - self._pss_at >= self.pss_interval:
            rss, pss_total, n = tree_memory(self.pid, pss=True)
            self._pss_at = now
            self.peak_pss = max(self.peak_pss, pss_total)
        self.peak_rss = max(self.peak_rss, rss)
        self.max_procs = max(self.max_procs, n)

    def stop(self) -> None:
        self.sample(pss=True)
        self._stop.set()
        self._thread.join(5)


def die_with_parent() -> None:
    """In a child before exec: get SIGTERM when the harness dies, however it dies (Linux)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def start(cmd: list[str], log: Path, env: dict | None = None, **kwargs) -> subprocess.Popen:
    """Start a command in its own process group (so that its children can be stopped with it)."""
    with open(log, "ab") as out:
        return subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True,
                                preexec_fn=die_with_parent, **kwargs)


def stop(proc: subprocess.Popen, grace: float = 10.0) -> None:
    """Stop a process the harness started, and its process group (gunicorn workers, query children)."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            pass
    try:  # whatever of the group is left
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        pass


def _cpu_counters() -> tuple[int, int] | None:
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    except (OSError, ValueError, IndexError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return sum(fields), idle


class CpuAccount:
    """CPU time used on the whole machine by others than this process and its children.

    Machine busy time (from /proc/stat) minus this process's own (``os.times``, the load
    generator included) and the contender's processes' (sampled): what other work took from the
    contender measured meanwhile, as a fraction of all CPUs over the interval.
    """

    def __init__(self):
        self._start = self._read()

    @staticmethod
    def _read():
        counters = _cpu_counters()
        t = os.times()
        return time.perf_counter(), counters, t.user + t.system

    def other_fraction(self, tree_cpu: float) -> float | None:
        """``tree_cpu``: CPU seconds the contender's processes used (from its MemorySampler)."""
        wall0, c0, own0 = self._start
        wall1, c1, own1 = self._read()
        if not c0 or not c1 or wall1 <= wall0:
            return None
        tick = os.sysconf("SC_CLK_TCK")
        busy = ((c1[0] - c1[1]) - (c0[0] - c0[1])) / tick
        return max(0.0, (busy - (own1 - own0) - tree_cpu) / ((wall1 - wall0) * (os.cpu_count() or 1)))


def cpu_busy(interval: float = 1.0) -> float | None:
    """Fraction of all CPUs busy over ``interval`` seconds (Linux), or None where unknown."""
    first = _cpu_counters()
    time.sleep(interval)
    second = _cpu_counters()
    if not first or not second or second[0] == first[0]:
        return None
    return 1 - (second[1] - first[1]) / (second[0] - first[0])


def wait_idle(max_wait: float, threshold: float = 0.15) -> tuple[float, float | None]:
    """Wait (at most ``max_wait`` s) until other work leaves the CPUs mostly idle, so that one
    contender is not measured while something else runs. Returns (seconds waited, last busy fraction)."""
    started = time.perf_counter()
    busy = cpu_busy()
    while busy is not None and busy > threshold and time.perf_counter() - started < max_wait:
        time.sleep(4)
        busy = cpu_busy()
    return time.perf_counter() - started, busy


def wait_until(check, seconds: float, interval: float = 0.025):
    """Call ``check`` until it returns a truthy value or ``seconds`` pass; returns that value or None."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        value = check()
        if value:
            return value
        time.sleep(interval)
    return None
