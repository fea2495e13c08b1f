"""Exercises and the quiz."""

from __future__ import annotations

import datetime
import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import unsc
from unsc.errors import UnknownChoiceError
from unsc.teaching import (
    TOPICS,
    Exercise,
    ExerciseKind,
    available,
    curated,
    exercises,
    generated,
    iter_exercises,
    run_quiz,
    worksheet,
)


def quiz(*args: str, answers: str = "") -> subprocess.CompletedProcess[str]:
    """`unsc quiz ARGS` as a subprocess, its standard input the answers given."""
    return subprocess.run(
        [sys.executable, "-m", "unsc", "quiz", *args],
        input=answers,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_curated_order_and_sources() -> None:
    """S/2023/772 and S/2023/773 first, then res. 83 (1950), S/2014/916, res. 2504 (2020)."""
    sources = [e.source for e in curated()]

    assert sources[:7] == ["S/2023/772"] * 3 + ["S/2023/773"] * 4
    for later in ("S/RES/83 (1950)", "S/2014/916", "S/RES/2504 (2020)", "S/PV.9439, S/PV.9442"):
        assert later in sources
    assert {e.topic for e in curated()} == set(TOPICS)


@pytest.mark.parametrize("exercise", curated(), ids=lambda e: f"{e.source}-{e.topic}")
def test_curated_answers_check(exercise: Exercise) -> None:
    """The first right answer is accepted, a wrong one refused, each with its explanation."""
    right = exercise.check(exercise.answers[0])
    wrong = exercise.check("no such answer")

    assert right.correct
    assert not wrong.correct
    assert exercise.explanation in str(wrong)
    assert (exercise.model or f"The answer is {right.expected}.") in str(wrong)
    assert exercise.model.endswith(".")


def test_answers_by_number_name_or_article() -> None:
    """Choices answer by number or text, with or without their article; members by name."""
    veto = next(e for e in curated() if e.topic == "veto-or-votes" and e.source == "S/2023/772")
    assert veto.check("2").correct
    assert veto.check("lack of votes").correct
    assert not veto.check("veto").correct
    swing = next(e for e in curated() if e.topic == "swing")
    assert swing.check("United States").correct
    assert swing.check("usa").correct
    assert not swing.check("France").correct


def test_order_exercise() -> None:
    """The order of 16 October 2023: the numbers of the shuffled list, in voting order."""
    order = next(e for e in curated() if e.topic == "order")
    expected = [order.choices.index(s) + 1 for s in (
        "S/2023/772", "Russian amendment 1 to S/2023/773", "Russian amendment 2 to S/2023/773",
        "S/2023/773",
    )]  # fmt: skip

    assert order.check(" ".join(map(str, expected))).correct
    assert order.check(",".join(map(str, expected))).correct
    assert not order.check(" ".join(map(str, reversed(expected)))).correct


def test_generated_are_reproducible_and_checked() -> None:
    """The same seed gives the same exercises; every answer is the engine's."""
    first, again = generated(7, 12), generated(7, 12)

    assert first == again
    assert generated(8, 12) != first
    assert len(first) == 12
    for exercise in first:
        assert exercise.source == "hypothetical (seed 7)"
        assert exercise.check(exercise.answers[0]).correct


def test_exercises_by_topic_and_count() -> None:
    """Curated first, then generated, filtered by topic."""
    only = exercises(topic="veto-or-votes", count=6, seed=1)

    assert len(only) == 6
    assert {e.topic for e in only} == {"veto-or-votes"}
    with pytest.raises(UnknownChoiceError, match="'poetry' is not a topic"):
        exercises(topic="poetry")


def _wrong(exercise: Exercise) -> str:
    """An answer the question can read, and that is wrong."""
    right = exercise.answers[0]
    if exercise.kind is ExerciseKind.CHOICE:
        return next(c for c in exercise.choices if exercise.check(c).correct is False)
    if exercise.kind in (ExerciseKind.PARTS, ExerciseKind.ORDER):
        return " ".join(reversed(right.split())) if len(set(right.split())) > 1 else "1 1"
    if exercise.kind is ExerciseKind.MEMBER:
        return next(c for c in ("USA", "CHN", "FRA") if not exercise.check(c).correct)
    return str(int(right) + 1)


def test_an_answer_that_answers_nothing_is_asked_again() -> None:
    """A choice out of range, parts that are not choices, a member that is no member, a
    number that is not one: each asked again with one line, never marked."""
    by_kind = {e.kind.value: e for e in curated()}
    cases = {"choice": "4", "parts": "maybe", "member": "Atlantis", "number": "many"}
    for kind, reply in cases.items():
        exercise = by_kind[kind]
        replies = iter([reply, exercise.answers[0]])
        lines: list[str] = []
        score = run_quiz([exercise], lambda prompt, given=replies: next(given), lines.append)
        assert exercise.unreadable(reply) is not None, kind
        assert (score.asked, score.right) == (1, 1), kind
        assert f"{exercise.unreadable(reply)} (Ctrl-D to stop)." in lines, kind


def test_run_quiz_keeps_score_and_stops_at_end_of_input() -> None:
    """Answers from a list; the end of input ends the quiz with the score so far."""
    questions = curated()[:4]
    answers = iter([questions[0].answers[0], _wrong(questions[1])])
    lines: list[str] = []

    def read(prompt: str) -> str:
        try:
            return next(answers)
        except StopIteration:
            raise EOFError from None

    score = run_quiz(questions, read, lines.append)

    assert (score.asked, score.right, score.finished) == (2, 1, False)
    assert lines[-1] == "\nScore: 1 of 2 (50%) (stopped after 2 of 4)."


def test_quiz_command_from_stdin() -> None:
    """unsc quiz reads answers from standard input, explains, and sums up."""
    run = quiz("--count", "3", answers="3\na lack of votes\n4\n")

    assert run.returncode == 0, run.stderr
    assert run.stdout.count("Correct.") == 3
    assert "Score: 3 of 3 (100%)." in run.stdout


def test_quiz_command_ends_cleanly_on_empty_input() -> None:
    """No answers at all: the quiz ends at once with a summary, no traceback."""
    run = quiz()

    assert run.returncode == 0
    assert "No questions answered." in run.stdout
    assert "Traceback" not in run.stderr


def test_exercises_are_made_one_at_a_time() -> None:
    """iter_exercises makes each exercise when asked: the first of a billion comes at
    once, and the sheet is the list exercises() makes."""
    lazy = iter_exercises(seed=5, count=10**9)
    assert next(lazy) == next(iter_exercises(seed=5, count=10**9))
    assert list(iter_exercises(seed=5, count=20)) == exercises(seed=5, count=20)
    with pytest.raises(UnknownChoiceError, match="poetry"):
        iter_exercises(topic="poetry")


def test_the_seed_decides_the_sheet() -> None:
    """The same seed, the same sheet; two seeds, two sheets, real votes among them."""
    sheet = exercises(seed=3, count=10)

    assert sheet == exercises(seed=3, count=10)
    assert sheet != exercises(seed=4, count=10)
    assert [e.question for e in sheet] != [e.question for e in exercises(count=10)]
    assert any(not e.source.startswith("hypothetical") for e in sheet)
    assert any(e.source == "hypothetical (seed 3)" for e in sheet)
    assert len(exercises(seed=3, count=1)) == 1


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"count": 0}, unsc.errors.InvalidFieldError, "count cannot be 0; give 1 question"),
        ({"count": -3}, unsc.errors.InvalidFieldError, "count cannot be -3"),
        (
            {"count": 2, "topic": "order"},
            unsc.errors.InvalidFieldError,
            "1 question exists on 'order': give 1 to 1",
        ),
        ({"seed": "three"}, TypeError, r"seed cannot be 'three' \(str\); give a whole number"),
        ({"count": 2.5}, TypeError, "count cannot be 2.5"),
    ],
)
def test_a_sheet_that_cannot_be_made_says_why(
    kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    """A count outside what exists, or a seed that is no number: a clear error at once."""
    with pytest.raises(error, match=message):
        iter_exercises(**kwargs)  # type: ignore[arg-type]


def test_an_empty_line_asks_again_and_ctrl_c_keeps_the_score() -> None:
    """Empty answers are asked again, not marked; Ctrl-C ends with the score so far."""
    questions = curated()[:3]
    replies = iter(["", "   ", questions[0].answers[0], "\n", _wrong(questions[1])])
    lines: list[str] = []

    def read(prompt: str) -> str:
        try:
            return next(replies)
        except StopIteration:
            raise KeyboardInterrupt from None

    score = run_quiz(questions, read, lines.append)

    assert (score.asked, score.right, score.finished) == (2, 1, False)
    assert lines.count("Type your answer (Ctrl-D to stop).") == 3
    assert [a.given for a in score.answers] == [questions[0].answers[0], _wrong(questions[1])]
    assert score.to_dict()["answers"][1]["correct"] is False  # type: ignore[index]
    assert lines[-1] == "\nScore: 1 of 2 (50%) (stopped after 2 of 3)."


def test_an_answer_in_parts_is_judged_part_by_part() -> None:
    """The order of voting: each place judged, the right ones named."""
    order = next(e for e in curated() if e.topic == "order")
    places = order.answers[0].split()
    half = places[:2] + places[2:][::-1]  # the first two right, the last two swapped

    check = order.check(" ".join(half))

    assert not check.correct
    assert check.parts == (True, True, False, False)
    assert str(check).startswith("Not quite: 2 of 4 parts right (the 1st and 2nd). In this order:")


def test_quiz_writes_answers_as_json_for_the_teacher() -> None:
    """--format json: the answers and score on stdout, the questions on stderr."""
    first = exercises(seed=3, count=2)
    run = quiz(
        "--seed", "3", "--count", "2", "--format", "json",
        answers=f"\n{first[0].answers[0]}\nnonsense\n{_wrong(first[1])}\n",
    )  # fmt: skip

    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert (data["seed"], data["asked"], data["right"], data["finished"]) == (3, 2, 1, True)
    assert [a["correct"] for a in data["answers"]] == [True, False]
    assert data["answers"][1]["model_answer"] == first[1].model
    assert "Question 1 of 2" in run.stderr


def test_worksheet_and_key(tmp_path: Path) -> None:
    """--sheet prints a worksheet and its key: the seed's questions, the key on a new page."""
    run = quiz("--sheet", "--seed", "3", "--count", "6")
    page = run.stdout
    sheet = exercises(seed=3, count=6)

    assert run.returncode == 0, run.stderr
    assert page.startswith("<!DOCTYPE html>")
    assert page.count('class="question"') == page.count('class="answer"') == 6
    assert "worksheet (seed 3)" in page
    assert "break-before: page" in page
    assert "max-width: 180mm" in page  # fits A4 and Letter
    key = page[page.index('class="key"') :]
    for exercise in sheet:
        assert html.escape(exercise.model) in key
    assert page.index(html.escape(sheet[0].question)) < page.index(html.escape(sheet[1].question))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--seed", "abc"), "'abc' is not a seed; give a whole number"),
        (("--count", "-2"), "-2 questions: give 1 or more"),
        (("--topic", "order", "--count", "3"), "1 question exists on 'order'"),
    ],
)
def test_a_teachers_bad_input_is_one_line(args: tuple[str, ...], message: str) -> None:
    """Bad options end with one clear line and exit 2."""
    run = quiz(*args)

    assert run.returncode == 2
    assert message in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_the_teaching_guides_worksheets_are_made() -> None:
    """Every hand-out command in the teaching guide prints its worksheet."""
    guide = (Path(__file__).resolve().parent.parent / "docs" / "teaching.md").read_text(
        encoding="utf-8"
    )
    commands = re.findall(r"`unsc (quiz --sheet [^`>]*?) > [\w.-]+\.html`", guide)

    assert len(commands) >= 4
    for command in commands:
        args = command.split()
        run = quiz(*args[1:])  # args[0] is "quiz"
        count = int(args[args.index("--count") + 1]) if "--count" in args else 10
        assert run.returncode == 0, (command, run.stderr)
        assert run.stdout.count('class="question"') == count, command


def test_competing_drafts_judged_part_by_part() -> None:
    """S/2023/792 and S/2023/795 on 25 October 2023: vetoed, then short of votes."""
    (same_day,) = exercises(topic="competing-drafts", count=1)

    assert same_day.source == "S/2023/792, S/2023/795"
    assert same_day.check("2, 3").correct
    assert same_day.check("vetoed; insufficient votes").correct
    assert same_day.check("vetoed and insufficient votes").correct
    half = same_day.check("vetoed, adopted")
    assert half.parts == (True, False)
    assert str(half).startswith("Not quite: 1 of 2 parts right (the 1st). S/2023/792")
    assert not same_day.check("3 2").correct


def test_amendments_are_voted_first_and_not_vetoed() -> None:
    """The Russian amendments of 18 October 2023: the US alone against, not a veto."""
    (amendments,) = exercises(topic="amendments", count=1)

    assert amendments.source == "S/PV.9442"
    assert amendments.check("a lack of votes").correct
    assert not amendments.check("a veto").correct
    assert "rule 33" in amendments.explanation
    assert available("amendments") == available("competing-drafts") == 1


@pytest.mark.parametrize(
    ("questions", "seed", "message"),
    [
        ("outcome", None, r"worksheet\(questions\) cannot be 'outcome'"),
        ([1, 2], None, r"worksheet\(questions\) cannot be 1"),
        ([], "three", r"worksheet\(seed\) cannot be 'three'"),
    ],
)
def test_a_worksheet_of_what_is_not_exercises_says_so(
    questions: object, seed: object, message: str
) -> None:
    """The worksheet names what it was given that it cannot print."""
    with pytest.raises(unsc.errors.InvalidTypeError, match=message):
        worksheet(questions, seed=seed)  # type: ignore[arg-type]


# -- issue 21: the order question, dates as recorded, words a student reads ----------------

_ORDER = next(e for e in curated() if e.topic == "order")
_SEPARATORS = st.sampled_from([" ", ", ", ",", "  "])


@given(
    numbers=st.lists(st.integers(min_value=-1, max_value=9), max_size=7),
    separator=_SEPARATORS,
)
def test_an_order_is_scored_only_when_it_is_an_order(numbers: list[int], separator: str) -> None:
    """Any list of numbers: scored when it gives each choice's number once, else asked
    again with one line; a score never says all parts are right and the answer wrong, or
    the reverse."""
    answer = separator.join(map(str, numbers))
    is_order = sorted(numbers) == list(range(1, len(_ORDER.choices) + 1))
    replies = iter([answer, _ORDER.answers[0]])
    lines: list[str] = []

    score = run_quiz([_ORDER], lambda prompt: next(replies), lines.append)
    check = _ORDER.check(answer)

    assert (_ORDER.unreadable(answer) is None) == is_order
    assert score.answers[0].given == (answer if is_order else _ORDER.answers[0]).strip()
    if not is_order:
        assert lines.count(f"{_ORDER.unreadable(answer)} (Ctrl-D to stop).") == 1
        expected = "Type your answer" if not numbers else "Give each number from 1 to 4 once"
        assert str(_ORDER.unreadable(answer)).startswith(expected)
        assert check.parts == ()  # not judged place by place: nothing to contradict
    else:
        assert check.correct == all(check.parts)
    assert str(check).startswith("Correct.") == check.correct
    if f"{len(check.parts)} of {len(check.parts)} parts right" in str(check):
        raise AssertionError(f"a wrong answer with every part right: {check}")


@given(text=st.text(max_size=12))
def test_no_answer_contradicts_itself(text: str) -> None:
    """Whatever is typed, to any question in parts: right exactly when every part is."""
    for exercise in (e for e in curated() if e.kind in (ExerciseKind.ORDER, ExerciseKind.PARTS)):
        check = exercise.check(text)
        assert not check.parts or check.correct == all(check.parts)
        assert str(check).startswith("Correct.") == check.correct


def test_the_order_question_as_the_issue_showed_it() -> None:
    """`1 4 3 2 5`, `1 1 1 1` and a lone `1` are asked again, never scored."""
    run = quiz("--topic", "order", "--count", "1", answers="1 4 3 2 5\n1 1 1 1\n1\n")

    assert run.returncode == 0, run.stderr
    assert run.stdout.count("Give each number from 1 to 4 once") == 3
    assert "parts right" not in run.stdout
    assert "No questions answered." in run.stdout


_DAY = re.compile(
    r"\b(\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December) \d{4})\b"
)


@pytest.mark.parametrize(
    "exercise", [e for e in curated() if e.records], ids=lambda e: f"{e.source}-{e.topic}"
)
def test_real_exercises_state_days_and_meetings_as_recorded(exercise: Exercise) -> None:
    """Each record an exercise rests on has its day and meeting in the question, as
    unsc.history has them; and the question names no day or meeting the records lack."""
    records = [unsc.history.get(symbol) for symbol in exercise.records]
    days = {f"{r.date.day} {r.date:%B %Y}" for r in records if r.date}
    meetings = {r.meeting for r in records}

    for day in days:
        assert day in exercise.question
    for meeting in meetings:
        assert meeting in exercise.question
    assert set(_DAY.findall(exercise.question)) <= days
    assert set(re.findall(r"S/PV\.\d+", exercise.question + exercise.source)) <= meetings


def test_the_order_question_says_which_day_voted_what() -> None:
    """S/2023/772 on 16 October 2023 (S/PV.9439); the amendments and S/2023/773 on 18
    October (S/PV.9442): the record's days, not one meeting for all four."""
    s772, s773 = unsc.history.get("S/2023/772"), unsc.history.get("S/2023/773")

    assert (s772.date, s772.meeting) == (datetime.date(2023, 10, 16), "S/PV.9439")
    assert (s773.date, s773.meeting) == (datetime.date(2023, 10, 18), "S/PV.9442")
    assert "S/2023/772 was voted on 16 October 2023 (S/PV.9439)" in _ORDER.question
    assert "S/2023/773 on 18 October 2023 (S/PV.9442)" in _ORDER.question
    assert _ORDER.records == ("S/2023/772", "S/2023/773")


def test_generated_drafts_are_named_in_words() -> None:
    """The worksheet of the issue, and a long run of generated questions: no internal
    counter ("hypothetical draft 3") anywhere a student reads."""
    page = quiz("--sheet", "--seed", "3", "--count", "10").stdout
    made = generated(3, 200)

    assert "the hypothetical draft" in page
    assert not re.search(r"hypothetical draft \d", page)
    for exercise in made:
        text = f"{exercise} {exercise.explanation} {exercise.model}"
        assert not re.search(r"draft \d", text), text


def test_students_read_names_not_codes() -> None:
    """Questions, feedback and the worksheet name members as the Council knew them."""
    codes = re.compile(r"\b(?:[A-Z]{3} ){2,}")  # "AGO BGR CMR": a run of bare codes
    res83 = next(e for e in curated() if e.source == "S/RES/83 (1950)")
    page = quiz("--sheet", "--seed", "3", "--count", "10").stdout

    assert "USSR" in res83.question
    assert "SUN" not in res83.question
    assert "Republic of China" in res83.question
    assert not codes.search(page)
    for exercise in [*curated(), *generated(5, 60)]:
        said = f"{exercise} {exercise.explanation} {exercise.model}"
        assert not codes.search(said), said
        assert "→" not in said


def test_swing_feedback_reads_as_sentences() -> None:
    """The swing answer and its explanation are sentences, each member by name."""
    swing = next(e for e in curated() if e.topic == "swing")

    assert swing.model == (
        "The United States, by changing its vote alone, would have changed the outcome."
    )
    assert swing.explanation == (
        "Had the United States voted yes, abstained, been absent or not participated "
        "instead of voting no, it would have been adopted."
    )


def test_the_quiz_wraps_to_the_terminal() -> None:
    """At 60 columns no line the quiz prints is wider, and no word is broken."""
    import os

    env = {**os.environ, "COLUMNS": "60"}
    run = subprocess.run(
        [sys.executable, "-m", "unsc", "quiz", "--count", "3"],
        input="3\nnonsense\n2\n",
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    lines = run.stdout.splitlines()

    assert run.returncode == 0, run.stderr
    assert max(len(line) for line in lines) <= 60
    assert any(len(line) > 50 for line in lines)  # wrapped, not cut short
    words = set(" ".join(lines).split())
    assert {"Mozambique,", "Switzerland."} <= words


@pytest.mark.parametrize(
    ("width", "error", "message"),
    [(5, unsc.errors.InvalidFieldError, "width cannot be 5; give 20 columns or more"),
     ("wide", TypeError, "width cannot be 'wide'")],
)  # fmt: skip
def test_a_width_that_cannot_be_wrapped_to_says_why(
    width: object, error: type[Exception], message: str
) -> None:
    """run_quiz and Exercise.text refuse a width too narrow to read, before asking."""
    asked: list[str] = []
    with pytest.raises(error, match=message):
        run_quiz(curated()[:1], asked.append, asked.append, width=width)  # type: ignore[arg-type]
    with pytest.raises(error, match=message):
        curated()[0].text(width)  # type: ignore[arg-type]
    assert asked == []


def test_feedback_says_asks_for_nine_votes() -> None:
    """The misreadings' feedback reads as English: Article 27(3) asks for nine votes."""
    said = " ".join(e.explanation for e in curated() if e.topic == "model-un")

    assert "Article 27(3) asks for nine votes" in said
    assert "asks nine" not in said


@pytest.mark.parametrize("width", range(20, 100))
def test_an_answer_in_numbers_is_never_split_across_lines(width: int) -> None:
    """At any width the example answer "e.g. 2 1 3 4" stays on one line, and wrapping
    loses no word."""
    text = _ORDER.text(width)

    assert "2 1 3 4." in text.replace("\n", "|")
    assert text.split() == str(_ORDER).split()
    assert all(len(line) <= width for line in text.splitlines() if " " in line.strip())


def test_the_kind_of_an_exercise_is_read_as_vote_parse_reads_a_vote() -> None:
    """An ExerciseKind or its value (in any case); anything else refused, naming the kinds."""
    assert ExerciseKind.parse(ExerciseKind.ORDER) is ExerciseKind.ORDER
    assert ExerciseKind.parse("parts") is ExerciseKind.PARTS
    assert ExerciseKind.parse(" Member ") is ExerciseKind.MEMBER
    assert ExerciseKind("number") is ExerciseKind.NUMBER
    valid = "choice, member, number, order, parts"
    with pytest.raises(UnknownChoiceError, match=f"'essay' is not a kind of exercise; .*{valid}"):
        ExerciseKind.parse("essay")
    with pytest.raises(TypeError, match=valid) as raised:
        ExerciseKind(3)
    assert isinstance(raised.value, unsc.UNSCError)


def test_an_exercise_takes_its_kind_as_text_or_enum() -> None:
    """`Exercise(kind="choice")` as before; the kind kept is the Enum, and junk is refused."""
    made = Exercise(
        "outcome", "Adopted?", ("yes", "no"), ("yes", "1"), "Why.", "S/1", kind="parts"
    )
    assert made.kind is ExerciseKind.PARTS
    assert Exercise("outcome", "Adopted?", ("yes", "no"), ("yes",), "", "S/1").kind is (
        ExerciseKind.CHOICE
    )
    with pytest.raises(UnknownChoiceError, match="'essay' is not a kind of exercise"):
        Exercise("outcome", "Adopted?", (), ("yes",), "", "S/1", kind="essay")
    assert {e.kind for e in curated()} == set(ExerciseKind)
