"""`--help` in the chosen language: click reads help texts when the commands are defined (at import,
before `--lang` is parsed), so they are kept in English, marked `N_()`, and translated when shown.
click's own headings and its --help/--version lines go through the same catalogue (CLICK)."""
from __future__ import annotations

import gettext as stdlib_gettext
import inspect
import os
from contextlib import contextmanager

import click

from .errors import DOMAIN, LOCALE_DIR, N_, _

# click's words on a help page (its own gettext msgids), translated in tnarchive's catalogue
CLICK = (N_("Usage:"), N_("Options"), N_("Commands"), N_("Show this message and exit."),
         N_("Show the version and exit."))


def ngettext(singular: str, plural: str) -> tuple[str, str]:
    """Mark one of click's plural messages (click itself calls the standard ngettext with it)."""
    return singular, plural


# click's messages for a mistyped command line, which click looks up itself through the standard
# gettext module: use_catalogue() points that module at tnarchive's catalogue.
CLICK_ERRORS = (
    N_("Error: {message}"), N_("Try '{command} {option}' for help."), N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"), N_("Missing argument"), N_("Missing option"),
    N_("Missing parameter"), N_("Missing {param_type}"), N_("Missing parameter: {param_name}"),
    N_("No such option {name!r}."), N_("No such command {name!r}."), N_("Aborted!"),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."), N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is not readable."), N_("{name} {filename!r} is not writable."),
    ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
    ngettext("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    ngettext("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
    ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
)


def use_catalogue(lang: str) -> None:
    """click's own messages (CLICK_ERRORS) in *lang*: the standard gettext module, which click
    calls, reads tnarchive's compiled catalogue for the language LANGUAGE names."""
    stdlib_gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    stdlib_gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = lang


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


class _TranslatedHelp:
    """A command's or group's help, and its one-line summary in its group's list, in the chosen language."""

    context_class = Context

    def format_help(self, ctx, formatter):
        with _translated([self, *self.get_params(ctx)]):
            super().format_help(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        with _translated([self]):
            return super().get_short_help_str(limit)


class Command(_TranslatedHelp, click.Command):
    pass


class Group(_TranslatedHelp, click.Group):
    command_class = Command


Group.group_class = Group
