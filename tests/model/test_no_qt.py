"""The model (and the analyses built on it) must work without Qt."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_PREFIXES = ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6", "PySide2", "qtpy")
CHECK = (
    "import sys, tpmapper.model, tpmapper.model.edits, tpmapper.files, tpmapper.analysis, "
    "tpmapper.analysis.report; "
    "qt = ('PySide6', 'shiboken6', 'pyqtgraph'); "
    "loaded = sorted(m for m in sys.modules if m.startswith(qt)); "
    "assert not loaded, loaded; "
    "assert 'tpmapper.model.edits' in sys.modules; "
    "assert 'tpmapper.analysis.paths' in sys.modules"
)


def test_importing_the_model_files_and_analysis_loads_no_qt():
    result = subprocess.run(
        [sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


def _imported_modules(source: str) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_model_and_analysis_sources_import_no_qt():
    files = sorted((ROOT / "tpmapper" / "model").rglob("*.py")) + sorted(
        (ROOT / "tpmapper" / "analysis").rglob("*.py")
    )
    assert len(files) >= 5  # the scan really looked at the model's modules
    assert any(path.parent.name == "analysis" for path in files)  # and at the analyses
    offenders: list[str] = []
    for path in files:
        source = path.read_text(encoding="utf-8")
        for module in _imported_modules(source):
            if module.split(".")[0] in QT_PREFIXES or module.startswith("tpmapper.ui"):
                offenders.append(f"{path.relative_to(ROOT)} imports {module}")
        # dynamic imports (importlib, __import__) name the package as text
        if re.search(r"['\"](" + "|".join(QT_PREFIXES) + ")", source):
            offenders.append(f"{path.relative_to(ROOT)} names a Qt package")
    assert offenders == []


def test_the_import_scan_would_see_a_qt_import():
    assert _imported_modules("from PySide6.QtCore import QObject\nimport pyqtgraph as pg\n") == [
        "PySide6.QtCore",
        "pyqtgraph",
    ]
