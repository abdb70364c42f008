"""Reading and writing maps: .tpmap JSON, atomic saves, Excel and CSV exchange (no Qt)."""

from tpmapper.files.errors import MapFileError
from tpmapper.files.tpmap import FORMAT_NAME, FORMAT_VERSION, dumps, load, loads, save

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "MapFileError", "dumps", "load", "loads", "save"]
