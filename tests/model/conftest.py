"""Fixtures for the model tests."""

from __future__ import annotations

import pytest

from tests.model.support import SAMPLE, copy_map, small_map
from tpmapper.model import JourneyMap


@pytest.fixture(scope="session")
def _sample_master() -> JourneyMap:
    from tpmapper.files.tpmap import load

    return load(SAMPLE)


@pytest.fixture
def sample(_sample_master: JourneyMap) -> JourneyMap:
    """A fresh copy of the online-shop sample map (14 touchpoints, 17 links)."""
    return copy_map(_sample_master)


@pytest.fixture
def small() -> JourneyMap:
    return small_map()
