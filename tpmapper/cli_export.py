"""`tpmapper export FILE -o OUT`: OUT's suffix picks the format (tpmapper.exporting's
registry); options a format does not use are usage errors; pictures start from the app's
defaults (`ImageOptions()`)."""

from __future__ import annotations

import argparse
import dataclasses
import math
from pathlib import Path
from typing import Any

from tpmapper.cli_output import Refused, both, check_output, count
from tpmapper.exporting import (
    SUFFIXES,
    ExportFormat,
    ExportSettings,
    export,
    format_of,
    formats_using,
)
from tpmapper.i18n import preferred_language
from tpmapper.printable import printable

EXIT_OK = 0
MAX_SCALE = 16
#: The options of `tpmapper export` that only some formats use (see ExportFormat.options).
OPTIONS = ("scale", "transparent", "legend", "curve", "colour_by", "view", "split", "language")
#: render.colour_modes.ColourMode's values, written out so that parsing a command loads
#: no rendering code (tests/cli/test_curve_cli.py checks that they match).
COLOUR_MODES = ("rating", "gap", "owner", "ownership", "channel", "medium")


def formats_of(option: str) -> str:
    """ "PNG, SVG, PDF": the formats that use an option, for the command's help."""
    return ", ".join(fmt.kind.upper() for fmt in formats_using(option))


def _options_for(args: argparse.Namespace, fmt: ExportFormat) -> None:
    """Refuse, as a usage error, an option the output's format does not use."""
    for name in OPTIONS:
        value = getattr(args, name)
        if value is None or name in fmt.options:
            continue
        flag = name.replace("_", "-")
        option = f"--no-{flag}" if value is False else f"--{flag}"
        suffixes = [other.suffix for other in formats_using(name)]
        args.subparser.error(f"{option} applies to {both(suffixes)} only, not to {fmt.suffix}")


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
    fmt = format_of(output)
    if not output.is_dir() and fmt is not None:
        _options_for(args, fmt)
    if args.scale is not None and not (0 < args.scale <= MAX_SCALE and math.isfinite(args.scale)):
        raise Refused(f"--scale {args.scale:g}: choose a scale above 0 and up to {MAX_SCALE}")
    check_output(output, args.force, SUFFIXES, args.file, "the map being exported")
    assert fmt is not None  # check_output refused any other suffix
    journey = load(args.file)
    language = args.language or preferred_language()
    view = _view_options(journey, args)
    left_out = view.get("dimmed", frozenset())
    try:
        if fmt.drawn:  # pictures and slides: their words in `language`
            from tpmapper.render.image_export import ensure_gui_application
            from tpmapper.render.words import speaking

            ensure_gui_application()
            with speaking(language):
                image = _image_options(args, view)
                export(journey, output, ExportSettings(language, left_out, image))
        else:
            export(journey, output, ExportSettings(language, left_out))
    except ValueError as error:
        raise Refused(str(error)) from None
    print(
        f"{printable(output)}: exported {count(len(journey), 'touchpoint')} "
        f"from {printable(args.file)}"
    )
    return EXIT_OK


def _image_options(args: argparse.Namespace, view: dict[str, Any]) -> Any:
    """Pictures and slides: the app's defaults, the options given, the view's colours and
    faint cards, and the legend's words in the language being spoken."""
    from tpmapper.render.colour_modes import ColourMode
    from tpmapper.render.image_export import ImageOptions
    from tpmapper.render.words import export_labels

    given = {
        "scale": args.scale,
        "transparent": args.transparent,
        "legend": args.legend,
        "curve": args.curve,
        "colour_mode": ColourMode(args.colour_by) if args.colour_by else None,
        **view,
        "pages": "split" if args.split else None,
    }
    return dataclasses.replace(
        ImageOptions(labels=export_labels()),
        **{key: value for key, value in given.items() if value is not None},
    )
