"""Reading and writing: the converter, data files (YAML and JSON), the
bundled data and their sources, and the JSON Schema of the data format."""

from ._converter import converter
from ._limits import Limits
from .about import DataInfo, SourceInfo, dataset_info
from .dumping import dump
from .loading import Folder, load, load_bundled, loads, open_folder
from .schema import json_schema

__all__ = [
    "DataInfo",
    "Folder",
    "Limits",
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
