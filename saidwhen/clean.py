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
      | (?:story|article)?\ ?continues\ (?:below|after)(?:\ (?:the\ )?(?:advertisement|ad))?
      | (?:scroll\ down|continue\ reading|scroll\ to\ continue(?:\ with\ content)?)
        (?:\ (?:to\ read\ more|below|the\ (?:full\ )?(?:story|article)))?
      | share\ (?:this|the)\ (?:article|story|page|post)(?:\ on\ \w+)?
      | share(?:\ on)?\ (?:facebook|twitter|x|linkedin|whatsapp|email|bluesky)
      | (?:share|tweet|email|print|comments?|copy\ link)(?:\ this(?:\ (?:article|story))?)?
      | (?:read|see)\ (?:more|also|next)(?:\s*[:»›>|–—-].*|\ (?:here|stories|articles?))?
      | related(?:\ (?:articles?|stories|coverage|content|reading|links?))?(?:\s*:.*)?
      | (?:most\ )?(?:popular|trending|most\ read)(?:\ (?:now|stories|articles))?
      | (?:sign\ up|subscribe)\b.*\b(?:newsletters?|updates|alerts|inbox|digest)\b.*
      | (?:sign\ up|subscribe|log\ ?in|sign\ in|register)(?:\ (?:now|today|here|for\ free))?
      | (?:get|join)\ (?:our|the)\ .*newsletter.*
      | follow\ (?:us|@\S+)\ on\b.*
      | (?:like|find)\ us\ on\ .*
      | (?:©|\(c\)|copyright\ (?:©|\(c\)|\d{4})).*
      | .*\ball\ rights\ reserved
      | click\ (?:here|to\ (?:read|see|watch|view|enlarge|subscribe|share|continue|play))\b.*
      | tap\ here\b.*
      | (?:photo|image|video|graphic)(?:\ credit)?:\ .*
      | skip\ to\ (?:main\ )?content | back\ to\ top | jump\ to\ comments
      | (?:cookie|privacy)\ (?:policy|settings|notice) | we\ use\ cookies\b.*
      | loading(?:\.\.\.|…)?
    )[\s.!:…>»›|-]*$""",
    re.IGNORECASE | re.VERBOSE,
)

# A line that ends like this finishes its sentence, so the next line may be a line of its own.
_LINE_END = re.compile(r"""[.!?:;…"'”’»)\]]\s*$""")


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
        lines = _drop_boilerplate([line.strip() for line in block.split("\n") if line.strip()])
        if not lines:
            continue
        paragraph = "\n".join(lines)
        key = " ".join(paragraph.split())  # a repeat that differs only in line wrapping is a repeat
        if key in seen:
            continue
        seen.add(key)
        paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def _drop_boilerplate(lines: list[str]) -> list[str]:
    """The lines of one paragraph without its boilerplate lines.

    A line counts only where a new line of its own may start: first in the paragraph, or after a
    line that ended its sentence (or was itself dropped). In hard-wrapped prose the middle of a
    sentence can look like furniture ("... the mayor urged residents to / sign up today ...").
    """
    kept: list[str] = []
    starts_fresh = True
    for line in lines:
        if starts_fresh and is_boilerplate(line):
            continue
        kept.append(line)
        starts_fresh = _LINE_END.search(line) is not None
    return kept


def is_boilerplate(line: str) -> bool:
    """Whether one line, on its own, is page furniture rather than article text.

    Only short lines can be ("Advertisement", "Read more: …", "Follow us on Instagram",
    "© 2024 The Harlow Gazette"), and never one holding a quotation mark or apostrophe, which
    might be speech ("'Click here,' she said, 'and you will see.'").
    """
    line = line.strip()
    if not line or len(line) > MAX_BOILERPLATE_CHARS:
        return False
    core = line
    if "\u00ab" not in line and "\u2039" not in line:
        core = line.rstrip(" \u00bb\u203a>|")  # "Read more »": a trailing arrow, not a quote mark
    if any(c in _QUOTE_CHARS for c in core):
        return False
    return _BOILERPLATE.match(line) is not None
