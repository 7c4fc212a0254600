"""Who said (or did) what: attributed statements, direct and indirect.

For each reporting verb ("said", "accused", "called for") the speaker is the nearest actor
mention before it in its clause (or after it: "said Ms Ruiz"); pronouns and "the
spokesperson" resolve to the actor last speaking or mentioned. The stance is the reported
clause (never what another says of a person), the quotation, or the verb phrase.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefs.backends.rules import heads
from briefs.backends.rules.actors import Entity
from briefs.backends.rules.clauses import (
    as_report,
    claimed_by_other,
    elaborates_passive,
    inside_report_clause,
    own_subject,
    relative_stop,
    subject_start,
)
from briefs.backends.rules.continuation import Attribution, QuoteRuns, narrative_report
from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.frames import passive_with_agent, reframed, relative_denials
from briefs.backends.rules.heads import main_clause_person, names_in, parse_subject, unnamed_speaker
from briefs.backends.rules.lexicon import Lexicon
from briefs.backends.rules.mentions import Mention
from briefs.backends.rules.negated_subjects import joined_speaker
from briefs.backends.rules.passives import according_to, passive_reports, passive_told
from briefs.backends.rules.polarity import (
    is_denial,
    negated,
    passive,
    reports_after,
    split_participle,
    verb_phrase,
)
from briefs.backends.rules.roles import role_owner
from briefs.backends.rules.settings import after_setting, framed_quote
from briefs.backends.rules.stances import (
    OPEN_Q,
    TOLD_OBJECT_END,
    TRAIL,
    clause_end,
    clean,
    cut_end,
    decapitalise,
    fronted_report,
    leading_quote,
    reported_clause,
    subordinate_stop,
)
from briefs.backends.rules.subjects import (
    MAX_SUBJECT_LOOKBACK,
    NOMINATIVE,
    Speakers,
    affiliated_person,
    gap_ok,
    inside_report,
    skip_relative_clause,
)
from briefs.backends.rules.verbs import EXPRESS, inner_verb, report_verb_ok
from briefs.backends.rules.wordbook import words

__all__ = ["Attribution", "attribute"]

_SAY_LIKE = words("say_verbs")  # verbs whose report is the clause after them


@dataclass
class _Found:
    subject: Mention | None
    actor: str
    verb: int  # token index
    clause_start: int  # where this statement's clause begins (offset)
    inverted: bool = False  # "..., said Ms Ruiz": the claim stands before the verb
    nested: bool = False  # reported inside another's statement ("He said police found X")


def _find(
    sent: Sentence,
    mentions: list[Mention],
    entities: dict[str, Entity],
    speakers: Speakers,
    lex: Lexicon,
    narrative: Token | None = None,
) -> list[_Found]:
    toks = sent.tokens
    found: list[_Found] = []
    kinds = {n: e.kind for n, e in entities.items()}
    for i, tok in enumerate(toks):
        if tok.value.lower() not in lex.speech_verbs or not report_verb_ok(toks, i, lex):
            continue
        if passive_with_agent(toks, tok):  # "Fannie Mae was criticised by regulators"
            continue
        if tok.pos not in ("VERB", "AUX"):
            continue  # "Ms Villalba's claims", "the union's plans": nouns, not reports
        if inner_verb(sent, tok, [toks[f.verb] for f in found], narrative):
            continue  # "Oaten said: “Whilst Labour has rejected …”": inside a quotation
        head = [f for f in found if toks[f.verb].index == tok.head and tok.dep == "conj"]
        if head and not own_subject(toks, tok):  # "X denied the claims and said …": X
            if is_denial(lex.speech_verbs[toks[head[0].verb].value.lower()]):
                continue  # what follows a denial stays in it ("denied X, but argues Y")
            found.append(_Found(None, head[0].actor, i, toks[i - 1].start))
            continue
        before = [m for m in mentions if m.end <= tok.start]
        subject: Mention | None = None
        actor: str | None = None
        if before:
            first = skip_relative_clause(toks, before, tok)
            # the nearest mention, or one further back across an appositive that itself
            # names someone ("Lord Carlile, the government's reviewer of ..., said")
            pool = [m for m in before if m.end <= first.end][-MAX_SUBJECT_LOOKBACK:]
            for cand in reversed(pool):
                gap = [t for t in toks if cand.end <= t.start and t.end <= tok.start]
                gap = [t for t in gap if t.value not in ("(", ")")]
                if gap_ok(gap, lex):
                    if elaborates_passive(toks, cand, gap, lex):
                        break
                    subject = affiliated_person(toks, before, cand, entities)
                    subject = parse_subject(toks, tok, subject, before, kinds)
                    if gap and gap[0].value in ("’s", "'s"):
                        actor = role_owner(entities, gap, lex)
                    break
                if cand is not first and cand.hint == "pronoun":
                    break
        if (shared := heads.conj_subject(toks, tok, mentions)) and shared.entity in entities:
            subject, actor = shared, None  # "Mullen examined Costa and believes …": Mullen
        prev = toks[i - 1].value if i else ""
        inverted = False
        if (
            subject is None
            and prev in (",", "”", '"', "’")
            and lex.speech_verbs[tok.lower] == "say"
        ):
            subject = heads.inverted_speaker(toks, tok, mentions, entities)  # "“…,” said X"
            inverted = subject is not None
        if subject is None and prev.lower() in ("and", "but") and found:  # "… and said …"
            found.append(_Found(None, found[-1].actor, i, toks[i - 1].start))
        if subject is None:
            continue
        if subject.hint == "pronoun" and (
            subject.name not in NOMINATIVE
            or inside_report(toks, subject, lex)
            or any(
                lex.speech_verbs[toks[f.verb].value.lower()] in _SAY_LIKE
                and toks[f.verb].end <= subject.start
                for f in found
            )
        ):
            continue  # "his plans", "said, by 2008, he wanted ...": not a new speaker
        if actor is None:
            actor = subject.entity
            if subject.hint == "pronoun":  # "…, where she ordered": the main clause's person
                actor = main_clause_person(toks, mentions, subject, kinds)
                actor = actor or speakers.pronoun(subject.name, lex)
                subject.entity = actor  # resolved: later steps (open issues) can use it
        if actor is None or actor not in entities:
            continue
        start = min(subject.start, tok.start, subject_start(toks, tok))
        if inverted:  # the claim runs from the end of the previous statement to the verb
            start = found[-1].clause_start if found else sent.start
        nested = tok.dep != "relcl" and any(
            inside_report_clause(toks, tok, toks[f.verb]) for f in found
        )
        pairs = [(toks[f.verb].index, f.actor) for f in found]
        if kinds.get(actor) == "person" and claimed_by_other(toks, tok, actor, pairs, lex):
            continue  # "Sullivan has said that Mr Ebbers ordered …": Sullivan's claim
        partner = joined_speaker(toks, mentions, subject, entities)
        if partner is not None and not inverted:  # "Tony Blair and Ruth Kelly have said"
            found.append(_Found(partner, str(partner.entity), i, partner.start, False, nested))
        found.append(_Found(subject, actor, i, start, inverted, nested))
    return found


def attribute(
    sentences: list[Sentence],
    mentions: list[list[Mention]],
    entities: dict[str, Entity],
    lex: Lexicon,
) -> list[Attribution]:
    """Every attributed statement of the article, in document order."""
    speakers = Speakers(entities)
    runs = QuoteRuns()
    out: list[Attribution] = []
    for sent, sent_mentions in zip(sentences, mentions, strict=False):
        toks = sent.tokens
        first_new = len(out)
        actors = [m for m in sent_mentions if m.entity in entities]  # not "Photos of …"
        actors = [m for m in actors if entities[str(m.entity)].kind != "other"]
        narrative = narrative_report(sent, lambda t: t.lower in lex.speech_verbs, names_in(actors))
        found = _find(sent, sent_mentions, entities, speakers, lex, narrative)
        cuts = relative_denials(sent, list(toks), lex)  # ", which X denies": claims end there
        for n, f in enumerate(found):
            verb = toks[f.verb]
            stop = sent.end
            if n + 1 < len(found) and found[n + 1].clause_start > verb.end:
                nxt = found[n + 1]
                stop = relative_stop(toks, toks[nxt.verb], nxt.subject, nxt.clause_start)
            if f.subject is not None:
                stop = subordinate_stop(sent, sent_mentions, f.subject, verb, stop)
            if verb.dep == "relcl":  # "Thornbury, who has denied all wrongdoing, showed ..."
                stop = min(stop, clause_end(sent, verb))
            stop = cut_end(sent, verb, min([stop, *(c for c in cuts.values() if verb.end < c)]))
            lemma = lex.speech_verbs[verb.value.lower()]
            rest = sent.text[verb.end - sent.start : stop - sent.start]
            start = f.clause_start
            quote = leading_quote(sent, f.subject.start) if f.subject is not None else None
            short = len(rest.strip(TRAIL + ". ").split()) < 3
            if quote is None and f.subject is not None and short:
                quote = fronted_report(sent, f.subject.start)
            if (
                quote is None
                and not f.inverted
                and f.subject is not None
                and lemma in _SAY_LIKE
                and not reports_after(sent, verb)
            ):  # "'...,' the ministry said in a statement": the report is in front
                head = sent.text[: f.subject.start - sent.start].strip()
                if len(head.split()) < 4:
                    continue
                quote = head
            if f.inverted:
                head = sent.text[f.clause_start - sent.start : verb.start - sent.start]
                stance = clean(head)
                stop = f.subject.end if f.subject is not None else verb.end
            elif quote is not None and lemma in _SAY_LIKE:
                stance, start = clean(quote), sent.start
            elif lemma in _SAY_LIKE and rest.strip(" :,").split()[:1] != ["to"]:
                if lemma == "say" and verb.value.lower() in ("told", "tells"):
                    cut = TOLD_OBJECT_END.search(rest)
                    clause = reported_clause(sent, verb)
                    if cut is None and clause is None:
                        continue  # "told reporters" with nothing reported
                    if clause is not None and (cut is None or clause < verb.end + cut.start()):
                        rest = sent.text[clause - sent.start : stop - sent.start]  # no "that"
                    elif cut is not None:
                        rest = rest[cut.start() if cut.group(0)[:1] in OPEN_Q else cut.end() :]
                stance = clean(framed_quote(after_setting(sent, verb, rest)))
            else:
                stance = clean(verb.value + rest)
            aside = as_report(sent, verb) if lemma in _SAY_LIKE else None
            if aside is not None:  # "as Tony Blair has suggested, GCSEs will stay"
                stance = clean(aside)
            if negated(sent, verb) or passive(sent, verb):  # "cannot confirm", "is accused of"
                stance = clean(verb_phrase(sent, verb, stop))
            elif (frame := reframed(sent, verb, stop, cuts, out[first_new:], lex)) is not None:
                stance = clean(frame)  # "something X denies", "Neither X nor Y would say"
            elif is_denial(lemma) and not stance.lower().startswith(verb.value.lower()):
                # "Greece has denied it will fail to pay": a denial, not the claim denied
                if f.inverted or (quote is not None and lemma in _SAY_LIKE):
                    stance = clean(verb.value + " " + decapitalise(stance))
                else:
                    stance = clean(verb.value + rest)
            end = max(stop, verb.end)
            while end > start and sent.text[end - sent.start - 1] in " ,;:-–—":
                end -= 1
            if is_denial(lemma):
                stance = split_participle(stance)
            if len(stance.split()) < (2 if is_denial(lemma) or lemma in EXPRESS else 3):
                continue
            if not f.nested:  # "He said police found Costa suggested ...": he still speaks
                speakers.note_subject(f.actor)
            out.append(Attribution(f.actor, stance, start, end, verb.value, sent.index))
        for mention, stance, verb in passive_reports(
            sent, sent_mentions, lambda t: is_denial(lex.speech_verbs.get(t.lower, ""))
        ) + passive_told(sent, sent_mentions, lambda t: t.lower in words("decision_received")):
            actor = mention.entity
            if actor in entities and all(a.start != sent.start for a in out[-3:]):
                out.append(Attribution(actor, stance, sent.start, sent.end, verb.value, sent.index))
        source = according_to(sent, sent_mentions) if len(out) == first_new else None
        if source is not None and source[0].entity in entities:
            actor = source[0].entity
            out.append(Attribution(actor, source[1], sent.start, sent.end, "according", sent.index))
        runs.step(sent, out, first_new, narrative is not None)
        unnamed = unnamed_speaker(sent, lambda t: t.lower in lex.speech_verbs, lex.role_words)
        if unnamed is not None and all(a.verb != unnamed.value for a in out[first_new:]):
            speakers.note_unnamed()  # "A police spokesman told AFP …": "he" is not the last
        speakers.note_mentions(sent_mentions, sent.tokens)
    return out
