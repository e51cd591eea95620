"""`--help` in the chosen language: click reads help texts when the commands are defined (at import,
before `--lang` is parsed), so they are kept in English, marked `N_()`, and translated when shown."""
from __future__ import annotations

import inspect
from contextlib import contextmanager

import click

from .errors import _


@contextmanager
def _translated(command: click.Command):
    """The command's help and its options' helps in the chosen language, while it is shown."""
    english = [(item, item.help) for item in (command, *command.params) if getattr(item, "help", None)]
    for item, text in english:
        item.help = _(inspect.cleandoc(text))
    try:
        yield
    finally:
        for item, text in english:
            item.help = text


class Command(click.Command):
    def format_help(self, ctx, formatter):
        with _translated(self):
            super().format_help(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        with _translated(self):
            return super().get_short_help_str(limit)


class Group(click.Group):
    command_class = Command

    def format_help(self, ctx, formatter):
        with _translated(self):
            super().format_help(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        with _translated(self):
            return super().get_short_help_str(limit)


Group.group_class = Group
