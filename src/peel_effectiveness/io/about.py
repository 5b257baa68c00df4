"""Provenance of the data: the dataset version and where each report comes from."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from .._version import DATA_VERSION, __version__

if TYPE_CHECKING:
    from ..model.dataset import Dataset

__all__ = ["DataInfo", "SourceInfo", "dataset_info"]


@attrs.frozen
class SourceInfo:
    """Where one report comes from.

    Attributes:
        force: The force's id.
        cycle: The cycle.
        pillar: The pillar, or ``None`` for an integrated cycle's report.
        title: The source document's title.
        publisher: Who published it.
        published: Its publication date, where there is one document.
        url: Its address, where known.
        document: The file the data were taken from.
        isbn: Its ISBN, where it has one.
        licence: The licence of the source.
        compiled: Whether its grades were compiled by peel_effectiveness
            from the sources given with each (see
            :attr:`~peel_effectiveness.model.Provenance.compiled`).

    Examples:
        >>> source = dataset_info().sources[0]
        >>> source.force, source.cycle, source.pillar, source.publisher
        ('avon-and-somerset', '2015', 'effectiveness', 'HMIC')
    """

    force: str
    cycle: str
    pillar: str | None
    title: str | None
    publisher: str | None
    published: dt.date | None
    url: str | None
    document: str | None
    isbn: str | None = None
    licence: str | None = None
    compiled: bool = False


@attrs.frozen
class DataInfo:
    """The version and sources of a dataset.

    Attributes:
        package_version: The version of peel_effectiveness.
        data_version: The version of the bundled data (the date they last changed).
        reports: How many reports there are.
        forces: How many forces have a report.
        cycles: The cycles covered.
        sources: Each report's source, in the dataset's order.

    Examples:
        Of your own data (see :func:`dataset_info`):

        >>> from peel_effectiveness import load
        >>> from peel_effectiveness.io.bundled import bundled_sources
        >>> info = dataset_info(load(bundled_sources() / "cumbria-2016.yaml"))
        >>> info.reports, info.cycles, info.sources[0].title
        (1, ('2016',), 'PEEL: Police effectiveness 2016 - An inspection of Cumbria Constabulary')
    """

    package_version: str
    data_version: str
    reports: int
    forces: int
    cycles: tuple[str, ...]
    sources: tuple[SourceInfo, ...]


def dataset_info(data: Dataset | None = None) -> DataInfo:
    """The version and sources of a dataset (by default, the bundled one).

    Examples:
        >>> info = dataset_info()
        >>> info.reports, info.forces, info.cycles
        (338, 43, ('2015', '2016', '2017', '2018/19', '2021/22', '2023-25'))
        >>> cumbria = next(s for s in info.sources if (s.force, s.cycle) == ("cumbria", "2016"))
        >>> cumbria.published
        datetime.date(2017, 3, 2)
    """
    from ..model.dataset import Dataset

    if data is None:
        from .bundled import load_bundled

        data = load_bundled()
    elif not isinstance(data, Dataset):
        raise TypeError(
            f"dataset_info() takes a Dataset (or nothing, for the bundled data), not {type(data).__name__}"
        )
    sources = []
    for r in data:
        p = r.provenance
        sources.append(
            SourceInfo(
                r.force.id,
                r.cycle.value,
                None if r.pillar is None else r.pillar.value,
                None if p is None else p.title,
                None if p is None else p.publisher,
                None if p is None else p.published,
                None if p is None else p.url,
                None if p is None else p.document,
                None if p is None else p.isbn,
                None if p is None else p.licence,
                p is not None and p.compiled,
            )
        )
    return DataInfo(
        __version__,
        DATA_VERSION,
        len(data),
        len(data.forces),
        tuple(c.value for c in data.cycles),
        tuple(sources),
    )
