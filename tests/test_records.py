"""accord.records: contract records back into a Document give the same records again."""

from __future__ import annotations

import json

import pytest

from accord.records import document_from_records


def test_records_round_trip_through_the_model(founding):
    records = [json.loads(json.dumps(r)) for r in founding.records()]  # as read from a file
    document = document_from_records(records)
    assert list(document.records()) == records
    assert document.id == founding.id and len(document.events) == len(founding.events) > 10


def test_records_without_their_article_are_refused(founding):
    records = list(founding.records())
    with pytest.raises(ValueError, match="no article record"):
        document_from_records(records[1:])
    with pytest.raises(ValueError, match="two article records"):
        document_from_records(records[:1] * 2)
    with pytest.raises(ValueError, match="kind 'happening'"):
        document_from_records([*records, {"kind": "happening", "id": "h"}])
