"""The German catalogue: complete, in step with the UI sources, and compiled.

A UI string added without a translation, a lost placeholder or a stale .qm fails here.
Refresh with the commands in resources/translations/README.md.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QMenu

from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.model.vocabulary import Channel, LaneKind, Moment, Ownership
from tpmapper.render import labels
from tpmapper.ui.document import Document
from tpmapper.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "tpmapper_de.ts"
QM = TRANSLATIONS / "tpmapper_de.qm"
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"%(?:n|L?\d+)")
MNEMONIC = re.compile(r"(?<!&)&([^&\s])")  # "&x" marks a mnemonic, "&&" is a literal "&"
GERMAN_PLURAL_FORMS = 2
RETIRED = {"vanished", "obsolete"}  # kept by lupdate for removed strings; not compiled


#: Translatable words outside tpmapper/ui: the words around a map, the vocabularies'
#: labels and the export formats' names (shared by the app and the command line).
WORD_SOURCES = ("tpmapper/render/words.py", "tpmapper/render/labels.py", "tpmapper/exporting.py")


def ui_sources() -> list[str]:
    ui = ROOT / "tpmapper" / "ui"
    files = [*sorted(ui.glob("*.py")), *sorted((ui / "canvas").glob("*.py"))]
    return [str(p) for p in files] + [str(ROOT / name) for name in WORD_SOURCES]


def messages(ts: Path) -> Iterator[tuple[str, ET.Element]]:
    """(context name, <message>) for every live message of a .ts file."""
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            if message.find("translation").get("type") not in RETIRED:
                yield context.findtext("name"), message


def forms(message: ET.Element) -> list[str]:
    """The translated text(s): one per plural form for numerus messages."""
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def run_tool(name: str, *args: str) -> None:
    tool = BIN / name
    assert tool.exists(), f"{tool} not found next to {sys.executable}"
    result = subprocess.run([str(tool), *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"{name} failed:\n{result.stdout}\n{result.stderr}"


# ---------------------------------------------------------------------------- the .ts itself
def test_every_message_is_translated_and_keeps_its_placeholders():
    found = list(messages(TS))
    assert len(found) > 100, "the catalogue looks truncated"
    problems = []
    for context, message in found:
        source = message.findtext("source")
        where = f"{context}: {source!r}"
        if message.find("translation").get("type") == "unfinished":
            problems.append(f"{where} is unfinished")
        texts = forms(message)
        if message.get("numerus") == "yes" and len(texts) != GERMAN_PLURAL_FORMS:
            problems.append(f"{where} has {len(texts)} plural forms, German needs 2")
        for text in texts:
            if not text.strip():
                problems.append(f"{where} has an empty translation")
            missing = set(PLACEHOLDER.findall(source)) - set(PLACEHOLDER.findall(text))
            if missing:
                problems.append(f"{where} -> {text!r} lost {sorted(missing)}")
            if len(MNEMONIC.findall(text)) != len(MNEMONIC.findall(source)):
                problems.append(f"{where} -> {text!r} changes the number of & mnemonics")
    assert not problems, "\n".join(problems)


def test_every_ui_string_in_the_sources_is_in_the_catalogue(tmp_path):
    fresh = tmp_path / "fresh_de.ts"
    run_tool("pyside6-lupdate", *ui_sources(), "-ts", str(fresh), "-silent")
    in_sources = {(context, m.findtext("source")) for context, m in messages(fresh)}
    assert len(in_sources) > 100, "lupdate found suspiciously few strings"
    committed = {(context, m.findtext("source")) for context, m in messages(TS)}
    missing = sorted(in_sources - committed)
    assert not missing, (
        "UI strings missing from tpmapper_de.ts (re-run lupdate and translate them):\n"
        + "\n".join(f"{context}: {source!r}" for context, source in missing)
    )


def test_committed_qm_is_compiled_from_the_committed_ts(tmp_path):
    fresh = tmp_path / "fresh_de.qm"
    run_tool("pyside6-lrelease", str(TS), "-qm", str(fresh))
    assert QM.exists(), "tpmapper_de.qm is missing: run pyside6-lrelease"
    assert fresh.read_bytes() == QM.read_bytes(), "tpmapper_de.qm is stale: run pyside6-lrelease"


# ---------------------------------------------------------------------------- at run time
@pytest.fixture
def german(qapp) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.mark.usefixtures("qapp")
def test_vocabulary_labels_are_translated_at_call_time():
    before = labels.label(Channel.WORD_OF_MOUTH)
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        assert labels.label(Channel.WORD_OF_MOUTH) == "Mundpropaganda"
        assert labels.label(Moment.PAIN_POINT) == "Schwachstelle"
        assert labels.label(LaneKind.ACTOR) == "Akteur"
        assert labels.choices(Ownership)[0] == ("Owned (eigene Medien)", Ownership.OWNED)
    finally:
        QCoreApplication.removeTranslator(translator)
    assert labels.label(Channel.WORD_OF_MOUTH) == before  # nothing was cached


@pytest.mark.usefixtures("german")
def test_german_menus_have_unique_mnemonics(settings):
    window = MainWindow(Document(load(sample_path("en"))), settings)
    try:
        bar = window.menuBar()
        titles = [action.text() for action in bar.actions()]
        assert titles == ["&Datei", "&Bearbeiten", "&Ansicht", "&Karte"]
        menus = [bar, *(action.menu() for action in bar.actions())]
        menus += [a.menu() for m in menus[1:] for a in m.actions() if isinstance(a.menu(), QMenu)]
        for menu in menus:
            texts = [a.text() for a in menu.actions() if not a.isSeparator()]
            keys = [k.lower() for text in texts for k in MNEMONIC.findall(text)]
            assert len(keys) == len(set(keys)), f"mnemonics clash in {texts}"
    finally:
        window.document.undo_stack.setClean()
        window.close()


def test_every_plural_has_its_english_forms(tmp_path):
    """English reads "1 item", "2 items": each %n message is in tpmapper_en.ts, with two
    forms that differ where the source has "(s)"."""
    fresh = tmp_path / "fresh_en.ts"
    run_tool("pyside6-lupdate", *ui_sources(), "-ts", str(fresh), "-pluralonly", "-silent")
    wanted = {(context, m.findtext("source")) for context, m in messages(fresh)}
    english = {
        (c, m.findtext("source")): forms(m) for c, m in messages(TRANSLATIONS / "tpmapper_en.ts")
    }
    missing = sorted(wanted - set(english))
    assert not missing, f"plurals missing from tpmapper_en.ts: {missing}"
    for (context, source), (one, many) in english.items():
        assert "(s)" not in one + many, f"{context}: {source!r} keeps '(s)'"
        assert one != many or "(s)" not in source
    compiled = tmp_path / "en.qm"
    run_tool(
        "pyside6-lrelease", str(TRANSLATIONS / "tpmapper_en.ts"), "-qm", str(compiled), "-silent"
    )
    assert compiled.read_bytes() == (TRANSLATIONS / "tpmapper_en.qm").read_bytes()
