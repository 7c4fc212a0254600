"""Open issues phrased as whether-questions by the rules backend."""

from __future__ import annotations

import pytest

import briefs
from briefs.backends.rules.actors import resolve_entities
from briefs.backends.rules.attribution import attribute
from briefs.backends.rules.document import build
from briefs.backends.rules.lexicon import lexicon
from briefs.backends.rules.mentions import find_mentions
from briefs.backends.rules.questions import Vocabulary, as_question
from briefs.ingest import article_from_text


def questions(text: str) -> list[str | None]:
    """The question each sentence of ``text`` states (None where it states none)."""
    lex = lexicon()
    sentences = list(build(text).sentences)
    mentions = [find_mentions(s, lex) for s in sentences]
    entities = resolve_entities(mentions, lex, text)
    attribute(sentences, mentions, entities, lex)  # resolves the pronouns that speak
    vocabulary = Vocabulary.of(sentences, mentions)
    kinds = {name: e.kind for name, e in entities.items()}
    return [as_question(s, m, vocabulary, kinds) for s, m in zip(sentences, mentions, strict=True)]


@pytest.mark.parametrize(
    ("sentence", "question"),
    [
        # a bare clause after a verb of saying: the subject is the noun phrase before the modal
        (
            "Some economists have predicted rates will drop later in the year, although "
            "others feel the Bank may still think a rise is needed.",
            "Whether rates will drop later in the year.",
        ),
        # a condition in front of the subject goes with the question
        (
            "It is widely accepted that, if house prices start falling more sharply, the "
            "risks facing the economy will worsen considerably.",
            "Whether the risks facing the economy will worsen considerably if house prices "
            "start falling more sharply.",
        ),
        # prospective markers other than modals
        (
            "The council has yet to decide on the plan.",
            "Whether the council will decide on the plan.",
        ),
        (
            "The regulator is expected to rule on the merger in March.",
            "Whether the regulator will rule on the merger in March.",
        ),
        (
            "Mr Clarke vowed the nine men would remain in prison while the law was reviewed.",
            "Whether the nine men will remain in prison.",
        ),
        # "may" keeps its doubt
        (
            "Investors fear the bank may cut its dividend again.",
            "Whether the bank could cut its dividend again.",
        ),
        # a clause the sentence already asks is lifted out
        (
            "Analysts question whether the carriers planned properly for the holiday period.",
            "Whether the carriers planned properly for the holiday period.",
        ),
        # capitals: a common word opening the sentence is lowered, a hyphen joins a word
        (
            "Details of the chip will be released at the conference in San Francisco.",
            "Whether details of the chip will be released at the conference in San Francisco.",
        ),
        (
            "Up to 15 pay-TV channels will launch on DTT next year.",
            "Whether up to 15 pay-TV channels will launch on DTT next year.",
        ),
        # a list is kept whole; a speaker's certainty is not part of the question
        (
            "Analysts said the firm would doubtless buy kit from Lucent, Nortel and Motorola.",
            "Whether the firm will buy kit from Lucent, Nortel and Motorola.",
        ),
        # the clause ends where the next one begins
        (
            "The vote is due to be taken on Wednesday and is expected to be close.",
            "Whether the vote will be taken on Wednesday.",
        ),
        # a predicate of one full verb; an aside between commas stays with its clause
        (
            "A spokesperson said the inquiry was continuing and that further charges could follow.",
            "Whether further charges could follow.",
        ),
        # two coordinated noun phrases after a clause opener make one subject
        (
            "The chief inspector also said recently that GCSEs and A-levels should go.",
            "Whether GCSEs and A-levels should go.",
        ),
        # a call on a party to act asks whether it will
        (
            "The council called on both parties to accept binding arbitration if "
            "Thursday's talks fail, a proposal neither side has endorsed.",
            "Whether both parties will accept binding arbitration if Thursday's talks fail.",
        ),
        (
            "The only remaining question is whether the regime, with Russia's support, "
            "is willing to go to Geneva.",
            "Whether the regime, with Russia's support, is willing to go to Geneva.",
        ),
    ],
)
def test_forward_clause_becomes_a_whether_question(sentence: str, question: str) -> None:
    assert questions(sentence) == [question]


@pytest.mark.parametrize(
    "sentence",
    [
        "The deal could have forced GM to buy Fiat outright.",  # about the past
        '"We will not give up on this," she said.',  # first person: who "we" are is unknown
        "Most of you will ignore this warning.",
        "The US, which can veto any plan to sell IMF gold, said it is looking at other ways.",
        "He said getting progress between Israelis and Palestinians would be tough.",
        "It was unclear how best Britain could be defended.",  # a wh-clause, not a whether
        "The plan was put forward by finance ministers over the weekend.",  # nothing open
        "I doubt whether Kaplan would have been too pleased at the comments made.",
        # a rule, not a forecast; a counterfactual; a proposal
        "The exchange can delist a company if its debt exceeds its assets.",
        "If minorities were represented in proportion, there would be 42 ethnic minority MPs.",
        "A far better solution would be for councillors to draw up a guarantee.",
        "Providing further help to the card issuer could hurt its credibility.",
        "Such a move would triggered massive debt redemption requests.",
        "Without Angels, Williams may well not be where he is now.",
        "He said the price will be.",  # an auxiliary left alone says nothing
        # an aside the parse cannot close: the question would stop before its verb
        "The question is whether the regime, with Russia's support and that of Iran "
        "and its allies in the region, is willing to talk.",
        # "whether ... or ..., main clause": no matter which, not a question
        "Mr Blair said that whether the public chose Howard or Kennedy, it would mean a "
        "Tory government.",
    ],
)
def test_sentences_that_do_not_parse_simply_are_left_alone(sentence: str) -> None:
    assert questions(sentence) == [None]


def test_a_name_keeps_its_capital_and_a_resolved_pronoun_becomes_the_actor() -> None:
    text = (
        "Fiat shares rose on Monday. Fiat will keep supplying diesel engines to GM. "
        "Prime Minister Nikol Pashinyan spoke on Friday. He said he would meet the "
        "opposition leaders next week."
    )
    found = questions(text)
    assert found[1] == "Whether Fiat will keep supplying diesel engines to GM."
    assert found[3] == "Whether Nikol Pashinyan will meet the opposition leaders next week."
    said = "The International Monetary Fund said it will look at ways of using its gold."
    assert questions(said) == [
        "Whether the International Monetary Fund will look at ways of using its gold."
    ]


def test_brief_issues_are_questions_with_the_sentence_as_evidence() -> None:
    text = (
        "Dockworkers in Rotterdam walked out on Monday over pay.\n\n"
        "The union said the strike could spread to Antwerp if talks fail.\n\n"
        "The port authority has yet to respond to the union's demands."
    )
    article = article_from_text(text, id="strike")
    brief = briefs.generate_brief(article)
    asked = [i for i in brief.open_issues if i.issue.startswith("Whether ")]
    assert asked, [i.issue for i in brief.open_issues]
    for issue in asked:
        (evidence,) = issue.evidence
        # the question is rephrased, the evidence is the article's own sentence
        assert article.text[evidence.start : evidence.end] == evidence.quote
        assert issue.issue != evidence.quote


def test_a_forward_looking_sentence_without_an_issue_word_is_an_issue() -> None:
    # "will" and "next week" look forward; no word of the issue list ("talks", "row")
    text = (
        "The council approved the new library on Tuesday.\n\n"
        "The mayor will open the library on Sundays from next month."
    )
    brief = briefs.generate_brief(article_from_text(text, id="library"))
    issues = [i.issue for i in brief.open_issues]
    assert any("Sundays" in i for i in issues), issues
    assert not any("approved" in i for i in issues), issues  # a settled past event


@pytest.mark.parametrize(
    "text",
    [
        # the issue's own example: the question dropped "not" (and changed the subject)
        "Alison Saunders said the inquiry had closed. She said she would not be prosecuted.",
        "The union said the council refused to back the new pay deal for its members.",
        "The regulator insisted the merger will never be approved in its present form.",
        "No minister should make promises that the budget cannot keep, the report said.",
        "She said she did not feel the board could be trusted with the pension fund.",
        # once asked without their "not" (a whether-question was taken to hold both
        # answers); the issue asks rewrites to keep polarity or leave the sentence
        "The court said those detained cannot be deported if this meant persecution.",
        "The Green Party fears thousands of residents may not be able to vote.",
    ],
)
def test_a_clause_that_says_no_is_never_asked_without_it(text: str) -> None:
    """A whether-question keeps its sentence's polarity or is not made: the clause's
    "not", "never", a refusal or a negated verb above it would be lost in it."""
    assert all(q is None for q in questions(text))
    for issue in briefs.generate_brief(text).open_issues:
        assert not issue.issue.startswith("Whether")


def test_a_no_inside_the_kept_predicate_or_a_condition_still_asks() -> None:
    """What the question keeps whole ("no longer", "if ... did not") is no reason to
    leave it: its polarity is the sentence's."""
    assert questions(
        "The council said the firm could appeal if the inspectors did not decide by May."
    ) == ["Whether the firm could appeal if the inspectors did not decide by May."]
    assert questions("Aides said the new sessions will mean hecklers no longer get attention.") == [
        "Whether the new sessions will mean hecklers no longer get attention."
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a speaker says the clause does not matter, or makes it the yardstick of a view
        "Mr Leslie said it was irrelevant whether the post was called Secretary of State "
        "for Constitutional Affairs or Lord Chancellor.",
        "Mr Howard argued the only test for his policies was whether they were best for Britain.",
        "It matters little whether the rift is real or simply the product of gossip.",
        # an "it" the question cannot say
        'He said: "What matters most is whether it is reformed so that the post holder '
        'no longer has those conflicting duties."',
    ],
)
def test_a_whether_clause_a_speaker_holds_is_no_question(text: str) -> None:
    assert questions(text) == [None]


@pytest.mark.parametrize(
    ("text", "question"),
    [
        (
            "It was unclear whether the prosecution would be able to bring up the case.",
            "Whether the prosecution would be able to bring up the case.",
        ),
        (
            "The big question is whether the regulator will approve the merger.",
            "Whether the regulator will approve the merger.",
        ),
        (
            "Officials are still trying to establish whether it is possible to reopen the mine.",
            "Whether it is possible to reopen the mine.",
        ),
    ],
)
def test_a_whether_clause_the_sentence_leaves_open_is_asked(text: str, question: str) -> None:
    assert questions(text) == [question]


@pytest.mark.parametrize(
    ("text", "question"),
    [
        (
            'Authorities have formally told MPs their offices will be "deep cleaned" during '
            "the three-week poll campaign.",
            'Whether their offices will be "deep cleaned" during the three-week poll campaign.',
        ),
        (
            "The union warned ministers the strike could spread to other ports.",
            "Whether the strike could spread to other ports.",
        ),
    ],
)
def test_the_ones_told_are_not_the_subject_of_the_question(text: str, question: str) -> None:
    assert questions(text) == [question]


def test_a_speakers_should_is_no_open_issue() -> None:
    text = (
        "Dominic Grieve criticised the government's plans for the post.\n\n"
        'Convention should be "nurtured and celebrated," but the government distrusted '
        "and disliked it instead.\n\n"
        'The "best person for the job" should be appointed lord chancellor, and not '
        "necessarily a lawyer or MP, the courts minister has told MPs."
    )
    brief = briefs.generate_brief(article_from_text(text, id="chancellor"))
    issues = [i.issue for i in brief.open_issues]
    assert not any("nurtured" in i or "best person" in i for i in issues), issues


def test_the_object_of_a_preposition_is_not_the_subject_of_the_question() -> None:
    text = (
        "Bob Arum has revealed that the contracts for his fight against Floyd Mayweather "
        "in Las Vegas in just 10 days have yet to be signed."
    )
    assert questions(text) != ["Whether 10 days will be signed."]
    assert not (questions(text)[0] or "").startswith("Whether 10 days")
