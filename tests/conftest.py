"""Test set-up shared by the whole suite: Qt runs headless, always."""

import os

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("TPMAPPER_LANGUAGE", "en")


@pytest.fixture(autouse=True, scope="session")
def _one_qapplication_first(qapp):
    """Create pytest-qt's QApplication before any test runs: a headless export made in
    process (the CLI's) would otherwise create a bare QGuiApplication, which widget
    tests cannot use."""
    return qapp
