"""Simple voting games: who must say yes for a proposal to pass.

A [`Game`][unsc.analysis.game.Game] is the yes/no model of a council used by the power indices:
each seat has a weight, some seats hold a veto, and a coalition of "yes" seats wins when its
weight reaches the quota and fewer than ``vetoes_needed`` veto holders are outside it.
Every seat outside the coalition is treated alike, as not voting yes; that is the
weighted-game model, and for the Security Council it is only an approximation (a
permanent member's abstention is not a veto). [`unsc.analysis.ternary`][unsc.analysis.ternary]
measures power under the Council's real rules.

Seats with the same weight and veto form a *class*; computations count coalitions by
how many seats of each class they hold, not one coalition at a time.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable

import attrs

from unsc.council import Council
from unsc.errors import InvalidFieldError, InvalidTypeError
from unsc.rules import Rules, roles
from unsc.votes import Matter

__all__ = ["Game", "SeatClass"]


@attrs.frozen
class SeatClass:
    """Seats that play the same role: same weight, same veto.

    Attributes:
        weight: Each seat's weight.
        veto: Whether each seat holds a veto.
        seats: The indices of the seats in the game, in order.
    """

    weight: int
    veto: bool
    seats: tuple[int, ...]

    @property
    def size(self) -> int:
        """How many seats the class has."""
        return len(self.seats)


def _sequence(values: object, field: str) -> tuple[object, ...]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidTypeError(f"Game.{field}", values, "give one value per seat, as a list")
    return tuple(values)


def _ints(values: Iterable[int]) -> tuple[int, ...]:
    return _sequence(values, "weights")  # type: ignore[return-value]  # checked below


def _bools(values: Iterable[bool]) -> tuple[bool, ...]:
    return tuple(map(bool, _sequence(values, "veto")))


def _strs(values: Iterable[str]) -> tuple[str, ...]:
    labels = _sequence(values, "labels")
    if not all(isinstance(label, str) for label in labels):
        bad = next(label for label in labels if not isinstance(label, str))
        raise InvalidTypeError("Game.labels", bad, "give each seat a name (a string)")
    return labels  # type: ignore[return-value]  # checked above


@functools.lru_cache(maxsize=64)
def _numbered(seats: int) -> tuple[str, ...]:
    """The labels S1, S2, … of a game's seats."""
    return tuple(f"S{i + 1}" for i in range(seats))


def _check_weights(instance: Game, attribute: object, weights: tuple[int, ...]) -> None:
    if not weights:
        raise InvalidFieldError("Game.weights", weights, "a game needs at least one seat")
    if all(type(weight) is int for weight in weights) and min(weights) >= 0:
        return  # the common case, checked in one pass
    for weight in weights:
        if isinstance(weight, bool) or not isinstance(weight, int):
            raise InvalidTypeError("Game.weights", weight, "weights are whole numbers >= 0")
        if weight < 0:
            raise InvalidFieldError("Game.weights", weight, "weights are whole numbers >= 0")


def _check_whole(instance: Game, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(f"Game.{attribute.name}", value, "give a whole number")


@attrs.frozen
class Game:
    """A weighted voting game, with optional veto holders.

    Attributes:
        weights: Each seat's weight.
        quota: The weight a coalition needs.
        veto: For each seat, whether it holds a veto.
        labels: A name for each seat.
        vetoes_needed: How many veto holders outside a coalition block it.
        classes: The seats grouped by weight and veto, heaviest first.
        shapes: How many coalition shapes there are: the product of (class size + 1).

    Examples:
        >>> Game.of_council(Council.of_year(2023)).quota
        9
        >>> Game.weighted([7] * 5 + [1] * 10, 39).classes[0]
        SeatClass(weight=7, veto=False, seats=(0, 1, 2, 3, 4))
    """

    weights: tuple[int, ...] = attrs.field(converter=_ints, validator=_check_weights)
    quota: int = attrs.field(validator=_check_whole)
    veto: tuple[bool, ...] = attrs.field(converter=_bools)
    labels: tuple[str, ...] = attrs.field(converter=_strs)
    vetoes_needed: int = attrs.field(default=1, validator=_check_whole)
    classes: tuple[SeatClass, ...] = attrs.field(init=False, repr=False, eq=False)
    shapes: int = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        n = len(self.weights)
        if len(self.veto) != n or len(self.labels) != n:
            raise InvalidFieldError(
                "Game", (len(self.veto), len(self.labels)), f"veto and labels need {n} entries"
            )
        if not 1 <= self.quota <= sum(self.weights):
            raise InvalidFieldError(
                "Game.quota",
                self.quota,
                f"use a quota from 1 to the total weight {sum(self.weights)}",
            )
        if self.vetoes_needed < 1:
            raise InvalidFieldError("Game.vetoes_needed", self.vetoes_needed, "use 1 or more")
        groups: dict[tuple[int, bool], list[int]] = {}
        for seat, (weight, veto) in enumerate(zip(self.weights, self.veto)):
            groups.setdefault((weight, veto), []).append(seat)
        classes = tuple(
            SeatClass(weight, veto, tuple(seats))
            for (weight, veto), seats in sorted(
                groups.items(), key=lambda kv: (-kv[0][0], not kv[0][1])
            )
        )
        object.__setattr__(self, "classes", classes)
        object.__setattr__(self, "shapes", math.prod(len(c.seats) + 1 for c in classes))

    @classmethod
    def of_council(
        cls, council: Council, rules: Rules | None = None, matter: Matter | str = "substantive"
    ) -> Game:
        """The yes/no game of a council: one vote per seat, its quota, and the seats that
        can block ([`unsc.rules.roles`][unsc.rules.roles]: the veto holders on a substantive
        matter, none on a procedural one)."""
        if not isinstance(council, Council):
            raise InvalidTypeError("Game.of_council(council)", council, "give a unsc.Council")
        stakes = roles(council, rules, matter=matter)
        return cls(
            weights=(1,) * council.size,
            quota=stakes.yes_needed,
            veto=tuple(role.can_block for role in stakes),
            vetoes_needed=stakes.rules.vetoes_needed,
            labels=council.codes,
        )

    @classmethod
    def weighted(
        cls, weights: Iterable[int], quota: int, labels: Iterable[str] | None = None
    ) -> Game:
        """A plain weighted game: a coalition wins when its weight reaches ``quota``.

        This is the model of the power-index libraries; the Security Council in it is
        five seats of weight 7 and ten of weight 1, quota 39.
        """
        weights = _ints(weights)
        names = _strs(labels) if labels is not None else _numbered(len(weights))
        return cls(weights=weights, quota=quota, veto=(False,) * len(weights), labels=names)

    @property
    def size(self) -> int:
        """The number of seats."""
        return len(self.weights)

    @property
    def veto_holders(self) -> int:
        """How many seats hold a veto."""
        return sum(self.veto)

    def wins(self, coalition: Iterable[int]) -> bool:
        """Whether the seats in ``coalition`` (indices) win together."""
        seats = set(coalition)
        weight = sum(self.weights[i] for i in seats)
        outside = sum(1 for i, v in enumerate(self.veto) if v and i not in seats)
        return weight >= self.quota and outside < self.vetoes_needed


def game_and_council(
    council_or_game: Game | Council, rules: Rules | None, where: str
) -> tuple[Game, Council | None]:
    """The game to compute on, and the council it is of (``None`` for a bare game): the
    one way the indices read "a council or a game".

    Raises:
        InvalidTypeError: For anything else, naming ``where``.
    """
    if isinstance(council_or_game, Council):
        return Game.of_council(council_or_game, rules), council_or_game
    if isinstance(council_or_game, Game):
        return council_or_game, None
    raise InvalidTypeError(where, council_or_game, "give a Council or a Game")


def seat_identities(game: Game | None, council: Council | None) -> list[dict[str, object]]:
    """Each seat as a result's data names it, in order: its label (``seat``: the member's
    code on a council), ``name`` (the member's name on a council, else the label) and
    ``kind`` (``"permanent"`` or ``"elected"`` on a council, ``"seat"`` in a bare game);
    the one way the rows of power results begin. Give the game, the council, or both."""
    if council is None:
        labels = game.labels if game is not None else ()
        return [{"seat": label, "name": label, "kind": "seat"} for label in labels]
    return [
        {"seat": m.code, "name": m.name, "kind": "permanent" if m.permanent else "elected"}
        for m in council.members
    ]
