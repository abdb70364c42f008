"""The app in a real X11 window, driven with real keyboard and mouse input.

Xvfb gives a virtual screen (no window manager), `python -m tpmapper` opens a copy of the
sample map on it, and xdotool types and clicks as a user does: Ctrl+Shift+L, "Add…", a
name, Return; a card dragged to another cell with the button held; Ctrl+S; Ctrl+Q.
Places on the screen come from the map's layout (tpmapper/render/layout.py), scaled and
placed by where a phase header is seen in a screenshot, and, for the dialog's buttons,
from a copy of the dialog laid out at the same size in this (offscreen) process.

`python3 packaging/dev.py test` installs Xvfb and xdotool (Debian: xvfb, xdotool).
"""

from __future__ import annotations

import os
import re
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QPushButton, QWidget

from tpmapper.files.templates import load_template, sample_path
from tpmapper.files.tpmap import load
from tpmapper.model.journey import JourneyMap
from tpmapper.render.layout import MapLayout, Rect, layout_map
from tpmapper.render.style import LANE_HEADER_FILL
from tpmapper.ui.axes_dialog import AxesDialog
from tpmapper.ui.document import Document

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and xdotool: Linux"),
]


@pytest.fixture(autouse=True)
def _programs_installed() -> None:
    """A missing Xvfb or xdotool fails, rather than leaving the test skipped unseen."""
    missing = [name for name in ("Xvfb", "xdotool") if shutil.which(name) is None]
    assert not missing, f"{', '.join(missing)} missing: python3 packaging/dev.py test installs them"


SCREEN = "1600x1000x24"
STEP_SECONDS = 15  # the most any one step may take
NEW_PHASE = "Delivery"
CARD, CARD_LANE, TARGET_LANE = "Ads", "Paid", "Earned"


@dataclass
class Display:
    name: str  # ":N"
    workdir: Path

    def env(self) -> dict[str, str]:
        return {"PATH": os.environ.get("PATH", ""), "DISPLAY": self.name}

    def xdotool(self, *args: str) -> str:
        try:
            result = subprocess.run(
                ["xdotool", *args],
                env=self.env(),
                capture_output=True,
                text=True,
                timeout=STEP_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise AssertionError(
                f"xdotool {' '.join(args)}: no result in {STEP_SECONDS} s"
            ) from None
        assert result.returncode == 0, f"xdotool {' '.join(args)}: {result.stderr}"
        return result.stdout

    def find_window(self, title_pattern: str) -> str:
        """The id of the visible window whose title matches; waits for it."""
        return self.xdotool("search", "--sync", "--onlyvisible", "--name", title_pattern).split()[0]

    def is_shown(self, title_pattern: str) -> bool:
        result = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", title_pattern],
            env=self.env(),
            capture_output=True,
            timeout=STEP_SECONDS,
            check=False,
        )
        return result.returncode == 0

    def geometry(self, window: str) -> dict[str, int]:
        lines = self.xdotool("getwindowgeometry", "--shell", window).split()
        return {key: int(value) for key, value in (line.split("=") for line in lines)}

    def focus(self, window: str) -> None:
        """Give a window the keyboard (a window manager would, when it opens)."""
        self.xdotool("windowfocus", "--sync", window)

    def screenshot(self, name: str) -> QImage:
        """The whole screen, as the user sees it (saved in the test's folder)."""
        path = self.workdir / f"{name}.png"
        grab = (
            "import sys; from PySide6.QtGui import QGuiApplication; "
            "app = QGuiApplication(sys.argv[:1]); "
            "sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)"
        )
        env = dict(self.env(), QT_QPA_PLATFORM="xcb", HOME=str(self.workdir))
        subprocess.run(
            [sys.executable, "-c", grab, str(path)],
            env=env,
            capture_output=True,
            timeout=STEP_SECONDS,
            check=True,
        )
        image = QImage(str(path))
        assert not image.isNull(), f"no screenshot in {path}"
        return image.convertToFormat(QImage.Format.Format_RGB32)


@pytest.fixture
def display(tmp_path) -> Iterator[Display]:
    """A virtual X screen of its own (Xvfb picks a free display number)."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_end),
            "-screen",
            "0",
            SCREEN,
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], STEP_SECONDS)
        assert ready, "Xvfb did not say its display number in time"
        number = os.read(read_end, 64).decode().strip()
        assert number.isdigit(), f"Xvfb said {number!r}"
        yield Display(f":{number}", tmp_path)
    finally:
        os.close(read_end)
        server.kill()
        server.wait(timeout=STEP_SECONDS)


def wait_until(condition: Callable[[], object], what: str, seconds: float = STEP_SECONDS):
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value:
            return value
        assert time.monotonic() < deadline, f"waited {seconds} s for {what}"
        time.sleep(0.05)


# ---------------------------------------------------------------------------- finding places
def button_centre(dialog: QWidget, text: str) -> QPoint:
    """Where the visible button with this text is, in the dialog's coordinates."""
    found = [b for b in dialog.findChildren(QPushButton) if b.isVisible() and b.text() == text]
    assert len(found) == 1, f"{len(found)} visible buttons {text!r} in {dialog.windowTitle()!r}"
    return found[0].mapTo(dialog, found[0].rect().center())


def dialog_buttons(copy: Path, width: int, height: int) -> dict[str, QPoint]:
    """The Phases and Lanes dialog laid out here at the real one's size: its buttons' places.
    (Same fonts and style as on the X screen: both take Qt's defaults from fontconfig.)"""
    dialog = AxesDialog(Document.open(copy))
    try:
        dialog.resize(width, height)
        dialog.show()
        assert (dialog.width(), dialog.height()) == (width, height)
        return {text: button_centre(dialog, text) for text in ("Add…", "Close")}
    finally:
        dialog.close()
        dialog.deleteLater()


def colour_band(image: QImage, colour: str, min_run: int = 30) -> Rect | None:
    """The bounding box of the largest block of rows that hold a run of at least `min_run`
    pixels of exactly this colour (a phase header is one such block)."""
    rgb = QColor(colour)
    pixel = bytes([rgb.blue(), rgb.green(), rgb.red(), 0xFF])  # RGB32 in memory: B G R A
    run = re.compile(b"(?:" + re.escape(pixel) + b"){%d,}" % min_run)
    data = bytes(image.constBits())
    stride, width = image.bytesPerLine(), image.width()
    rows: dict[int, tuple[int, int]] = {}
    for y in range(image.height()):
        line = data[y * stride : y * stride + 4 * width]
        spans = [(m.start() // 4, m.end() // 4) for m in run.finditer(line) if m.start() % 4 == 0]
        if spans:
            rows[y] = (min(s for s, _ in spans), max(e for _, e in spans))
    blocks: list[list[int]] = []
    for y in sorted(rows):
        if blocks and blocks[-1][-1] == y - 1:
            blocks[-1].append(y)
        else:
            blocks.append([y])
    if not blocks:
        return None
    block = max(blocks, key=len)
    left = min(rows[y][0] for y in block)
    right = max(rows[y][1] for y in block)
    return Rect(left, block[0], right - left, len(block))


@dataclass
class ScreenMap:
    """Scene (layout) coordinates to screen pixels, found from the first phase's header."""

    layout: MapLayout
    scale: float
    dx: float
    dy: float

    @classmethod
    def measure(cls, image: QImage, journey: JourneyMap) -> ScreenMap | None:
        layout = layout_map(journey)
        band = colour_band(image, journey.phases.at(0).colour)
        if band is None:
            return None
        header = layout.phase_header(0)
        scale = band.width / header.width
        if abs(band.height - header.height * scale) > 3:  # partly hidden, or not a header
            return None
        return cls(layout, scale, band.x - header.x * scale, band.y - header.y * scale)

    def point(self, x: float, y: float) -> tuple[int, int]:
        return round(self.dx + x * self.scale), round(self.dy + y * self.scale)


# ---------------------------------------------------------------------------- user input
def click(display: Display, x: int, y: int) -> None:
    display.xdotool("mousemove", "--sync", str(x), str(y), "click", "1")


def drag(display: Display, start: tuple[int, int], end: tuple[int, int], steps: int = 10) -> None:
    """Press the left button at `start`, move to `end` in steps with it held, let go."""
    moves = []
    for step in range(1, steps + 1):
        x = start[0] + (end[0] - start[0]) * step // steps
        y = start[1] + (end[1] - start[1]) * step // steps
        moves += ["mousemove", "--sync", str(x), str(y), "sleep", "0.03"]
    display.xdotool(
        "mousemove", "--sync", *map(str, start), "mousedown", "1", *moves, "mouseup", "1"
    )


def keys(display: Display, combination: str) -> None:
    display.xdotool("key", "--clearmodifiers", combination)


def add_phase(display: Display, copy: Path, name: str) -> None:
    """Map ▸ Phases and Lanes (Ctrl+Shift+L), "Add…", type the name, Return, "Close"."""
    keys(display, "ctrl+shift+l")
    dialog = display.find_window("^Phases and Lanes$")
    where = display.geometry(dialog)
    buttons = dialog_buttons(copy, where["WIDTH"], where["HEIGHT"])
    click(display, where["X"] + buttons["Add…"].x(), where["Y"] + buttons["Add…"].y())
    display.focus(display.find_window("^New Phase$"))
    display.xdotool("type", "--delay", "20", name)
    keys(display, "Return")
    wait_until(lambda: not display.is_shown("^New Phase$"), "the name dialog to close")
    click(display, where["X"] + buttons["Close"].x(), where["Y"] + buttons["Close"].y())
    wait_until(lambda: not display.is_shown("^Phases and Lanes$"), "the dialog to close")


def measure_map(display: Display, journey: JourneyMap) -> ScreenMap:
    """Where the map is on the screen, once two screenshots in a row agree."""
    seen: list[ScreenMap | None] = [None]

    def steady() -> ScreenMap | None:
        now = ScreenMap.measure(display.screenshot(f"map-{len(seen)}"), journey)
        previous = seen[-1]
        seen.append(now)
        same = previous is not None and now is not None
        return (
            now
            if same and (now.scale, now.dx, now.dy) == (previous.scale, previous.dx, previous.dy)
            else None
        )

    return wait_until(steady, "the map's first phase header to stand still on the screen")


def app_environment(display: Display, home: Path) -> dict[str, str]:
    """A real display (not offscreen), and settings, caches and logs kept in `home`."""
    runtime = home / "runtime"
    runtime.mkdir(parents=True, mode=0o700)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "SESSION_MANAGER"}
    }
    env.update(
        DISPLAY=display.name,
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_RUNTIME_DIR=str(runtime),
        TPMAPPER_LANGUAGE="en",
    )
    return env


# ---------------------------------------------------------------------------- the test
def test_add_a_phase_drag_a_card_save_and_quit_in_a_real_window(display, tmp_path):
    copy = tmp_path / "shop.tpmap"
    shutil.copy(sample_path("en"), copy)
    env = app_environment(display, tmp_path / "home")
    stdout, stderr = tmp_path / "app.out", tmp_path / "app.err"
    with stdout.open("wb") as out, stderr.open("wb") as err:
        app = subprocess.Popen(
            [sys.executable, "-m", "tpmapper", str(copy)], env=env, stdout=out, stderr=err
        )
    try:
        window = display.find_window("tpmapper$")
        display.focus(window)
        display.xdotool("windowsize", "--sync", window, "100%", "100%")  # a bigger map

        add_phase(display, copy, NEW_PHASE)
        # Save, so that the new phase's place can be read; fit the map to the window.
        display.focus(window)
        keys(display, "ctrl+s")
        journey = wait_until(
            lambda: (j := load(copy)) and NEW_PHASE in [p.name for p in j.phases] and j,
            "the new phase in the saved file",
        )
        keys(display, "ctrl+9")
        screen = measure_map(display, journey)

        # Drag a card with the mouse button held to the new phase's cell of another lane.
        card = next(tp for tp in journey.touchpoints() if tp.name == CARD)
        assert journey.lanes[card.lane].name == CARD_LANE
        phase = next(p for p in journey.phases if p.name == NEW_PHASE)
        lane = next(lane for lane in journey.lanes if lane.name == TARGET_LANE)
        rect = screen.layout.cards[card.id]
        cell = screen.layout.cell_rect(journey.phases.index(phase.id), journey.lanes.index(lane.id))
        start = screen.point(rect.x + 40, rect.y + rect.height / 2)  # clear of the link handle
        drag(display, start, screen.point(*cell.center))
        keys(display, "ctrl+s")

        def card_moved() -> bool:
            moved = load(copy).touchpoint(card.id)
            return (moved.phase, moved.lane) == (phase.id, lane.id)

        wait_until(card_moved, f"{CARD!r} in {NEW_PHASE}/{TARGET_LANE} in the saved file")
        display.screenshot("after-drag")
        saved = load(copy)
        assert [p.name for p in saved.phases].count(NEW_PHASE) == 1
        assert len(saved) == len(load(sample_path("en")))  # moved, nothing lost

        keys(display, "ctrl+q")
        assert app.wait(timeout=STEP_SECONDS) == 0
        assert stderr.read_text() == "", "the app wrote to stderr"
    except AssertionError as error:  # say what the app said, and where the screenshots are
        if app.poll() is None:
            display.screenshot("failed")
        raise AssertionError(
            f"{error}\n-- the app's stderr:\n{stderr.read_text()}\n-- screenshots: {tmp_path}"
        ) from error
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=STEP_SECONDS)


def pixels_of(image: QImage, colour: str) -> int:
    """How many pixels of the screen have exactly this colour."""
    wanted = QColor(colour).rgb()
    return sum(
        image.pixel(x, y) == wanted
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    )


def test_pinned_lane_headers_survive_a_sideways_scroll(display, tmp_path):
    """Scrolling shifts the pixels already drawn; on a real screen the pinned lane headers
    vanished after a sideways scroll (offscreen draws everything anew and cannot show it)."""
    copy = tmp_path / "shop.tpmap"
    shutil.copy(sample_path("en"), copy)
    env = app_environment(display, tmp_path / "home")
    app = subprocess.Popen([sys.executable, "-m", "tpmapper", str(copy)], env=env)
    try:
        window = display.find_window("tpmapper$")
        display.focus(window)
        keys(display, "ctrl+0")  # 100 %: wider than the window, so it scrolls sideways
        where = display.geometry(window)
        middle = (where["X"] + where["WIDTH"] // 2, where["Y"] + where["HEIGHT"] // 2)
        before = wait_until(
            lambda: pixels_of(display.screenshot("before"), LANE_HEADER_FILL),
            "the lane headers on the screen",
        )
        # Horizontal wheel steps (button 7) over the map scroll it right: the lanes pin.
        display.xdotool("mousemove", "--sync", *map(str, middle), "click", "--repeat", "12", "7")
        seen: list[int] = []

        def headers_back() -> bool:  # with the bug they never come back: the wait times out
            seen.append(pixels_of(display.screenshot("after"), LANE_HEADER_FILL))
            # the curve's own header below the grid scrolls away, the pinned ones stay
            return seen[-1] > before * 0.5

        try:
            wait_until(headers_back, "the pinned lane headers after the scroll", seconds=3)
        except AssertionError:
            raise AssertionError(
                f"lane headers: {before} pixels before, {seen[-1]} after"
            ) from None
        keys(display, "ctrl+q")
        assert app.wait(timeout=STEP_SECONDS) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=STEP_SECONDS)


def test_a_new_map_from_the_keyboard_shows_its_first_column(display, tmp_path):
    """Start, Ctrl+N, Return, with the mouse over the map: the new map is all in view and
    the lane headers do not cover its first column."""
    env = app_environment(display, tmp_path / "home")
    app = subprocess.Popen([sys.executable, "-m", "tpmapper"], env=env)
    try:
        window = display.find_window("tpmapper$")
        display.focus(window)
        where = display.geometry(window)
        display.xdotool(
            "mousemove", "--sync", str(where["X"] + where["WIDTH"] // 2), str(where["Y"] + 300)
        )
        keys(display, "ctrl+n")
        display.focus(display.find_window("^New Map$"))
        keys(display, "Return")
        wait_until(lambda: not display.is_shown("^New Map$"), "the template list to close")
        template = load_template("three-phase", "en")
        first_colour, last_colour = (template.phases.at(i).colour for i in (0, -1))

        def headers() -> tuple[Rect, Rect, Rect] | None:
            image = display.screenshot("new-map")
            bands = [colour_band(image, c, min_run=4) for c in (first_colour, last_colour)]
            lanes = colour_band(image, LANE_HEADER_FILL, min_run=4)
            return None if None in (*bands, lanes) else (*bands, lanes)

        first, last, lanes = wait_until(headers, "the new map's headers on the screen")
        assert lanes.x + lanes.width <= first.x + 1, "the lane headers cover the first column"
        assert lanes.x >= where["X"], "the map's left edge is out of view"
        assert last.x + last.width <= where["X"] + where["WIDTH"], "the last phase is cut off"
        assert lanes.y + lanes.height <= where["Y"] + where["HEIGHT"], "the last lane is cut off"
        keys(display, "ctrl+q")
        assert app.wait(timeout=STEP_SECONDS) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=STEP_SECONDS)


def test_the_sample_opens_whole_in_the_default_window(display, tmp_path):
    """A first start (no saved window size: 1280 × 800): the whole map in view, though the
    docks take their room only after the map was first fitted (it opened at 83 %, showing
    only the first phase)."""
    copy = tmp_path / "shop.tpmap"
    shutil.copy(sample_path("en"), copy)
    journey = load(copy)
    env = app_environment(display, tmp_path / "home")
    app = subprocess.Popen([sys.executable, "-m", "tpmapper", str(copy)], env=env)
    try:
        window = display.find_window("tpmapper$")
        where = display.geometry(window)
        assert (where["WIDTH"], where["HEIGHT"]) == (1280, 800)
        first_colour, last_colour = (journey.phases.at(i).colour for i in (0, -1))
        seen: list[tuple[Rect, Rect | None] | None] = [None]

        def steady_headers() -> tuple[Rect, Rect | None] | None:
            """The first and last phase headers (None: not on the screen), once two
            screenshots in a row agree."""
            image = display.screenshot(f"open-{len(seen)}")
            first = colour_band(image, first_colour, min_run=4)
            now = None if first is None else (first, colour_band(image, last_colour, min_run=4))
            previous = seen[-1]
            seen.append(now)
            return now if now is not None and now == previous else None

        first, last = wait_until(steady_headers, "the map's first phase header to stand still")
        assert last is not None, "the last phase is out of view"
        assert first.x >= where["X"], "the map's first phase is cut off"
        assert last.x + last.width <= where["X"] + where["WIDTH"], "the last phase is cut off"
        display.focus(window)
        keys(display, "ctrl+q")
        assert app.wait(timeout=STEP_SECONDS) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=STEP_SECONDS)


SHORTCUTS_ON_X11 = """
from collections import Counter
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.ui.app import make_application
from tpmapper.ui.document import Document
from tpmapper.ui.main_window import MainWindow
app = make_application()
settings = QSettings("s.ini", QSettings.Format.IniFormat)
window = MainWindow(Document(load(sample_path("en"))), settings)
keys = Counter(k.toString() for a in window.findChildren(QAction) for k in a.shortcuts())
print(sorted(k for k, n in keys.items() if n > 1))
window.document.undo_stack.setClean()
"""


def test_no_two_actions_share_a_key_on_x11(display, tmp_path):
    # X11's standard keys differ from the offscreen platform's (its Delete includes
    # Ctrl+D): Qt runs neither of two actions on one key, so Duplicate did nothing there.
    result = subprocess.run(
        [sys.executable, "-c", SHORTCUTS_ON_X11],
        env=app_environment(display, tmp_path),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
