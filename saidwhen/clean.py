"""Cleaning an article's text before extraction.

Scraped and syndicated articles carry noise that costs the quote scanner and the parser: invisible
characters inside words ("Oka\\u00adfor" is not "Okafor" to the name look-up), non-breaking spaces,
Windows line endings, page furniture left in the body ("Advertisement", "Share this article",
"© 2024 The Gazette"), and paragraphs printed twice by a page template. ``clean`` removes that
noise and nothing else:

* quotation marks and apostrophes are never changed (straight, curly, guillemets, backticks: the
  quote scanner tells quotes from apostrophes by the exact character);
* a line that holds a quotation mark is never dropped as boilerplate, so a paragraph of speech
  always survives;
* the words of every other paragraph are kept, in order.

The result has paragraphs separated by exactly one blank line, no leading or trailing blank space,
and ``\\n`` line endings. Character offsets refer to the cleaned text, so clean first, then extract.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean", "is_boilerplate"]

# Removed outright: zero-width space/non-joiner/joiner, word joiner, soft hyphen, byte-order mark
# (also the zero-width no-break space), left-to-right and right-to-left marks, Mongolian vowel
# separator, and the invisible math operators. They carry no meaning in running text and split
# words for the tokenizer.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\u00ad\ufeff\u200e\u200f\u180e\u2061-\u2064]")

# Turned into a plain space: no-break space, the typographic spaces (en quad to hair space),
# narrow no-break space, medium mathematical space, ideographic space, and tabs.
_ODD_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")

# Line and paragraph separators some sources use instead of newlines; NEL too.
_ODD_NEWLINE = re.compile("\r\n|\r|\u2028|\u2029|\u0085")

_SPACES = re.compile(" {2,}")
_PARAGRAPH_BREAK = re.compile(r"\n[ ]*\n\s*")

# Every quotation mark the scanner knows, and the apostrophe-like ones too: a line holding any of
# them might be speech and is never dropped.
_QUOTE_CHARS = "\"'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u300c\u300d\u300e\u300f\u2032\u2033"

# Boilerplate lines longer than this are left alone: a long line is a real sentence that happens
# to start like furniture ("Read more about the council's plan in …" stays if it is a paragraph).
MAX_BOILERPLATE_CHARS = 100

_BOILERPLATE = re.compile(
    r"""^(?:
        advertisement | advertising | sponsored(?:\ content)? | ad | \(ad\) | paid\ content
      | (?:story\ )?continues\ (?:below|after\ (?:the\ )?advertisement)
      | (?:scroll|continue)\ (?:down\ )?(?:to|reading)(?:\ (?:read\ )?(?:more|continue|the\ (?:full\ )?(?:story|article)))?.*
      | share\ (?:this|the)\ (?:article|story|page|post)(?:\ on\ .*)?
      | share(?:\ on)?\ (?:facebook|twitter|x|linkedin|whatsapp|email)
      | (?:share|tweet|email|print|comment|comments|copy\ link)(?:\ this)?
      | (?:read|see)\ (?:more|also|next)\b.*
      | related(?:\ (?:articles?|stories|coverage|content))?\b:?.*
      | (?:most\ )?(?:popular|trending)(?:\ (?:now|stories|articles))?
      | (?:sign\ up|subscribe)\b.*(?:newsletter|updates|alerts|inbox|digest|today|now|free)\b.*
      | (?:sign\ up|subscribe|log\ ?in|sign\ in|register)(?:\ now|\ today|\ here)?
      | (?:get|join)\ (?:our|the)\ .*newsletter.*
      | follow\ (?:us|@\S+|the\ \w+)\ on\b.*
      | (?:like\ us|find\ us)\ on\ .*
      | (?:©|\(c\)|copyright)\ .*
      | .*\ball\ rights\ reserved\.?
      | click\ (?:here|to)\b.*
      | tap\ (?:here|to)\b.*
      | (?:photo|image|video|graphic)(?:\ credit)?:\ .*
      | (?:skip\ to\ (?:main\ )?content|back\ to\ top|jump\ to\ comments)
      | (?:cookie|privacy)\ (?:policy|settings|notice).*
      | we\ use\ cookies\b.*
      | (?:this\ )?(?:article|story)\ (?:is\ )?(?:continued|continues)\ (?:below|on\ the\ next\ page).*
      | loading(?:\.\.\.|…)?
    )[\s.!:…>»›|-]*$""",
    re.IGNORECASE | re.VERBOSE,
)


def clean(text: str) -> str:
    """Clean one article's text for extraction (see the module docstring for what and why).

    Steps, in order: NFC normalisation (so "e" + combining acute and "é" are the same letter for
    the name look-up); invisible characters removed; odd spaces made plain and runs of spaces
    collapsed; line endings made ``\\n``; trailing spaces stripped from every line; boilerplate
    lines dropped; a paragraph repeated verbatim kept once (at its first place); paragraphs
    separated by one blank line. Lines inside a paragraph are kept as they are. Quotation marks
    and apostrophes are untouched.
    """
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _ODD_NEWLINE.sub("\n", text)
    text = _ODD_SPACE.sub(" ", text)
    text = _SPACES.sub(" ", text)

    paragraphs: list[str] = []
    seen: set[str] = set()
    for block in _PARAGRAPH_BREAK.split(text.strip()):
        lines = [line.strip() for line in block.split("\n")]
        lines = [line for line in lines if line and not is_boilerplate(line)]
        if not lines:
            continue
        paragraph = "\n".join(lines)
        key = " ".join(paragraph.split())  # a repeat that differs only in line wrapping is a repeat
        if key in seen:
            continue
        seen.add(key)
        paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def is_boilerplate(line: str) -> bool:
    """Whether one line, on its own, is page furniture rather than article text.

    Only short lines can be ("Advertisement", "Read more: …", "Follow us on Instagram",
    "© 2024 The Harlow Gazette"), and never one holding a quotation mark or apostrophe, which
    might be speech ("'Click here,' she said, 'and you will see.'").
    """
    line = line.strip()
    if not line or len(line) > MAX_BOILERPLATE_CHARS:
        return False
    if any(c in _QUOTE_CHARS for c in line):
        return False
    return _BOILERPLATE.match(line) is not None
