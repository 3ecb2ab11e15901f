"""saidwhen as a spaCy pipeline component: ``nlp.add_pipe("saidwhen")`` sets ``doc._.quotes``.

For people who already run spaCy: the component reuses the parse and entities their pipeline made
(it needs a parser and NER before it) and adds the quotes, the quoted people and the non-quotes
to the ``Doc``, with character offsets into ``doc.text``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .extract import _finish, _prepare
from .model import KINDS, check_kinds

for _name in ("quotes", "quoted_people", "non_quotes"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=())


class SaidwhenComponent:
    """Finds quotations, speakers and cues in a parsed ``Doc``; ``kinds`` keeps only those kinds
    of quotation (see ``saidwhen.KINDS``)."""

    def __init__(self, nlp: Language, name: str = "saidwhen", kinds=KINDS):
        self.name = name
        self.kinds = check_kinds(kinds)

    def __call__(self, doc: Doc) -> Doc:
        state = _prepare(doc.text, None, None, None, None, mask=False, kinds=self.kinds)
        article = _finish(doc, state)
        doc._.quotes = article.quotes
        doc._.quoted_people = article.people
        doc._.non_quotes = article.non_quotes
        return doc


@Language.factory("saidwhen", requires=["token.dep", "doc.ents"], assigns=["doc._.quotes", "doc._.quoted_people", "doc._.non_quotes"],
                  default_config={"kinds": list(KINDS)})
def make_saidwhen(nlp: Language, name: str, kinds: list[str]) -> SaidwhenComponent:
    """The ``saidwhen`` factory, registered through the ``spacy_factories`` entry point;
    ``nlp.add_pipe("saidwhen", config={"kinds": ["direct", "partial"]})`` keeps quotation marks only."""
    return SaidwhenComponent(nlp, name, kinds)
