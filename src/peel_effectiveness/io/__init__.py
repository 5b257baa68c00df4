"""Reading and writing: the converter, data files (YAML and JSON), the
bundled data and their sources, and the JSON Schema of the data format."""

from typing import TYPE_CHECKING

from .. import _lazy

if TYPE_CHECKING:
    from ._converter import PeelConverter, converter
    from ._limits import Limits
    from ._reading import Format
    from .about import DataInfo, SourceInfo, dataset_info
    from .bundled import load_bundled
    from .dumping import dump
    from .folder import Folder, open_folder
    from .loading import load, loads
    from .schema import json_schema

__all__ = [
    "DataInfo",
    "Folder",
    "Format",
    "Limits",
    "PeelConverter",
    "SourceInfo",
    "converter",
    "dataset_info",
    "dump",
    "json_schema",
    "load",
    "load_bundled",
    "loads",
    "open_folder",
]

if not TYPE_CHECKING:  # for a type checker, a name not imported above is a mistake
    __getattr__, __dir__ = _lazy.lazy_names(
        __name__,
        __all__,
        ("_converter", "_limits", "_reading", "about", "bundled", "dumping", "folder", "loading", "schema"),
    )
