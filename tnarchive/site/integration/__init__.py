"""Every use of another library's internals, in one place, each behind a guard.

The site's speed rests on a few tricks that reach into MkDocs, mkdocs-static-i18n and
Material beyond their public API (ARCHITECTURE.md lists them with what each buys):

- rendered: article bodies rendered once, before the languages part, through MkDocs' private
  page processors; the pages take the result in place of their own render (MkDocs 1.6.1).
- languages: each further language built by a forked process, holding mkdocs-static-i18n's
  internal build state (`building`, `current_language`) (mkdocs-static-i18n 1.3.1).
- i18n_files: mkdocs-static-i18n's file reconfiguration remembered across `mkdocs serve`
  rebuilds (mkdocs-static-i18n 1.3.1).
- watching: `mkdocs serve` watches through the kernel's file events, moving the paths of
  MkDocs' server (its `_watched_paths`, `_watch_refs`) to another observer (MkDocs 1.6.1).
- theme: the theme's sitemap template left out (MkDocs 1.6.1), and the overrides/ copies of
  Material 9.7.0's blocks (tests/test_integration.py holds them to the installed Material).

Each trick asks `guard.written_for` whether the installed version is the one it was written
against, and checks the attributes it uses; otherwise the public path runs (MkDocs renders the
page itself, the languages are built one after the other, ...): an upgrade costs speed, never
the build, and the site is the same either way (tests/test_integration.py builds it both ways).
"""
