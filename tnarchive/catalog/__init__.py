"""The catalog: every article's metadata, text and events, and the authority records, as plain data.

Read from the converter's Markdown and data/ (loader), with the dated statements found in the
articles (events). The site's derived pages, `tnarchive export` and its print edition all read
the archive through it. It sits below the commands: it imports the converter's stages and its
reading of data/ (tnarchive.datafiles), never a command module.
"""
