"""Exports of a person's goal history for their worker: PDF, CSV, JSON and FHIR R4.

Each format is a function from the `History` document (and the catalogue, for the
person's language) to bytes; `export` picks one and names the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.exports.document import History
    from dialogue_flows.catalogue import Catalogue

# Each maker imports its library when first called, so fpdf, matplotlib and
# fhir.resources are loaded by the first export that needs them, never at start-up.


def _pdf(history: History, catalogue: Catalogue) -> bytes:
    from bot.exports.pdf import to_pdf

    return to_pdf(history, catalogue)


def _csv(history: History, catalogue: Catalogue) -> bytes:
    from bot.exports.csv_rows import to_csv

    return to_csv(history, catalogue)


def _json(history: History, _: Catalogue) -> bytes:
    return history.to_json()


def _fhir(history: History, _: Catalogue) -> bytes:
    from bot.exports.fhir import to_fhir

    return to_fhir(history)


def _summary(history: History, catalogue: Catalogue) -> bytes:
    from bot.exports.pdf import to_summary_pdf

    return to_summary_pdf(history, catalogue)


FORMATS: dict[str, tuple[str, str, Callable[[History, Catalogue], bytes]]] = {
    "pdf": ("pdf", "application/pdf", _pdf),
    "csv": ("csv", "text/csv", _csv),
    "json": ("json", "application/json", _json),
    "fhir": ("fhir.json", "application/fhir+json", _fhir),
    "summary": ("pdf", "application/pdf", _summary),
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
