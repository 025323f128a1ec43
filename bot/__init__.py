"""The edges of growcoach: console chat, CLI, Telegram, settings and wiring."""
