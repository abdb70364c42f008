"""File ▸ Import Excel and File ▸ Export in the app: files written, choices honoured,
cancel and refusals leave nothing behind, an import opens as a new unsaved map."""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.ui.driving import choose
from tpmapper.exporting import format_named
from tpmapper.ui.exchange import PictureChoices, _ProgressWindow
from tpmapper.ui.main_window import OPEN_WINDOWS


def names(window) -> list[str]:
    return [tp.name for tp in window.document.journey.touchpoints()]


def svg_texts(path) -> str:
    root = ElementTree.parse(path).getroot()
    return " ".join(el.text or "" for el in root.iter() if el.tag.endswith("text"))


@pytest.mark.parametrize("kind", ["xlsx", "png", "svg", "pdf", "pptx", "csv"])
def test_each_export_menu_entry_writes_its_format(window, qtbot, tmp_path, monkeypatch, kind):
    target = tmp_path / f"shop.{kind}"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    monkeypatch.setattr(
        window.exchange(), "_ask_picture_choices", lambda _kind, _sel: PictureChoices(legend=True)
    )
    entry = {
        "xlsx": "Excel Workbook…",
        "png": "PNG Image…",
        "svg": "SVG Drawing…",
        "pdf": "PDF Document…",
        "pptx": "PowerPoint Presentation…",
        "csv": "CSV Table…",
    }[kind]
    choose(qtbot, window, "File", "Export", entry)
    data = target.read_bytes()
    magic = {"png": b"\x89PNG", "svg": b"<?xml", "pdf": b"%PDF", "csv": b"\xef"}
    magic |= {"xlsx": b"PK", "pptx": b"PK"}
    assert data.startswith(magic[kind])
    if kind == "xlsx":
        with zipfile.ZipFile(target) as book:
            assert any("sheet" in name for name in book.namelist())
    if kind == "csv":
        assert all(name in data.decode("utf-8-sig") for name in names(window))
    if kind == "svg":
        assert "Shopping cart" in svg_texts(target)
    if kind == "pptx":  # the cards are shapes of the deck, with their names
        from pptx import Presentation

        deck = Presentation(str(target))
        texts = {
            shape.text_frame.text
            for slide in deck.slides
            for shape in slide.shapes
            if shape.has_text_frame
        }
        assert any("Shopping cart" in text for text in texts)
    assert not window.document.is_modified  # exporting changes nothing in the map


def test_a_name_without_the_suffix_gets_it(window, tmp_path, monkeypatch):
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "a"), ""))
    )
    assert window.exchange().export("csv") == tmp_path / "a.csv"
    assert (tmp_path / "a.csv").exists()


def test_picture_of_just_the_selection(window, tmp_path):
    scene = window.scene
    cart = next(tp.id for tp in window.document.journey.touchpoints() if tp.name == "Shopping cart")
    scene.card(cart).setSelected(True)
    target = tmp_path / "cart.svg"
    assert window.exchange().export_to(target, PictureChoices(selection_only=True))
    text = svg_texts(target)
    assert "Shopping cart" in text
    assert "Word of mouth" not in text


def test_the_options_dialog_offers_what_the_format_has(window):
    from tpmapper.ui.exchange import PictureOptionsDialog

    png = PictureOptionsDialog(format_named("png"), has_selection=False, parent=window)
    assert png.scale.isVisibleTo(png)
    assert not png.pages.isVisibleTo(png)
    assert not png.selection_only.isEnabled()
    png.transparent.setChecked(True)
    png.scale.setValue(3)
    assert png.choices() == PictureChoices(scale=3.0, transparent=True, legend=True)
    pdf = PictureOptionsDialog(format_named("pdf"), has_selection=True, parent=window)
    assert pdf.pages.isVisibleTo(pdf)
    assert not pdf.scale.isVisibleTo(pdf)
    pdf.pages.setCurrentIndex(1)
    pdf.selection_only.setChecked(True)
    assert pdf.choices().split_pages
    assert pdf.choices().selection_only


def test_cancel_during_an_export_writes_nothing(window, tmp_path, monkeypatch):
    monkeypatch.setattr(_ProgressWindow, "__call__", lambda self, done, total: False)
    target = tmp_path / "big.png"
    target.write_bytes(b"the user's old picture")
    assert not window.exchange().export_to(target, PictureChoices())
    assert target.read_bytes() == b"the user's old picture"
    assert [p.name for p in tmp_path.iterdir()] == ["big.png"]  # no temporary file left


def test_an_export_that_cannot_be_written_says_why(window, tmp_path, monkeypatch):
    said = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _parent, title, text: said.append(text))
    )
    target = tmp_path / "missing folder" / "shop.xlsx"
    assert not window.exchange().export_to(target)
    assert len(said) == 1
    assert "shop.xlsx" in said[0]
    assert not target.exists()


def test_import_opens_the_workbook_as_a_new_unsaved_map(window, tmp_path):
    book = tmp_path / "shop.xlsx"
    assert window.exchange().export_to(book)
    window.document.undo_stack.resetClean()  # holds work now: an import must not replace it
    opened = window.exchange().import_path(book)
    assert opened is not None
    assert opened is not window
    assert opened in OPEN_WINDOWS
    assert opened.document.journey == window.document.journey
    assert opened.document.is_modified  # not saved anywhere yet
    assert opened.document.path is None


def test_a_refused_workbook_shows_every_problem_and_opens_nothing(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(
        window.exchange(), "_show_problems", lambda *args, **kwargs: shown.append(args) or False
    )
    fake = tmp_path / "notes.xlsx"
    fake.write_text("this is not a workbook")
    windows = list(OPEN_WINDOWS)
    assert window.exchange().import_path(fake) is None
    assert windows == OPEN_WINDOWS
    (title, _text, problems, _icon) = shown[0]
    assert title == "Nothing was imported"
    assert any("notes.xlsx" in p or "zip" in p.lower() or "workbook" in p for p in problems)


def test_notes_from_an_import_are_shown_before_the_map_opens(window, tmp_path, monkeypatch):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "Phase", "Channel"])
    sheet.append(["Flyer", "Awareness", "Carrier pigeon"])  # an unknown channel: kept, noted
    path = tmp_path / "typed.xlsx"
    book.save(path)
    answers = iter([False, True])
    seen = []

    def answer(title, text, problems, icon, ask=False):
        seen.append(problems)
        return next(answers)

    monkeypatch.setattr(window.exchange(), "_show_problems", answer)
    window.document.undo_stack.resetClean()
    assert window.exchange().import_path(path) is None  # the user chose Cancel
    opened = window.exchange().import_path(path)  # and now Open
    assert opened is not None
    assert [tp.name for tp in opened.document.journey.touchpoints()] == ["Flyer"]
    assert seen[0]
    assert any("Carrier pigeon" in note for note in seen[0])
