#!/usr/bin/env python3
"""Set-up for developers and CI in one step: `python3 packaging/dev.py run|test|bench`.

Creates `.venv` beside this repository, installs tpmapper and its test tools into it
(again only when pyproject.toml changed), installs the Debian libraries Qt needs (and
LibreOffice Calc, Xvfb and xdotool for the tests) when they are missing (as root,
through apt-get), then runs the app or the test suite.
Uses only the standard library, so it runs on a fresh machine with nothing but Python.
"""

from __future__ import annotations

import ctypes.util
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".tpmapper-installed"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")

# Shared libraries Qt loads, and the Debian package of each. Offscreen (tests) needs the
# first group; a real window on X11 needs the second as well.
LIBRARIES_OFFSCREEN = {
    "EGL": "libegl1",
    "GL": "libgl1",
    "fontconfig": "libfontconfig1",
    "xkbcommon": "libxkbcommon0",
    "dbus-1": "libdbus-1-3",
    "glib-2.0": "libglib2.0-0",
}
LIBRARIES_WINDOW = {
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-randr": "libxcb-randr0",
    "xcb-xkb": "libxcb-xkb1",
    "X11-xcb": "libx11-xcb1",
}
# Programs the tests drive: Debian package per command. LibreOffice checks that a real
# spreadsheet program opens our workbooks; Xvfb and xdotool let tests/e2e drive the real
# window on a virtual X server with real keyboard and mouse input; poppler's pdftotext
# reads back what each page of a split PDF shows (tests/render/test_pdf_split.py).
PROGRAMS_FOR_TESTS: dict[str, str] = {
    "soffice": "libreoffice-calc-nogui",
    "Xvfb": "xvfb",
    "xdotool": "xdotool",
    "pdftotext": "poppler-utils",
}
# Parts of a program that have no command of their own: a file each installs. Impress
# lets soffice open the decks (tests/render/test_pptx_export.py converts them to PDF).
FILES_FOR_TESTS: dict[str, str] = {
    "/usr/lib/libreoffice/program/libslideshowlo.so": "libreoffice-impress-nogui",
}
# Fonts so that offscreen rendering has real glyphs to draw with.
FONT_PACKAGES = ["fonts-dejavu-core"]


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def missing_debian_packages(libraries: dict[str, str], programs: dict[str, str]) -> list[str]:
    missing = [pkg for lib, pkg in libraries.items() if ctypes.util.find_library(lib) is None]
    missing += [pkg for cmd, pkg in programs.items() if shutil.which(cmd) is None]
    if programs:  # the test run's programs come with the files they need
        missing += [pkg for file, pkg in FILES_FOR_TESTS.items() if not Path(file).exists()]
    if sys.platform.startswith("linux") and not any(Path("/usr/share/fonts").rglob("*.ttf")):
        missing += FONT_PACKAGES
    return sorted(set(missing))


def ensure_system_packages(window: bool, programs: dict[str, str] | None = None) -> None:
    libraries = dict(LIBRARIES_OFFSCREEN, **(LIBRARIES_WINDOW if window else {}))
    if not sys.platform.startswith("linux"):
        return
    missing = missing_debian_packages(libraries, programs or {})
    if not missing:
        return
    command = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    if shutil.which("apt-get") is None:
        sys.exit(
            f"[dev] tpmapper needs these system packages, and there is no apt-get to install "
            f"them: {' '.join(missing)}"
        )
    if os.geteuid() != 0:
        sys.exit(
            f"[dev] tpmapper needs system packages; please run:\n  sudo apt-get update && "
            f"sudo {' '.join(command)}"
        )
    say(f"installing system packages: {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run([*command, "-qq"], check=True, env=env)


def install_fingerprint() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def ensure_venv() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may run on any python3
        sys.exit(f"[dev] tpmapper needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        say(f"creating {VENV.relative_to(ROOT)} with Python {sys.version.split()[0]}")
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    if STAMP.exists() and STAMP.read_text() == install_fingerprint():
        return
    say("installing tpmapper and its test tools into .venv (only when pyproject.toml changed)")
    pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "install", "-e", f"{ROOT}[dev]"], check=True)
    STAMP.write_text(install_fingerprint())


def run_tests(extra: list[str]) -> int:
    # window=True: the end-to-end tests open a real X11 window (on Xvfb), not only offscreen.
    ensure_system_packages(window=True, programs=PROGRAMS_FOR_TESTS)
    ensure_venv()
    say("ruff check")
    lint = subprocess.run([str(BIN / "ruff"), "check", "--quiet", str(ROOT)], cwd=ROOT)
    say("import contracts (the layers in pyproject.toml)")
    layers = subprocess.run([str(BIN / "lint-imports"), "--no-cache"], cwd=ROOT)
    say("pytest")
    tests = subprocess.run([str(PYTHON), "-m", "pytest", *extra], cwd=ROOT)
    if lint.returncode:
        say("ruff found problems (listed above)")
    if layers.returncode:
        say("an import crosses a layer (listed above)")
    return tests.returncode or lint.returncode or layers.returncode


def run_app(extra: list[str]) -> int:
    ensure_system_packages(window=True)
    ensure_venv()
    has_screen = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and not has_screen and "QT_QPA_PLATFORM" not in os.environ:
        sys.exit(
            "[dev] no screen found (DISPLAY is not set); run this on a desktop, "
            "or under xvfb-run for a virtual one"
        )
    return subprocess.run([str(PYTHON), "-m", "tpmapper", *extra], cwd=ROOT).returncode


def run_benchmarks(extra: list[str]) -> int:
    ensure_system_packages(window=False)
    ensure_venv()
    status = 0
    for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        if extra and not any(word in script.name for word in extra):
            continue
        say(f"benchmark {script.name}")
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        status |= subprocess.run([str(PYTHON), str(script)], cwd=ROOT, env=env).returncode
    return status


def main() -> int:
    actions = {"run": run_app, "test": run_tests, "bench": run_benchmarks}
    if len(sys.argv) < 2 or sys.argv[1] not in actions:
        print(__doc__.strip().splitlines()[0])
        print("  run [FILE]      launch the app (on the sample map when no FILE is given)")
        print("  test [ARGS]     run ruff and the whole test suite (ARGS go to pytest)")
        print("  bench [NAMES]   run the benchmarks in benchmarks/")
        return 2
    try:
        return actions[sys.argv[1]](sys.argv[2:])
    except subprocess.CalledProcessError as error:
        say(f"set-up step failed (exit {error.returncode}): {' '.join(map(str, error.cmd))}")
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
