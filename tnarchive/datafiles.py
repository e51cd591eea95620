"""Reading data/: the source profiles, the authority records, the cues and the corrections.

What the converter, `check`, and the site's catalog all start from, so it lives below all of
them: nothing here imports a command.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .authority import AuthorityError, load_authority
from .pipeline import Context
from .profiles import ProfileError, load_profiles


class SetupError(ValueError):
    """The data files cannot be loaded; the message names the file."""


# libyaml's parser (when PyYAML was built with it) reads data/ ten times faster than the pure-Python
# one, into the same objects (same safe constructor). A file it refuses is read again by the pure-Python
# loader, whose error message quotes the offending line.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
        try:
            data = yaml.load(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            data = yaml.safe_load(text)
    except FileNotFoundError:
        raise SetupError(f"{path}: file not found") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise SetupError(f"{path}: not valid YAML: {exc}") from None
    return data or {}


def load_context(data_dir: Path) -> Context:
    try:
        profiles = load_profiles(read_yaml(data_dir / "sources.yml"))
        authority = load_authority(
            read_yaml(data_dir / "partners.yml"), read_yaml(data_dir / "people.yml"),
            str(data_dir / "partners.yml"), str(data_dir / "people.yml"),
        )
    except (ProfileError, AuthorityError) as exc:
        raise SetupError(str(exc)) from None
    corrections = {}
    for path in sorted((data_dir / "corrections").glob("*.yml")):
        corrections[path.stem] = read_yaml(path)
    return Context(profiles=profiles, authority=authority, cues=read_yaml(data_dir / "cues.yml"), corrections=corrections)
