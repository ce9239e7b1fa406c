"""What every `accord` sub-command shares: exit codes and how a typer app is set up."""

from __future__ import annotations

import typer

# Exit codes (README): 0 all processed, 1 some inputs rejected (or nothing found), 2 usage error,
# 3 nothing could be processed.
EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_FAILURE = 0, 1, 2, 3


def make_app(help: str) -> typer.Typer:
    return typer.Typer(
        add_completion=False,
        no_args_is_help=True,
        help=help,
        rich_markup_mode=None,
        pretty_exceptions_show_locals=False,
    )


def db_target(target: str | None) -> str:
    """The database a command uses: `--db`, else the default; a URL Accord cannot open (not a
    file path, not postgresql://) is a usage error naming it, before anything is created."""
    from rich.console import Console

    from ..config import default_db
    from ..store import unsupported_target

    value = target if target is not None else default_db()
    problem = unsupported_target(value)
    if problem is not None:
        Console(stderr=True).print(f"accord: {problem}", highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(EXIT_USAGE)
    return value


def check_dyad(value: tuple[str, str] | None) -> tuple[str, str] | None:
    """`--dyad A B`: an option where an actor should be (`--dyad CHN --db x.duckdb` took `--db`
    as the second actor and left the file as an "unexpected extra argument") is named."""
    if value:
        for actor in value:
            if actor.startswith("-"):
                raise typer.BadParameter(
                    f"expected two actors, A B (e.g. --dyad CHN RUS); got {' '.join(value)!r}, "
                    f"and {actor!r} is an option, not an actor", param_hint="--dyad")
    return value
