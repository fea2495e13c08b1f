"""Analysis: exact voting power, pass probabilities, swing voters, paths to adoption, and
Monte Carlo for models exact computation cannot handle."""

from unsc.analysis.game import Game, SeatClass
from unsc.analysis.paths import Change, Path, Swing, path_to_adoption, path_to_failure, swing
from unsc.analysis.power import (
    DEFAULT_INDICES,
    INDICES,
    Index,
    PowerIndices,
    SeatPower,
    power,
)
from unsc.analysis.probability import UNIFORM, PassProbability, pass_probability
from unsc.analysis.simulate import Bloc, Model, Simulation, simulate
from unsc.analysis.ternary import TernaryPower, ternary_power

__all__ = [
    "DEFAULT_INDICES",
    "INDICES",
    "UNIFORM",
    "Bloc",
    "Change",
    "Game",
    "Index",
    "Model",
    "PassProbability",
    "Path",
    "PowerIndices",
    "SeatClass",
    "SeatPower",
    "Simulation",
    "Swing",
    "TernaryPower",
    "pass_probability",
    "path_to_adoption",
    "path_to_failure",
    "power",
    "simulate",
    "swing",
    "ternary_power",
]
