"""``hub freeze on|off|status``, and the refusal of every writing command while frozen."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from hanse_hub.freeze.services import freeze_state, set_frozen


class FreezableGroup(AppGroup):
    """A command group whose commands, except the ``reads``, are refused while frozen."""

    def __init__(self, *args, reads: frozenset[str] = frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.reads = reads

    def resolve_command(self, ctx, args):
        name, command, rest = super().resolve_command(ctx, args)
        writes = command is not None and not isinstance(command, click.Group)
        if writes and name not in self.reads and freeze_state().frozen:
            raise click.ClickException(
                f"The hub is frozen (read-only): `{ctx.command_path} {name}` would write. "
                "`flask --app hanse_hub hub freeze off` ends the freeze."
            )
        return name, command, rest


@click.command("freeze")
@click.argument("switch", type=click.Choice(["on", "off", "status"]))
def freeze_command(switch: str):
    """Freeze the hub read-only (on), end the freeze (off), or show it (status)."""
    state = freeze_state() if switch == "status" else set_frozen(switch == "on")
    if switch == "off" and state.by_environment:
        raise click.ClickException(
            "The freeze recorded in the database is off, but HANSE_READ_ONLY=true is set and "
            "wins: the hub stays read-only until it is removed from the environment."
        )
    if not state.frozen:
        click.echo("The hub is not frozen: reading and writing as usual.")
    elif state.by_environment:
        click.echo("The hub is frozen (read-only) by HANSE_READ_ONLY=true.")
    else:
        click.echo(f"The hub is frozen (read-only) since {state.since:%Y-%m-%d %H:%M} UTC.")
