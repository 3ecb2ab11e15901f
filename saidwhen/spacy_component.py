"""saidwhen as a spaCy pipeline component: ``nlp.add_pipe("saidwhen")`` sets ``doc._.quotes``.

For people who already run spaCy: the component reuses the parse and entities their pipeline made
(it needs a parser and NER before it) and adds the quotes, the quoted people and the non-quotes
to the ``Doc``, with character offsets into ``doc.text``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .extract import _finish, _prepare

for _name in ("quotes", "quoted_people", "non_quotes"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=())


class SaidwhenComponent:
    """Finds quotations, speakers and cues in a parsed ``Doc``."""

    def __init__(self, nlp: Language, name: str = "saidwhen"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        state = _prepare(doc.text, None, None, None, None, mask=False)
        article = _finish(doc, state)
        doc._.quotes = article.quotes
        doc._.quoted_people = article.people
        doc._.non_quotes = article.non_quotes
        return doc


@Language.factory("saidwhen", requires=["token.dep", "doc.ents"], assigns=["doc._.quotes", "doc._.quoted_people", "doc._.non_quotes"])
def make_saidwhen(nlp: Language, name: str) -> SaidwhenComponent:
    """The ``saidwhen`` factory, registered through the ``spacy_factories`` entry point."""
    return SaidwhenComponent(nlp, name)
