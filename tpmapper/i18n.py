"""Which language to use for templates, the sample map and (later) the interface."""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGUAGES = ("en", "de")
DEFAULT_LANGUAGE = "en"


def preferred_language(environ: Mapping[str, str] = os.environ) -> str:
    """The first supported language named by the usual locale variables, else English."""
    for variable in ("TPMAPPER_LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = environ.get(variable, "")
        for part in value.split(":"):
            code = part.split("_")[0].split(".")[0].lower()
            if code in LANGUAGES:
                return code
            if code and code not in ("c", "posix"):
                break  # an unsupported language is named: fall back to English, don't look further
    return DEFAULT_LANGUAGE
