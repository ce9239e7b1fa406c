"""The terminal tables users read (accord.cli.render)."""

from __future__ import annotations

import io

from rich.console import Console


def test_codes_plover_dropped_show_their_cameo_name_not_dropped(example_path):
    import accord
    from accord.cli.render import document_tables

    document = accord.extract(example_path.read_text(encoding="utf-8"), date="2026-02-04")
    codes = {e.cameo for e in document.events}
    assert "0256" in codes  # "never ... called for it to withdraw troops": an appeal, which PLOVER dropped
    out = io.StringIO()
    document_tables(Console(file=out, width=200), document)
    text = out.getvalue()
    assert "0256 Appeal" in text  # the start of "Appeal for de-escalation ...", cut to the column
    assert "DROPPED" not in text
    assert "041 CONSULT" in text  # codes PLOVER keeps still show their type
