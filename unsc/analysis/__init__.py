"""Analysis: exact voting power (also with blocs that vote as one), pass probabilities,
swing voters, paths to adoption, who votes with whom, and Monte Carlo for models exact
computation cannot handle."""

from unsc.analysis.agreement import (
    MEASURES,
    Agreement,
    Blocs,
    Pair,
    Trend,
    agreement,
    agreement_trend,
    blocs,
)
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
from unsc.analysis.unions import UnionPower, banzhaf_owen, owen

__all__ = [
    "DEFAULT_INDICES",
    "INDICES",
    "MEASURES",
    "UNIFORM",
    "Agreement",
    "Bloc",
    "Blocs",
    "Change",
    "Game",
    "Index",
    "Model",
    "Pair",
    "PassProbability",
    "Path",
    "PowerIndices",
    "SeatClass",
    "SeatPower",
    "Simulation",
    "Swing",
    "TernaryPower",
    "Trend",
    "UnionPower",
    "agreement",
    "agreement_trend",
    "banzhaf_owen",
    "blocs",
    "owen",
    "pass_probability",
    "path_to_adoption",
    "path_to_failure",
    "power",
    "simulate",
    "swing",
    "ternary_power",
]
