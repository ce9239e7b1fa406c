"""The user's own actor files: where they live, how they are added, and the knowledge base with them.

Two places name them:

- the config file's ``actor_files`` list (TOML; paths, ``~`` expanded, relative paths taken from
  the config file's folder), e.g. ``actor_files = ["~/actors/my_people.yaml"]``;
- the user actor folder, ``<user data dir>/accord/actors`` (``$ACCORD_ACTOR_DIR`` overrides it):
  every ``*.yaml``, ``*.yml``, ``*.csv`` and ``*.tsv`` in it. ``accord actors add FILE`` installs
  files there.

The files use the shapes of the packaged files (see accord.actors.knowledge); a PETRARCH actor
dictionary (``.txt``) is converted to a people YAML when added (see accord.actors.petrarch).
Files load in the order ``configured_actor_files`` lists them - the config file's, in its order,
then the folder's, sorted by name - and an entry of a later file replaces one with the same id.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Any

import platformdirs

from ..config import APP, config_path, setting
from .knowledge import KnowledgeBase, KnowledgeBaseError, read_actor_file
from .petrarch import ROLES_FILE_NAME, Conversion, convert_petrarch, dump_people_yaml, write_dictionary_roles

__all__ = ["user_actor_dir", "config_actor_files", "configured_actor_files", "add_actor_file", "load_knowledge_base",
           "describe_actor_file", "ACTOR_SUFFIXES", "AddedFile"]

ACTOR_SUFFIXES = (".yaml", ".yml", ".csv", ".tsv")
DICTIONARY_SUFFIXES = (".txt",)

_lock = threading.Lock()
_cache: dict[tuple, KnowledgeBase] = {}


def user_actor_dir() -> Path:
    """Where ``accord actors add`` installs files: ``$ACCORD_ACTOR_DIR``, else
    ``<platformdirs user data dir for "accord">/actors``."""
    env = os.environ.get("ACCORD_ACTOR_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP)) / "actors"


def config_actor_files() -> list[Path]:
    value = setting("actor_files")
    if value is None or value == "":
        return []
    if isinstance(value, (str, os.PathLike)):
        value = [value]
    if not isinstance(value, list):
        raise KnowledgeBaseError(f"config file {config_path()}: actor_files must be a list of paths")
    base = config_path().expanduser().parent
    out = []
    for item in value:
        if not isinstance(item, (str, os.PathLike)) or not str(item).strip():
            raise KnowledgeBaseError(f"config file {config_path()}: actor_files: {item!r} is not a path")
        p = Path(str(item).strip()).expanduser()
        out.append(p if p.is_absolute() else base / p)
    return out


def _dir_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.is_file() and p.suffix.lower() in ACTOR_SUFFIXES
                  and not p.name.startswith("."))


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


def configured_actor_files() -> list[Path]:
    """The config file's ``actor_files`` (in order), then the user actor folder's files (sorted),
    each once. A configured file that does not exist is listed all the same (loading reports it)."""
    out: list[Path] = []
    seen: set[Path] = set()
    for p in [*config_actor_files(), *_dir_files(user_actor_dir())]:
        try:
            key = p.resolve()
        except OSError:
            key = p
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _fingerprint(files: list[Path]) -> tuple:
    parts = []
    for p in files:
        try:
            st = p.stat()
            parts.append((str(p), st.st_mtime_ns, st.st_size))
        except OSError:
            parts.append((str(p), None, None))
    return tuple(parts)


def load_knowledge_base() -> KnowledgeBase:
    """The packaged knowledge plus the user's files (``KnowledgeBase.default()`` when there are none).

    Cached per list of files and their modification times, so every stage of a process shares one
    knowledge base until a file changes. Raises KnowledgeBaseError for a bad or missing file.
    """
    files = configured_actor_files()
    if not files:
        return KnowledgeBase.default()
    key = _fingerprint(files)
    with _lock:
        kb = _cache.get(key)
        if kb is None:
            kb = KnowledgeBase.load(files)
            _cache.clear()  # keep one: the files changed, the old one is stale
            _cache[key] = kb
        return kb


# ----------------------------------------------------------------------------- adding
class AddedFile:
    """What ``add_actor_file`` did: the installed file and, for a dictionary, the conversion."""

    def __init__(self, source: Path, destination: Path, replaced: bool, conversion: Conversion | None,
                 extra: list[Path], warnings: list[str]):
        self.source = source
        self.destination = destination
        self.replaced = replaced  # a file of that name was installed before
        self.conversion = conversion
        self.extra = extra  # other files installed with it (the dictionary roles file)
        self.warnings = warnings


def _installed_name(source: Path) -> str:
    if source.suffix.lower() in DICTIONARY_SUFFIXES:
        return f"{source.stem}_people.yaml"  # "people" in the name: the KB reads it as people
    return source.name


def _relabel(exc: KnowledgeBaseError, tmp: Path, label: str) -> KnowledgeBaseError:
    return KnowledgeBaseError(str(exc).replace(str(tmp), label))


def add_actor_file(path: Path | str, lenient: bool = False) -> Path:
    """Validate an actor file and install it into ``user_actor_dir()``; return where it went.

    YAML/CSV/TSV files in the packaged shapes are copied as they are; a PETRARCH actor dictionary
    (``.txt``) is converted to ``<name>_people.yaml`` (plus the roles file its offices need).
    The file must load on its own and together with the files already configured (a file of the
    same name is replaced); otherwise KnowledgeBaseError names the file and the entry and nothing
    is installed. ``lenient``: leave out dictionary entries that cannot be read instead of refusing.
    """
    return add_actor_file_ex(path, lenient).destination


def add_actor_file_ex(path: Path | str, lenient: bool = False) -> AddedFile:
    """``add_actor_file`` with the details of what was installed."""
    source = Path(path).expanduser()
    if not source.is_file():
        raise KnowledgeBaseError(f"{source}: no such file")
    suffix = source.suffix.lower()
    if suffix not in ACTOR_SUFFIXES + DICTIONARY_SUFFIXES:
        raise KnowledgeBaseError(f"{source}: not an actor file (expected .yaml, .yml, .csv, .tsv, "
                                 f"or a PETRARCH dictionary .txt)")
    target_dir = user_actor_dir()
    dest = target_dir / _installed_name(source)
    conversion: Conversion | None = None
    with tempfile.TemporaryDirectory(prefix="accord-actors-") as tmp_name:
        tmp = Path(tmp_name)
        staged = tmp / dest.name
        extra: list[Path] = []
        if suffix in DICTIONARY_SUFFIXES:
            conversion = convert_petrarch(source, strict=not lenient)
            if not conversion.people:
                raise KnowledgeBaseError(f"{source}: no people found (entries with a dated or an ELI code, "
                                         f"e.g. `JANE_DOE_ [USAGOV 170120-210120]`)")
            staged.write_text(dump_people_yaml(conversion.people, source.name), encoding="utf-8")
            extra.append(write_dictionary_roles(tmp))
            label = f"{source} (converted to {dest.name})"
        else:
            shutil.copyfile(source, staged)
            label = str(source)
        # 1. the file on its own
        try:
            KnowledgeBase.load([*extra, staged])
        except KnowledgeBaseError as exc:
            raise _relabel(exc, staged, label) from None
        # 2. with what is installed already (the file replacing its namesake)
        warnings: list[str] = []
        others = [p for p in configured_actor_files() if not _same(p, dest)
                  and not (extra and _same(p, target_dir / ROLES_FILE_NAME))]
        if others:
            try:
                KnowledgeBase.load([*others, *extra, staged])
            except KnowledgeBaseError as exc:
                try:
                    KnowledgeBase.load(others)
                except KnowledgeBaseError as broken:  # already broken without it: not its fault
                    warnings.append(f"the actor files already configured do not load: {broken}")
                else:
                    msg = _relabel(exc, staged, label)
                    raise KnowledgeBaseError(
                        f"{source} does not fit the actor files already configured: {msg}") from None
        target_dir.mkdir(parents=True, exist_ok=True)
        replaced = dest.exists()
        if not _same(source, dest):
            tmp_dest = dest.with_name(f".{dest.name}.tmp")
            shutil.copyfile(staged, tmp_dest)
            os.replace(tmp_dest, dest)
        installed_extra = [write_dictionary_roles(target_dir)] if extra else []
    return AddedFile(source, dest, replaced, conversion, installed_extra, warnings)


def describe_actor_file(path: Path | str) -> dict[str, Any]:
    """The kind of an actor file and how many entries of each sort it has, for reports.

    ``{"shape": "people", "entries": 3, "offices": 4, "names": [...]}``; ``shape`` is one of
    people, seats, regions, igos, media, roles. Raises KnowledgeBaseError if it cannot be read.
    """
    shape, data = read_actor_file(Path(path))
    out: dict[str, Any] = {"shape": shape}
    if shape == "people":
        people = data if isinstance(data, list) else []
        out["entries"] = len(people)
        out["offices"] = sum(len(p.get("offices") or []) for p in people if isinstance(p, dict))
        out["names"] = [str(p.get("name")) for p in people if isinstance(p, dict) and p.get("name")]
    elif shape == "roles":
        data = data or {}
        out["entries"] = len(data.get("roles") or {})
        out["phrases"] = len(data.get("phrases") or {})
        out["names"] = [str(k) for k in (data.get("roles") or {})]
    else:
        data = data or {}
        out["entries"] = len(data)
        out["names"] = [str(v.get("name") if isinstance(v, dict) else k) for k, v in data.items()]
    return out
