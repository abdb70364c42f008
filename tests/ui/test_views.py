"""View ▸ Filter…, Save View…, Delete View and the Views toolbar: the filter dims the
other cards, a saved view (colours and filter) lives in the map and comes back from its
file, and exports show what the canvas shows."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QListWidget

from tests.ui.driving import choose, pick_file, press, press_button, type_text
from tpmapper.files.tpmap import load
from tpmapper.model.vocabulary import ColourMode
from tpmapper.ui.canvas.scene import DIMMED

LEFT = Qt.MouseButton.LeftButton


def tick(*wanted: tuple[str, str], accept: bool = True):
    """Answer the filter dialog: tick entries (group title, entry text), then OK."""

    def handle(qtbot, dialog) -> None:
        for group_title, text in wanted:
            box = next(b for b in dialog.findChildren(QGroupBox) if b.title() == group_title)
            widget = box.findChild(QListWidget)
            item = widget.findItems(text, Qt.MatchFlag.MatchExactly)[0]
            qtbot.waitUntil(lambda w=widget: w.viewport().height() > 60)  # laid out
            widget.scrollToItem(item)
            rect = widget.visualItemRect(item)
            qtbot.mouseClick(widget.viewport(), LEFT, pos=rect.center())
            qtbot.keyClick(widget, Qt.Key.Key_Space)  # ticks the current entry
        press_button("OK" if accept else "Cancel")(qtbot, dialog)

    return handle


def opacities(window) -> dict[str, float]:
    journey = window.document.journey
    return {tp.name: window.scene.card(tp.id).opacity() for tp in journey.touchpoints()}


def test_a_filter_dims_the_other_cards_and_show_all_undims(window, qtbot, dialogs):
    dialogs.answer(tick(("Owners", "Web design")))
    press(qtbot, window, "Ctrl+Shift+F")
    seen = opacities(window)
    assert seen["Website"] == seen["Shopping cart"] == 1.0  # Web design's
    assert seen["Ads"] == DIMMED
    dialogs.answer(press_button("Show All"), press_button("OK"))
    choose(qtbot, window, "View", "Filter…")
    assert set(opacities(window).values()) == {1.0}


def test_a_cancelled_filter_changes_nothing(window, qtbot, dialogs):
    dialogs.answer(tick(("Owners", "Web design"), accept=False))
    press(qtbot, window, "Ctrl+Shift+F")
    assert set(opacities(window).values()) == {1.0}


def test_save_a_view_in_the_map_choose_it_later_and_delete_it(window, qtbot, dialogs, tmp_path):
    choose(qtbot, window, "View", "Colour By", "Owner")
    dialogs.answer(tick(("Owners", "Web design")))
    choose(qtbot, window, "View", "Filter…")
    dialogs.answer(type_text("Web team"))
    choose(qtbot, window, "View", "Save View…")
    (view,) = window.document.journey.views
    assert (view.name, view.colour_mode, view.filter.owners) == (
        "Web team",
        ColourMode.OWNER,
        ("Web design",),
    )
    press(qtbot, window, "Ctrl+Z")
    assert len(window.document.journey.views) == 0
    press(qtbot, window, "Ctrl+Y")
    assert len(window.document.journey.views) == 1
    target = tmp_path / "views.tpmap"
    dialogs.answer(pick_file(target))
    press(qtbot, window, "Ctrl+Shift+S")
    assert [v.name for v in load(target).views] == ["Web team"]

    # back to plain colours and no filter, then the saved view from the toolbar
    choose(qtbot, window, "View", "Colour By", "Customer Rating")
    dialogs.answer(press_button("Show All"), press_button("OK"))
    choose(qtbot, window, "View", "Filter…")
    combo = window.view_bar.views
    qtbot.mouseClick(combo, LEFT)
    popup = combo.view()
    qtbot.waitUntil(popup.isVisible)
    index = popup.model().index(combo.findText("Web team"), 0)
    qtbot.wait(qtbot_interval())
    qtbot.mouseClick(popup.viewport(), LEFT, pos=popup.visualRect(index).center())
    qtbot.waitUntil(lambda: window.colour_menu.mode is ColourMode.OWNER)
    assert opacities(window)["Ads"] == DIMMED

    choose(qtbot, window, "View", "Delete View")
    assert len(window.document.journey.views) == 0


def qtbot_interval() -> int:
    from PySide6.QtWidgets import QApplication

    return QApplication.doubleClickInterval() + 50  # a popup ignores a release sooner


def test_a_picture_exported_with_a_filter_draws_the_others_faint(window, qtbot, dialogs, tmp_path):
    dialogs.answer(tick(("Owners", "Web design")))
    press(qtbot, window, "Ctrl+Shift+F")
    target = tmp_path / "filtered.svg"
    dialogs.answer(press_button("OK"), pick_file(target))
    choose(qtbot, window, "File", "Export", "SVG Drawing…")
    assert f'opacity="{DIMMED}"' in target.read_text(encoding="utf-8")


def test_a_workbook_exported_with_a_filter_folds_the_other_rows_away(
    window, qtbot, dialogs, tmp_path
):
    import zipfile

    from tpmapper.files.excel_import import import_workbook

    dialogs.answer(tick(("Owners", "Web design")))
    press(qtbot, window, "Ctrl+Shift+F")
    target = tmp_path / "filtered.xlsx"
    dialogs.answer(pick_file(target))
    choose(qtbot, window, "File", "Export", "Excel Workbook…")
    with zipfile.ZipFile(target) as book:
        sheet = next(n for n in book.namelist() if n.startswith("xl/worksheets/sheet2"))
        xml = book.read(sheet).decode("utf-8")
    left_out = sum(1 for tp in window.document.journey.touchpoints() if tp.owner != "Web design")
    assert len(re.findall(r'<row [^>]*hidden="1"', xml)) == left_out
    assert len(import_workbook(target).journey) == len(window.document.journey)  # all there


def test_a_map_opened_with_views_lists_them_and_starts_without_one(
    window, qtbot, dialogs, tmp_path
):
    from tpmapper.files.templates import sample_path
    from tpmapper.files.tpmap import save
    from tpmapper.model.edits import AddView
    from tpmapper.model.elements import View, ViewFilter

    journey = load(sample_path("en"))
    AddView(View("web", "Web team", ColourMode.OWNER, ViewFilter(owners=("Web design",)))).apply(
        journey
    )
    path = tmp_path / "with-views.tpmap"
    save(journey, path)
    dialogs.answer(pick_file(path))
    choose(qtbot, window, "File", "Open…")  # into this untouched window
    combo = window.view_bar.views
    assert [combo.itemText(i) for i in range(combo.count())] == ["(none)", "Web team"]
    assert combo.currentText() == "(none)"
    assert window.view_bar.filter.is_empty
    assert set(opacities(window).values()) == {1.0}


def test_ok_in_the_filter_keeps_what_the_map_no_longer_has(window, qtbot, dialogs):
    from tpmapper.model.edits import AddView
    from tpmapper.model.elements import View, ViewFilter

    view = View("gone", "Gone owner", ColourMode.RATING, ViewFilter(owners=("Nobody",)))
    window.document.push(AddView(view), "add")
    combo = window.view_bar.views
    qtbot.mouseClick(combo, LEFT)
    popup = combo.view()
    qtbot.waitUntil(popup.isVisible)
    index = popup.model().index(combo.findText("Gone owner"), 0)
    qtbot.wait(qtbot_interval())
    qtbot.mouseClick(popup.viewport(), LEFT, pos=popup.visualRect(index).center())
    qtbot.waitUntil(lambda: window.view_bar.filter.owners == ("Nobody",))
    assert set(opacities(window).values()) == {DIMMED}
    dialogs.answer(press_button("OK"))
    press(qtbot, window, "Ctrl+Shift+F")
    assert window.view_bar.filter.owners == ("Nobody",)  # not widened to everyone
