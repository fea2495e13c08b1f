"""Analysis: exact voting power, pass probabilities, swing voters and paths to adoption."""

from unsc.analysis.game import Game, SeatClass
from unsc.analysis.paths import Change, Path, Swing, path_to_adoption, path_to_failure, swing
from unsc.analysis.power import INDICES, Index, PowerIndices, SeatPower, power
from unsc.analysis.probability import UNIFORM, PassProbability, pass_probability
from unsc.analysis.ternary import TernaryPower, ternary_power

__all__ = [
    "INDICES",
    "UNIFORM",
    "Change",
    "Game",
    "Index",
    "PassProbability",
    "Path",
    "PowerIndices",
    "SeatClass",
    "SeatPower",
    "Swing",
    "TernaryPower",
    "pass_probability",
    "path_to_adoption",
    "path_to_failure",
    "power",
    "swing",
    "ternary_power",
]
