"""saidwhen: who said what, when — quotations, speakers, cues and dates from news articles."""

from .extract import KINDS, extract, extract_many
from .model import Article, Mention, NonQuote, Person, Quote, SaidOn, TimeExpression

__all__ = ["extract", "extract_many", "KINDS", "Article", "Quote", "Person", "Mention", "NonQuote", "SaidOn", "TimeExpression"]
__version__ = "0.1.0"
