"""Exports of a person's goal history for their worker: PDF, CSV, JSON and FHIR R4.

Each format is a function from the `History` document (and the catalogue, for the
person's language, and the time zone their times are shown in) to bytes; `export` picks
one and names the file by the moment it was made, in that zone, to the minute.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from bot.exports.document import History
    from dialogue_flows.catalogue import Catalogue

# Each maker imports its library when first called, so fpdf, matplotlib and
# fhir.resources are loaded by the first export that needs them, never at start-up.


def _pdf(history: History, catalogue: Catalogue, zone: ZoneInfo) -> bytes:
    from bot.exports.pdf import to_pdf

    return to_pdf(history, catalogue, zone)


def _csv(history: History, catalogue: Catalogue, zone: ZoneInfo) -> bytes:
    from bot.exports.csv_rows import to_csv

    return to_csv(history, catalogue, zone)


def _json(history: History, _: Catalogue, __: ZoneInfo) -> bytes:
    return history.to_json()


def _fhir(history: History, _: Catalogue, __: ZoneInfo) -> bytes:
    from bot.exports.fhir import to_fhir

    return to_fhir(history)


def _summary(history: History, catalogue: Catalogue, zone: ZoneInfo) -> bytes:
    from bot.exports.pdf import to_summary_pdf

    return to_summary_pdf(history, catalogue, zone)


FORMATS: dict[str, tuple[str, str, Callable[[History, Catalogue, ZoneInfo], bytes]]] = {
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


def export(
    history: History, fmt: str, catalogue: Catalogue, default_zone: str = "UTC"
) -> ExportFile:
    """`fmt` made from `history`; times for people (PDF, CSV, the file's name) in the
    person's zone (`default_zone`, the service's, until they have given one). JSON and
    FHIR keep codes and UTC: they are read by programs."""
    extension, mime, make = FORMATS[fmt]
    zone = history.zone(default_zone)
    made = history.generated_at.astimezone(zone).strftime("%Y-%m-%d-%H%M")
    name = f"growcoach-goals-{made}.{extension}"
    return ExportFile(name, mime, make(history, catalogue, zone))
