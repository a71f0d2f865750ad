"""``hub archive build``: the static archive (see docs/archive.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import current_app

from hanse_hub.archive.build import ArchiveError, build_archive
from hanse_hub.archive.services import ArchiveVisibility
from hanse_hub.freeze.cli import FreezableGroup

# Building reads the database and writes files only: it runs while the hub is frozen, too.
archive_group = FreezableGroup(
    "archive", help="A static archive of the hub (plain HTML).", reads=frozenset({"build"})
)


def _progress():
    """Counts the rendered pages and files on the terminal (their number is known only at the
    end: the pages are found by following links)."""
    done = 0

    def advance(step: int) -> None:
        nonlocal done
        done += step
        if done % 50 == 0:
            click.echo(f"… {done} pages and files", err=True)

    return advance


@archive_group.command("build")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--visibility",
    type=click.Choice([v.value for v in ArchiveVisibility]),
    default=ArchiveVisibility.PUBLIC.value,
    show_default=True,
    help="public: what anonymous visitors see; network: also the entries for the network "
    "(an intranet archive). Never internal entries or drafts.",
)
@click.option(
    "--export-location",
    metavar="TEXT",
    help="Where the data export (hub export) of this hub can be had: an address or a "
    "sentence; every page names it.",
)
def build_command(out: Path, visibility: str, export_location: str | None):
    """Render every readable page and public file into the new or empty folder OUT."""
    app = current_app._get_current_object()
    try:
        report = build_archive(
            app,
            out,
            ArchiveVisibility(visibility),
            export_location=export_location,
            progress=_progress() if sys.stderr.isatty() else None,
        )
    except ArchiveError as error:
        raise click.ClickException(str(error)) from error
    click.echo(
        f"Archived {report.pages} page(s) and {report.files} file(s) ({visibility}) in {out}."
    )
    if report.search:
        click.echo("Search: Pagefind index in pagefind/ (works when served over HTTP).")
    else:
        click.echo(
            "Search: not available – Pagefind is not installed (`make assets`); "
            "the pages work without it.",
            err=True,
        )
    for missing in report.missing:
        click.echo(f"not archived: {missing}", err=True)
