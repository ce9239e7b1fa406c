"""The record policy (accord.events.policy): one place decides which candidate events users get,
read the same way by `accord extract`, `accord ingest` and `accord.extract()`."""

from __future__ import annotations

import pytest

import accord
from accord.events.policy import RecordPolicy, packaged_threshold

TEXT = "Xi Jinping said China will host Vladimir Putin in Beijing. Germany criticized Iran on Monday."


@pytest.fixture
def config(tmp_path, monkeypatch):
    """A fresh config file (and no policy variables in the environment) for one test."""
    path = tmp_path / "config.toml"
    monkeypatch.setenv("ACCORD_CONFIG", str(path))
    monkeypatch.delenv("ACCORD_MIN_CONFIDENCE", raising=False)
    monkeypatch.delenv("ACCORD_STATEMENTS", raising=False)
    return path


def test_packaged_defaults(config):
    policy = RecordPolicy.from_settings()
    assert policy == RecordPolicy.packaged()
    assert policy.statements is False and policy.min_confidence == packaged_threshold()
    assert 0.0 <= packaged_threshold() < 1.0


def test_bare_statements_are_records_only_when_asked(config, nlp):
    default = accord.extract(TEXT, date="2026-02-04")
    kept = accord.extract(TEXT, date="2026-02-04", statements=True, min_confidence=0.0)
    assert not [e for e in default.events if e.cameo == "010"]
    assert [e for e in kept.events if e.cameo == "010" and e.source.name == "Xi Jinping"]
    # Leaving statements out removes them and nothing else.
    ids = {e.id for e in kept.events if e.cameo != "010" and e.confidence >= packaged_threshold()}
    assert ids == {e.id for e in default.events}


def test_the_threshold_keeps_only_confident_records(config, nlp):
    everything = accord.extract(TEXT, date="2026-02-04", min_confidence=0.0, statements=True)
    confidences = sorted({e.confidence for e in everything.events})
    assert len(everything.events) >= 2 and all(0.0 < c <= 1.0 for c in confidences)
    cut = confidences[len(confidences) // 2]
    kept = accord.extract(TEXT, date="2026-02-04", min_confidence=cut, statements=True)
    assert {e.id for e in kept.events} == {e.id for e in everything.events if e.confidence >= cut}
    assert len(kept.events) < len(everything.events) or len(confidences) == 1


def test_config_file_and_environment(config, monkeypatch):
    config.write_text("min_confidence = 0.35\nstatements = true\n", encoding="utf-8")
    assert RecordPolicy.from_settings() == RecordPolicy(0.35, True)
    monkeypatch.setenv("ACCORD_MIN_CONFIDENCE", "0.6")
    monkeypatch.setenv("ACCORD_STATEMENTS", "no")
    assert RecordPolicy.from_settings() == RecordPolicy(0.6, False)
    assert RecordPolicy.from_settings(0.1, True) == RecordPolicy(0.1, True)  # explicit arguments win


@pytest.mark.parametrize("toml, message", [("min_confidence = 1.5\n", "min_confidence"),
                                           ('min_confidence = "high"\n', "min_confidence"),
                                           ('statements = "perhaps"\n', "statements")])
def test_bad_settings_name_the_setting(config, toml, message):
    config.write_text(toml, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        RecordPolicy.from_settings()


def test_pipelines_with_another_policy_share_the_loaded_stages(config, nlp):
    from accord.pipeline import Pipeline

    base = Pipeline.default(nlp)
    other = base.with_policy(RecordPolicy(0.0, True))
    assert other.nlp is base.nlp
    events = [s for s in other.stages if s.name == "events"][0]
    assert events.policy == RecordPolicy(0.0, True)
    assert [s for s in base.stages if s.name == "events"][0].policy == RecordPolicy.packaged()
    assert events.verbs is [s for s in base.stages if s.name == "events"][0].verbs
