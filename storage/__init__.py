"""SQLite storage: migrations, records, repositories and the unit of work."""
