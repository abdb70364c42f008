"""What a journey map tells a strategist: weak spots, gaps, the journey's critical
touchpoints and who answers for what (docs/analysis.md). No Qt; networkx for the graph.

`analyze(journey, persona=None)` computes every finding once, as a frozen `Findings`;
the command line, the Excel summary and the status bar read their numbers from it.
"""

from tpmapper.analysis.compute import (
    UnknownPersona,
    analyze,
    cell_rating,
    curve,
    is_weak_spot,
    serves,
    spot_counts,
)
from tpmapper.analysis.findings import (
    Agreement,
    BlindSpot,
    Cell,
    CurvePoint,
    Findings,
    OwnerLoad,
    Priority,
)

__all__ = [
    "Agreement",
    "BlindSpot",
    "Cell",
    "CurvePoint",
    "Findings",
    "OwnerLoad",
    "Priority",
    "UnknownPersona",
    "analyze",
    "cell_rating",
    "curve",
    "is_weak_spot",
    "serves",
    "spot_counts",
]
