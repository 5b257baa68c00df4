"""Outputs for people and tools: tidy records, data frames and charts."""
