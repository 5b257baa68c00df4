import os

from hypothesis import HealthCheck, settings

# CI: derandomized so a run is repeatable, no deadline so a slow shared
# machine does not fail a property, and a fixed example budget so the run
# time is predictable.
settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=100,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, max_examples=50)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

# The mutation run (tools/mutate_rules.py) switches one rule of the model off
# and expects the suite to fail.
if os.environ.get("PEEL_MUTANT"):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from rules_index import disable

    disable(os.environ["PEEL_MUTANT"])
