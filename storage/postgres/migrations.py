"""The PostgreSQL schema: the same forward migrations as SQLite's, one for one.

Migration n here makes the schema of SQLite's migration n (`storage.migrations`), so the
two share one version number: `growcoach_schema.version` is the number applied, as
`PRAGMA user_version` is on SQLite. Each migration runs in its own transaction with its
version bump, under an advisory lock, so instances starting together migrate once.
Times stay UTC text of one shape (as on SQLite, so the same comparisons hold); flags
are booleans, the service's own key is bytes. Never edit a migration that has shipped:
add the next one, here and in `storage.migrations`.
"""

from __future__ import annotations

VERSION_TABLE = "CREATE TABLE IF NOT EXISTS growcoach_schema (version INTEGER NOT NULL)"

MIGRATIONS: tuple[str, ...] = (
    # 1: people (profile and where they are in the conversation) and their goals.
    """
    CREATE TABLE people (
        id            TEXT PRIMARY KEY,
        name          TEXT,
        language      TEXT NOT NULL,
        consented_at  TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        conversation  TEXT NOT NULL          -- JSON: flow, step, paused, ask_id, draft
    );
    CREATE TABLE goals (
        person_id       TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        number          INTEGER NOT NULL,
        area            TEXT NOT NULL,
        area_own_words  TEXT,
        text            TEXT NOT NULL,
        first_words     TEXT,
        reality_now     TEXT,
        reality_works   TEXT,
        strengths       TEXT,
        obstacles       TEXT,
        options         TEXT NOT NULL DEFAULT '[]',   -- JSON list of the person's ideas
        helpers         TEXT,
        chosen_option   TEXT,
        status          TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        PRIMARY KEY (person_id, number)
    );
    """,
    # 2: steps get rows of their own, so check-ins can refer to one step.
    """
    CREATE TABLE steps (
        person_id      TEXT NOT NULL,
        goal_number    INTEGER NOT NULL,
        number         INTEGER NOT NULL,
        text           TEXT NOT NULL,
        "when"         TEXT,
        obstacles      TEXT,
        confidence     INTEGER CHECK (confidence BETWEEN 0 AND 10),
        earlier_texts  TEXT NOT NULL DEFAULT '[]',
        status         TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        PRIMARY KEY (person_id, goal_number, number),
        FOREIGN KEY (person_id, goal_number)
            REFERENCES goals(person_id, number) ON DELETE CASCADE
    );
    """,
    # 3: when Telegram said the person blocked the bot (403); cleared when they write again.
    """
    ALTER TABLE people ADD COLUMN blocked_at TEXT;
    """,
    # 4: weekly check-ins: time zone, schedule, each check-in, each reminder claimed.
    """
    ALTER TABLE people ADD COLUMN timezone TEXT;
    CREATE TABLE schedules (
        person_id  TEXT PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
        weekday    INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
        hour       INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
        minute     INTEGER NOT NULL CHECK (minute BETWEEN 0 AND 59),
        timezone   TEXT NOT NULL,
        paused     BOOLEAN NOT NULL DEFAULT false,
        next_due   TEXT                       -- UTC, ISO 8601; NULL when paused
    );
    CREATE INDEX schedules_due ON schedules (next_due) WHERE next_due IS NOT NULL;
    CREATE TABLE checkins (
        person_id    TEXT NOT NULL,
        goal_number  INTEGER NOT NULL,
        number       INTEGER NOT NULL,
        step_number  INTEGER NOT NULL,
        at           TEXT NOT NULL,
        outcome      TEXT NOT NULL,
        reflection   TEXT,
        progress     INTEGER CHECK (progress BETWEEN 0 AND 10),
        next_move    TEXT,
        reminded     BOOLEAN NOT NULL DEFAULT false,
        PRIMARY KEY (person_id, goal_number, number),
        FOREIGN KEY (person_id, goal_number)
            REFERENCES goals(person_id, number) ON DELETE CASCADE
    );
    CREATE TABLE reminders (
        person_id   TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        due_at      TEXT NOT NULL,
        claimed_at  TEXT NOT NULL,
        sent_at     TEXT,
        outcome     TEXT,                     -- sent, blocked, failed
        PRIMARY KEY (person_id, due_at)
    );
    CREATE INDEX reminders_unsent ON reminders (claimed_at) WHERE sent_at IS NULL;
    """,
    # 5: a random key of this service's own, for pseudonyms in exports and logs
    # (two random UUIDs' hex digits: 244 random bits from the server's strong source).
    """
    CREATE TABLE meta (name TEXT PRIMARY KEY, value BYTEA NOT NULL);
    INSERT INTO meta (name, value) VALUES ('pseudonym_key', decode(replace(
        gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));
    """,
    # 6: the person's safety plan (JSON).
    """
    ALTER TABLE people ADD COLUMN safety_plan TEXT;
    """,
    # 7: a follow-up the day after a crisis; reminders get a kind, part of the key.
    """
    ALTER TABLE people ADD COLUMN followup_due TEXT;
    CREATE INDEX people_followup ON people (followup_due) WHERE followup_due IS NOT NULL;
    ALTER TABLE reminders ADD COLUMN kind TEXT NOT NULL DEFAULT 'checkin';
    ALTER TABLE reminders DROP CONSTRAINT reminders_pkey;
    ALTER TABLE reminders ADD PRIMARY KEY (person_id, kind, due_at);
    """,
    # 8: why the goal matters, corrections to Reality, a confidence's reason, own words.
    """
    ALTER TABLE goals ADD COLUMN why TEXT;
    ALTER TABLE goals ADD COLUMN reality_correction TEXT;
    ALTER TABLE steps ADD COLUMN confidence_reason TEXT;
    ALTER TABLE checkins ADD COLUMN said TEXT;
    ALTER TABLE checkins ADD COLUMN in_the_way TEXT;
    """,
    # 9: the inbox (storage/postgres/inbox.py); who claimed a reminder, failed sends, retry.
    """
    CREATE TABLE inbox (
        update_id    BIGINT PRIMARY KEY,
        payload      TEXT,
        received_at  TEXT NOT NULL,
        handled_at   TEXT
    );
    CREATE INDEX inbox_waiting ON inbox (update_id) WHERE handled_at IS NULL;
    ALTER TABLE reminders ADD COLUMN owner TEXT;
    ALTER TABLE reminders ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE reminders ADD COLUMN retry_at TEXT;
    """,
    # 10: outcomes: attainment scales and ratings, measures, appointments.
    """
    CREATE TABLE gas_scales (
        person_id    TEXT NOT NULL,
        goal_number  INTEGER NOT NULL,
        levels       TEXT NOT NULL DEFAULT '{}',
        importance   INTEGER CHECK (importance BETWEEN 1 AND 3),
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (person_id, goal_number),
        FOREIGN KEY (person_id, goal_number)
            REFERENCES goals(person_id, number) ON DELETE CASCADE
    );
    CREATE TABLE gas_ratings (
        person_id       TEXT NOT NULL,
        goal_number     INTEGER NOT NULL,
        number          INTEGER NOT NULL,
        at              TEXT NOT NULL,
        level           INTEGER NOT NULL CHECK (level BETWEEN -2 AND 2),
        checkin_number  INTEGER,
        PRIMARY KEY (person_id, goal_number, number),
        FOREIGN KEY (person_id, goal_number)
            REFERENCES goals(person_id, number) ON DELETE CASCADE
    );
    CREATE TABLE measure_responses (
        person_id  TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        number     INTEGER NOT NULL,
        measure    TEXT NOT NULL,
        language   TEXT NOT NULL,
        at         TEXT NOT NULL,
        answers    TEXT NOT NULL,
        score      INTEGER NOT NULL,
        PRIMARY KEY (person_id, number)
    );
    CREATE TABLE measure_plans (
        person_id   TEXT PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
        every_days  INTEGER NOT NULL CHECK (every_days BETWEEN 7 AND 90),
        next_due    TEXT
    );
    CREATE INDEX measure_plans_due ON measure_plans (next_due) WHERE next_due IS NOT NULL;
    CREATE TABLE appointments (
        person_id   TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        number      INTEGER NOT NULL,
        at          TEXT NOT NULL,
        words       TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        eve_due     TEXT,
        agenda      TEXT,
        summary_at  TEXT,
        PRIMARY KEY (person_id, number)
    );
    CREATE INDEX appointments_eve ON appointments (eve_due) WHERE eve_due IS NOT NULL;
    """,
    # 11: the Danish region of the town a person named for their time zone (helplines).
    """
    ALTER TABLE people ADD COLUMN region TEXT;
    """,
    # 12: who sent each update waiting in the inbox (order across instances).
    """
    ALTER TABLE inbox ADD COLUMN person_id TEXT;
    CREATE INDEX inbox_person_waiting ON inbox (person_id, update_id) WHERE handled_at IS NULL;
    """,
)
