"""sumy summarisers with a tokenizer that needs no NLTK data download."""

from __future__ import annotations

import re

from briefs.text.sentences import split_sentences

_WORD = re.compile(r"\w+(?:['’]\w+)?", re.UNICODE)


class OfflineTokenizer:
    """sumy's tokenizer interface (to_sentences / to_words) over syntok."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s.text for s in split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def sumy_summarizer(name: str):  # type: ignore[no-untyped-def]
    """A function text -> summary (3 sentences) using sumy's LexRank or TextRank."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    cls = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}[name]
    summarizer = cls(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = OfflineTokenizer()

    def summarize(text: str, k: int = 3) -> str:
        parser = PlaintextParser.from_string(text, tokenizer)
        return " ".join(str(s) for s in summarizer(parser.document, k))

    return summarize
