"""A package's public names, imported from its modules when first used.

The command line starts in a fraction of the time when ``import
peel_effectiveness`` does not import every module of the analysis and the
outputs (PEP 562). Each package lists its names once in ``__all__`` and
imports them for type checkers under ``TYPE_CHECKING``; this finds a name's
module among the package's own, in the order given, when it is first asked
for.
"""

from __future__ import annotations

import importlib
import sys

TYPE_CHECKING = False  # as in the package's __init__: typing is not imported yet
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

_ABSENT = object()


def lazy_names(
    package: str, names: Sequence[str], modules: Sequence[str]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``, whose public
    ``names`` are defined in (or imported by) its ``modules``.

    A name is looked for only if it is public, so that a module's own
    imports never leak out as the package's names; once found it is set on
    the package, so it is looked for once. A public module of the package
    (one of ``modules`` without a leading underscore) is imported when
    asked for, as an eager ``import`` would have made it an attribute.
    """
    public = frozenset(names)
    submodules = frozenset(m for m in modules if not m.startswith("_"))

    def __getattr__(name: str) -> object:
        if name in public:
            for module_name in modules:
                value = getattr(importlib.import_module(f"{package}.{module_name}"), name, _ABSENT)
                if value is not _ABSENT:
                    setattr(sys.modules[package], name, value)
                    return value
        if name in submodules:
            return importlib.import_module(f"{package}.{name}")
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        # The package's names, not its machinery (TYPE_CHECKING, _lazy).
        dunders = {n for n in vars(sys.modules[package]) if n.startswith("__") and n.endswith("__")}
        return sorted(public | submodules | dunders)

    return __getattr__, __dir__
