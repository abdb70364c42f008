"""Test set-up shared by the whole suite: Qt runs headless, always."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("TPMAPPER_LANGUAGE", "en")
