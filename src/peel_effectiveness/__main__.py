"""``python -m peel_effectiveness``: the command line."""

from .cli import main

raise SystemExit(main())
