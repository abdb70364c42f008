"""The `tpmapper` command: the app, and headless commands for scripts (DESIGN.md's contract).

Exit codes: 0 done, 1 the input or output was refused (one sentence on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tpmapper import __version__
from tpmapper.cli_export import COLOUR_MODES, MAX_SCALE, cmd_export, formats_of
from tpmapper.cli_output import Refused, both, check_output, count
from tpmapper.cli_recovery import cmd_recovery
from tpmapper.exporting import SUFFIXES
from tpmapper.files.errors import MapFileError
from tpmapper.i18n import LANGUAGES, preferred_language
from tpmapper.printable import printable

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2

COMMANDS = ("templates", "new", "validate", "info", "analyze", "export", "import", "recovery")


def _plain_text(option: str, value: str) -> str:
    """`value` as typed, refused when the command line held bytes that are not text."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: an undecodable byte (surrogateescape)
        raise Refused(
            f"{option}: '{value}' holds bytes that are not valid {sys.getfilesystemencoding()} text"
        ) from None
    return value


# ---------------------------------------------------------------------- commands


def cmd_templates(args: argparse.Namespace) -> int:
    from tpmapper.files.templates import templates

    for template in templates(args.language):
        print(f"{template.name:<20} {template.title}")
        print(f"{'':<20} {template.description}")
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from tpmapper.files.templates import load_template
    from tpmapper.files.tpmap import save
    from tpmapper.model.edits import UpdateMap

    output = Path(args.output)
    check_output(output, args.force, (".tpmap",))
    title = None if args.title is None else _plain_text("--title", args.title)
    try:
        journey = load_template(args.template, args.language)
    except KeyError as error:
        raise Refused(error.args[0]) from None
    if title is not None:
        try:
            UpdateMap(title=title).apply(journey)
        except ValueError as error:
            raise Refused(f"--title: {error}") from None
    save(journey, output)
    print(
        f"{printable(output)}: new map '{printable(journey.title)}' with "
        f"{count(len(journey.phases), 'phase')} and {count(len(journey.lanes), 'lane')}"
    )
    return EXIT_OK


def _counts(journey: Any) -> list[str]:
    """['14 touchpoints', '17 links', '3 phases', '3 lanes']."""
    return [
        count(len(journey), "touchpoint"),
        count(journey.link_count(), "link"),
        count(len(journey.phases), "phase"),
        count(len(journey.lanes), "lane"),
    ]


def cmd_validate(args: argparse.Namespace) -> int:
    from tpmapper.files.tpmap import load

    journey = load(args.file)
    print(f"{printable(args.file)}: sound ({', '.join(_counts(journey))})")
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    from tpmapper.analysis import analyze
    from tpmapper.files.tpmap import load

    journey = load(args.file)
    findings = analyze(journey)
    by_phase = [(point.name, point.touchpoints) for point in findings.curve]
    by_lane = [(lane.name, len(journey.in_lane(lane.id))) for lane in journey.lanes]
    by_owner = [(load.owner, load.touchpoints) for load in findings.owners]
    info = {
        "title": findings.title,
        "touchpoints": findings.touchpoints,
        "links": findings.links,
        "personas": len(journey.personas),
        "by_phase": dict(by_phase),
        "by_lane": dict(by_lane),
        "by_owner": dict(by_owner),
        "without_owner": len(findings.unowned),
    }
    if args.json:
        print(json.dumps(info, indent=2, ensure_ascii=False))
        return EXIT_OK
    print(printable(journey.title))
    print(
        f"  {count(info['touchpoints'], 'touchpoint')}, {count(info['links'], 'link')}, "
        f"{count(info['personas'], 'persona')}"
    )
    for heading, rows in (("by phase", by_phase), ("by lane", by_lane), ("by owner", by_owner)):
        if not rows:
            print(f"{heading}: none")
            continue
        print(f"{heading}:")
        shown = [(printable(name), number) for name, number in rows]
        width = max(len(name) for name, _n in shown)
        for name, number in shown:
            print(f"  {name:<{width}}  {number:>5}")
    if info["without_owner"]:
        print(f"without owner: {info['without_owner']}")
    return EXIT_OK


def cmd_analyze(args: argparse.Namespace) -> int:
    from tpmapper.analysis import UnknownPersona, analyze
    from tpmapper.analysis.report import report
    from tpmapper.files.tpmap import load

    persona = None if args.persona is None else _plain_text("--persona", args.persona)
    journey = load(args.file)
    try:
        findings = analyze(journey, persona)
    except UnknownPersona as error:
        raise Refused(f"{args.file}: --persona: {error}") from None
    if args.json:
        print(json.dumps(findings.to_json(), indent=2, ensure_ascii=False))
    else:
        print("\n".join(report(journey, findings, persona)))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from tpmapper.files.excel_import import import_workbook
    from tpmapper.files.tpmap import save
    from tpmapper.files.workbook_guard import WorkbookError

    output = Path(args.output)
    if Path(args.book).suffix.lower() == ".tpmap":
        raise Refused(
            f"{args.book}: is a map file already, not a workbook; "
            "open it, or export it with 'tpmapper export'"
        )
    check_output(output, args.force, (".tpmap",), args.book, "the workbook being imported")
    try:
        result = import_workbook(args.book)
    except WorkbookError as error:  # the refusal's line names the first problem; then the rest
        print(f"tpmapper: {printable(str(error))}", file=sys.stderr)
        for problem in error.problems[1:]:
            print(f"  {printable(problem)}", file=sys.stderr)
        return EXIT_REFUSED
    for problem in result.problems:
        print(f"note: {printable(args.book)}: {printable(problem)}", file=sys.stderr)
    save(result.journey, output)
    journey = result.journey
    print(
        f"{printable(output)}: imported '{printable(journey.title)}' with {both(_counts(journey))}"
    )
    return EXIT_OK


# ---------------------------------------------------------------------- the app


def _no_display() -> bool:
    """On Linux and the BSDs, whether Qt would find no screen to show the window on."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return False
    names = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    return not any(os.environ.get(name) for name in names)


def _looks_like_a_file(word: str) -> bool:
    """A name with a suffix or a folder in it is meant as a file, not as a command."""
    return bool(Path(word).suffix) or "/" in word or os.sep in word


def _app_file(parser: argparse.ArgumentParser, argv: list[str]) -> str | None:
    """The file the app should open, from a command line that names no command."""
    if not argv:
        return None
    word = argv[0]
    if not os.path.exists(word):
        if len(argv) == 1 and _looks_like_a_file(word):
            raise Refused(f"{word}: no such file")
        parser.error(
            f"'{printable(word)}' is neither a command ({', '.join(COMMANDS)}) nor an existing file"
        )
    if len(argv) > 1:
        parser.error(f"the app opens one file; '{printable(argv[1])}' is one too many")
    if os.path.isdir(word):
        raise Refused(f"{word}: is a folder, not a map file")
    return word


def launch_app(file: str | None) -> int:
    if _no_display():
        raise Refused(
            "the app needs a display and none was found (DISPLAY and WAYLAND_DISPLAY are "
            f"not set); the commands {both(COMMANDS)} work without one"
        )
    try:
        from tpmapper.ui.app import run_app
    except ImportError as error:  # e.g. a system library Qt needs is missing
        raise Refused(f"the window cannot start: {error}") from None
    return run_app(file)


# ---------------------------------------------------------------------- parsing


def _image_defaults_help() -> tuple[str, str]:
    """The help's words for the picture defaults, which are the app's (`ImageOptions()`).

    Reading them imports Qt, so only `tpmapper export --help` does."""
    from tpmapper.render.image_export import ImageOptions

    defaults = ImageOptions()
    return f"{defaults.scale:g}", "with" if defaults.legend else "without"


def _parser(
    image_defaults: tuple[str, str] | None = None,
) -> tuple[argparse.ArgumentParser, dict[str, Callable[[argparse.Namespace], int]]]:
    parser = argparse.ArgumentParser(
        prog="tpmapper",
        description="Customer touchpoint mapping. Without a command, opens the app "
        "(on FILE, or on the sample map); the commands work without a display.",
        epilog="Exit codes: 0 done, 1 an input or output was refused, 2 a usage error.",
        usage="%(prog)s [-h] [--version] [FILE | COMMAND ...]",
    )
    parser.add_argument("--version", action="version", version=f"tpmapper {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", prog="tpmapper")
    language = {
        "choices": LANGUAGES,
        "default": preferred_language(),
        "help": "language of templates (default: from your locale)",
    }

    sub = commands.add_parser("templates", help="list the templates for new maps")
    sub.add_argument("-l", "--language", **language)

    sub = commands.add_parser("new", help="create a map from a template")
    sub.add_argument("-t", "--template", required=True, help="a name from 'tpmapper templates'")
    sub.add_argument("-o", "--output", required=True, metavar="FILE", help="the new .tpmap file")
    sub.add_argument("--title", help="the new map's title")
    sub.add_argument("-l", "--language", **language)
    sub.add_argument("--force", action="store_true", help="replace FILE if it exists")

    sub = commands.add_parser("validate", help="check a map file; exit 0 if it is sound")
    sub.add_argument("file", metavar="FILE")

    sub = commands.add_parser("info", help="counts by phase, lane and owner")
    sub.add_argument("file", metavar="FILE")
    sub.add_argument("--json", action="store_true", help="print JSON")

    sub = commands.add_parser(
        "analyze",
        help="weak spots, rating gaps, critical touchpoints and who owns what",
        description="Analyse a map: the rating curve, where journeys start, stop and circle, "
        "the touchpoints every journey passes, weak spots, blind spots, owners, empty cells "
        "and what to fix first (docs/analysis.md).",
    )
    sub.add_argument("file", metavar="FILE")
    sub.add_argument("--json", action="store_true", help="print JSON (docs/analysis.schema.json)")
    sub.add_argument(
        "--persona",
        metavar="ID",
        help="only the touchpoints serving this persona (and those naming none), and the "
        "links between them",
    )

    scale, legend = image_defaults or ("as in the app", "as in the app")
    sub = commands.add_parser(
        "export",
        help=f"export a map: OUT's suffix picks {' '.join(SUFFIXES)}",
        description=f"Export a map. OUT's suffix picks the format: {' '.join(SUFFIXES)}. "
        "Pictures get the app's defaults; an option a format does not use is refused.",
    )
    sub.add_argument("file", metavar="FILE")
    sub.add_argument("-o", "--output", required=True, metavar="OUT", help="the file to write")
    sub.add_argument(
        "--scale",
        type=float,
        metavar="N",
        help=f"{formats_of('scale')}: size factor, above 0 and up to {MAX_SCALE} "
        f"(default: {scale})",
    )
    sub.add_argument(
        "--transparent",
        action="store_true",
        default=None,
        help=f"{formats_of('transparent')}: no white background around the map",
    )
    sub.add_argument(
        "--legend",
        action=argparse.BooleanOptionalAction,
        help=f"{formats_of('legend')}: a legend below the map, or none (default: "
        + (f"{legend} a legend)" if image_defaults else "as in the app)"),
    )
    sub.add_argument(
        "--curve",
        action=argparse.BooleanOptionalAction,
        help=f"{formats_of('curve')}: the experience curve under the grid, or none "
        "(default: shown when the map has ratings)",
    )
    sub.add_argument(
        "--colour-by",
        choices=COLOUR_MODES,
        metavar="MODE",
        help=f"{formats_of('colour_by')}: what the cards' colours show: {', '.join(COLOUR_MODES)} "
        "(default: rating)",
    )
    sub.add_argument(
        "--view",
        metavar="NAME",
        help=f"{formats_of('view')}: show a view saved in the map (pictures and slides: its "
        "colours and filter; a workbook: the rows it leaves out folded away)",
    )
    sub.add_argument(
        "--split",
        action="store_true",
        default=None,
        help=f"{formats_of('split')}: print at 100 %% over several pages (default: the "
        "whole map on one page)",
    )
    sub.add_argument(
        "-l",
        "--language",
        choices=LANGUAGES,
        help=f"{formats_of('language')}: language of the headers and legends (default: "
        "from your locale)",
    )
    sub.add_argument("--force", action="store_true", help="replace OUT if it exists")

    sub = commands.add_parser("import", help="turn an .xlsx workbook into a map")
    sub.add_argument("book", metavar="BOOK.xlsx")
    sub.add_argument("-o", "--output", required=True, metavar="FILE", help="the new .tpmap file")
    sub.add_argument("--force", action="store_true", help="replace FILE if it exists")

    sub = commands.add_parser("recovery", help="list the unsaved work a crash left behind")
    sub.add_argument("--discard", metavar="ID", help="remove the recovery copy ID")

    for choice in commands.choices.values():
        choice.set_defaults(subparser=choice)  # for usage errors found after parsing
    handlers = {
        "templates": cmd_templates,
        "new": cmd_new,
        "validate": cmd_validate,
        "info": cmd_info,
        "analyze": cmd_analyze,
        "export": cmd_export,
        "import": cmd_import,
        "recovery": cmd_recovery,
    }
    return parser, handlers


def _tolerant_streams() -> None:
    """Let any text reach stdout and stderr, even an ASCII terminal (LANG=C): what the
    encoding cannot show is written as a backslash escape instead of crashing the print."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # closed, or not a text stream
                reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    wants_help = argv[:1] == ["export"] and ("-h" in argv or "--help" in argv)
    parser, handlers = _parser(_image_defaults_help() if wants_help else None)
    try:
        if argv and (argv[0] in handlers or argv[0].startswith("-")):
            args, unknown = parser.parse_known_args(argv)
            if unknown:  # said with the command's usage, not only the top level's
                usage = getattr(args, "subparser", parser)
                usage.error(f"unrecognized arguments: {' '.join(unknown)}")
            if args.command is None:
                return launch_app(None)
            return handlers[args.command](args)
        return launch_app(_app_file(parser, argv))
    except (Refused, MapFileError) as error:
        print(f"tpmapper: {printable(str(error))}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
