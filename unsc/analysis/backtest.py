"""How well the learned odds predict: each decision of a span of years predicted from the
decisions before its year only, scored against what happened, beside naive baselines."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Any, overload

import attrs

from unsc._args import as_position
from unsc._table import Table, Tabular
from unsc.analysis._common import (
    VoteCounts,
    as_strength,
    record_note,
    selected,
    years_in_words,
)
from unsc.analysis.learned import STRENGTH, VoteProbabilities
from unsc.analysis.probability import pass_probability
from unsc.council import as_years
from unsc.errors import NoDataError, NoSuchEntryError
from unsc.members import counted_as, fold
from unsc.resolution import Resolution
from unsc.rules import Outcome

__all__ = ["FORECAST_MODELS", "Backtest", "ModelScore", "backtest"]

_OUTCOMES = (Outcome.ADOPTED, Outcome.VETOED, Outcome.INSUFFICIENT_VOTES)


#: The models the backtest scores: two naive baselines and two learned ones.
FORECAST_MODELS = ("always adopted", "overall rate", "learned", "learned by topic")
_BINS = 10


@attrs.frozen
class ModelScore:
    """How one model predicted the decisions of the test years.

    Attributes:
        model: Its name (one of [`FORECAST_MODELS`][unsc.analysis.backtest.FORECAST_MODELS]).
        decisions: Decisions predicted.
        correct: How many went the way the model thought likeliest.
        brier: The mean Brier score over the three outcomes (0 is perfect; 2 the worst).
        calibration: For each tenth of the predicted probability of adoption that occurred:
            (from, to, decisions, mean predicted, share adopted).
    """

    model: str
    decisions: int
    correct: int
    brier: float
    calibration: tuple[tuple[float, float, int, float, float], ...]

    @property
    def accuracy(self) -> Fraction:
        """Share of decisions that went the way the model thought likeliest."""
        return Fraction(self.correct, self.decisions) if self.decisions else Fraction(0)


@attrs.frozen(repr=False)
class Backtest(Tabular, Sequence[ModelScore]):
    """Each model's score on the decisions of the test years, each predicted from the decisions
    before its year only: a listing of [`ModelScore`][unsc.analysis.backtest.ModelScore], also
    indexed by model name.

    Attributes:
        scores: One per model, in the order of
            [`FORECAST_MODELS`][unsc.analysis.backtest.FORECAST_MODELS].
        years: The first and last year predicted.
        skipped: Decisions of those years not predicted (adopted without a vote, or no
            outcome on record).
        strength: The prior's weight of the learned models.
    """

    scores: tuple[ModelScore, ...]
    years: tuple[int, int]
    skipped: int
    strength: Fraction

    def __len__(self) -> int:
        return len(self.scores)

    @overload
    def __getitem__(self, key: int | str) -> ModelScore: ...
    @overload
    def __getitem__(self, key: slice) -> tuple[ModelScore, ...]: ...
    def __getitem__(self, key: int | str | slice) -> ModelScore | tuple[ModelScore, ...]:
        if isinstance(key, str):
            for score in self.scores:
                if score.model == key:
                    return score
            raise NoSuchEntryError("a model scored", key, FORECAST_MODELS)
        if isinstance(key, slice):
            return self.scores[key]
        return self.scores[as_position(key, len(self.scores), "a model's position")]

    def caption(self) -> str:
        """What was predicted, and from what."""
        first, last = self.years
        n = self.scores[0].decisions if self.scores else 0
        return (
            f"{n} decisions {first}–{last}, each predicted from the decisions before its year; "
            f"{self.skipped} adopted without a vote or without an outcome not predicted; "
            f"learned models: pooled prior worth {self.strength} votes. "
            f"{record_note(first, last)}"
        ).strip()

    def as_table(self) -> Table:
        """Accuracy and Brier score per model, and the caption."""
        return Table(
            ("model", "decisions", "accuracy", "Brier score"),
            [(s.model, s.decisions, float(s.accuracy), s.brier) for s in self.scores],
            caption=self.caption(),
            floatfmt=".3f",
            data=self.to_rows(),
            data_columns=("model", "decisions", "accuracy", "brier"),
        )

    def calibration(self, model: str = "learned", fmt: str = "simple") -> str:
        """The model's calibration: for each tenth of predicted probability of adoption, the
        decisions, the mean prediction and the share adopted."""
        score = self[model]
        rows = [
            (f"{lo:.1f}–{hi:.1f}", n, mean, share) for lo, hi, n, mean, share in score.calibration
        ]
        headers = ("predicted", "decisions", "mean predicted", "share adopted")
        return Table(headers, rows, floatfmt=".3f").render(fmt)

    def plot(self, *, ax: Any = None) -> Any:
        """The calibration of each model that gives more than one probability: the share
        adopted against the mean predicted probability of adoption, per tenth, each point
        sized by its decisions; the diagonal is perfect calibration. Returns the matplotlib
        Axes (needs the ``plot`` extra)."""
        from unsc._plot import RECORD_SOURCE, axes, label, style

        ax = axes(ax, (6, 6))
        ax.plot([0, 1], [0, 1], color="#999999", linewidth=0.8, label="perfectly calibrated")
        for i, score in enumerate(self.scores):
            points = score.calibration
            xs = [mean for _, _, _, mean, _ in points]
            ys = [share for _, _, _, _, share in points]
            sizes = [max(8.0, 400 * n / max(score.decisions, 1)) for _, _, n, _, _ in points]
            look = style(i)
            ax.plot(xs, ys, color=look["color"], linestyle=look["linestyle"], linewidth=1)
            ax.scatter(xs, ys, s=sizes, color=look["color"], label=score.model, alpha=0.8)
        ax.set_xlabel("mean predicted probability of adoption")
        ax.set_ylabel("share adopted")
        ax.set_xlim(-0.02, 1.02)
        ax.set_ylim(-0.02, 1.02)
        # The key below the axes, every marker one size: inside, it covered the points.
        key = ax.legend(
            fontsize=8,
            frameon=False,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.13),
            ncol=min(3, len(self.scores) + 1),
        )
        for handle in key.legend_handles:
            if hasattr(handle, "set_sizes"):
                handle.set_sizes([30])
        label(ax, "Calibration of the predictions", self.caption(), RECORD_SOURCE)
        return ax

    def __repr__(self) -> str:
        shown = ", ".join(f"{s.model} {float(s.accuracy):.3f}" for s in self.scores)
        return f"<Backtest {self.years[0]}–{self.years[1]}: accuracy {shown}>"

    def to_rows(self) -> list[dict[str, object]]:
        """One row per model."""
        return [
            {"model": s.model, "decisions": s.decisions, "accuracy": float(s.accuracy),
             "brier": s.brier}
            for s in self.scores
        ]  # fmt: skip


def _learned(
    counts: VoteCounts, code: str, prior: tuple[Fraction, Fraction, Fraction], weight: Fraction
) -> VoteProbabilities:
    """A member's learned odds from the decisions counted so far."""
    return VoteProbabilities(code, *counts.member(code), prior, weight)


def _actual(record: Resolution) -> Outcome | None:
    if record.without_vote or record.date is None:
        return None
    if record.recorded is not None:
        return record.recorded
    if record.complete:
        return record.decide().outcome
    return None


class _Scorer:
    def __init__(self, model: str) -> None:
        self.model = model
        self.n = self.correct = 0
        self.brier = 0.0
        self.bins = [[0, 0.0, 0] for _ in range(_BINS)]

    def add(self, predicted: tuple[float, float, float], actual: Outcome) -> None:
        truth = _OUTCOMES.index(actual)
        self.n += 1
        best = max(range(3), key=lambda i: (predicted[i], -i))
        self.correct += best == truth
        self.brier += sum((p - (i == truth)) ** 2 for i, p in enumerate(predicted))
        cell = self.bins[min(_BINS - 1, int(predicted[0] * _BINS))]
        cell[0] += 1
        cell[1] += predicted[0]
        cell[2] += truth == 0

    def score(self) -> ModelScore:
        calibration = tuple(
            (i / _BINS, (i + 1) / _BINS, int(n), total / n, adopted / n)
            for i, (n, total, adopted) in enumerate(self.bins)
            if n
        )
        return ModelScore(
            self.model, self.n, self.correct, self.brier / max(self.n, 1), calibration
        )


def backtest(
    records: Iterable[Resolution] | None = None,
    *,
    years: tuple[int, int] = (2000, 2025),
    strength: int | float | Fraction = STRENGTH,
) -> Backtest:
    """Predict each decision of ``years`` from the decisions before its year only, and score
    the predictions against what happened.

    The models are the [`FORECAST_MODELS`][unsc.analysis.backtest.FORECAST_MODELS]:

    - *always adopted*: every draft adopted;
    - *overall rate*: each member votes as its own shares of all earlier votes (no prior; a
      member with none votes as all members together);
    - *learned*: [`vote_probabilities`][unsc.analysis.learned.vote_probabilities] over all
      earlier decisions, pooled prior worth ``strength`` votes;
    - *learned by topic*: the same over earlier decisions of the same topic, with each
      member's learned rate over all earlier decisions as the prior.

    Each prediction is [`pass_probability`][unsc.analysis.probability.pass_probability] on
    the decision's own council and matter. Decisions adopted without a vote are not
    predicted.

    Examples:
        >>> from unsc.analysis import backtest
        >>> result = backtest(years=(2020, 2025))
        >>> [score.model for score in result]
        ['always adopted', 'overall rate', 'learned', 'learned by topic']
    """
    weight = as_strength(strength)
    first, last = as_years(years, "backtest(years)")
    given, _, _ = selected(records, None, None, "backtest")
    dated = sorted((r for r in given if r.date is not None), key=lambda r: r.date)  # type: ignore[arg-type, return-value]
    overall = VoteCounts()
    topics: dict[str, VoteCounts] = {}
    scorers = {model: _Scorer(model) for model in FORECAST_MODELS}
    skipped = 0
    cache: dict[tuple[object, ...], tuple[float, float, float]] = {}
    learned_at = 0  # records[:learned_at] have been counted
    for record in dated:
        year = record.date.year  # type: ignore[union-attr]
        if year < first:
            continue
        if year > last:
            break
        while dated[learned_at].date.year < year:  # type: ignore[union-attr]
            earlier = dated[learned_at]
            overall.add(earlier)
            topics.setdefault(fold(earlier.topic or ""), VoteCounts()).add(earlier)
            learned_at += 1
        actual = _actual(record)
        if actual is None:
            skipped += 1
            continue
        council = record.council
        matter = record.matter
        pooled = overall.pooled_shares()
        topic = fold(record.topic or "")
        scorers["always adopted"].add((1.0, 0.0, 0.0), actual)
        for model in FORECAST_MODELS[1:]:
            key = (
                model,
                year,
                council.codes,
                council.rules,
                matter,
                topic if model == FORECAST_MODELS[3] else "",
            )
            found = cache.get(key)
            if found is None:
                codes = [counted_as(m.code) for m in council.members]
                if model == "overall rate":
                    dists = {c: _learned(overall, c, pooled, Fraction(0)) for c in codes}
                elif model == "learned":
                    dists = {c: _learned(overall, c, pooled, weight) for c in codes}
                else:
                    on_topic = topics.get(topic, VoteCounts())
                    dists = {
                        c: _learned(
                            on_topic, c, _learned(overall, c, pooled, weight).as_tuple(), weight
                        )
                        for c in codes
                    }
                given_by_seat = {m.code: dists[counted_as(m.code)] for m in council.members}
                odds = pass_probability(council, given_by_seat, matter=matter)
                found = cache[key] = (
                    float(odds.adopted),
                    float(odds.vetoed),
                    float(odds.insufficient),
                )
            scorers[model].add(found, actual)
    scores = tuple(scorers[m].score() for m in FORECAST_MODELS)
    if not scores[0].decisions:  # an accuracy over nothing is no accuracy
        raise NoDataError(
            f"backtest(years={years!r})", f"nothing to predict: {years_in_words(dated)}"
        )
    return Backtest(scores, (first, last), skipped, weight)
