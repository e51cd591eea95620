"""The archive's MkDocs plugin: derived pages and site-wide safeguards, made during `mkdocs build`."""
