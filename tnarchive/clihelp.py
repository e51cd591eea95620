"""`--help` in the chosen language: click reads help texts when the commands are defined (at import,
before `--lang` is parsed), so they are kept in English, marked `N_()`, and translated when shown.
click's own headings and its --help/--version lines go through the same catalogue (CLICK)."""
from __future__ import annotations

import inspect
from contextlib import contextmanager

import click

from .errors import N_, _

# click's words on a help page (its own gettext msgids), translated in tnarchive's catalogue
CLICK = (N_("Usage:"), N_("Options"), N_("Commands"), N_("Show this message and exit."),
         N_("Show the version and exit."))


class Formatter(click.HelpFormatter):
    """Section headings and the usage prefix in the chosen language."""

    def section(self, name: str):
        return super().section(_(name))

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, _("Usage:") + " " if prefix is None else prefix)


class Context(click.Context):
    formatter_class = Formatter


@contextmanager
def _translated(items):
    """The help of each of *items* (a command, its parameters) in the chosen language, while shown."""
    english = [(item, item.help) for item in items if getattr(item, "help", None)]
    for item, text in english:
        item.help = _(inspect.cleandoc(text))
    try:
        yield
    finally:
        for item, text in english:
            item.help = text


class Command(click.Command):
    context_class = Context

    def format_help(self, ctx, formatter):
        with _translated([self, *self.get_params(ctx)]):
            super().format_help(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        with _translated([self]):
            return super().get_short_help_str(limit)


class Group(click.Group):
    context_class = Context
    command_class = Command

    def format_help(self, ctx, formatter):
        with _translated([self, *self.get_params(ctx)]):
            super().format_help(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        with _translated([self]):
            return super().get_short_help_str(limit)


Group.group_class = Group
