"""View ▸ Colour By: what the cards' colour stripes show (the customer's rating, the rating
gap, the owner, owned/paid/earned, the channel, digital/analog), remembered for next time.
The menu also holds the translated words of the legends that explain the colours."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from tpmapper.render import words
from tpmapper.render.colour_modes import ColourMode, ColourWords

SETTING = "view/colour"


class ColourByMenu(QMenu):
    chosen = Signal(object)  # the ColourMode chosen

    def __init__(self, settings: QSettings, parent: QWidget) -> None:
        super().__init__(self.tr("Colour &By"), parent)
        self.settings = settings
        group = QActionGroup(self)
        entries = (
            (ColourMode.RATING, self.tr("Customer &Rating")),
            (ColourMode.GAP, self.tr("Rating &Gap")),
            (ColourMode.OWNER, self.tr("&Owner")),
            (ColourMode.OWNERSHIP, self.tr("Owned, Paid, &Earned")),
            (ColourMode.CHANNEL, self.tr("&Channel")),
            (ColourMode.MEDIUM, self.tr("&Digital, Analog")),
        )
        saved = str(settings.value(SETTING, ColourMode.RATING.value))
        self.actions_by_mode: dict[ColourMode, QAction] = {}
        for mode, text in entries:
            action = QAction(text, self)
            action.setCheckable(True)
            action.setChecked(mode.value == saved)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, m=mode: self._choose(m))
            self.addAction(action)
            self.actions_by_mode[mode] = action
        if group.checkedAction() is None:  # a value from elsewhere in the settings
            self.actions_by_mode[ColourMode.RATING].setChecked(True)

    @property
    def mode(self) -> ColourMode:
        return next(m for m, action in self.actions_by_mode.items() if action.isChecked())

    def _choose(self, mode: ColourMode) -> None:
        self.settings.setValue(SETTING, mode.value)
        self.chosen.emit(mode)

    def set_mode(self, mode: ColourMode) -> None:
        """Show `mode` (a saved view brings its own); the user's own choice stays the
        one remembered for next time."""
        self.actions_by_mode[mode].setChecked(True)
        self.chosen.emit(mode)

    def title(self, mode: ColourMode) -> str:
        """The legend's heading for a mode."""
        return words.colour_title(mode)

    def words(self) -> ColourWords:
        return words.colour_words()
