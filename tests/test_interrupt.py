"""Ctrl-C at random moments of `tnarchive convert`: it stops within 2 s with one line, workers and
all, leaving no temporary file and every article whole (issue 18)."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, TNARCHIVE
from procs import children, living

from tnarchive.validate import read_page

TRIES = 20


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("interrupt") / "corpus"
    subprocess.run([sys.executable, str(ROOT / "scripts/gen_corpus.py"), "--count", "60", "--out", str(out),
                    "--seed", "5", "--jobs", "1"], check=True, capture_output=True, timeout=300)
    return out


def _wait_for_project_code(pid: int) -> None:
    """Until tnarchive's own code runs: cli.py sets its Ctrl-C handler before it imports PyYAML, so
    the moment PyYAML's C extension is mapped into the process. Before that, a Ctrl-C lands in the
    interpreter's own start-up (site-packages, the entry script), which prints Python's traceback
    whatever a program does; under a loaded machine that window reaches a tenth of a second."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if "_yaml" in Path(f"/proc/{pid}/maps").read_text():
                return
        except OSError:  # already finished
            return
        time.sleep(0.005)


def test_interrupted_convert_stops_fast_and_leaves_everything_whole(corpus):
    rng = random.Random(18)
    articles = corpus / "docs/vi/articles"
    outcomes = []
    for attempt in range(TRIES):
        if articles.is_dir():  # some articles to write again, so the interrupt may land while writing
            for path in rng.sample(sorted(articles.glob("*.md")), k=min(20, len(list(articles.glob("*.md"))))):
                path.unlink()
        proc = subprocess.Popen([TNARCHIVE, "convert", "--no-progress", "--jobs", "2"], cwd=corpus,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
        _wait_for_project_code(proc.pid)
        time.sleep(rng.uniform(0, 2.4))
        workers = children(proc.pid)
        sent = time.monotonic()
        os.killpg(proc.pid, signal.SIGINT)
        try:
            out, err = proc.communicate(timeout=2)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            pytest.fail(f"try {attempt}: still running 2 s after Ctrl-C")
        took = time.monotonic() - sent
        outcomes.append(proc.returncode)
        assert "Traceback" not in err, err
        if proc.returncode == 130:
            assert err.count("\n") == 1 and err.startswith("interrupted:"), err
        elif proc.returncode == -signal.SIGINT:
            # The run was over: the signal came while the interpreter shut down, after it had put
            # back the default handlers, so it ended the process silently (the files are checked below).
            assert err == "", err
        else:
            assert proc.returncode == 0, err  # it finished before the signal came
        assert took < 2
        time.sleep(0.2)
        assert not living(workers), "no worker outlives the run"
        leftovers = [p for p in corpus.rglob("*") if p.name.endswith(".tmp")]
        assert not leftovers, leftovers
        for path in sorted(articles.glob("*.md")) if articles.is_dir() else []:
            meta, body = read_page(path, "article")  # raises if the front matter is cut or breaks the schema
            assert body.startswith("# ") and path.read_bytes().endswith(b"\n") and path.stem == meta["slug"]
    print(f"interrupted {outcomes.count(130)} of {TRIES} runs (the others had finished)")
    assert outcomes.count(130) >= TRIES // 2
    # A clean run afterwards brings back every article.
    done = subprocess.run([TNARCHIVE, "convert", "--no-progress"], cwd=corpus, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert len(list(articles.glob("*.md"))) == 60


_FINALIZER = """
import os, signal, sys
from tnarchive import interrupts
if sys.argv[1] == "tnarchive":
    interrupts.catch_ctrl_c()
else:
    signal.signal(signal.SIGINT, signal.default_int_handler)

class Pattern:  # like regex's Group: work done in __del__, where Ctrl-C may land
    def __del__(self):
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(100000):
            pass

Pattern()  # dropped at once: __del__ runs, the Ctrl-C lands inside it
print("went on")
try:
    interrupts.raise_if_interrupted()
except KeyboardInterrupt:
    print("stopped")
"""


def test_ctrl_c_inside_a_finalizer_is_neither_printed_nor_lost():
    """CI once saw Ctrl-C land in a third-party __del__ (regex's Group): Python cannot raise out
    of a finalizer, so it printed "Exception ignored ... Traceback" and carried on. With plain
    Python that still happens (the first run shows the test reproduces it); under tnarchive's
    handler nothing is printed and the interrupt is raised at the next clean point."""
    plain = subprocess.run([sys.executable, "-c", _FINALIZER, "plain"], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert "Traceback" in plain.stderr and "KeyboardInterrupt" in plain.stderr
    assert plain.stdout.split() == ["went", "on"]
    ours = subprocess.run([sys.executable, "-c", _FINALIZER, "tnarchive"], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert ours.stderr == ""
    assert ours.stdout.split() == ["went", "on", "stopped"]


_SLOW_FINALIZER = """
import sys, time
from tnarchive import interrupts
interrupts.catch_ctrl_c()

class Pattern:
    def __del__(self):
        end = time.monotonic() + 0.4
        while time.monotonic() < end:  # the page's time limit expires in here
            pass

try:
    with interrupts.time_limit(0.1):
        Pattern()
        print("went on")
        time.sleep(5)
        print("not stopped")
except interrupts.PageTimeout:
    print("stopped")
"""


def test_a_time_limit_expiring_inside_a_finalizer_still_stops_the_page():
    """The same for a page's time limit: its timer fires again until the limit is raised where it can be."""
    run = subprocess.run([sys.executable, "-c", _SLOW_FINALIZER], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert run.stderr == ""
    assert run.stdout.split() == ["went", "on", "stopped"]
