"""`tpmapper export FILE -o OUT`: OUT's suffix picks the format; options a format does
not use are usage errors; pictures start from the app's defaults (`ImageOptions()`)."""

from __future__ import annotations

import argparse
import dataclasses
import math
from pathlib import Path
from typing import Any

from tpmapper.cli_output import Refused, both, check_output, count
from tpmapper.i18n import preferred_language
from tpmapper.printable import printable

EXIT_OK = 0
EXPORT_SUFFIXES = (".xlsx", ".csv", ".png", ".svg", ".pdf")
#: The export options that only some formats use, and those formats.
FORMAT_OPTIONS = {
    "scale": (".png",),
    "transparent": (".png", ".svg"),
    "legend": (".png", ".svg", ".pdf"),
    "curve": (".png", ".svg", ".pdf"),
    "colour_by": (".png", ".svg", ".pdf"),
    "view": (".png", ".svg", ".pdf", ".xlsx"),
    "split": (".pdf",),
    "language": (".xlsx", ".csv"),
}
MAX_SCALE = 16
#: render.colour_modes.ColourMode's values, written out so that parsing a command loads
#: no rendering code (tests/cli/test_curve_cli.py checks that they match).
COLOUR_MODES = ("rating", "gap", "owner", "ownership", "channel", "medium")


def _options_for(args: argparse.Namespace, suffix: str) -> None:
    """Refuse, as a usage error, an option the output's format does not use."""
    for name, suffixes in FORMAT_OPTIONS.items():
        value = getattr(args, name)
        if value is None or suffix in suffixes:
            continue
        flag = name.replace("_", "-")
        option = f"--no-{flag}" if value is False else f"--{flag}"
        args.subparser.error(f"{option} applies to {both(suffixes)} only, not to {suffix}")


def _view_options(journey: Any, args: argparse.Namespace) -> dict[str, Any]:
    """--view NAME: the saved view's colours (unless --colour-by says otherwise) and
    its filter's left-out touchpoints drawn faint."""
    if args.view is None:
        return {}
    wanted = args.view.casefold()
    views = list(journey.views)
    view = next((v for v in views if wanted in (v.name.casefold(), v.id.casefold())), None)
    if view is None:
        known = ", ".join(f"'{printable(v.name)}'" for v in views)
        raise Refused(
            f"{printable(args.file)}: the map has no view '{printable(args.view)}'; "
            + (f"its views are {known}" if known else "it has no saved views")
        )
    options: dict[str, Any] = {"dimmed": view.filter.left_out(journey.touchpoints())}
    if not args.colour_by:
        options["colour_mode"] = view.colour_mode
    return options


def cmd_export(args: argparse.Namespace) -> int:
    from tpmapper.files.tpmap import load

    output = Path(args.output)
    suffix = output.suffix.lower()
    if not output.is_dir() and suffix in EXPORT_SUFFIXES:
        _options_for(args, suffix)
    if args.scale is not None and not (0 < args.scale <= MAX_SCALE and math.isfinite(args.scale)):
        raise Refused(f"--scale {args.scale:g}: choose a scale above 0 and up to {MAX_SCALE}")
    check_output(output, args.force, EXPORT_SUFFIXES, args.file, "the map being exported")
    journey = load(args.file)
    language = args.language or preferred_language()
    try:
        if suffix == ".xlsx":
            from tpmapper.files.excel_export import export_workbook

            hidden = _view_options(journey, args).get("dimmed", frozenset())
            export_workbook(journey, output, language=language, hidden=hidden)
        elif suffix == ".csv":
            from tpmapper.files.csv_export import export_csv

            export_csv(journey, output, language=language)
        else:
            from tpmapper.render.colour_modes import ColourMode
            from tpmapper.render.image_export import ImageOptions, export_image

            given = {
                "scale": args.scale,
                "transparent": args.transparent,
                "legend": args.legend,
                "curve": args.curve,
                "colour_mode": ColourMode(args.colour_by) if args.colour_by else None,
                **_view_options(journey, args),
                "pages": "split" if args.split else None,
            }
            options = dataclasses.replace(
                ImageOptions(), **{key: value for key, value in given.items() if value is not None}
            )
            export_image(journey, output, options)
    except ValueError as error:
        raise Refused(str(error)) from None
    print(
        f"{printable(output)}: exported {count(len(journey), 'touchpoint')} "
        f"from {printable(args.file)}"
    )
    return EXIT_OK
