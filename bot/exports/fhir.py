"""The FHIR export: an R4 `Bundle` (type collection) of `Goal`s and their progress
`Observation`s, built and validated with the `fhir.resources` models (R4B: the R4
family; Goal and Observation are as in R4). Goal attainment and the measures are
added by `bot.exports.fhir_outcomes`.

The subject is a pseudonymous identifier, never the Telegram id. Each progress rating
is an Observation whose `focus` is its Goal; each Goal lists them in
`outcomeReference`. Life areas and the progress measure use growcoach's own code
systems; lifecycle and achievement statuses use FHIR's.
"""

from __future__ import annotations

import uuid
from typing import Any

from fhir.resources.R4B.bundle import Bundle

from bot.exports.document import History
from bot.exports.fhir_outcomes import outcome_entries, scaled_goal
from dialogue_flows.outcomes import scale_of
from dialogue_flows.records import Goal

ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement"
LIFE_AREA = "urn:growcoach:codesystem:life-area"
MEASURE = "urn:growcoach:codesystem:measure"
PSEUDONYM = "urn:growcoach:pseudonym"
LIFECYCLE = {"planning": "proposed", "active": "active", "achieved": "completed",
             "dropped": "cancelled"}  # fmt: skip
NAMESPACE = uuid.UUID("6f1c7a52-3c8e-4c47-9a0e-5d2b7f1f0c11")


def full_url(history: History, *parts: object) -> str:
    """Stable ids: the same history always gives the same URLs."""
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, '/'.join(map(str, (history.pseudonym, *parts))))}"


def achievement(goal: Goal) -> str | None:
    """From the latest two progress ratings: achieved, improving, worsening, ..."""
    rated = [c.progress for c in goal.checkins if c.progress is not None]
    if not rated:
        return None
    if rated[-1] == 10:
        return "achieved"
    if len(rated) == 1:
        return "in-progress"
    if rated[-1] > rated[-2]:
        return "improving"
    return "worsening" if rated[-1] < rated[-2] else "no-change"


def to_fhir(history: History) -> bytes:
    subject = {"identifier": {"system": PSEUDONYM, "value": history.pseudonym}}
    entries: list[dict[str, Any]] = []
    for goal in history.goals:
        goal_url = full_url(history, "goal", goal.number)
        observations = [
            (full_url(history, "goal", goal.number, "check-in", c.number), c)
            for c in goal.checkins if c.progress is not None
        ]  # fmt: skip
        resource: dict[str, Any] = {
            "resourceType": "Goal",
            "lifecycleStatus": LIFECYCLE[goal.status],
            "category": [{"coding": [{"system": LIFE_AREA, "code": goal.area.value}],
                          "text": goal.area_own_words or goal.area.value}],
            "description": {"text": goal.text},
            "subject": subject,
            "expressedBy": subject,
            "startDate": goal.created_at.date().isoformat(),
            "target": [{"measure": {"coding": [{"system": MEASURE, "code": "goal-progress"}],
                                    "text": "Progress towards the goal (0 to 10)"},
                        "detailInteger": 10}],
            "note": [
                {"time": step.created_at.isoformat(),
                 "text": f"Step {step.number}: {step.text}"
                         + (f" (when: {step.when})" if step.when else "")
                         + (f"; confidence {step.confidence}/10"
                            if step.confidence is not None else "")}
                for step in goal.steps
            ],
            "outcomeReference": [{"reference": url} for url, _ in observations],
        }  # fmt: skip
        status = achievement(goal)
        if status is not None:
            resource["achievementStatus"] = {"coding": [{"system": ACHIEVEMENT, "code": status}]}
        scale = scale_of(history.outcomes.scales, goal.number)
        if scale is not None and scale.levels:
            resource = scaled_goal(resource, scale)
        entries.append({"fullUrl": goal_url, "resource": _without_empty(resource)})
        for url, checkin in observations:
            observation = {
                "resourceType": "Observation",
                "status": "final",
                "code": {"coding": [{"system": MEASURE, "code": "goal-progress"}],
                         "text": "Progress towards the goal (0 to 10)"},
                "subject": subject,
                "focus": [{"reference": goal_url}],
                "effectiveDateTime": checkin.at.isoformat(),
                "valueInteger": checkin.progress,
                "note": [{"text": checkin.reflection}] if checkin.reflection else [],
            }  # fmt: skip
            entries.append({"fullUrl": url, "resource": _without_empty(observation)})
    entries += outcome_entries(
        history.outcomes, subject, lambda *parts: full_url(history, *parts),
        history.person.language, history.gas_t_score,
    )  # fmt: skip
    bundle = Bundle.model_validate(
        {
            "resourceType": "Bundle",
            "id": str(uuid.uuid5(NAMESPACE, history.pseudonym)),
            "type": "collection",
            "timestamp": history.generated_at.isoformat(),
            "entry": entries,
        }
    )
    return bundle.model_dump_json(exclude_none=True, indent=2).encode()


def _without_empty(resource: dict[str, Any]) -> dict[str, Any]:
    """FHIR forbids empty lists and objects."""
    return {key: value for key, value in resource.items() if value not in ([], {}, None)}
