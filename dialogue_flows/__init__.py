"""The conversation engine and its flows: pure, no Telegram, no SQL, no clock."""
