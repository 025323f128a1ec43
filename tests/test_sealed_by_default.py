"""Sealed by default: a record's free text is encrypted at rest without being listed.

Which columns are sealed is read from the records' types (`sealed_fields`): text, text in
a collection, or a record inside, unless typed `Plain`. So a new question's field cannot
be forgotten and stored readable.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal

from dialogue_flows.records import SEAL, Plain, Record, sealed_fields
from storage.encryption import Cipher, new_key
from storage.repositories import SEALED, opened, row_values


class Diary(Record):
    """A record as a new flow might add it: only `feeling` holds the person's words."""

    person_id: Plain
    number: int
    feeling: str | None = None
    mood: Literal["low", "ok"] = "ok"
    at: datetime | None = None
    scores: Annotated[tuple[int, ...], SEAL] = ()
    count: int = 0


COLUMNS = ("person_id", "number", "feeling", "mood", "at")


def test_a_new_free_text_field_is_sealed_without_being_listed() -> None:
    assert sealed_fields(Diary) == {"feeling", "scores"}  # scores: marked, not text


def test_the_stored_bytes_of_a_new_field_are_not_readable(tmp_path: Path) -> None:
    cipher, sealed = Cipher(new_key()), sealed_fields(Diary)
    entry = Diary(person_id="console:ann", number=1, feeling="Scared of the landlord")
    path = tmp_path / "diary.db"
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute(f"CREATE TABLE diary ({', '.join(COLUMNS)})")
        values = row_values(entry.model_dump(mode="json"), COLUMNS, cipher, sealed)
        db.execute(f"INSERT INTO diary VALUES ({', '.join('?' * len(COLUMNS))})", values)
        db.commit()
    stored = path.read_bytes()
    assert b"landlord" not in stored
    assert b"console:ann" in stored  # plain, as declared: the check can see text
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.row_factory = sqlite3.Row
        row = dict(db.execute("SELECT * FROM diary").fetchone())
    assert Diary.model_validate(opened(row, cipher, sealed)) == entry


def test_the_real_records_seal_words_and_keep_ids_and_zones_plain() -> None:
    assert {"name", "conversation", "safety_plan", "text", "said", "why"} <= SEALED
    assert not {"id", "person_id", "timezone", "language", "status", "area"} & SEALED
