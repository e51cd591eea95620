"""fork_map/fork_imap: the results of a serial run, in order; a worker's error raised in its turn;
a consumer that stops early or a killed parent leaves no worker behind."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT
from procs import children, living

# Run in a fresh interpreter: fork_imap works in this process (serially) when other threads are
# alive, as they may be in the test session; a child process has only its main thread.
_SCRIPT = r"""
import json, os, sys
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from procs import children
from tnarchive.forked import fork_imap, fork_map

def kids():
    return children(os.getpid())

def square_or_fail(n):
    if n == 37:
        raise ValueError("item 37")
    return n * n

report = {}
got = fork_map(lambda n: (n * n, os.getpid()), list(range(200)), per_job=1, jobs=2, chunksize=7)
report["values"] = [v for v, _ in got]
report["workers"] = len({pid for _, pid in got} - {os.getpid()})
seen = []
try:
    for value in fork_imap(square_or_fail, list(range(100)), per_job=1, jobs=2, chunksize=5):
        seen.append(value)
except ValueError as exc:
    report["error"] = str(exc)
report["seen"] = seen
report["after_error"] = kids()
it = fork_imap(lambda n: n, list(range(1000)), per_job=1, jobs=2, chunksize=4)
report["first"] = next(it)
report["while_running"] = len(kids())
it.close()
report["after_close"] = kids()
print(json.dumps(report))
"""


@pytest.fixture(scope="module")
def report() -> dict:
    done = subprocess.run([sys.executable, "-c", _SCRIPT, str(ROOT), str(Path(__file__).parent)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_results_in_order_from_several_workers(report):
    assert report["values"] == [n * n for n in range(200)]
    assert report["workers"] == 2, "two workers did the work"


def test_a_workers_error_comes_in_its_items_turn(report):
    assert report["error"] == "item 37"
    assert report["seen"] == [n * n for n in range(37)]
    assert report["after_error"] == [], "workers are reaped"


def test_stopping_early_reaps_the_workers(report):
    assert report["first"] == 0 and report["while_running"] == 2
    assert report["after_close"] == []


def test_workers_end_when_the_parent_is_killed(tmp_path):
    script = tmp_path / "parent.py"
    script.write_text(
        "import sys, time\nsys.path.insert(0, %r)\nfrom tnarchive.forked import fork_imap\n"
        "for n in fork_imap(lambda n: time.sleep(0.05) or n, list(range(10_000)), per_job=1, jobs=2, chunksize=1):\n"
        "    if n == 3: print('running', flush=True)\n" % str(ROOT))
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "running"
    workers = children(proc.pid)
    assert len(workers) == 2
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and living(workers):
        time.sleep(0.1)
    assert not living(workers), "the workers saw their pipe close and ended"
