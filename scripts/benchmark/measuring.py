"""Running a command and metering it: wall time, and peak memory of its whole process tree (the
build forks, so one process's peak is not what the machine must hold); and the machine itself."""
from __future__ import annotations

import contextlib
import datetime as dt
import importlib.metadata
import os
import platform
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from .browser import CHROMIUM

ROOT = Path(__file__).resolve().parent.parent.parent
BIN = Path(sys.executable).parent
TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        kids = _children(todo.pop())
        out += kids
        todo += kids
    return out


def _pss_kb(pid: int) -> int:
    """The process's proportional set size in kB: its pages, each shared page divided among the
    processes that share it (/proc/PID/smaps_rollup). Summed over a forked build, it counts what
    the machine holds, where the sum of VmRSS counts a shared page once per process."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _status_kb(pid: int, field: str) -> int:
    """A memory figure of /proc/PID/status in kB: VmRSS (now) or VmHWM (the process's peak)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_measured(cmd: list[str], cwd: Path, log: Path, timeout: float | None = None,
                 mem_cap_kb: int | None = None, env: dict | None = None) -> dict:
    """Run *cmd*, returning wall time, peak RSS and how it ended. Output goes to *log*."""
    timefile = log.with_suffix(".time")
    full = [TIME, "-v", "-o", str(timefile), *cmd] if TIME else cmd
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    with open(log, "w") as out:
        proc = subprocess.Popen(full, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True)
        seen_kb, total_kb, pss_kb, timed_out, over_mem = 0, 0, 0, False, False
        while proc.poll() is None:
            tree = [proc.pid, *_descendants(proc.pid)]
            for pid in tree:
                seen_kb = max(seen_kb, _status_kb(pid, "VmHWM"))
            # The build forks (one process per language, workers for events): what the machine
            # must hold is the sum of the processes alive at the same moment.
            total_kb = max(total_kb, sum(_status_kb(pid, "VmRSS") for pid in tree))
            pss_kb = max(pss_kb, sum(_pss_kb(pid) for pid in tree))
            if timeout and time.perf_counter() - t0 > timeout:
                timed_out = True
            if mem_cap_kb and seen_kb > mem_cap_kb:
                over_mem = True
            if timed_out or over_mem:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                break
            time.sleep(0.2)
    wall = time.perf_counter() - t0
    rss_kb, method = None, None
    if TIME and timefile.exists():
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", timefile.read_text())
        if m:
            rss_kb, method = int(m.group(1)), "/usr/bin/time -v"
    if rss_kb is None:
        after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if after > before:
            rss_kb, method = after, "getrusage(RUSAGE_CHILDREN) delta"
        elif seen_kb:
            rss_kb, method = seen_kb, "/proc VmHWM polled every 0.2 s (lower bound)"
    return {"cmd": " ".join(cmd), "wall_s": round(wall, 3), "rc": proc.returncode,
            "timed_out": timed_out, "killed_over_memory": over_mem,
            "peak_rss_bytes": rss_kb * 1024 if rss_kb else None, "rss_method": method,
            "peak_total_rss_bytes": total_kb * 1024 if total_kb else None,
            "total_rss_method": "sum of VmRSS over the process tree, polled every 0.2 s (lower bound)",
            "peak_total_pss_bytes": pss_kb * 1024 if pss_kb else None,
            "total_pss_method": "sum of Pss (smaps_rollup) over the process tree, polled every 0.2 s: "
                                "pages shared by forked processes counted once"}


def check(res: dict, log: Path, what: str) -> None:
    if res["rc"] != 0:
        tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
        raise RuntimeError(f"{what} failed (exit {res['rc']}); log {log}:\n{tail}")


def peak_rss(res: dict) -> int | None:
    """Peak memory of a command: the sum over its processes when it forks, else its own peak."""
    values = [v for v in (res.get("peak_total_rss_bytes"), res.get("peak_rss_bytes")) if v]
    return max(values) if values else None


def machine_info() -> dict:
    cpu = None
    with contextlib.suppress(OSError):
        m = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = m and m.group(1).strip()
    mem = None
    with contextlib.suppress(OSError):
        m = re.search(r"MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text())
        mem = m and int(m.group(1)) * 1024

    def ver(pkg):
        try:
            return importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            return None

    hugo = shutil.which("hugo")
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip() \
        if Path(CHROMIUM).exists() else None
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "cores": os.cpu_count(), "memory_bytes": mem, "cpu": cpu,
        "os": platform.platform(), "python": platform.python_version(),
        "versions": {p: ver(p) for p in ("tnarchive", "mkdocs", "mkdocs-material", "mkdocs-static-i18n",
                                         "lunr", "Markdown", "playwright")},
        "chromium": chromium,
        "hugo": subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip() if hugo else None,
        "rss_method": "/usr/bin/time -v (Maximum resident set size)" if TIME
        else "resource.getrusage(RUSAGE_CHILDREN).ru_maxrss delta",
    }
