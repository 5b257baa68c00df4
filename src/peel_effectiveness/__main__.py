"""``python -m peel_effectiveness``: the command line."""

from .cli._script import console_script

raise SystemExit(console_script())
