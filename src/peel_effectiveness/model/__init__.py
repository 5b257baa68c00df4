"""The model: immutable records of forces, cycles, judgments, figures and reports.

This layer imports nothing above it. Every rule about what valid data is
lives here, once; the readers and writers in :mod:`peel_effectiveness.io`
follow from it.
"""
