"""PostgreSQL behind the storage port (`storage.port.Store`), for several instances.

Chosen by `GROWCOACH_DATABASE_URL=postgresql://…`; imported only then. The modules mirror
SQLite's: `db` (open, migrate, erase), `migrations`, `turns`, `inbox`, `repositories`
(with the unit of work). The rows themselves (sealing, JSON, which records changed) come
from the shared code in `storage.turns` and `storage.repositories`: only SQL is here.
"""
