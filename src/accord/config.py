"""Settings from the environment and an optional config file.

Precedence: explicit argument > environment variable > config file > default.
The config file is TOML at `$ACCORD_CONFIG` or `<user config dir>/accord/config.toml`:

    spacy_model = "en_core_web_md"
    db = "/data/accord.duckdb"
    actor_files = ["~/my-actors.yaml"]
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

import platformdirs

APP = "accord"


def config_path() -> Path:
    env = os.environ.get("ACCORD_CONFIG")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir(APP)) / "config.toml"


@lru_cache(maxsize=1)
def _file_settings(path: str) -> dict[str, Any]:
    p = Path(path)
    if not p.is_file():
        return {}
    try:
        with p.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"config file {p}: not valid TOML ({exc})") from exc


def setting(name: str, env: str | None = None, default: Any = None) -> Any:
    """One setting: the environment variable `env` first, then the config file, then `default`."""
    if env and os.environ.get(env):
        return os.environ[env]
    return _file_settings(str(config_path())).get(name, default)


def default_db() -> str:
    """The default database: `$ACCORD_DB`, the config file's `db` (a file, or a postgresql:// URL,
    kept as given), else `accord.duckdb` in the user data dir."""
    value = setting("db", "ACCORD_DB")
    if value:
        value = str(value)
        return value if value.startswith(("postgresql://", "postgres://")) else str(
            Path(value).expanduser())
    return str(Path(platformdirs.user_data_dir(APP)) / "accord.duckdb")


def default_db_path() -> Path:
    """The default database: `$ACCORD_DB`, the config file's `db`, else the user data dir."""
    value = setting("db", "ACCORD_DB")
    if value:
        return Path(value).expanduser()
    return Path(platformdirs.user_data_dir(APP)) / "accord.duckdb"
