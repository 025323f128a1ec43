"""The transcripts in docs/transcripts/ are what the engine says today."""

from __future__ import annotations

import transcripts


def test_the_transcripts_in_the_repo_are_fresh() -> None:
    written = {
        path.name: path.read_text(encoding="utf-8")
        for path in transcripts.FOLDER.glob("*.md")
        if path.name != "README.md"
    }
    assert written == transcripts.transcripts(), (
        "docs/transcripts is stale: run `python -m tests.transcripts`"
    )


def test_every_script_is_there_in_both_languages() -> None:
    names = {script.name for script in transcripts.SCRIPTS}
    for kind in ("short-answerer", "long-ambivalent", "boundary-tester", "checkin-setback"):
        assert {f"{kind}.en", f"{kind}.da"} <= names, kind


def test_no_move_in_the_transcripts_was_kept_as_a_goal_step_or_option() -> None:
    made = transcripts.transcripts()  # once: each call plays every script again
    for script in transcripts.SCRIPTS:
        text = made[f"{script.name}.md"]
        for kept in ("Next step: keep it", "Next step: behold det", "• that's all",
                     "• det var det", "• which one do you think"):  # fmt: skip
            assert kept not in text, (script.name, kept)
