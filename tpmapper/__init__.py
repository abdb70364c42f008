"""tpmapper: customer touchpoint mapping."""

__version__ = "0.1.0"
