"""Driving the app as a user does: menus clicked open, shortcuts typed, buttons clicked, and
modal dialogs answered by a watcher while the app waits in them.

- `choose(qtbot, window, "File", "Export", "PNG Image…")` clicks the menu bar and the items.
- `press(qtbot, window, "Ctrl+Shift+L")` types a shortcut into the window.
- `click(qtbot, button)` clicks a button where it is.
- `dialogs.answer(handler)` (the `dialogs` fixture) queues a handler for the next modal
  dialog; a modal dialog nobody expected is closed and fails the test.
- `ControlRecorder` notes every QAction triggered and QPushButton clicked, for the test
  that every control of the app is exercised by some test.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

LEFT = Qt.MouseButton.LeftButton
POLL_MS = 10


def plain(text: str) -> str:
    """A menu or button text as read: without mnemonics and trailing shortcut hints."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").split("\t")[0]


# ---------------------------------------------------------------------------- input
def click(qtbot, button: QAbstractButton) -> None:
    assert button.isVisible(), f"the button {plain(button.text())!r} is not visible"
    assert button.isEnabled(), f"the button {plain(button.text())!r} is disabled"
    qtbot.mouseClick(button, LEFT, pos=button.rect().center())


def press(qtbot, widget: QWidget, keys: str) -> None:
    """Type a key combination ("Ctrl+Shift+L", "F2", "Del") into `widget`, in its window
    made active first (as the user's click into it would; offscreen, a closed modal dialog
    leaves no window active)."""
    window = widget.window()
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    combination = QKeySequence(keys)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def _find_action(actions: list[QAction], text: str) -> QAction:
    names = [plain(a.text()) for a in actions]
    assert text in names, f"no menu item {text!r}; there are {[n for n in names if n]}"
    return actions[names.index(text)]


def choose(qtbot, window: QWidget, *path: str) -> None:
    """Click the menu bar's `path[0]`, then each item of `path[1:]` in the menus that open."""
    bar = window.menuBar()
    top = _find_action(bar.actions(), path[0])
    qtbot.mouseClick(bar, LEFT, pos=bar.actionGeometry(top).center())
    menu: QMenu = top.menu()
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    for depth, text in enumerate(path[1:], start=2):
        item = _find_action(menu.actions(), text)
        assert item.isEnabled(), f"the menu item {' ▸ '.join(path[:depth])} is disabled"
        if item.menu() is not None:
            qtbot.mouseClick(menu, LEFT, pos=menu.actionGeometry(item).center())
            menu = item.menu()
            qtbot.waitUntil(menu.isVisible, timeout=2000)
        else:
            assert depth == len(path), f"{text!r} is not a sub-menu"
            qtbot.mouseClick(menu, LEFT, pos=menu.actionGeometry(item).center())


# ---------------------------------------------------------------------------- dialogs
Handler = Callable[[object, QWidget], None]  # (qtbot, dialog)


class DialogWatch(QObject):
    """Answers modal dialogs as they open, with the handlers a test queued, in order."""

    def __init__(self, qtbot) -> None:
        super().__init__()
        self.qtbot = qtbot
        self.expected: list[Handler] = []
        self.answered: list[str] = []
        self.unexpected: list[str] = []
        self._answering: list[QWidget] = []  # a handler may open another (a file dialog's
        # "replace it?"): that one is answered by the next handler while the first waits
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def answer(self, *handlers: Handler) -> None:
        self.expected.extend(handlers)

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog in self._answering or not dialog.isVisible():
            return
        if isinstance(dialog, QProgressDialog):  # shows how far work got; asks nothing
            return
        title = f"{type(dialog).__name__} {dialog.windowTitle()!r}"
        if isinstance(dialog, QMessageBox):
            title += f": {dialog.text()}"
        if not self.expected:
            self.unexpected.append(title)
            dialog.reject() if isinstance(dialog, QDialog) else dialog.close()
            return
        self.answered.append(title)
        handler = self.expected.pop(0)
        self._answering.append(dialog)
        # Answered outside this timer's slot: Qt does not fire a timer again while its
        # slot runs, and the answer may open the next dialog inside it.
        QTimer.singleShot(0, self, lambda: self._answer(handler, dialog))

    def _answer(self, handler: Handler, dialog: QWidget) -> None:
        try:
            handler(self.qtbot, dialog)
        finally:
            self._answering.remove(dialog)

    def finish(self) -> list[str]:
        """Stop watching; the problems found (to fail the test with)."""
        self._timer.stop()
        problems = [f"unexpected dialog: {title}" for title in self.unexpected]
        if self.expected:
            problems.append(f"{len(self.expected)} expected dialog(s) never opened")
        return problems


def _button_box_button(dialog: QWidget, role: QDialogButtonBox.StandardButton) -> QPushButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None, f"{dialog.windowTitle()!r} has no buttons"
    button = box.button(role)
    assert button is not None, f"{dialog.windowTitle()!r} has no {role} button"
    return button


def type_text(text: str, accept: bool = True) -> Handler:
    """Answer an input dialog: replace its text and press OK (or Cancel)."""

    def handle(qtbot, dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog), f"expected an input dialog, got {dialog}"
        editor = dialog.findChild(QLineEdit)
        editor.selectAll()
        if text.isprintable():
            qtbot.keyClicks(editor, text)
        else:  # QTest cannot type control characters; a paste brings them
            editor.insert(text)
        buttons = QDialogButtonBox.StandardButton
        role = buttons.Ok if accept else buttons.Cancel
        qtbot.mouseClick(_button_box_button(dialog, role), LEFT)

    return handle


def pick_item(text: str) -> Handler:
    """Answer an input dialog offering a list: choose `text` and press OK."""

    def handle(qtbot, dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue(text)
        qtbot.mouseClick(_button_box_button(dialog, QDialogButtonBox.StandardButton.Ok), LEFT)

    return handle


def press_button(text: str) -> Handler:
    """Answer a message box or dialog by clicking the button with this text."""

    def handle(qtbot, dialog: QWidget) -> None:
        buttons = [b for b in dialog.findChildren(QAbstractButton) if b.isVisible()]
        names = [plain(b.text()) for b in buttons]
        assert text in names, f"{dialog.windowTitle()!r} has no button {text!r}, only {names}"
        qtbot.mouseClick(buttons[names.index(text)], LEFT)

    return handle


def pick_colour(colour: str) -> Handler:
    def handle(qtbot, dialog: QWidget) -> None:
        assert isinstance(dialog, QColorDialog)
        dialog.setCurrentColor(colour)
        qtbot.mouseClick(_button_box_button(dialog, QDialogButtonBox.StandardButton.Ok), LEFT)

    return handle


def pick_file(path: Path) -> Handler:
    """Answer a file dialog: type the path into its name field and press Enter."""

    def handle(qtbot, dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        name.setText(str(path))
        qtbot.keyClick(name, Qt.Key.Key_Return)

    return handle


def cancel(_qtbot, dialog: QWidget) -> None:
    assert isinstance(dialog, QDialog)
    dialog.reject()


# ---------------------------------------------------------------------------- coverage
class ControlRecorder(QObject):
    """Watches every window as it is shown and notes each action triggered and each push
    button clicked, keyed as `control_key` names them."""

    def __init__(self) -> None:
        super().__init__()
        self.used: set[str] = set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            if watched.isWindow():
                self.watch(watched)
            elif isinstance(watched, QPushButton):  # in a dock or page built later
                self._connect(
                    watched,
                    f"{type(watched.window()).__name__}: button "
                    f"{watched.objectName() or plain(watched.text())}",
                )
        return False

    def watch(self, window: QWidget) -> None:
        for control, key in controls(window):
            self._connect(control, key)

    def _connect(self, control: QObject, key: str) -> None:
        if control.property("recorded"):
            return
        control.setProperty("recorded", True)
        signal = control.clicked if isinstance(control, QPushButton) else control.triggered
        signal.connect(lambda *_args, key=key: self.used.add(key))


def controls(window: QWidget) -> list[tuple[QObject, str]]:
    """The window's own actions (with text) and push buttons (not those of the dialogs it
    is the parent of), with a stable key for each."""
    where = type(window).__name__
    found: list[tuple[QObject, str]] = []
    for action in window.findChildren(QAction):
        owner = action.parent()
        if isinstance(owner, QWidget) and owner.window() is not window:
            continue
        shown = action.isVisible() and not action.isSeparator() and action.menu() is None
        if action.text() and shown:
            name = action.objectName() or plain(action.text())
            found.append((action, f"{where}: action {name}"))
    for button in window.findChildren(QPushButton):
        if button.window() is not window:
            continue
        name = button.objectName() or plain(button.text())
        found.append((button, f"{where}: button {name}"))
    return found
