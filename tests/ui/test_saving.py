"""Ctrl+S on a map the user opened: written in place, also when opened through a link."""

from __future__ import annotations

import shutil

from tests.ui.driving import pick_file, press
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load


def test_ctrl_s_on_a_map_opened_through_a_link_updates_the_linked_file(
    window, qtbot, dialogs, tmp_path
):
    real = tmp_path / "maps" / "shop.tpmap"
    real.parent.mkdir()
    shutil.copy(sample_path("en"), real)
    link = tmp_path / "shop.tpmap"
    link.symlink_to(real)
    dialogs.answer(pick_file(link))
    press(qtbot, window, "Ctrl+O")
    assert window.document.path == link  # the untouched sample gives way
    press(qtbot, window, "Ctrl+A")
    press(qtbot, window, "Del")
    press(qtbot, window, "Ctrl+S")
    assert link.is_symlink(), "saving replaced the user's link with a copy"
    assert len(load(real)) == 0
    assert not window.isWindowModified()
