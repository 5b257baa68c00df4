"""The analysis: calculations, comparisons, rankings, the national picture, consistency."""
