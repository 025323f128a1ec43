"""The PDF export, for a worker to read in two minutes before an appointment.

A4, DejaVu Sans embedded (the font matplotlib ships, so every language's letters
render, Danish and beyond), page numbers, and for each goal: life area, the goal in
the person's words, reality and strengths, options, each step with its dates,
confidence and how it went, and a progress chart (0 to 10 over time, each check-in
marked) drawn with matplotlib.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from bot.exports.document import History
from dialogue_flows.catalogue import Catalogue
from dialogue_flows.measures import measures
from dialogue_flows.outcomes import by_goal, describe_t, level_label, scale_of, worker_t
from dialogue_flows.records import Goal
from dialogue_flows.types import Msg

FONT = "DejaVu"
MARGIN = 18
WIDTH = 210 - 2 * MARGIN
CHART_SIZE = (6.4, 2.6)
"""The chart's figure in inches; on the page it is 80% of the text width wide."""
CHART_HEIGHT = WIDTH * 0.8 * CHART_SIZE[1] / CHART_SIZE[0]
LABEL = 50


def _font_file(name: str) -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name


class _Document(FPDF):
    """A4 pages with the person's language for the page numbers."""

    def __init__(self, page_label: str) -> None:
        super().__init__(format="A4")
        self.page_label = page_label
        self.set_margins(MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=MARGIN)
        self.add_font(FONT, "", str(_font_file("DejaVuSans.ttf")))
        self.add_font(FONT, "B", str(_font_file("DejaVuSans-Bold.ttf")))

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.set_text_color(110)
        label = self.page_label.format(page=self.page_no(), pages="{nb}")
        self.cell(0, 6, label, align="C")


class _Writer:
    """Writes one PDF; every date and time in `zone`, the person's, which it names."""

    def __init__(self, history: History, catalogue: Catalogue, zone: ZoneInfo) -> None:
        self.history = history
        self.catalogue = catalogue
        self.zone = zone
        self.language = history.person.language
        self.pdf = _Document(catalogue.template("pdf.page", self.language))

    def text(self, key: str, **params: Any) -> str:
        return self.catalogue.render(Msg(key, params), self.language)

    def day(self, moment: datetime) -> str:
        local = moment.astimezone(self.zone).date()
        return format_date(local, self.text("pdf.date_format"), locale=self.language)

    def local(self, moments: list[datetime]) -> list[datetime]:
        """For a chart's axis, which shows the clock time it is given."""
        return [moment.astimezone(self.zone).replace(tzinfo=None) for moment in moments]

    def named_zone(self) -> None:
        self.pdf.multi_cell(0, 6, self.text("pdf.zone", zone=str(self.zone)), align="L",
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip

    def write(self) -> bytes:
        pdf = self.pdf
        pdf.add_page()
        history = self.history
        pdf.set_font(FONT, "B", 17)
        name = history.person.name or history.pseudonym
        pdf.multi_cell(0, 9, self.text("pdf.title", name=name), align="L", new_x=XPos.LMARGIN,
                       new_y=YPos.NEXT)  # fmt: skip
        pdf.set_font(FONT, "", 10)
        pdf.set_text_color(90)
        period = self.text("pdf.period", start=self.day(history.since),
                           end=self.day(history.generated_at))  # fmt: skip
        pdf.multi_cell(0, 6, period, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.named_zone()
        pdf.multi_cell(
            0, 6, self.text("pdf.intro"), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        pdf.set_text_color(0)
        if not history.goals:
            pdf.ln(4)
            pdf.multi_cell(0, 6, self.text("pdf.no_goals"), align="L")
        for goal in history.goals:
            self.goal(goal)
        self.attainment()
        self.measures()
        self.appointment()
        return bytes(pdf.output())

    def summary(self) -> bytes:
        """One page before an appointment: each goal now, the T-score, scores, the agenda."""
        pdf, history = self.pdf, self.history
        pdf.add_page()
        pdf.set_font(FONT, "B", 17)
        name = history.person.name or history.pseudonym
        pdf.multi_cell(0, 9, self.text("pdf.summary_title", name=name), align="L",
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
        pdf.set_font(FONT, "", 10)
        self.named_zone()
        outcomes = history.outcomes
        latest = {number: ratings[-1] for number, ratings in by_goal(outcomes.ratings).items()}
        for goal in history.goals:
            if goal.status not in {"active", "achieved"}:
                continue
            self.heading("pdf.summary_goal", number=goal.number, goal=goal.text)
            step = goal.current_step
            self.field("pdf.summary_step", step.text if step else None)
            went = goal.checkins[-1] if goal.checkins else None
            self.field("pdf.summary_went", self.text(f"pdf.outcome.{went.outcome}") if went
                       else self.text("pdf.outcome.none"))  # fmt: skip
            scale = scale_of(outcomes.scales, goal.number)
            rating = latest.get(goal.number)
            if scale is not None and rating is not None:
                words = scale.words().get(rating.level, "")
                self.field("pdf.summary_level", f"{level_label(rating.level)}  {words}")
        if history.gas_t_score is not None:
            self.pdf.ln(2)
            self.line(self.catalogue.render(describe_t(history.gas_t_score), self.language))
            self.line(self.catalogue.render(worker_t(history.gas_t_score), self.language))
        for response in outcomes.responses[-2:]:
            measure = measures()[response.measure]
            title = measure.title.get(self.language, measure.title["en"])
            self.line(self.text("pdf.measure_line", day=self.day(response.at), title=title,
                                score=response.score, maximum=measure.maximum))  # fmt: skip
        self.appointment()
        return bytes(pdf.output())

    def heading(self, key: str, **params: Any) -> None:
        pdf = self.pdf
        pdf.ln(5)
        pdf.set_font(FONT, "B", 13)
        pdf.multi_cell(0, 7, self.text(key, **params), align="L", new_x=XPos.LMARGIN,
                       new_y=YPos.NEXT)  # fmt: skip

    def line(self, text: str, bold: bool = False) -> None:
        self.pdf.set_font(FONT, "B" if bold else "", 9.5)
        self.pdf.multi_cell(0, 5.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def attainment(self) -> None:
        """Each goal's levels in the person's words, the levels chosen, and the T-score."""
        outcomes = self.history.outcomes
        if not outcomes.scales:
            return
        self.heading("pdf.gas_heading")
        chosen = by_goal(outcomes.ratings)
        for scale in outcomes.scales:
            self.line(self.text("pdf.gas_goal", number=scale.goal_number), bold=True)
            for level, words in sorted(scale.words().items(), reverse=True):
                self.line(f"{level_label(level)}  {words}")
            for rating in chosen.get(scale.goal_number, []):
                self.line(self.text("pdf.gas_chosen", day=self.day(rating.at),
                                    level=level_label(rating.level)))  # fmt: skip
        score = self.history.gas_t_score
        self.pdf.ln(2)
        self.line(self.catalogue.render(describe_t(score), self.language), bold=True)
        if score is not None:
            self.line(self.catalogue.render(worker_t(score), self.language))

    def measures(self) -> None:
        """Each measure answered: the scores, and a chart of them over time."""
        responses = self.history.outcomes.responses
        if not responses:
            return
        self.heading("pdf.measures_heading")
        for key in sorted({response.measure for response in responses}):
            measure = measures()[key]
            title = measure.title.get(self.language, measure.title["en"])
            these = [response for response in responses if response.measure == key]
            for response in these:
                self.line(self.text("pdf.measure_line", day=self.day(response.at), title=title,
                                    score=response.score, maximum=measure.maximum))  # fmt: skip
            image = progress_chart(
                self.local([r.at for r in these]), [r.score for r in these],
                self.text("pdf.measure_axis"),
                title, top=measure.maximum,
            )  # fmt: skip
            if self.pdf.will_page_break(62):
                self.pdf.add_page()
            self.pdf.image(image, x=MARGIN, w=WIDTH * 0.8)

    def appointment(self) -> None:
        """The next appointment and the person's agenda for it, in their words."""
        appointment = self.history.outcomes.next_appointment
        if appointment is None:
            return
        when = appointment.at.astimezone(self.zone)
        self.heading("pdf.appointment_heading")
        self.line(format_datetime(when, self.text("format.datetime"), tzinfo=self.zone,
                                  locale=self.language))  # fmt: skip
        self.line(self.text("pdf.agenda"), bold=True)
        self.line(appointment.agenda or self.text("pdf.no_agenda"))

    def goal(self, goal: Goal) -> None:
        pdf = self.pdf
        pdf.ln(5)
        area = goal.area_own_words or self.text(f"area.{goal.area.value}")
        pdf.set_font(FONT, "B", 13)
        pdf.multi_cell(0, 7, f"{goal.number}. {goal.text}", align="L", new_x=XPos.LMARGIN,
                       new_y=YPos.NEXT)  # fmt: skip
        self.field("pdf.area", area)
        self.field("pdf.set_on", self.day(goal.created_at))
        self.field("pdf.first_words", goal.first_words)
        self.field("pdf.why", goal.why)
        self.field("pdf.now", goal.reality_now)
        self.field("pdf.works", goal.reality_works)
        self.field("pdf.strengths", goal.strengths)
        self.field("pdf.obstacles", goal.obstacles)
        self.field("pdf.correction", goal.reality_correction)
        self.field("pdf.options", "; ".join(goal.options) or None)
        self.field("pdf.helpers", goal.helpers)
        self.field("pdf.chosen", goal.chosen_option)
        self.steps(goal)
        self.chart(goal)

    def field(self, key: str, value: str | None) -> None:
        if not value:
            return
        pdf = self.pdf
        pdf.set_font(FONT, "B", 9.5)
        label = self.text(key)
        pdf.cell(LABEL, 5.5, label)
        pdf.set_font(FONT, "", 9.5)
        pdf.multi_cell(WIDTH - LABEL, 5.5, value, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def steps(self, goal: Goal) -> None:
        pdf = self.pdf
        if not goal.steps:
            return
        pdf.ln(2)
        pdf.set_font(FONT, "B", 10.5)
        pdf.cell(0, 6, self.text("pdf.steps"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        for step in goal.steps:
            went = [c for c in goal.checkins if c.step_number == step.number]
            outcome = self.text(f"pdf.outcome.{went[-1].outcome}") if went else self.text(
                "pdf.outcome.none")  # fmt: skip
            details = self.text(
                "pdf.step", set_on=self.day(step.created_at), when=step.when or "-",
                confidence="-" if step.confidence is None else step.confidence, outcome=outcome,
            )  # fmt: skip
            pdf.set_font(FONT, "B", 9.5)
            pdf.multi_cell(
                0, 5.5, f"• {step.text}", align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
            pdf.set_font(FONT, "", 9)
            pdf.set_x(MARGIN + 4)
            pdf.multi_cell(WIDTH - 4, 5, details, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            if step.confidence_reason:
                self.note(self.text("pdf.confidence_reason", words=step.confidence_reason))
            for checkin in went:
                for key, words in (("pdf.said", checkin.said),
                                   ("pdf.reflection", checkin.reflection),
                                   ("pdf.in_the_way", checkin.in_the_way)):  # fmt: skip
                    if words:
                        self.note(self.text(key, day=self.day(checkin.at), words=words))

    def note(self, said: str) -> None:
        """One line of the person's words under a step, indented."""
        pdf = self.pdf
        pdf.set_x(MARGIN + 4)
        pdf.multi_cell(WIDTH - 4, 5, said, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def chart(self, goal: Goal) -> None:
        pdf = self.pdf
        rated = [c for c in goal.checkins if c.progress is not None]
        if rated and pdf.will_page_break(8 + CHART_HEIGHT):
            pdf.add_page()  # the heading goes with its chart, never alone at a page's foot
        pdf.ln(2)
        pdf.set_font(FONT, "B", 10.5)
        pdf.cell(0, 6, self.text("pdf.progress"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if not rated:
            pdf.set_font(FONT, "", 9.5)
            pdf.multi_cell(0, 5.5, self.text("pdf.no_checkins"), new_x=XPos.LMARGIN,
                           new_y=YPos.NEXT)  # fmt: skip
            return
        image = progress_chart(
            self.local([c.at for c in rated]), [c.progress or 0 for c in rated],
            self.text("pdf.chart_axis"), self.text("pdf.chart_title"),
        )  # fmt: skip
        pdf.image(image, x=MARGIN, w=WIDTH * 0.8)


def progress_chart(
    days: list[datetime], ratings: list[int], axis: str, title: str, top: int = 10
) -> io.BytesIO:
    """Ratings from 0 to `top` over time (progress 0-10, a measure), each marked, as a PNG."""
    # The figure itself, not pyplot: no global state, so exports may run in threads.
    from matplotlib import dates as mdates
    from matplotlib.figure import Figure

    figure = Figure(figsize=CHART_SIZE, dpi=160)
    axes = figure.subplots()
    x = [float(value) for value in mdates.date2num(days)]  # type: ignore[no-untyped-call]
    axes.plot(x, ratings, marker="o", markersize=6, linewidth=2, color="#2e7d5b")
    for day, rating in zip(x, ratings, strict=True):
        axes.annotate(str(rating), (day, rating), textcoords="offset points",
                      xytext=(0, 7), ha="center", fontsize=8)  # fmt: skip
    axes.set_ylim(0, top * 1.08)
    axes.set_yticks(range(0, top + 1, max(1, top // 5)))
    axes.set_ylabel(axis, fontsize=8)
    axes.set_title(title, fontsize=9)
    axes.grid(alpha=0.3)
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%d-%m"))  # type: ignore[no-untyped-call]
    if len(x) == 1:
        axes.set_xlim(x[0] - 7, x[0] + 7)
    axes.tick_params(labelsize=7)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    buffer.seek(0)
    return buffer


def to_pdf(history: History, catalogue: Catalogue, zone: ZoneInfo) -> bytes:
    return _Writer(history, catalogue, zone).write()


def to_summary_pdf(history: History, catalogue: Catalogue, zone: ZoneInfo) -> bytes:
    """The one page a person may share before an appointment."""
    return _Writer(history, catalogue, zone).summary()
