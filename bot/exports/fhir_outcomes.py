"""Outcomes in the FHIR export: goal attainment as the HL7 Person-Centered Outcomes (PCO)
implementation guide has it, and the measures as Questionnaire, QuestionnaireResponse and
a score Observation each.

From the PCO guide (STU 1, hl7.org/fhir/us/pco; its FSH sources GASProfiles.fsh and
GASTerminology.fsh): a goal with levels takes the profile `pco-gas-goal-profile`, one
`pco-goal-attainment-scaling` extension per level (a LOINC answer code from LL6900-6 and
the person's words) and the target measure LOINC 107332-9 "Goal attainment scale -
Reported"; each level the person chooses is an Observation of the profile
`pco-gas-score-observation`, LOINC 107334-5 "Patient follow-up goal attainment scaling
score", its value the level's LOINC answer, its focus the goal.

The WHO-5 Questionnaire carries its SNOMED CT code (1144665009, as the Danish
municipalities' FHIR guide codes it; see measures/who5.toml). No LOINC codes for the WHO-5
or QPR-15 items or totals, no code at all for the QPR-15, nor one for the T-score, were
found in the stored sources, so those use growcoach's own code system (say so rather than
guess).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dialogue_flows.measures import Measure, measures
from dialogue_flows.outcome_records import GasScale, MeasureResponse, Outcomes
from dialogue_flows.outcomes import scale_of

LOINC = "http://loinc.org"
PCO = "http://hl7.org/fhir/us/pco/StructureDefinition"
GAS_GOAL_PROFILE = f"{PCO}/pco-gas-goal-profile"
GAS_SCALING = f"{PCO}/pco-goal-attainment-scaling"
GAS_SCORE_PROFILE = f"{PCO}/pco-gas-score-observation"
GAS_REPORTED = {"system": LOINC, "code": "107332-9", "display": "Goal attainment scale - Reported"}
GAS_PATIENT_FOLLOW_UP = {"system": LOINC, "code": "107334-5",
                         "display": "Patient follow-up goal attainment scaling score"}  # fmt: skip
GAS_ANSWERS = {
    2: ("LA34479-8", "Much better than expected"),
    1: ("LA34480-6", "Better than expected"),
    0: ("LA34481-4", "Expected outcome"),
    -1: ("LA34483-0", "Less than expected"),
    -2: ("LA34484-8", "Much less than expected"),
}
"""The levels' LOINC answers, as the PCO guide's examples use them (answer list LL6900-6)."""
SCORES = "urn:growcoach:codesystem:score"
T_SCORE_TEXT = "Goal attainment T-score (Kiresuk-Sherman, rho 0.3; 50: as expected)"
ANSWERS = "urn:growcoach:codesystem:measure-answer"

Url = Callable[..., str]


def gas_answer(level: int) -> dict[str, str]:
    code, display = GAS_ANSWERS[level]
    return {"system": LOINC, "code": code, "display": display}


def scaled_goal(resource: dict[str, Any], scale: GasScale) -> dict[str, Any]:
    """A Goal resource given the PCO GAS goal profile, its levels and the GAS target."""
    levels = [
        {"url": GAS_SCALING, "extension": [
            {"url": "level", "valueCoding": gas_answer(level)},
            {"url": "text", "valueString": words},
        ]}
        for level, words in sorted(scale.words().items(), reverse=True)
    ]  # fmt: skip
    target = {"measure": {"coding": [GAS_REPORTED]},
              "detailCodeableConcept": {"coding": [gas_answer(0)]}}  # fmt: skip
    return {**resource, "meta": {"profile": [GAS_GOAL_PROFILE]}, "extension": levels,
            "target": [target]}  # fmt: skip


def outcome_entries(
    outcomes: Outcomes, subject: dict[str, Any], url: Url, language: str, t_score: float | None
) -> list[dict[str, Any]]:
    """The GAS score Observations, the T-score, and each measure's three resources."""
    entries = []
    for rating in outcomes.ratings:
        if scale_of(outcomes.scales, rating.goal_number) is None:
            continue
        entries.append(_entry(url("goal", rating.goal_number, "gas", rating.number), {
            "resourceType": "Observation",
            "meta": {"profile": [GAS_SCORE_PROFILE]},
            "status": "final",
            "code": {"coding": [GAS_PATIENT_FOLLOW_UP]},
            "subject": subject,
            "focus": [{"reference": url("goal", rating.goal_number)}],
            "effectiveDateTime": rating.at.isoformat(),
            "valueCodeableConcept": {"coding": [gas_answer(rating.level)]},
        }))  # fmt: skip
    if t_score is not None:
        entries.append(_entry(url("gas-t-score"), {
            "resourceType": "Observation",
            "status": "final",
            "code": {"coding": [{"system": SCORES, "code": "gas-t-score"}],
                     "text": T_SCORE_TEXT},
            "subject": subject,
            "effectiveDateTime": max(r.at for r in outcomes.ratings).isoformat(),
            "valueQuantity": {"value": t_score},
        }))  # fmt: skip
    used = {response.measure for response in outcomes.responses}
    for measure in (measures()[key] for key in sorted(used)):
        entries.append(_entry(url("questionnaire", measure.id), questionnaire(measure, language)))
    for response in outcomes.responses:
        entries += measure_entries(response, subject, url)
    return entries


def questionnaire(measure: Measure, language: str) -> dict[str, Any]:
    """The measure as published, in the person's language when it exists in it."""
    shown = language if language in measure.languages else measure.languages[0]
    return {
        "resourceType": "Questionnaire",
        "url": f"urn:growcoach:questionnaire:{measure.id}",
        "name": measure.id.upper(),
        "title": measure.title[shown],
        "status": "active",
        "language": shown,
        "description": measure.source[shown],
        **({"code": [measure.code]} if measure.code else {}),
        "item": [
            {"linkId": str(number + 1), "text": text, "type": "choice", "required": True,
             "answerOption": [{"valueCoding": _answer(measure, option.score, shown)}
                              for option in measure.options]}
            for number, text in enumerate(measure.items[shown])
        ],
    }  # fmt: skip


def measure_entries(
    response: MeasureResponse, subject: dict[str, Any], url: Url
) -> list[dict[str, Any]]:
    """A QuestionnaireResponse of the answers, and an Observation of the total score."""
    measure = measures()[response.measure]
    language = response.language if response.language in measure.languages else "en"
    response_url = url("measure", response.number)
    answered = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": f"urn:growcoach:questionnaire:{measure.id}",
        "status": "completed",
        "subject": subject,
        "authored": response.at.isoformat(),
        "item": [
            {"linkId": str(number + 1),
             "answer": [{"valueCoding": _answer(measure, score, language)}]}
            for number, score in enumerate(response.answers)
        ],
    }  # fmt: skip
    score = {
        "resourceType": "Observation",
        "status": "final",
        "code": {"coding": [{"system": SCORES, "code": f"{measure.id}-score"}],
                 "text": f"{measure.title['en']}: total score (0-{measure.maximum})"},
        "subject": subject,
        "effectiveDateTime": response.at.isoformat(),
        "valueInteger": response.score,
        "derivedFrom": [{"reference": response_url}],
    }  # fmt: skip
    return [
        _entry(response_url, answered),
        _entry(url("measure", response.number, "score"), score),
    ]


def _answer(measure: Measure, score: int, language: str) -> dict[str, str]:
    option = next(option for option in measure.options if option.score == score)
    return {"system": f"{ANSWERS}:{measure.id}", "code": str(score),
            "display": option.label(language)}  # fmt: skip


def _entry(full_url: str, resource: dict[str, Any]) -> dict[str, Any]:
    return {"fullUrl": full_url, "resource": resource}
