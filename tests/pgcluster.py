"""A private PostgreSQL cluster for tests and benchmarks: initdb + pg_ctl on 127.0.0.1, removed after.

    with PostgresCluster.start_new() as cluster:
        url = cluster.create_database("t1")     # postgresql://accord@127.0.0.1:PORT/t1

The server binaries come from `$ACCORD_PG_BINDIR`, else Debian's layout
(/usr/lib/postgresql/<version>/bin, the newest version). initdb refuses to run as root, and CI
runs as root: then the cluster is owned and run by the unprivileged user `nobody`. Nothing
listens anywhere but 127.0.0.1 on a free port; no Unix socket is made.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

UNPRIVILEGED_USER = "nobody"


def find_bindir() -> Path | None:
    env = os.environ.get("ACCORD_PG_BINDIR")
    if env:
        return Path(env) if (Path(env) / "initdb").exists() else None
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(found[-1]).parent if found else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresCluster:
    def __init__(self, bindir: Path, root: Path, port: int, settings: dict[str, str]):
        self.bindir = bindir
        self.root = root
        self.data = root / "data"
        self.port = port
        self.settings = settings
        self.user = "accord"
        self._run_as: dict = {}
        if os.geteuid() == 0:
            entry = pwd.getpwnam(UNPRIVILEGED_USER)
            self._run_as = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
            os.chown(root, entry.pw_uid, entry.pw_gid)

    @classmethod
    def start_new(cls, settings: dict[str, str] | None = None) -> "PostgresCluster":
        """initdb a new cluster in a fresh temporary folder and start it."""
        bindir = find_bindir()
        if bindir is None:
            raise FileNotFoundError("no PostgreSQL server binaries (initdb) found")
        # Under the system temp folder, which the unprivileged user can reach (pytest's own
        # tmp_path under /tmp/pytest-of-root is private to root).
        root = Path(tempfile.mkdtemp(prefix="accord-pg-", dir="/tmp"))
        os.chmod(root, 0o700)
        cluster = cls(bindir, root, free_port(), settings or {})
        try:
            cluster._initdb()
            cluster.start()
        except BaseException:
            cluster.remove()
            raise
        return cluster

    def __enter__(self) -> "PostgresCluster":
        return self

    def __exit__(self, *exc: object) -> None:
        self.remove()

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run([str(self.bindir / args[0]), *args[1:]], capture_output=True,
                              text=True, check=check, timeout=120, cwd=self.root, **self._run_as)

    def _initdb(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", self.user, "--auth=trust",
                  "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions")

    def _options(self) -> str:
        options = {"listen_addresses": "127.0.0.1", "port": str(self.port),
                   "unix_socket_directories": "''", **self.settings}
        return " ".join(f"-c {k}={v}" for k, v in options.items())

    def start(self) -> None:
        proc = self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"),
                         "-w", "-t", "60", "-o", self._options(), "start", check=False)
        if proc.returncode != 0:
            raise RuntimeError(f"pg_ctl start failed: {proc.stdout}{proc.stderr}\n{self.log()}")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def restart(self, mode: str = "fast") -> None:
        self.stop(mode)
        self.start()

    def log(self) -> str:
        try:
            return (self.root / "server.log").read_text(errors="replace")
        except OSError:
            return ""

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def wait_until_up(self, timeout: float = 30) -> None:
        import psycopg

        deadline = time.monotonic() + timeout
        while True:
            try:
                psycopg.connect(self.url(), connect_timeout=2).close()
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def remove(self) -> None:
        if self.data.exists():
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)
