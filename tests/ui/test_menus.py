"""Every item of the main window's menus, chosen from its menu and typed as its shortcut, as
a user drives them: menus clicked open, keys typed, real dialogs answered. Each test checks
the effect on the map, the window or the files written."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from tests.ui.conftest import click
from tests.ui.driving import (
    LEFT,
    cancel,
    choose,
    pick_file,
    pick_item,
    plain,
    press,
    press_button,
)
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load, save
from tpmapper.render.painters import qrect
from tpmapper.ui.axes_dialog import AxesDialog
from tpmapper.ui.main_window import OPEN_WINDOWS

MENU, KEYS = "menu", "keys"
BOTH = pytest.mark.parametrize("how", [MENU, KEYS])
SAMPLE_TITLE = "Online shop: customer journey"
THREE_PHASES = "Customer journey in three phases"
EXPORTS = {
    "xlsx": "Excel Workbook…",
    "png": "PNG Image…",
    "svg": "SVG Drawing…",
    "pdf": "PDF Document…",
    "csv": "CSV Table…",
}
MAGIC = {
    "xlsx": b"PK\x03\x04",
    "png": b"\x89PNG\r\n\x1a\n",
    "svg": b"<?xml",
    "pdf": b"%PDF-",
    "csv": b"\xef\xbb\xbf",  # UTF-8 with a byte order mark, for Excel
}


def names(window) -> list[str]:
    return [tp.name for tp in window.document.journey.touchpoints()]


def find(window, name: str) -> str:
    return next(tp.id for tp in window.document.journey.touchpoints() if tp.name == name)


def click_card(window, name: str) -> str:
    """Click a card on the canvas; it is then the selection."""
    tid = find(window, name)
    click(window.view, QPointF(*window.view.map_scene().layout.cards[tid].center))
    assert window.scene.selected_touchpoint_ids() == [tid]
    return tid


def canvas(window):
    """The canvas, focused as after working on it: shortcuts typed there."""
    window.view.setFocus()
    return window.view.viewport()


def do(qtbot, window, how: str, path: tuple[str, ...], keys: str, *, into=None) -> None:
    """Choose `path` from the window's menu bar, or type `keys` into the window (or `into`)."""
    if how == MENU:
        choose(qtbot, window, *path)
    else:
        press(qtbot, into if into is not None else window, keys)


def delete_a_card(qtbot, window, name: str = "Ads") -> None:
    """Work worth keeping: a card deleted on the canvas with the Del key."""
    click_card(window, name)
    press(qtbot, canvas(window), "Del")
    assert name not in names(window)
    assert window.isWindowModified()


def recent_menu(window):
    file_menu = next(a.menu() for a in window.menuBar().actions() if plain(a.text()) == "File")
    return next(a.menu() for a in file_menu.actions() if plain(a.text()) == "Open Recent")


def new_windows(before: list) -> list:
    return [w for w in OPEN_WINDOWS if w not in before]


# ============================================================================ File
@BOTH
def test_new_from_template_opens_beside_work_and_replaces_a_pristine_map(
    window, qtbot, dialogs, how
):
    delete_a_card(qtbot, window)
    before = list(OPEN_WINDOWS)
    dialogs.answer(pick_item(THREE_PHASES))
    do(qtbot, window, how, ("File", "New from Template…"), "Ctrl+N")
    (fresh,) = new_windows(before)
    assert fresh.isVisible()
    assert fresh.document.journey.title == THREE_PHASES
    assert window.document.journey.title == SAMPLE_TITLE  # the work stays where it was
    assert "Ads" not in names(window)
    # the fresh window holds nothing of value: the next template takes its place
    qtbot.waitUntil(fresh.isActiveWindow)
    dialogs.answer(pick_item("Service blueprint"))
    do(qtbot, fresh, how, ("File", "New from Template…"), "Ctrl+N")
    assert new_windows(before) == [fresh]
    assert fresh.document.journey.title == "Service blueprint"
    assert [a.split(":")[0] for a in dialogs.answered] == ["QInputDialog 'New Map'"] * 2


def test_new_from_template_cancelled_changes_nothing(window, qtbot, dialogs):
    before = list(OPEN_WINDOWS)
    dialogs.answer(cancel)
    press(qtbot, window, "Ctrl+N")
    assert new_windows(before) == []
    assert window.document.journey.title == SAMPLE_TITLE
    assert dialogs.answered


@BOTH
def test_open_shows_the_chosen_map_here_or_beside_one_with_a_file(
    window, qtbot, dialogs, tmp_path, how
):
    german, english = tmp_path / "shop.de.tpmap", tmp_path / "shop.en.tpmap"
    save(load(sample_path("de")), german)
    save(load(sample_path("en")), english)
    before = list(OPEN_WINDOWS)
    dialogs.answer(pick_file(german))
    do(qtbot, window, how, ("File", "Open…"), "Ctrl+O")
    assert new_windows(before) == []  # the untouched sample made way
    assert window.document.path == german
    assert window.document.journey.title == "Onlineshop: Customer Journey"
    assert "shop.de.tpmap" in window.windowTitle()
    dialogs.answer(pick_file(english))
    do(qtbot, window, how, ("File", "Open…"), "Ctrl+O")
    (opened,) = new_windows(before)
    assert opened.document.path == english
    assert opened.document.journey.title == SAMPLE_TITLE


def test_the_edit_menu_works_on_a_map_opened_in_place(window, qtbot, dialogs, tmp_path):
    target = tmp_path / "shop.tpmap"
    save(load(sample_path("en")), target)
    dialogs.answer(pick_file(target))
    press(qtbot, window, "Ctrl+O")
    assert window.document.path == target
    ads = find(window, "Ads")
    delete_a_card(qtbot, window)
    choose(qtbot, window, "Edit", "Undo")
    assert ads in window.document.journey
    assert not window.isWindowModified()
    press(qtbot, window, "Ctrl+Shift+Z")
    assert ads not in window.document.journey


def test_open_cancelled_changes_nothing(window, qtbot, dialogs):
    dialogs.answer(cancel)
    choose(qtbot, window, "File", "Open…")
    assert dialogs.answered
    assert window.document.path is None
    assert window.document.journey.title == SAMPLE_TITLE


def test_open_recent_lists_the_saved_maps_and_opens_one(window, qtbot, dialogs, tmp_path):
    first, second = tmp_path / "first.tpmap", tmp_path / "second.tpmap"
    dialogs.answer(pick_file(first))
    choose(qtbot, window, "File", "Save As…")
    dialogs.answer(pick_file(second))
    choose(qtbot, window, "File", "Save As…")  # the window holds second.tpmap now
    before = list(OPEN_WINDOWS)
    choose(qtbot, window, "File", "Open Recent", str(first.resolve()))
    entries = [a.text() for a in recent_menu(window).actions()]
    assert entries == [str(second.resolve()), str(first.resolve())]
    (opened,) = new_windows(before)
    assert opened.document.path.resolve() == first.resolve()
    assert opened.document.journey == window.document.journey


def test_open_recent_offers_a_map_saved_after_the_menu_was_looked_at_empty(
    window, qtbot, dialogs, tmp_path
):
    """A user who points at File ▸ Open Recent before anything was saved must still find
    the map there after saving it."""
    bar = window.menuBar()
    file_item = next(a for a in bar.actions() if plain(a.text()) == "File")
    qtbot.mouseClick(bar, LEFT, pos=bar.actionGeometry(file_item).center())
    file_menu = file_item.menu()
    qtbot.waitUntil(file_menu.isVisible)
    recent = next(a for a in file_menu.actions() if plain(a.text()) == "Open Recent")
    qtbot.mouseClick(file_menu, LEFT, pos=file_menu.actionGeometry(recent).center())
    qtbot.wait(50)  # nothing to show yet
    qtbot.keyClick(file_menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not file_menu.isVisible())
    target = tmp_path / "shop.tpmap"
    dialogs.answer(pick_file(target))
    press(qtbot, window, "Ctrl+S")
    assert target.exists()
    before = list(OPEN_WINDOWS)
    choose(qtbot, window, "File", "Open Recent", str(target.resolve()))
    assert new_windows(before) == []  # open already: this window is brought forward
    assert window.document.path == target


@BOTH
def test_save_asks_for_a_file_the_first_time_then_writes_to_it(
    window, qtbot, dialogs, tmp_path, how
):
    target = tmp_path / "shop.tpmap"
    dialogs.answer(pick_file(target))
    do(qtbot, window, how, ("File", "Save"), "Ctrl+S")
    assert load(target) == window.document.journey
    assert window.document.path == target
    delete_a_card(qtbot, window)
    do(qtbot, window, how, ("File", "Save"), "Ctrl+S")  # no question this time
    assert "Ads" not in [tp.name for tp in load(target).touchpoints()]
    assert not window.isWindowModified()
    assert len(dialogs.answered) == 1


@BOTH
def test_the_title_names_the_file_once_saved(window, qtbot, dialogs, tmp_path, how):
    assert "shop.tpmap" not in window.windowTitle()
    dialogs.answer(pick_file(tmp_path / "shop.tpmap"))
    do(qtbot, window, how, ("File", "Save As…"), "Ctrl+Shift+S")
    assert window.document.path == tmp_path / "shop.tpmap"
    assert window.windowTitle() == f"{SAMPLE_TITLE}[*] — shop.tpmap — tpmapper"


@BOTH
def test_save_as_writes_a_new_file_and_the_map_follows_it(window, qtbot, dialogs, tmp_path, how):
    first = tmp_path / "first.tpmap"
    dialogs.answer(pick_file(first))
    choose(qtbot, window, "File", "Save")
    delete_a_card(qtbot, window)
    copy = tmp_path / "copy"  # the suffix is added
    dialogs.answer(pick_file(copy))
    do(qtbot, window, how, ("File", "Save As…"), "Ctrl+Shift+S")
    written = tmp_path / "copy.tpmap"
    assert "Ads" not in [tp.name for tp in load(written).touchpoints()]
    assert "Ads" in [tp.name for tp in load(first).touchpoints()]  # the old file is left
    assert window.document.path == written
    assert not window.isWindowModified()


def test_save_as_cancelled_writes_nothing(window, qtbot, dialogs, tmp_path):
    delete_a_card(qtbot, window)
    dialogs.answer(cancel)
    press(qtbot, window, "Ctrl+Shift+S")
    assert dialogs.answered
    assert window.document.path is None
    assert window.isWindowModified()
    assert not list(tmp_path.glob("*.tpmap"))


def test_import_excel_opens_the_workbook_in_a_new_window(window, qtbot, dialogs, tmp_path):
    book = tmp_path / "shop.xlsx"
    dialogs.answer(pick_file(book))
    choose(qtbot, window, "File", "Export", "Excel Workbook…")
    original = names(window)
    delete_a_card(qtbot, window)  # the window holds work: the import opens beside it
    before = list(OPEN_WINDOWS)
    dialogs.answer(pick_file(book))
    choose(qtbot, window, "File", "Import Excel Workbook…")
    (opened,) = new_windows(before)
    assert opened.isVisible()
    assert names(opened) == original
    assert opened.document.path is None
    assert opened.isWindowModified()  # not saved anywhere yet
    assert opened.pos() != window.pos()  # not hidden exactly on top of the original
    assert opened.windowTitle() != window.windowTitle()
    assert "import" in opened.windowTitle().casefold()  # says where it came from


@pytest.mark.parametrize("kind", list(EXPORTS))
def test_each_export_writes_its_format(window, qtbot, dialogs, tmp_path, kind):
    target = tmp_path / f"shop.{kind}"
    if kind in ("png", "svg", "pdf"):
        dialogs.answer(press_button("OK"))  # the export options
    dialogs.answer(pick_file(target))
    choose(qtbot, window, "File", "Export", EXPORTS[kind])
    assert target.read_bytes().startswith(MAGIC[kind])
    assert not window.isWindowModified()  # exporting changes nothing in the map


def test_export_options_cancelled_writes_nothing(window, qtbot, dialogs, tmp_path):
    dialogs.answer(press_button("Cancel"))
    choose(qtbot, window, "File", "Export", "PNG Image…")
    assert len(dialogs.answered) == 1  # no file dialog after the options were cancelled
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".png"]


@pytest.mark.parametrize("kind", ["csv", "pdf"])
def test_export_file_dialog_cancelled_writes_nothing(window, qtbot, dialogs, tmp_path, kind):
    if kind == "pdf":
        dialogs.answer(press_button("OK"))
    dialogs.answer(cancel)
    choose(qtbot, window, "File", "Export", EXPORTS[kind])
    assert dialogs.answered[-1].startswith("QFileDialog")
    assert not list(tmp_path.rglob(f"*.{kind}"))


@BOTH
def test_close_asks_about_unsaved_changes(window, qtbot, dialogs, how):
    delete_a_card(qtbot, window)
    dialogs.answer(press_button("Cancel"))
    do(qtbot, window, how, ("File", "Close"), "Ctrl+W")
    assert window in OPEN_WINDOWS
    assert window.isVisible()
    assert "Ads" not in names(window)  # the work is still there
    dialogs.answer(press_button("Discard"))
    do(qtbot, window, how, ("File", "Close"), "Ctrl+W")
    assert window not in OPEN_WINDOWS
    assert len(dialogs.answered) == 2
    assert "Save the changes to “Online shop: customer journey”" in dialogs.answered[0]


@BOTH
def test_close_without_changes_just_closes(window, qtbot, how):
    do(qtbot, window, how, ("File", "Close"), "Ctrl+W")
    assert window not in OPEN_WINDOWS


def test_quit_closes_every_window_asking_about_unsaved_work(window, qtbot, dialogs):
    delete_a_card(qtbot, window)
    before = list(OPEN_WINDOWS)
    dialogs.answer(pick_item(THREE_PHASES))
    press(qtbot, window, "Ctrl+N")
    (second,) = new_windows(before)
    qtbot.waitUntil(second.isActiveWindow)
    dialogs.answer(press_button("Cancel"))
    press(qtbot, second, "Ctrl+Q")
    assert window in OPEN_WINDOWS  # the user kept it: nothing is closed
    assert second in OPEN_WINDOWS
    dialogs.answer(press_button("Discard"))
    choose(qtbot, second, "File", "Quit")
    assert window not in OPEN_WINDOWS
    assert second not in OPEN_WINDOWS
    assert len(dialogs.answered) == 3


# ============================================================================ Edit
def test_undo_and_redo_from_the_menu(window, qtbot):
    ads = find(window, "Ads")
    delete_a_card(qtbot, window)
    choose(qtbot, window, "Edit", "Undo")
    assert ads in window.document.journey
    assert not window.isWindowModified()
    choose(qtbot, window, "Edit", "Redo")
    assert ads not in window.document.journey


@pytest.mark.parametrize("redo", ["Ctrl+Y", "Ctrl+Shift+Z"])
def test_undo_and_redo_by_keys(window, qtbot, redo):
    ads = find(window, "Ads")
    delete_a_card(qtbot, window)
    press(qtbot, window, "Ctrl+Z")
    assert ads in window.document.journey
    press(qtbot, window, redo)
    assert ads not in window.document.journey
    press(qtbot, canvas(window), "Ctrl+Z")  # from the canvas as well
    press(qtbot, canvas(window), redo)
    assert ads not in window.document.journey
    assert window.document.undo_stack.index() == 1


@BOTH
def test_copy_and_paste(window, qtbot, how):
    click_card(window, "Chatbot")
    do(qtbot, window, how, ("Edit", "Copy"), "Ctrl+C", into=canvas(window))
    assert "Chatbot" in QGuiApplication.clipboard().text()
    assert names(window).count("Chatbot") == 1
    do(qtbot, window, how, ("Edit", "Paste"), "Ctrl+V", into=canvas(window))
    assert names(window).count("Chatbot") == 2
    (pasted,) = window.scene.selected_touchpoint_ids()  # the copy is selected
    assert pasted != find(window, "Chatbot")
    assert window.document.journey.touchpoint(pasted).name == "Chatbot"


@BOTH
def test_cut_and_paste(window, qtbot, how):
    click_card(window, "Chatbot")
    do(qtbot, window, how, ("Edit", "Cut"), "Ctrl+X", into=canvas(window))
    assert "Chatbot" not in names(window)
    do(qtbot, window, how, ("Edit", "Paste"), "Ctrl+V", into=canvas(window))
    assert names(window).count("Chatbot") == 1
    assert window.document.undo_stack.count() == 2


@BOTH
def test_duplicate(window, qtbot, how):
    click_card(window, "Website")
    do(qtbot, window, how, ("Edit", "Duplicate"), "Ctrl+D", into=canvas(window))
    assert names(window).count("Website") == 2
    assert window.document.undo_stack.count() == 1


@BOTH
def test_delete(window, qtbot, how):
    cart = click_card(window, "Shopping cart")
    do(qtbot, window, how, ("Edit", "Delete"), "Del", into=canvas(window))
    journey = window.document.journey
    assert cart not in journey
    assert all(cart not in link.key for link in journey.links())


@BOTH
def test_select_all(window, qtbot, how):
    do(qtbot, window, how, ("Edit", "Select All"), "Ctrl+A", into=canvas(window))
    every = {tp.id for tp in window.document.journey.touchpoints()}
    assert set(window.scene.selected_touchpoint_ids()) == every


@BOTH
def test_find_shows_the_bar_and_typing_selects_the_card(window, qtbot, how):
    assert not window.find_bar.isVisible()
    do(qtbot, window, how, ("Edit", "Find…"), "Ctrl+F", into=canvas(window))
    assert window.find_bar.isVisible()
    field = QApplication.focusWidget()
    assert field is window.find_bar.field  # typing goes there at once
    qtbot.keyClicks(field, "Chatbot")
    assert window.scene.selected_touchpoint_ids() == [find(window, "Chatbot")]
    assert window.find_bar.count.text() == "1 found"
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


# ============================================================================ View
@BOTH
def test_zoom_in_out_and_actual_size(window, qtbot, how):
    view = window.view
    assert view.zoom == pytest.approx(1.0)
    do(qtbot, window, how, ("View", "Zoom In"), "Ctrl++", into=canvas(window))
    assert view.zoom == pytest.approx(1.2)
    do(qtbot, window, how, ("View", "Zoom In"), "Ctrl++", into=canvas(window))
    assert view.zoom == pytest.approx(1.44)
    do(qtbot, window, how, ("View", "Zoom Out"), "Ctrl+-", into=canvas(window))
    assert view.zoom == pytest.approx(1.2)
    do(qtbot, window, how, ("View", "Actual Size"), "Ctrl+0", into=canvas(window))
    assert view.zoom == pytest.approx(1.0)
    do(qtbot, window, how, ("View", "Zoom Out"), "Ctrl+-", into=canvas(window))
    assert view.zoom == pytest.approx(1 / 1.2)
    assert "83 %" in [label.text() for label in window.statusBar().findChildren(QLabel)]


@BOTH
def test_fit_to_window_shows_the_whole_map(window, qtbot, how):
    view = window.view
    for _ in range(4):
        press(qtbot, canvas(window), "Ctrl++")
    viewport = view.viewport().rect()
    bounds = qrect(view.map_scene().layout.bounds)

    def shown() -> bool:
        return viewport.contains(view.mapFromScene(bounds).boundingRect())

    assert not shown()
    do(qtbot, window, how, ("View", "Fit to Window"), "Ctrl+9", into=canvas(window))
    assert shown()
    assert view.zoom <= 1.0


@pytest.mark.parametrize(
    ("item", "dock"),
    [
        ("Palette", "palette_dock"),
        ("Inspector", "inspector_dock"),
        ("Undo History", "history_dock"),
    ],
)
def test_dock_toggles_hide_and_show_their_docks(window, qtbot, item, dock):
    widget = getattr(window, dock)
    shown = widget.isVisible()
    assert shown == (item != "Undo History")  # history is hidden at first
    choose(qtbot, window, "View", item)
    assert widget.isVisible() is not shown
    choose(qtbot, window, "View", item)
    assert widget.isVisible() is shown


# ============================================================================ Map
@BOTH
def test_phases_and_lanes_opens_its_dialog(window, qtbot, how):
    do(qtbot, window, how, ("Map", "Phases and Lanes…"), "Ctrl+Shift+L")
    (dialog,) = [d for d in window.findChildren(AxesDialog) if d.isVisible()]
    assert dialog.windowTitle() == "Phases and Lanes"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_map_properties_shows_the_map_title_in_the_inspector(window, qtbot):
    click_card(window, "Ads")
    choose(qtbot, window, "View", "Inspector")  # hidden: the item brings it back
    assert not window.inspector_dock.isVisible()
    choose(qtbot, window, "Map", "Map Properties…")
    assert window.scene.selected_touchpoint_ids() == []
    assert window.inspector_dock.isVisible()
    assert QApplication.focusWidget() is window.inspector.map_title
    assert window.inspector.map_title.text() == SAMPLE_TITLE
