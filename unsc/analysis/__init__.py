"""Analysis: exact voting power (also with blocs that vote as one), pass probabilities,
swing voters, paths to adoption, who votes with whom, odds learned from the record, and
Monte Carlo for models exact
computation cannot handle."""

from unsc.analysis.agreement import MEASURES, Agreement, Measure, Pair, agreement
from unsc.analysis.backtest import FORECAST_MODELS, Backtest, ModelScore, backtest
from unsc.analysis.blocs import Blocs, blocs
from unsc.analysis.forecast import Forecast, forecast
from unsc.analysis.game import Game, SeatClass
from unsc.analysis.learned import PRIORS, Learned, Prior, VoteProbabilities, vote_probabilities
from unsc.analysis.paths import (
    AdoptionPath,
    Change,
    Swing,
    path_to_adoption,
    path_to_failure,
    swing,
)
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
from unsc.analysis.trends import Trend, agreement_trend
from unsc.analysis.unions import UnionPower, banzhaf_owen, owen

__all__ = [
    "DEFAULT_INDICES",
    "FORECAST_MODELS",
    "INDICES",
    "MEASURES",
    "PRIORS",
    "UNIFORM",
    "AdoptionPath",
    "Agreement",
    "Backtest",
    "Bloc",
    "Blocs",
    "Change",
    "Forecast",
    "Game",
    "Index",
    "Learned",
    "Measure",
    "Model",
    "ModelScore",
    "Pair",
    "PassProbability",
    "PowerIndices",
    "Prior",
    "SeatClass",
    "SeatPower",
    "Simulation",
    "Swing",
    "TernaryPower",
    "Trend",
    "UnionPower",
    "VoteProbabilities",
    "agreement",
    "agreement_trend",
    "backtest",
    "banzhaf_owen",
    "blocs",
    "forecast",
    "owen",
    "pass_probability",
    "path_to_adoption",
    "path_to_failure",
    "power",
    "simulate",
    "swing",
    "ternary_power",
    "vote_probabilities",
]
