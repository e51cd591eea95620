"""Metadata extraction: each module reads cleaned text and returns plain data."""
