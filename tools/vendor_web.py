"""Refresh the dashboard's vendored JavaScript and map data from the npm registry.

The dashboard fetches nothing from the internet at run time: the files below are copied, as
published, into src/accord/web/static/vendor/ with their licences, and their SHA-256 sums are
written to vendor/SOURCES.md. Needs `npm` (only to run this; never at run time):

    .venv/bin/python tools/vendor_web.py
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

# package, version, files to take from the package (path inside it -> name in vendor/<package>/)
PACKAGES = [
    ("d3", "7.9.0", {"dist/d3.min.js": "d3.min.js"}, "ISC"),
    ("topojson-client", "3.1.0", {"dist/topojson-client.min.js": "topojson-client.min.js"}, "ISC"),
    ("world-atlas", "2.0.2", {"countries-110m.json": "countries-110m.json"},
     "ISC (the TopoJSON packaging); the shapes are Natural Earth 4.1.0 Admin 0 countries, 1:110m, public domain"),
]

VENDOR = Path(__file__).resolve().parents[1] / "src" / "accord" / "web" / "static" / "vendor"


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, version, files, licence in PACKAGES:
            out = subprocess.run(["npm", "pack", f"{name}@{version}", "--silent"], cwd=tmp,
                                 check=True, capture_output=True, text=True).stdout.split()[-1]
            with tarfile.open(Path(tmp) / out) as tar:
                tar.extractall(Path(tmp) / name, filter="data")
            root = Path(tmp) / name / "package"
            target = VENDOR / name
            target.mkdir(parents=True, exist_ok=True)
            for inside, local in {**files, "LICENSE": "LICENSE"}.items():
                shutil.copyfile(root / inside, target / local)
                digest = hashlib.sha256((target / local).read_bytes()).hexdigest()
                rows.append(f"| `{name}/{local}` | npm `{name}@{version}` `{inside}` | {licence} | `{digest}` |")
    (VENDOR / "SOURCES.md").write_text(
        "# vendor/ — sources and licences\n\n"
        "Copied unchanged from the npm registry by `tools/vendor_web.py`; served by `accord serve`\n"
        "under `/static/vendor/`. Nothing is fetched from a CDN at run time.\n\n"
        "| file | from | licence | sha256 |\n| --- | --- | --- | --- |\n" + "\n".join(rows) + "\n",
        encoding="utf-8")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
