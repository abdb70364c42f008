"""Test set-up shared by the whole suite: Qt runs headless, always."""

import os
import tempfile

import pytest

import tpmapper  # noqa: F401 - before any test imports openpyxl: its parser choice

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("TPMAPPER_LANGUAGE", "en")
# Recovery copies and locks of the per-user folder: never the real user's (also for the
# app in the tests' subprocesses, which inherit this).
os.environ["TPMAPPER_DATA_DIR"] = tempfile.mkdtemp(prefix="tpmapper-tests-data-")


@pytest.fixture(autouse=True, scope="session")
def _one_qapplication_first(qapp):
    """Create pytest-qt's QApplication before any test runs: a headless export made in
    process (the CLI's) would otherwise create a bare QGuiApplication, which widget
    tests cannot use."""
    return qapp
