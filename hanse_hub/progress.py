"""Progress bars of the long-running commands (``search reindex``, ``hub seed-demo``).

Drawn with ``rich`` on standard error, so that what a command prints on standard output stays
as it was; without a terminal (a cron job, a test) rich draws no live bar.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


@contextmanager
def progress_bars(*steps: tuple[str, int]) -> Iterator[list[Callable[[int], None]]]:
    """One bar per (label, total) step; yields each step's ``advance(done)``."""
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
    ) as progress:
        tasks = [progress.add_task(label, total=total) for label, total in steps]
        yield [(lambda done, task=task: progress.advance(task, done)) for task in tasks]
