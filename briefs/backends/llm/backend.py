"""Any langchain-core chat model as a briefs backend.

One call per article when it fits the model's budget: render the prompt (the
article only as a variable), ask for a BriefOut (provider-native structured
output where the model offers it, else JSON in the reply), validate, and on a
bad reply re-ask with the validation error, at most ``max_attempts`` calls and
``max_tokens_per_brief`` tokens in all. Every attempt's tokens are counted
(usage metadata, else tiktoken). Longer articles are split on sentence
boundaries and the partial drafts merged in one pass (see ``merge.py``).
"""

from __future__ import annotations

from typing import Any, ClassVar

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage

from briefs.backends.base import Backend
from briefs.backends.llm.limits import (
    DEFAULT_MAX_ATTEMPTS,
    DEFAULT_MAX_OUTPUT_TOKENS,
    DEFAULT_MAX_RETRIES,
    DEFAULT_MAX_TOKENS_PER_BRIEF,
    DEFAULT_TIMEOUT_S,
)
from briefs.backends.llm.merge import merge_drafts
from briefs.backends.llm.output import (
    BriefOut,
    output_schema,
    parse_repaired,
    parse_reply,
    validate_repaired,
)
from briefs.backends.llm.output import to_draft as out_to_draft
from briefs.backends.llm.parts import split_parts
from briefs.backends.llm.pricing import context_window, estimate_cost
from briefs.backends.llm.prompting import PromptSet, load_prompts
from briefs.backends.llm.replies import (
    cut_off,
    model_name,
    output_problem,
    role_message,
    tool_args,
)
from briefs.backends.llm.retry import RetryPolicy, call_with_retries, describe
from briefs.backends.llm.tokens import count_tokens
from briefs.draft import Draft, Usage
from briefs.errors import BackendError, LLMOutputError, ReplyError
from briefs.schema import Article

__all__ = ["LLMBackend", "LLMOutputError", "model_name"]


class LLMBackend(Backend):
    """Briefs from a chat model. ``structured``: "auto" (native structured output
    when the model supports it, else JSON parsing), "native", or "json"."""

    name: ClassVar[str] = "llm"
    default_method: ClassVar[str | None] = None  # with_structured_output(method=...)

    def __init__(
        self,
        chat_model: BaseChatModel | None = None,
        *,
        model: str | None = None,
        prompts: str | None = None,
        max_attempts: int = DEFAULT_MAX_ATTEMPTS,
        max_tokens_per_brief: int = DEFAULT_MAX_TOKENS_PER_BRIEF,
        max_output_tokens: int = DEFAULT_MAX_OUTPUT_TOKENS,
        context_window: int | None = None,
        structured: str = "auto",
        method: str | None = None,
        system_role: bool = True,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_base_delay: float = 0.5,
        timeout: float = DEFAULT_TIMEOUT_S,
        **_: Any,
    ) -> None:
        if max_attempts < 1:
            raise BackendError("max_attempts must be at least 1")
        self._chat = chat_model
        self.model = model or (model_name(chat_model) if chat_model is not None else None)
        self.prompts: PromptSet = load_prompts(prompts)
        self.prompt_version = self.prompts.version
        self.max_attempts = max_attempts
        self.max_tokens_per_brief = max_tokens_per_brief
        self.max_output_tokens = max_output_tokens
        self._context = context_window
        self.structured = structured
        self.method = method or self.default_method
        self._structured_runnable: Any = None
        self._native_ok = structured != "json"
        # some chat templates (Gemma's) drop system messages: then send one user message
        self.system_role = system_role
        self.retry = RetryPolicy(max_retries=max_retries, base_delay=retry_base_delay)
        self.timeout = timeout

    # -- the chat model ---------------------------------------------------------------
    def chat_model(self) -> BaseChatModel:
        if self._chat is None:
            self._chat = self.build_chat_model()
        return self._chat

    def build_chat_model(self) -> BaseChatModel:
        raise BackendError(f"backend {self.name!r} was given no chat model")

    def reply_model(self) -> Any:
        """The runnable asked for JSON in the reply (when native output is not used):
        the chat model, or it bound to a ``response_format`` by a subclass."""
        return self.chat_model()

    def response_format(self) -> dict[str, Any] | None:
        """The ``response_format`` sent with each call (None: the provider's own)."""
        return None

    def _native(self) -> Any:
        if not self._native_ok:
            return None
        if self._structured_runnable is None:
            kwargs: dict[str, Any] = {"include_raw": True}
            if self.method:
                kwargs["method"] = self.method
            try:
                self._structured_runnable = self.chat_model().with_structured_output(
                    BriefOut, **kwargs
                )
            except NotImplementedError:
                if self.structured == "native":
                    raise BackendError(
                        f"{self.model}: the model has no native structured output"
                    ) from None
                self._native_ok = False
                return None
        return self._structured_runnable

    # -- prompts and budget -----------------------------------------------------------
    def messages(
        self, article: Article, text: str | None = None, part: int = 1, parts: int = 1
    ) -> list[BaseMessage]:
        pairs = self.prompts.messages(
            article=article.text if text is None else text,
            schema=output_schema(),
            title=article.title,
            date=article.date,
            part=part,
            parts=parts,
        )
        if not self.system_role:
            return [HumanMessage("\n\n".join(content for _, content in pairs))]
        return [role_message(role, content) for role, content in pairs]

    def article_budget(self, article: Article) -> int:
        """Article tokens that fit one call beside the prompt and the reply."""
        window = self._context or context_window(self.model)
        overhead = sum(
            count_tokens(str(m.content), self.model).tokens for m in self.messages(article, text="")
        )
        return max(256, int((window - overhead - self.max_output_tokens) * 0.9))

    def split(self, article: Article) -> list[str]:
        """The article, or sentence-aligned parts of it that each fit the budget."""
        return split_parts(article.text, self.article_budget(article), self.model)

    # -- generation -------------------------------------------------------------------
    def generate(self, article: Article) -> Draft:
        usage = Usage(attempts=0, tokens_in=0, tokens_out=0)
        parts = self.split(article)
        try:
            drafts = [
                self._one(article, text, k + 1, len(parts), usage) for k, text in enumerate(parts)
            ]
        except BackendError:  # the error carries ``usage``: what the failed calls cost
            usage.cost_usd = estimate_cost(self.model, usage.tokens_in, usage.tokens_out)
            raise
        draft = drafts[0] if len(drafts) == 1 else merge_drafts(drafts)
        usage.cost_usd = estimate_cost(self.model, usage.tokens_in, usage.tokens_out)
        if len(parts) > 1:
            usage.warnings.append(f"long article: briefed in {len(parts)} parts and merged")
        draft.usage = usage
        return draft

    def _count(self, usage: Usage, messages: list[BaseMessage], reply: AIMessage | None) -> None:
        meta = getattr(reply, "usage_metadata", None) if reply is not None else None
        if meta and meta.get("input_tokens") is not None:
            usage.tokens_in = (usage.tokens_in or 0) + int(meta["input_tokens"])
            usage.tokens_out = (usage.tokens_out or 0) + int(meta.get("output_tokens") or 0)
            return
        sent = sum(count_tokens(str(m.content), self.model).tokens for m in messages)
        got = count_tokens(str(reply.content), self.model).tokens if reply is not None else 0
        usage.tokens_in = (usage.tokens_in or 0) + sent
        usage.tokens_out = (usage.tokens_out or 0) + got

    def _invoke(self, runnable: Any, messages: list[BaseMessage], usage: Usage) -> Any:
        def note(exc: BaseException, delay: float) -> None:
            usage.retries += 1
            usage.warnings.append(f"retry {usage.retries}: {describe(exc)}, waited {delay:.1f} s")

        return call_with_retries(lambda: runnable.invoke(messages), self.retry, note)

    def _call(
        self, messages: list[BaseMessage], usage: Usage
    ) -> tuple[AIMessage, BriefOut | None, str | None]:
        """The reply, the brief in it (over-long fields repaired, each repair noted in
        ``usage.warnings``) or None, and what is wrong with it."""
        native = self._native()
        if native is not None:
            result = self._invoke(native, messages, usage)
            raw = result.get("raw") if isinstance(result, dict) else None
            raw = raw if isinstance(raw, AIMessage) else AIMessage(content=str(raw or ""))
            parsed = result.get("parsed")
            try:
                if parsed is not None:
                    brief, notes = validate_repaired(parsed)
                else:  # the provider's parser failed: ours repairs caps, or says what's wrong
                    brief, notes = parse_reply(raw.content or tool_args(raw))
            except ReplyError as exc:
                return raw, None, cut_off(raw) or str(exc)
            usage.warnings.extend(notes)
            return raw, brief, None
        reply = self._invoke(self.reply_model(), messages, usage)
        if not isinstance(reply, AIMessage):
            reply = AIMessage(content=str(getattr(reply, "content", reply)))
        try:
            brief, notes = parse_reply(reply.content)
        except ReplyError as exc:
            return reply, None, cut_off(reply) or str(exc)
        usage.warnings.extend(notes)
        return reply, brief, None

    def _one(self, article: Article, text: str, part: int, parts: int, usage: Usage) -> Draft:
        messages = self.messages(article, text, part, parts)
        prompt = list(messages)
        error = "no attempt made"
        for attempt in range(1, self.max_attempts + 1):
            spent = (usage.tokens_in or 0) + (usage.tokens_out or 0)
            if spent >= self.max_tokens_per_brief:
                error = f"token cap reached ({spent} >= {self.max_tokens_per_brief})"
                break
            usage.attempts += 1
            usage.calls += 1
            try:
                reply, parsed, problem = self._call(messages, usage)
                self._count(usage, messages, reply)
            except BackendError:
                raise
            except Exception as exc:
                self._count(usage, messages, None)
                problem = output_problem(exc)
                if problem is None:  # provider / transport errors: no re-ask
                    raise LLMOutputError(
                        f"model call failed: {type(exc).__name__}: {exc}", usage
                    ) from exc
                if "token limit" in problem:
                    usage.tokens_out = (usage.tokens_out or 0) + self.max_output_tokens
                reply, parsed = AIMessage(content=""), None
            if parsed is not None:
                if attempt > 1:
                    usage.warnings.append(f"valid reply after {attempt} attempts")
                return out_to_draft(parsed)
            error = (problem or "invalid reply")[:600]
            usage.warnings.append(f"attempt {attempt}: {error}")
            if attempt == self.max_attempts and "names not in actors" in error:
                try:  # the last reply is usable once items naming unknown actors go
                    fixed, notes = parse_repaired(reply.content or tool_args(reply))
                except ReplyError:
                    break
                usage.warnings.extend(notes)
                return out_to_draft(fixed)
            messages = [
                *prompt,
                AIMessage(content=str(reply.content)[:4000]),
                HumanMessage(
                    self.prompts.reask(
                        error=error, attempt=attempt + 1, max_attempts=self.max_attempts
                    )
                ),
            ]
        raise LLMOutputError(f"no valid brief after {usage.attempts} attempt(s): {error}", usage)
