"""`python -m bot.exports`: write the JSON export's schema to docs/export.schema.json.

Run from the repository after changing the records; a test fails until it is done.
"""

import json
from pathlib import Path

from bot.exports.document import schema

Path("docs/export.schema.json").write_text(
    json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"
)
