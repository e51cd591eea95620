"""Processes seen through /proc: the workers a command started, and whether any outlived it."""
from __future__ import annotations

from pathlib import Path


def _stat(pid: int | str) -> list[str] | None:
    """State, parent, … of a process (the fields after its name), or None when it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def living(pids: list[int]) -> list[int]:
    """Those of *pids* still running: not gone, not a zombie waiting to be reaped."""
    return [pid for pid in pids if (stat := _stat(pid)) and stat[0] != "Z"]


def children(pid: int) -> list[int]:
    """The running processes whose parent is *pid*."""
    return living([int(entry.name) for entry in Path("/proc").iterdir()
                   if entry.name.isdigit() and (stat := _stat(entry.name)) and int(stat[1]) == pid])
