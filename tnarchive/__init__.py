"""Thái Nguyên International Cooperation Archive: raw pages in, a bilingual static archive out."""

__version__ = "0.1.0"
