"""Reading and writing data files (YAML and JSON), the JSON Schema, the bundled data."""
