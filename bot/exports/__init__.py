"""Exports of a person's goal history for their worker: PDF, CSV, JSON and FHIR R4.

Each format is a function from the `History` document (and the catalogue, for the
person's language) to bytes; `export` picks one and names the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.exports.csv_rows import to_csv
from bot.exports.document import History
from bot.exports.fhir import to_fhir
from bot.exports.pdf import to_pdf, to_summary_pdf
from dialogue_flows.catalogue import Catalogue

FORMATS: dict[str, tuple[str, str, Callable[[History, Catalogue], bytes]]] = {
    "pdf": ("pdf", "application/pdf", to_pdf),
    "csv": ("csv", "text/csv", to_csv),
    "json": ("json", "application/json", lambda history, _: history.to_json()),
    "fhir": ("fhir.json", "application/fhir+json", lambda history, _: to_fhir(history)),
    "summary": ("pdf", "application/pdf", to_summary_pdf),
}


@dataclass(frozen=True)
class ExportFile:
    name: str
    mime: str
    content: bytes


def export(history: History, fmt: str, catalogue: Catalogue) -> ExportFile:
    extension, mime, make = FORMATS[fmt]
    day = history.generated_at.date().isoformat()
    return ExportFile(f"growcoach-goals-{day}.{extension}", mime, make(history, catalogue))
