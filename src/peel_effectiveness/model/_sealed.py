"""The base of the model's classes, which are not to be subclassed."""

from __future__ import annotations

from typing import Any


class Sealed:
    """A class of the model: a record of the data format, which the
    converter, the JSON Schema and :func:`~peel_effectiveness.dump` write
    as the class it is. A subclass would be written as its base and read
    back as the base (its own fields lost), or not at all, so defining one
    raises :class:`TypeError`; hold a record in a class of your own instead
    (see the converter's docs).
    """

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # The model's own classes, and the slotted copies attrs makes of
        # them, have this class as their only base of the model; a subclass
        # of one of them has another (whatever else it names, Sealed too).
        model = [b for b in cls.__bases__ if b is not Sealed and issubclass(b, Sealed)]
        if model:
            base = model[0]
            raise TypeError(
                f"{base.__name__} cannot be subclassed: it is a record of the data format, "
                "which would be written as its base; hold one in a class of your own"
            )
