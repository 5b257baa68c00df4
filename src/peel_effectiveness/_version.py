__version__ = "0.1.0"

# The version of the bundled data: the date they were last changed.
DATA_VERSION = "2026.12.07"
