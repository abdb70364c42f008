"""Fixtures for the analysis tests."""

from __future__ import annotations

import pytest

from tests.model.support import SAMPLE
from tpmapper.model import JourneyMap


@pytest.fixture(scope="session")
def sample() -> JourneyMap:
    """The online-shop sample map (14 touchpoints, 17 links); analyses only read it."""
    from tpmapper.files.tpmap import load

    return load(SAMPLE)
