"""Turning the engine's replies into words in the person's language, for any adapter."""

from __future__ import annotations

from dataclasses import dataclass

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.types import Reply, is_scale


@dataclass(frozen=True)
class Shown:
    """A reply as the person will see it: its text and its choices as (value, label)."""

    text: str
    choices: tuple[tuple[str, str], ...]
    ask_id: int | None

    @property
    def is_scale(self) -> bool:
        """Numbers only (0 to 10): shown as one row rather than a list."""
        return is_scale([label for _, label in self.choices])


def render(catalogue: Catalogue, reply: Reply, language: str) -> Shown:
    text = "\n\n".join(catalogue.render(part, language) for part in reply.parts)
    choices = tuple(
        (choice.value, catalogue.render(choice.label, language)) for choice in reply.choices
    )
    return Shown(text=text, choices=choices, ask_id=reply.ask_id)
