"""Test configuration: hypothesis profiles chosen by HYPOTHESIS_PROFILE (``dev`` by default, ``ci`` on CI)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# dev: quick feedback while working. ci: thorough and deterministic, so a red CI can be reproduced.
settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci",
    max_examples=1000,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
