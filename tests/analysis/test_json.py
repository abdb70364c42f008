"""`Findings.to_json`: exactly the documented keys, plain JSON values."""

from __future__ import annotations

import dataclasses
import json

import pytest

from tpmapper.analysis import Findings, analyze

KEYS = [
    "title",
    "touchpoints",
    "links",
    "curve",
    "entries",
    "dead_ends",
    "orphans",
    "loops",
    "bottlenecks",
    "weak_spots",
    "blind_spots",
    "agreement",
    "unowned",
    "owners",
    "empty_cells",
    "uninfluenceable_phases",
    "priorities",
]


def test_fields_are_the_json_keys(sample):
    assert [f.name for f in dataclasses.fields(Findings)] == KEYS
    data = analyze(sample).to_json()
    assert list(data) == KEYS
    assert json.loads(json.dumps(data)) == data  # lists and dicts only, no tuples
    assert set(data["curve"][0]) == {"phase", "name", "touchpoints", "customer", "company"}
    assert set(data["blind_spots"][0]) == {"id", "customer", "company", "gap"}
    assert set(data["agreement"]) == {"rated", "agree", "share"}
    assert set(data["owners"][0]) == {"owner", "touchpoints", "weak_spots"}
    assert set(data["empty_cells"][0]) == {"phase", "lane"}
    assert set(data["priorities"][0]) == {"id", "score"}
    assert isinstance(data["loops"][0], list)


def test_findings_are_frozen(sample):
    findings = analyze(sample)
    with pytest.raises(dataclasses.FrozenInstanceError):
        findings.title = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        findings.agreement.share = 1.0  # type: ignore[misc]
