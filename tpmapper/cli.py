"""The `tpmapper` command: the app, and headless commands for scripts (DESIGN.md's contract).

Exit codes: 0 done, 1 the input or output was refused (one sentence on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from tpmapper import __version__
from tpmapper.files.errors import MapFileError
from tpmapper.i18n import LANGUAGES, preferred_language

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class Refused(Exception):
    """A command cannot go on; the message is the one sentence the user sees."""


def _existing_output(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise Refused(f"{path}: exists already; add --force to replace it")


def _map_output(path: Path, force: bool) -> None:
    if path.suffix.lower() != ".tpmap":
        raise Refused(f"{path}: a map file's name must end in .tpmap")
    _existing_output(path, force)


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
    _map_output(output, args.force)
    try:
        journey = load_template(args.template, args.language)
    except KeyError as error:
        raise Refused(error.args[0]) from None
    if args.title is not None:
        try:
            UpdateMap(title=args.title).apply(journey)
        except ValueError as error:
            raise Refused(f"--title: {error}") from None
    save(journey, output)
    print(
        f"{output}: new map '{journey.title}' with {len(journey.phases)} phases and "
        f"{len(journey.lanes)} lanes"
    )
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from tpmapper.files.tpmap import load

    journey = load(args.file)
    print(
        f"{args.file}: sound ({len(journey)} touchpoints, {journey.link_count()} "
        f"links, {len(journey.phases)} phases, {len(journey.lanes)} lanes)"
    )
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    from tpmapper.files.tpmap import load

    journey = load(args.file)
    touchpoints = journey.touchpoints()
    by_phase = [(p.name, len(journey.in_phase(p.id))) for p in journey.phases]
    by_lane = [(lane.name, len(journey.in_lane(lane.id))) for lane in journey.lanes]
    owners = Counter(tp.owner for tp in touchpoints)
    by_owner = sorted(((o, n) for o, n in owners.items() if o), key=lambda x: (-x[1], x[0]))
    info = {
        "title": journey.title,
        "touchpoints": len(touchpoints),
        "links": journey.link_count(),
        "personas": len(journey.personas),
        "by_phase": dict(by_phase),
        "by_lane": dict(by_lane),
        "by_owner": dict(by_owner),
        "without_owner": owners.get("", 0),
    }
    if args.json:
        print(json.dumps(info, indent=2, ensure_ascii=False))
        return EXIT_OK
    print(f"{journey.title}")
    print(
        f"  {info['touchpoints']} touchpoints, {info['links']} links, {info['personas']} personas"
    )
    for heading, rows in (("by phase", by_phase), ("by lane", by_lane), ("by owner", by_owner)):
        print(f"{heading}:")
        width = max((len(name) for name, _n in rows), default=0)
        for name, count in rows:
            print(f"  {name:<{width}}  {count:>5}")
    if info["without_owner"]:
        print(f"without owner: {info['without_owner']}")
    return EXIT_OK


EXPORT_SUFFIXES = (".xlsx", ".csv", ".png", ".svg", ".pdf")


def cmd_export(args: argparse.Namespace) -> int:
    from tpmapper.files.tpmap import load

    output = Path(args.output)
    suffix = output.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        shown = f"'{output.suffix}'" if output.suffix else "no suffix"
        raise Refused(
            f"{output}: cannot export with {shown}; the name must end in "
            f"{', '.join(EXPORT_SUFFIXES[:-1])} or {EXPORT_SUFFIXES[-1]}"
        )
    if args.scale <= 0 or args.scale > 16:
        raise Refused(f"--scale {args.scale:g}: choose a scale above 0 and up to 16")
    _existing_output(output, args.force)
    journey = load(args.file)
    try:
        if suffix == ".xlsx":
            from tpmapper.files.excel_export import export_workbook

            export_workbook(journey, output, language=args.language)
        elif suffix == ".csv":
            from tpmapper.files.csv_export import export_csv

            export_csv(journey, output, language=args.language)
        else:
            from tpmapper.render.image_export import ImageOptions, export_image

            options = ImageOptions(
                scale=args.scale,
                transparent=args.transparent,
                legend=args.legend,
                pages="split" if args.split else "fit",
            )
            export_image(journey, output, options)
    except ValueError as error:
        raise Refused(str(error)) from None
    print(f"{output}: exported {len(journey)} touchpoints from {args.file}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from tpmapper.files.excel_import import import_workbook
    from tpmapper.files.tpmap import save
    from tpmapper.files.workbook_guard import WorkbookError

    output = Path(args.output)
    _map_output(output, args.force)
    try:
        result = import_workbook(args.book)
    except WorkbookError as error:  # the refusal's line names the first problem; then the rest
        print(f"tpmapper: {error}", file=sys.stderr)
        for problem in error.problems[1:]:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_REFUSED
    for problem in result.problems:
        print(f"note: {args.book}: {problem}", file=sys.stderr)
    save(result.journey, output)
    journey = result.journey
    print(
        f"{output}: imported '{journey.title}' with {len(journey)} touchpoints, "
        f"{journey.link_count()} links, {len(journey.phases)} phases and "
        f"{len(journey.lanes)} lanes"
    )
    return EXIT_OK


def launch_app(file: str | None) -> int:
    try:
        from tpmapper.ui.app import run_app
    except ImportError as error:  # e.g. a system library Qt needs is missing
        raise Refused(f"the window cannot start: {error}") from None
    return run_app(file)


# ---------------------------------------------------------------------- parsing


def _parser() -> tuple[argparse.ArgumentParser, dict[str, Callable[[argparse.Namespace], int]]]:
    parser = argparse.ArgumentParser(
        prog="tpmapper",
        description="Customer touchpoint mapping. Without a command, opens the app "
        "(on FILE, or on the sample map).",
    )
    parser.add_argument("--version", action="version", version=f"tpmapper {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
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
        "export", help="export a map: OUT's suffix picks .xlsx .csv .png .svg or .pdf"
    )
    sub.add_argument("file", metavar="FILE")
    sub.add_argument("-o", "--output", required=True, metavar="OUT", help="the file to write")
    sub.add_argument("--scale", type=float, default=1.0, help="PNG size factor (default 1)")
    sub.add_argument(
        "--transparent", action="store_true", help="PNG: no white background around the map"
    )
    sub.add_argument("--legend", action="store_true", help="pictures: add a legend")
    sub.add_argument("--split", action="store_true", help="PDF: print at 100 %% over pages")
    sub.add_argument("-l", "--language", **dict(language, help="language of Excel headers"))
    sub.add_argument("--force", action="store_true", help="replace OUT if it exists")

    sub = commands.add_parser("import", help="turn an .xlsx workbook into a map")
    sub.add_argument("book", metavar="BOOK.xlsx")
    sub.add_argument("-o", "--output", required=True, metavar="FILE", help="the new .tpmap file")
    sub.add_argument("--force", action="store_true", help="replace FILE if it exists")

    handlers = {
        "templates": cmd_templates,
        "new": cmd_new,
        "validate": cmd_validate,
        "info": cmd_info,
        "export": cmd_export,
        "import": cmd_import,
    }
    return parser, handlers


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser, handlers = _parser()
    try:
        if argv and (argv[0] in handlers or argv[0].startswith("-")):
            args = parser.parse_args(argv)
            if args.command is None:
                return launch_app(None)
            return handlers[args.command](args)
        if len(argv) > 1:
            parser.error(f"unknown command '{argv[0]}'")
        return launch_app(argv[0] if argv else None)
    except (Refused, MapFileError) as error:
        print(f"tpmapper: {error}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
