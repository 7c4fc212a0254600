"""The LLM wing: every module that only LLM backends need.

``backend`` (LLMBackend: prompt, call, parse, re-ask, split long articles),
``providers`` and ``openai_compatible`` (the registered backends), ``llamacpp``
(in-process GGUF models), ``output`` and ``repair`` (reply parsing), ``merge``
(drafts of a long article's parts), ``prompting``, ``tokens``, ``retry``,
``pricing`` and ``limits`` (defaults that import no langchain).

Importing this package imports nothing; import the module you need.
"""
