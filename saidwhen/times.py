"""The "when" stage: find time expressions in news text and normalise them TIMEX3-style.

Everything here is plain precompiled regular expressions plus a few date rules, so it runs on
thousands of articles a second without a parser.  Each candidate pattern proposes spans; the longest
non-overlapping spans win, and each is then given a TIMEX3 ``type`` (DATE, TIME, DURATION, SET) and
``value`` resolved against the anchor (publication) date.  Relative expressions that need a
direction ("on Wednesday", "Oct. 3") take it from a small tense detector run over the clause
around them; "a year earlier"-style expressions are resolved against the last explicit date
mentioned before them.  Without an anchor, relative expressions keep unresolved values
(``XXXX-WXX-3``, ``XXXX-10-14``) instead of guessing.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from bisect import bisect_right
import re
from typing import Callable, Sequence

from saidwhen.model import TimeExpression

__all__ = ["find_times"]

Date = _dt.date

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

_UNITS_W = "one|two|three|four|five|six|seven|eight|nine"
_TEENS_W = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS_W = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_WORD_NUM = {w: i + 1 for i, w in enumerate(_UNITS_W.split("|"))}
_WORD_NUM.update({w: i + 10 for i, w in enumerate(_TEENS_W.split("|"))})
_WORD_NUM.update({w: (i + 2) * 10 for i, w in enumerate(_TENS_W.split("|"))})
_WORD_NUM.update({"a": 1, "an": 1, "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12,
                  "a hundred": 100, "one hundred": 100, "hundred": 100, "a half": 0.5,
                  "half a": 0.5, "half an": 0.5})

_NUM = (
    r"(?:\d{1,3}(?:\.\d+)?(?:\s+\d/\d)?(?!\d)"
    rf"|(?:{_TENS_W})(?:[- ](?:{_UNITS_W}))?|{_TEENS_W}|{_UNITS_W}"
    r"|(?:a|one)\s+hundred|a\s+few|few|several|many|some|a\s+couple(?:\s+of)?|couple\s+of|a\s+dozen|dozens\s+of"
    r"|hundreds\s+of|half\s+an?|an?)"
)
_UNIT = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|"
         r"quarters?|years?|decades?|century|centuries)")
_MOD = (r"(?:just\s+over|just\s+under|well\s+over|well\s+under|more\s+than|less\s+than|fewer\s+than|"
        r"no\s+more\s+than|no\s+less\s+than|not\s+more\s+than|at\s+least|at\s+most|up\s+to|close\s+to|"
        r"about|around|roughly|approximately|nearly|almost|some|only|barely|over|under|"
        r"the\s+better\s+part\s+of)")

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"]
_MON_FULL = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_MON = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
        r"jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept\.?|sep\.?|oct\.?|nov\.?|dec\.?)")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_YEAR = r"(?:1[0-9]\d\d|20\d\d)"
_TZ = (r"(?:est|edt|cst|cdt|mst|mdt|pst|pdt|gmt|utc|bst|cet|cest|eet|ist|jst|aest|aedt|et|pt|ct|mt|z)"
       r"(?![a-z])")
_TZ_OFF = {"EST": "-05", "EDT": "-04", "CST": "-06", "CDT": "-05", "MST": "-07", "MDT": "-06",
           "PST": "-08", "PDT": "-07", "GMT": "Z", "UTC": "Z", "Z": "Z", "BST": "+01", "CET": "+01",
           "CEST": "+02", "EET": "+02", "IST": "+0530", "JST": "+09", "AEST": "+10", "AEDT": "+11"}
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
        "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
        "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
        "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
        "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_ORD_RE = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_ORD_CENT = (r"(?:\d{1,2}(?:st|nd|rd|th)|twenty[- ]first|first|second|third|fourth|fifth|sixth|seventh|"
             r"eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
             r"seventeenth|eighteenth|nineteenth|twentieth)")
_UNIT_CODE = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "night": "D", "week": "W",
              "weekend": "WE", "fortnight": "W", "month": "M", "quarter": "M", "year": "Y",
              "decade": "DE", "century": "CE", "centurie": "CE"}
_TOD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
        "midday": "MI"}
_SPOKEN_YEAR = rf"nineteen[- ](?:(?:{_TENS_W})(?:[- ](?:{_UNITS_W}))?|{_TEENS_W}|hundred)"
_TWO_THOUSAND = rf"two\s+thousand(?:\s+(?:and\s+)?(?:(?:{_TENS_W})(?:[- ](?:{_UNITS_W}))?|{_TEENS_W}|{_UNITS_W}))?"

# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


def _norm(s: str) -> str:
    """Lower-case and squeeze whitespace so vocabulary lookups see one spelling."""
    return " ".join(s.lower().replace("’", "'").split())


def _num(s: str | None) -> float | None:
    """Turn a matched count ("two", "twenty-four", "2 1/2", "a") into a number, None if vague."""
    if s is None:
        return 1
    s = _norm(s).replace("-", " ")
    if s in _WORD_NUM:
        return _WORD_NUM[s]
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s*(\d)/(\d))?", s)
    if m:
        v = float(m.group(1))
        if m.group(2):
            v += int(m.group(2)) / int(m.group(3))
        return v
    parts = s.split()
    if len(parts) == 2 and parts[0] in _WORD_NUM and parts[1] in _WORD_NUM:
        return _WORD_NUM[parts[0]] + _WORD_NUM[parts[1]]
    return None


def _fmt_num(v: float) -> str:
    """Render a count for a duration value: integers without a decimal point."""
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def _unit_key(u: str) -> str:
    """Singular lower-case unit name ("Weeks" -> "week", "centuries" -> "century")."""
    u = u.lower()
    if u == "centuries":
        return "century"
    return u[:-1] if u.endswith("s") else u


def _duration(n: float | None, unit: str) -> str:
    """A TIMEX3 duration value such as P2W, PT90M, PXY (X when the count is vague)."""
    key = _unit_key(unit)
    code = _UNIT_CODE[key]
    if key == "quarter":
        n = None if n is None else n * 3
    if key == "fortnight":
        n = None if n is None else n * 2
    if n is not None and n != int(n):
        whole, frac = int(n), n - int(n)
        sub = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "TH"), "TH": (60, "TM"),
               "TM": (60, "TS")}.get(code)
        if sub:
            extra = round(frac * sub[0])
            sc = sub[1]
            first = (f"{whole}{code[-1]}" if whole else "")
            if code.startswith("T"):
                return f"PT{first}{extra}{sc[-1]}"
            if sc.startswith("T"):
                return f"P{first}T{extra}{sc[-1]}"
            return f"P{first}{extra}{sc}"
    count = "X" if n is None else _fmt_num(n)
    if code.startswith("T"):
        return f"PT{count}{code[1]}"
    return f"P{count}{code}"


def _add_months(d: Date, months: int) -> tuple[int, int]:
    """Year and month after moving ``months`` from ``d``'s month."""
    k = d.year * 12 + d.month - 1 + months
    return k // 12, k % 12 + 1


def _week(d: Date) -> str:
    """ISO week value like 2020-W42."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _quarter(d: Date) -> tuple[int, int]:
    """Year and quarter number of a date."""
    return d.year, (d.month - 1) // 3 + 1


def _safe_date(y: int, m: int, d: int) -> Date | None:
    """A date, or None when the day does not exist (February 30)."""
    try:
        return Date(y, m, d)
    except ValueError:
        return None


def _month_num(s: str) -> int:
    """Month number from a name or abbreviation ("Sept." -> 9)."""
    s = s.lower().rstrip(".")[:3]
    return [m[:3] for m in _MONTHS].index(s) + 1


def _shift_days(d: Date, n: int) -> Date | None:
    """``d`` moved by ``n`` days, None when that leaves the calendar."""
    try:
        return d + _dt.timedelta(days=n)
    except OverflowError:
        return None


# --------------------------------------------------------------------------------------------
# Tense: past or future, from cue words in the clause around an expression
# --------------------------------------------------------------------------------------------

_FUTURE_CUES = (
    r"will|'ll|’ll|shall|won't|won’t|wo\s+n't|going\s+to|gonna|(?:is|are|am)\s+to|"
    r"(?:is|are|was|were)\s+(?:due|set|poised|slated)\s+(?:to|for)|set\s+to|due\s+to\s+(?:be|begin|start|open|"
    r"meet|resume|return|arrive|take|vote|announce|report)|scheduled|slated|planned|"
    r"plans?\s+to|planning\s+to|expected\s+to|expects?\s+to|intends?\s+to|aims?\s+to|hopes?\s+to|"
    r"upcoming|next|coming|would|to\s+be\s+held|will\s+be|forthcoming|until|later\s+this"
)
_PAST_IRREGULAR = (
    "was|were|had|did|said|told|went|came|took|made|gave|got|met|won|lost|held|began|left|saw|became|"
    "fell|rose|found|thought|knew|wrote|spoke|sent|kept|brought|bought|paid|ran|sold|struck|fought|"
    "led|fled|stood|felt|heard|meant|built|spent|threw|drew|grew|flew|broke|chose|drove|ate|forgot|"
    "hid|sang|swam|wore|tore|shot|sat|sought|taught|caught|won|beat|ago|last|earlier|yesterday|"
    "previously|already|ended|had|been|says"
)
_NOT_PAST = ("need|speed|indeed|red|bed|hundred|proceed|succeed|exceed|seed|weed|breed|greed|shed|"
             "feed|deed|embed|steed|reed|creed|tweed|bleed|freed")
_CUE_RE = re.compile(
    rf"\b(?:(?P<fut>{_FUTURE_CUES})|(?P<pres>is|are|am|begins|starts|opens|meets|plays|faces|"
    rf"takes\s+place|kicks\s+off)|(?P<past>{_PAST_IRREGULAR})|(?!(?:{_NOT_PAST})\b)(?P<ed>[a-z]{{2,}}ed))\b"
)
_BOUNDARY_RE = re.compile(r"[.!?;]+[\"'”’)\]]*\s+|\n|(?<=[a-z]),\s+(?:but|while|and)\s+")
_ABBREV_END = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|"
    r"Col|Sgt|Capt|Jr|Sr|No|Inc|Corp|Co|Ltd|vs|U\.S|a\.m|p\.m)|\b[A-Z])\.$"
)


class _Ctx:
    """Per-call state: the text, its clause boundaries, anchors and the running reference date."""

    __slots__ = ("text", "low", "anchor", "anchors", "_anchor_starts", "bounds", "_ref", "ref_anchor", "ref_pos", "pos")

    def __init__(self, text: str, anchor: Date | None, anchors: Sequence[tuple[int, int, Date]],
                 low: str | None = None):
        self.text = text
        self.low = low if low is not None else _lower(text)
        self.anchor = anchor
        self.anchors = tuple(sorted(anchors, key=lambda a: (a[0], -a[1])))
        self._anchor_starts = [a[0] for a in self.anchors]
        self.bounds: list[int] | None = None
        self._ref: str | None = None
        self.ref_anchor: Date | None = None
        self.ref_pos = 0
        self.pos = 0

    @property
    def ref(self) -> str | None:
        """The date in focus: the last explicit date mentioned before the current position."""
        return self._ref

    @ref.setter
    def ref(self, value: str | None) -> None:
        self._ref = value
        self.ref_pos = self.pos

    def anchor_at(self, pos: int) -> Date | None:
        """The anchor date in force at a character position (innermost matching range wins)."""
        # Ranges sorted by start: the covering range that starts last is the innermost one of
        # properly nested ranges; a bounded look back keeps thousands of quotes linear.
        i = bisect_right(self._anchor_starts, pos) - 1
        for s, e, d in reversed(self.anchors[max(0, i - 63) : i + 1]):
            if s <= pos < e:
                return d
        return self.anchor

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """Start and end of the clause/sentence containing the span (at most ~200 chars each way)."""
        if self.bounds is None:
            b = [0]
            for m in _BOUNDARY_RE.finditer(self.text):
                if m.group().startswith(".") and _ABBREV_END.search(self.text, max(0, m.start() - 6),
                                                                   m.start() + 1):
                    continue
                b.append(m.end())
            b.append(len(self.text))
            self.bounds = b
        b = self.bounds
        i = bisect.bisect_right(b, start) - 1
        s = b[max(i, 0)]
        j = bisect.bisect_left(b, end)
        e = b[min(j, len(b) - 1)]
        return max(s, start - 200), min(e, end + 200)

    def tense(self, start: int, end: int, reach: int = 10**6) -> str | None:
        """'past', 'future', 'present' or None: the cue word nearest to the span in its clause.

        ``reach`` limits how far (in characters) a cue may be from the span to count.
        """
        s, e = self.clause(start, end)
        best = None
        best_dist = 10**9
        for m in _CUE_RE.finditer(self.low, s, e):
            if start <= m.start() < end:
                continue
            kind = m.lastgroup
            dist = start - m.end() if m.end() <= start else m.start() - end
            if kind == "pres":
                dist += 60  # a weak cue: only wins when nothing else is near
            elif m.start() > end:
                dist += 10  # cues before the expression usually govern it
            if dist < best_dist:
                best_dist, best = dist, kind
        if best is None or best_dist > reach:
            return None
        return {"fut": "future", "pres": "present", "past": "past", "ed": "past"}[best]


# --------------------------------------------------------------------------------------------
# Resolution helpers shared by handlers
# --------------------------------------------------------------------------------------------


def _weekday_date(a: Date, wd: int, direction: str | None) -> Date:
    """The date of weekday ``wd`` near anchor ``a``: past or future by ``direction``."""
    diff = wd - a.weekday()
    if direction in ("next", "future"):
        return a + _dt.timedelta(days=diff if diff > 0 else diff + 7)
    if direction in ("last", "past"):
        return a + _dt.timedelta(days=diff if diff < 0 else diff - 7)
    # same weekday as the anchor means the anchor day itself
    if diff == 0:
        return a
    return a + _dt.timedelta(days=diff if diff < 0 else diff - 7)


def _direction(ctx: _Ctx, m: re.Match) -> str:
    """Past or future for an expression, from its clause; past when nothing says otherwise."""
    t = ctx.tense(m.start(), m.end())
    return "future" if t in ("future", "present") else "past"


def _closest_year(a: Date, month: int, day: int | None, direction: str | None) -> Date | int | None:
    """The year for a month (and day) given without one: nearest to the anchor, bent by tense."""
    cands = []
    for y in (a.year - 1, a.year, a.year + 1):
        if day is None:
            d = _safe_date(y, month, 1)
        else:
            d = _safe_date(y, month, day)
            if d is None and month == 2 and day == 29:
                continue
        if d is not None:
            cands.append(d)
    if not cands:
        return None
    if day is None:
        # a month counts as "now" while the anchor is inside it
        def dist(d: Date) -> int:
            if d.year == a.year and d.month == a.month:
                return 0
            return (d - a.replace(day=1)).days
    else:
        def dist(d: Date) -> int:
            return (d - a).days
    near = min(cands, key=lambda d: abs(dist(d)))
    if direction == "past":
        past = [d for d in cands if dist(d) <= 0]
        if past:
            p = max(past, key=dist)
            if abs(dist(p)) <= 300:
                return p
    elif direction == "future":
        fut = [d for d in cands if dist(d) >= 0]
        if fut:
            f = min(fut, key=dist)
            if dist(f) <= 300:
                return f
    return near



_REF_RE = re.compile(r"^(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|Q(\d)|W(\d\d)))?$")


def _shift_value(value: str, n: int, unit: str) -> str | None:
    """Move a TIMEX3 date value by ``n`` units (negative = back), keeping a sensible granularity."""
    m = _REF_RE.match(value)
    if not m:
        return None
    y = int(m.group(1))
    try:
        if m.group(4):  # quarter
            q = int(m.group(4))
            if unit == "year":
                return f"{y + n:04d}-Q{q}"
            if unit == "quarter":
                k = y * 4 + q - 1 + n
                return f"{k // 4:04d}-Q{k % 4 + 1}"
            return None
        if unit == "year" and not m.group(2) and not m.group(5):
            return f"{y + n:04d}"
        if m.group(3):
            d = Date(y, int(m.group(2)), int(m.group(3)))
        elif m.group(2):
            d = Date(y, int(m.group(2)), 15)
        elif m.group(5):
            d = Date.fromisocalendar(y, int(m.group(5)), 3)
        else:
            d = Date(y, 7, 1)
        return _unit_value(d, n, unit)
    except (ValueError, OverflowError):
        return None


def _unit_value(a: Date, n: int, unit: str) -> str | None:
    """The TIMEX3 value for the ``unit`` that lies ``n`` units from date ``a`` (n=0: its own)."""
    try:
        if unit in ("day", "night"):
            d = _shift_days(a, n)
            return d.isoformat() if d else None
        if unit in ("week", "fortnight"):
            d = _shift_days(a, 7 * n * (2 if unit == "fortnight" else 1))
            return _week(d) if d else None
        if unit == "weekend":
            d = _shift_days(a, 7 * n)
            return _week(d) + "-WE" if d else None
        if unit == "month":
            y, mo = _add_months(a, n)
            return f"{y:04d}-{mo:02d}" if 0 < y < 10000 else None
        if unit == "quarter":
            y, q = _quarter(a)
            k = y * 4 + q - 1 + n
            return f"{k // 4:04d}-Q{k % 4 + 1}"
        if unit in ("year", "fiscal year"):
            return f"{a.year + n:04d}"
        if unit == "half":
            y = a.year
            h = 1 if a.month <= 6 else 2
            k = y * 2 + h - 1 + n
            return f"{k // 2:04d}-H{k % 2 + 1}"
        if unit == "decade":
            return f"{(a.year // 10 + n):03d}"
        if unit == "century":
            return f"{(a.year // 100 + n):02d}"
        if unit in ("hour", "minute", "second"):
            return a.isoformat()
    except (ValueError, OverflowError):
        return None
    return None


_UNRESOLVED = {"day": "XXXX-XX-XX", "night": "XXXX-XX-XX", "week": "XXXX-WXX", "fortnight": "XXXX-WXX",
               "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "quarter": "XXXX-QX", "year": "XXXX",
               "fiscal year": "XXXX", "half": "XXXX-HX", "decade": "XXX", "century": "XX",
               "hour": "XXXX-XX-XX", "minute": "XXXX-XX-XX", "second": "XXXX-XX-XX"}


# --------------------------------------------------------------------------------------------
# Handlers: each turns a match into (type, value) or None to drop it
# --------------------------------------------------------------------------------------------

Result = tuple[str, str] | None


def _h_iso(m: re.Match, ctx: _Ctx) -> Result:
    """2019-10-03 style dates."""
    d = _safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    return ("DATE", d.isoformat()) if d else None


def _h_numeric(m: re.Match, ctx: _Ctx) -> Result:
    """10/3/2019 (US month first; day first when the first number cannot be a month)."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        y += 1900 if y > 30 else 2000
    d = _safe_date(y, a, b) if a <= 12 else _safe_date(y, b, a)
    return ("DATE", d.isoformat()) if d else None


def _h_month_day(m: re.Match, ctx: _Ctx) -> Result:
    """Oct. 3 / October 3, 2019 / 3 October 2019 / Saturday, April 25."""
    mo = _month_num(m["mon"])
    day = int(m["d"])
    if not 1 <= day <= 31:
        return None
    a = ctx.anchor_at(m.start())
    tod = _tod_suffix(m)
    if m["y"]:
        d = _safe_date(int(m["y"]), mo, day)
        return ("TIME" if tod else "DATE", d.isoformat() + tod) if d else None
    if _safe_date(2000, mo, day) is None:
        return None
    if a is None:
        return ("TIME" if tod else "DATE", f"XXXX-{mo:02d}-{day:02d}{tod}")
    wd = m.groupdict().get("wd")
    d = None
    if wd:  # a weekday pins the year: pick the candidate year where the weekday fits
        want = _WEEKDAYS.index(wd.lower())
        for y in (a.year, a.year + 1, a.year - 1):
            c = _safe_date(y, mo, day)
            if c and c.weekday() == want:
                d = c
                break
    if d is None:
        d = _closest_year(a, mo, day, _month_tense(ctx, m))
    if d is None:
        return None
    return ("TIME" if tod else "DATE", d.isoformat() + tod)


def _tod_suffix(m: re.Match) -> str:
    """A TIMEX3 part-of-day suffix (TNI, TMO...) when the match has a ``tod`` group."""
    tod = m.groupdict().get("tod")
    if not tod:
        return ""
    t = _norm(tod)
    return "T" + _TOD.get(t, "NI")


def _h_month_year(m: re.Match, ctx: _Ctx) -> Result:
    """October 2019, early September 1990, January this year, the end of November 1989."""
    mo = _month_num(m["mon"])
    ys = _norm(m["y"])
    a = ctx.anchor_at(m.start())
    if ys.isdigit():
        y = int(ys)
    elif ys.startswith("nineteen") or ys.startswith("two"):
        y = _spoken_year(ys)
        if y is None:
            return None
    else:
        if a is None:
            return ("DATE", f"XXXX-{mo:02d}")
        y = a.year + {"last": -1, "this": 0, "next": 1}[ys.split()[0]]
    return ("DATE", f"{y:04d}-{mo:02d}")


def _h_month(m: re.Match, ctx: _Ctx) -> Result:
    """A month name on its own ("in January", "last April", "mid-November")."""
    mo = _month_num(m["mon"])
    a = ctx.anchor_at(m.start())
    if a is None:
        return ("DATE", f"XXXX-{mo:02d}")
    which = _norm(m["which"] or "")
    if which in ("last", "this past", "past"):
        y = a.year if mo < a.month else a.year - 1
    elif which in ("next", "coming", "this coming"):
        y = a.year if mo > a.month else a.year + 1
    elif which == "this":
        y = a.year
    else:
        d = _closest_year(a, mo, None, _month_tense(ctx, m))
        if d is None:
            return None
        y = d.year
    return ("DATE", f"{y:04d}-{mo:02d}")


_DEADLINE_RE = re.compile(r"\b(?:by|until|till|through|before)\s+(?:early\s+|late\s+|mid-?)?$")


def _month_tense(ctx: _Ctx, m) -> str | None:
    """Tense for a month or date without a year; 'by February' and 'until January' look ahead."""
    if _DEADLINE_RE.search(ctx.low, max(0, m.start() - 14), m.start()):
        if ctx.tense(m.start(), m.end(), reach=25) != "past":
            return "future"
    return ctx.tense(m.start(), m.end())


def _accept_month(m: re.Match, text: str) -> bool:
    """Reject "May" the modal verb and "March" the verb unless something marks them as months."""
    mon = m["mon"]
    mon = text[m.start("mon"):m.end("mon")]
    if mon not in ("May", "March") or m["which"] or m["pre"]:
        return True
    before = text[max(0, m.start() - 12):m.start()].lower()
    if re.search(r"\b(?:in|since|until|till|by|of|during|from|through|to|early|late|mid|before|after|"
                 r"between|and|or|each|every)\s+$", before):
        if mon == "May" and re.match(r"\s+(?:be|have|not|also|well|soon|never|still)\b", text[m.end():]):
            return False
        return True
    return mon == "March"


def _h_year(m: re.Match, ctx: _Ctx) -> Result:
    """A bare year: 1998, mid-1996, the end of 1990."""
    y = int(m["y"])
    return ("DATE", f"{y:04d}")


_ADDRESS_RE = re.compile(r"\s+(?:[A-Z][a-z]+\s+){1,2}(?:Avenue|Ave\.?|Street|St\.|Road|Rd\.|Boulevard|Blvd\.?|"
                         r"Lane|Drive|Way|Place|Broadway)\b|\s*(?:%|percent|per\s+cent|-point)")


def _accept_year(m: re.Match, text: str) -> bool:
    """Skip numbers that only look like years: street addresses, percentages, money, scores."""
    if _ADDRESS_RE.match(text, m.end()):
        return False
    before = text[max(0, m.start("y") - 2):m.start("y")]
    if before.endswith(("$", "£", "€", "#", "No")) or re.search(r"\d[.,/:-]$", before):
        return False
    after = text[m.end("y"):m.end("y") + 2]
    if re.match(r"[.,]\d|-\d(?!\d\b)|\s*[-–]\s*\d{1,3}\b(?!\s*[-–/])", after) and not re.match(r"-\d\d\b", after):
        return False
    return True


def _spoken_year(s: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand and one' -> 2001."""
    s = _norm(s).replace("-", " ").replace(" and ", " ")
    if s.startswith("the year "):
        s = s[9:]
    if s.startswith("nineteen"):
        rest = s[len("nineteen"):].strip()
        if rest == "hundred":
            return 1900
        n = _num(rest)
        return 1900 + int(n) if n is not None and n < 100 else None
    if s.startswith("two thousand"):
        rest = s[len("two thousand"):].strip()
        if not rest:
            return 2000
        n = _num(rest)
        return 2000 + int(n) if n is not None and n < 100 else None
    return None


def _h_spoken_year(m: re.Match, ctx: _Ctx) -> Result:
    """Years read out in broadcast transcripts ("nineteen ninety-six")."""
    y = _spoken_year(m["y"])
    return ("DATE", f"{y:04d}") if y else None


def _h_decade(m: re.Match, ctx: _Ctx) -> Result:
    """The 1990s -> 199, the '80s -> 198."""
    d = m["dec"].lower().lstrip("'’").rstrip("s")
    if len(d) == 4:
        return ("DATE", d[:3])
    a = ctx.anchor_at(m.start())
    two = int(d)
    century = 19
    if a is not None and 2000 + two <= a.year:
        century = 20 if two < 30 else 19
    return ("DATE", f"{century}{d[0]}")


def _h_decade_word(m: re.Match, ctx: _Ctx) -> Result:
    """The eighties -> 198."""
    n = _num(m["w"][:-3] + "y")
    return ("DATE", f"19{int(n) // 10}") if n else None


def _h_century(m: re.Match, ctx: _Ctx) -> Result:
    """The 21st century -> 20."""
    o = _norm(m["o"]).replace(" ", "-")
    n = _ORD.get(o)
    if n is None:
        digits = re.match(r"\d+", o)
        if not digits:
            return None
        n = int(digits.group())
    if not 1 <= n <= 30:
        return None
    return ("DATE", f"{n - 1:02d}")


def _h_weekday(m: re.Match, ctx: _Ctx) -> Result:
    """A weekday, resolved to the past or coming one by its modifier or its clause's tense."""
    wd = _WEEKDAYS.index(m["wd"].lower())
    tod = _tod_suffix(m)
    if m["pl"]:
        return ("SET", f"XXXX-WXX-{wd + 1}{tod}")
    a = ctx.anchor_at(m.start())
    typ = "TIME" if tod else "DATE"
    if a is None:
        return (typ, f"XXXX-WXX-{wd + 1}{tod}")
    which = _norm(m["which"] or m["which2"] or "")
    if which in ("previous", "following"):
        r = _REF_RE.match(ctx.ref or "")
        base = a
        if r and r.group(3):
            base = Date(int(r.group(1)), int(r.group(2)), int(r.group(3)))
        d = _weekday_date(base, wd, "last" if which == "previous" else "next")
    elif which in ("last", "past", "this past"):
        d = _weekday_date(a, wd, "last")
    elif which in ("next", "coming", "this coming"):
        d = _weekday_date(a, wd, "next")
    elif ctx.low.startswith(("'s", "’s"), m.end()):
        # "Wednesday's awards": a past event unless a future cue is right next to it
        t = ctx.tense(m.start(), m.end(), reach=25)
        d = _weekday_date(a, wd, None if wd == a.weekday() else ("future" if t == "future" else "past"))
    else:
        d = _weekday_date(a, wd, None if wd == a.weekday() else _direction(ctx, m))
    return (typ, d.isoformat() + tod)


def _h_deictic_day(m: re.Match, ctx: _Ctx) -> Result:
    """Today, yesterday, tomorrow, tonight, last night, this morning, yesterday afternoon."""
    word = _norm(m["w"])
    tod = _norm(m["tod"]) if m["tod"] else None
    a = ctx.anchor_at(m.start())
    offset = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1,
              "tonight's": 0, "today's": 0, "yesterday's": -1, "tomorrow's": 1}.get(word, 0)
    if word.startswith("tonight"):
        tod = "night"
    suffix = "T" + _TOD.get(tod, "NI") if tod else ""
    if word in ("last", "this") and tod is None:
        return None
    typ = "TIME" if suffix else "DATE"
    if a is None:
        if word.startswith("today") and not suffix:
            return ("DATE", "PRESENT_REF")
        return (typ, "XXXX-XX-XX" + suffix)
    d = _shift_days(a, offset)
    return (typ, d.isoformat() + suffix) if d else None


def _h_tod_only(m: re.Match, ctx: _Ctx) -> Result:
    """'mid afternoon', 'the morning', 'overnight': a part of the anchor day."""
    a = ctx.anchor_at(m.start())
    suffix = "T" + _TOD.get(_norm(m["tod"]), "NI")
    return ("TIME", (a.isoformat() if a else "XXXX-XX-XX") + suffix)


def _h_ago(m: re.Match, ctx: _Ctx) -> Result:
    """'seven years ago' -> 2013, 'two months ago' -> 2020-08, 'three days ago' -> 2020-10-13."""
    n = _num(m["n"])
    unit = _unit_key(m["u"])
    a = ctx.anchor_at(m.start())
    if n is None or m["n"] is None and m["u"].endswith("s"):
        return ("DATE", "PAST_REF")
    if a is None:
        return ("DATE", _UNRESOLVED.get(unit, "PAST_REF"))
    if n != int(n):
        if unit == "year":
            n, unit = n * 12, "month"
        else:
            return ("DATE", "PAST_REF")
    q = _ref_quarter(ctx, a) if unit == "year" else None
    if q:  # "$5 million a year ago" after "third-quarter profit": the same quarter a year back
        return ("DATE", _shift_value(q, -int(n), "year") or q)
    v = _unit_value(a, -int(n), unit)
    return ("DATE", v) if v else None


def _h_ref_shift(m: re.Match, ctx: _Ctx) -> Result:
    """'a year earlier', 'two days later', 'the day before': relative to the last date mentioned."""
    n = _num(m["n"]) if m.groupdict().get("n") else 1
    unit = _unit_key(m["u"])
    d = _norm(m["dir"])
    sign = 1 if d in ("later", "after", "afterward", "afterwards", "from now", "hence", "following",
                      "next") else -1
    if d == "same":
        sign = 0
    a = ctx.anchor_at(m.start())
    if n is None or n != int(n):
        return ("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if d in ("from now", "hence"):
        if a is None:
            return ("DATE", _UNRESOLVED.get(unit, "FUTURE_REF"))
        v = _unit_value(a, int(n), unit)
        return ("DATE", v) if v else None
    if ctx.ref is not None and ctx.ref_anchor == a:
        v = _shift_value(ctx.ref, sign * int(n), unit)
        if v:
            return ("DATE", v)
    if a is None:
        return ("DATE", _UNRESOLVED.get(unit, "XXXX"))
    v = _unit_value(a, sign * int(n), unit)
    return ("DATE", v) if v else None


def _h_deictic_unit(m: re.Match, ctx: _Ctx) -> Result:
    """this/last/next week, month, year, quarter, decade, weekend, season ("last summer" -> 2019-SU)."""
    which = _norm(m["which"])
    unit = _norm(m["u"])
    a = ctx.anchor_at(m.start())
    which = which.replace("the ", "")
    if which in ("this", "current", "current fiscal", "this fiscal", "same", "present", "latest"):
        n = 0
    elif which in ("last", "past", "previous", "prior", "this past", "last fiscal", "preceding"):
        n = -1
    else:
        n = 1
    if which == "latest" and unit == "quarter":
        n = 0
    if unit in _SEASONS:
        code = _SEASONS[unit]
        if a is None:
            return ("DATE", f"XXXX-{code}")
        y = a.year
        if which == "this past":
            y = a.year if _SEASON_START[code] < a.month else a.year - 1
        elif n < 0:
            y -= 1
        elif n > 0 and _SEASON_START[code] <= a.month:
            y += 1
        return ("DATE", f"{y:04d}-{code}")
    if unit == "season":
        return None
    if unit == "fiscal year":
        unit = "year"
    if a is None:
        return ("DATE", _UNRESOLVED.get(unit, "XXXX"))
    if which == "latest" and unit == "quarter":
        if ctx.ref and re.match(r"^\d{4}-Q\d$", ctx.ref):
            return ("DATE", ctx.ref)
        a = _shift_days(a, -45) or a
    v = _unit_value(a, n, unit)
    return ("DATE", v) if v else None


def _h_the_quarter(m: re.Match, ctx: _Ctx) -> Result:
    """'the quarter', 'the latest period': the quarter being reported on."""
    if ctx.ref and re.match(r"^\d{4}-Q\d$", ctx.ref):
        return ("DATE", ctx.ref)
    a = ctx.anchor_at(m.start())
    if a is None:
        return ("DATE", "XXXX-QX")
    d = _shift_days(a, -45) or a
    y, q = _quarter(d)
    return ("DATE", f"{y:04d}-Q{q}")


def _h_ordinal_quarter(m: re.Match, ctx: _Ctx) -> Result:
    """'the third quarter' (anchor year; last year's when it has not happened yet in past talk)."""
    q = _ORD[_norm(m["o"])]
    if q > 4:
        return None
    a = ctx.anchor_at(m.start())
    ys = _norm(m["y"] or m["y2"] or "")
    if ys.isdigit():
        y = int(ys)
    elif ys:
        if a is None:
            return ("DATE", f"XXXX-Q{q}")
        y = a.year + (-1 if ys.startswith("last") else 1 if ys.startswith("next") else 0)
    else:
        if a is None:
            return ("DATE", f"XXXX-Q{q}")
        y = a.year
        cur = _quarter(a)[1]
        if q > cur and ctx.tense(m.start(), m.end()) == "past":
            y -= 1
    unit = "H" if _norm(m["kind"]) == "half" else "Q"
    if unit == "H" and q > 2:
        return None
    return ("DATE", f"{y:04d}-{unit}{q}")


def _h_q(m: re.Match, ctx: _Ctx) -> Result:
    """Q3 2020 / Q3."""
    q = int(m["q"])
    if m["y"]:
        return ("DATE", f"{m['y']}-Q{q}")
    a = ctx.anchor_at(m.start())
    return ("DATE", f"{a.year:04d}-Q{q}" if a else f"XXXX-Q{q}")


def _h_fiscal(m: re.Match, ctx: _Ctx) -> Result:
    """'fiscal 2021' -> 2021, 'fiscal '99' -> 1999."""
    y = m["y"].lstrip("'’")
    if len(y) == 2:
        y = ("19" if int(y) > 30 else "20") + y
    return ("DATE", y)


def _h_year_ago(m: re.Match, ctx: _Ctx) -> Result:
    """'year-earlier', 'the year-ago quarter': the same period a year before the one in focus."""
    a = ctx.anchor_at(m.start())
    q = _ref_quarter(ctx, a)
    if m["o"]:
        base = int(q[:4]) if q else (a.year if a else None)
        n = _ORD[_norm(m["o"])]
        return ("DATE", f"{base - 1:04d}-Q{n}" if base else f"XXXX-Q{n}")
    if q:
        return ("DATE", _shift_value(q, -1, "year") or q)
    return ("DATE", f"{a.year - 1:04d}" if a else "XXXX")


def _ref_quarter(ctx: _Ctx, a: Date | None) -> str | None:
    """The quarter in focus (last mentioned under the same anchor), for earnings-report comparisons."""
    if ctx.ref and ctx.ref_anchor == a and _QUARTER_RE.match(ctx.ref):
        return ctx.ref
    return None


_QUARTER_RE = re.compile(r"^\d{4}-Q[1-4]$")


def _h_year_period(m: re.Match, ctx: _Ctx) -> Result:
    """'the 1988 period', 'the 1988 second quarter'."""
    if m["o"]:
        q = _ORD[_norm(m["o"])]
        return ("DATE", f"{m['y']}-Q{q}") if q <= 4 else None
    rq = _ref_quarter(ctx, ctx.anchor_at(m.start()))
    if (m["bq"] or "period" in m.group()) and rq:
        return ("DATE", f"{m['y']}-Q{rq[-1]}")
    return ("DATE", m["y"])


def _h_year_end(m: re.Match, ctx: _Ctx) -> Result:
    """'the fiscal year': the anchor's year."""
    a = ctx.anchor_at(m.start())
    return ("DATE", f"{a.year:04d}" if a else "XXXX")


def _h_year_end_point(m: re.Match, ctx: _Ctx) -> Result:
    """'year-end', 'the end of the year': the anchor's year, as TimeML does (the year before after 'since')."""
    a = ctx.anchor_at(m.start())
    if a is None:
        return ("DATE", "XXXX")
    since = re.search(r"\bsince\s+$", ctx.low[max(0, m.start() - 7):m.start()])
    return ("DATE", f"{a.year - 1 if since else a.year:04d}")


def _h_duration(m: re.Match, ctx: _Ctx) -> Result:
    """'just over two weeks' -> P2W, 'three years' -> P3Y, '90 minutes' -> PT90M."""
    n = _num(m["n"])
    unit = m["u"]
    if m["half"] and n is not None:
        n += 0.5
    nn = _norm(m["n"])
    uk = _unit_key(unit)
    after = ctx.low[m.end():m.end() + 4]
    if uk == "quarter" and (nn in ("a", "an", "one", "half a") or after.startswith(" of")):
        return None  # "a quarter of", "three-quarters of": fractions, not time
    if uk == "second" and nn in ("a", "an"):
        return None  # "a second round"
    if re.match(r"\s+old\b", ctx.low[m.end():m.end() + 5]) and uk == "year":
        return None  # "52 years old": an age, which TimeML-style news annotation leaves out
    if re.match(r"-(?:earlier|ago|end)\b", after):
        return None  # "a year-earlier loss": the comparison period, found by another pattern
    if nn in ("a", "an") and not m["mod"] and not m["det"] and not m["rel"]:
        before = ctx.low[max(0, m.start() - 25):m.start()]
        # "$5 million a year", "four flights a week": a rate, not a length of time
        if re.search(r"(?:\d|percent|%|times|once|twice|million|billion|thousand|hundred|"
                     r"[a-z]{2,}(?<!\bi)(?<!\bha)(?<!\bthi)(?<!\bu)(?<!\bwa)(?<!\bhi)(?<!\bit)(?<!\ba)"
                     r"(?<!les)(?<!ss)s)\s*$", before):
            return ("SET", _duration(1, unit))
    return ("DURATION", _duration(n, unit))


def _h_vague_units(m: re.Match, ctx: _Ctx) -> Result:
    """'decades', 'for years', 'in recent months': durations of unknown length."""
    return ("DURATION", _duration(None, m["u"]))


def _h_ref_word(m: re.Match, ctx: _Ctx) -> Result:
    """now/currently -> PRESENT_REF, recently/the past -> PAST_REF, the future/soon -> FUTURE_REF."""
    w = _norm(m["w"])
    if w in ("recently", "more recently", "most recently", "lately", "previously", "formerly",
             "the past", "recent", "earlier", "in the past", "once", "recent days", "recent weeks"):
        return ("DATE", "PAST_REF")
    if "future" in w or w.endswith("term") or "coming" in w or "ahead" in w or w in ("soon", "coming months", "coming weeks", "coming days", "coming years",
                              "the coming months", "the coming weeks", "the coming days",
                              "the coming years", "the months ahead", "the years ahead",
                              "the weeks ahead", "the days ahead"):
        return ("DATE", "FUTURE_REF")
    return ("DATE", "PRESENT_REF")


def _accept_ref_word(m: re.Match, text: str) -> bool:
    """Drop 'as soon as', 'earlier than', 'current account' and similar non-temporal uses."""
    w = _norm(m["w"])
    after = text[m.end():m.end() + 20].lower()
    before = text[max(0, m.start() - 4):m.start()].lower()
    if w == "soon" and (before.endswith("as ") or after.startswith(" as") or after.startswith(" after")
                        and False):
        return False
    if w in ("earlier", "once") and re.match(r"\s+(?:than|this|today|that|in|on|the|a)\b|,?\s*(?:and|or)\b",
                                            after):
        return False
    if w == "once" and not re.match(r"\s*[,.;]", after):
        return False
    if w == "current" and re.match(r"\s+(?:account|accounts|affairs|events|and|or|flows?|carrying|"
                                   r"version|model|members?|employees?|holders?|owners?)\b", after):
        return False
    if w == "now" and before.endswith("-"):
        return False
    return True


def _h_set_every(m: re.Match, ctx: _Ctx) -> Result:
    """'every Wednesday' -> XXXX-WXX-3, 'each year' -> P1Y, 'every summer' -> XXXX-SU."""
    u = _norm(m["u"])
    if u in _WEEKDAYS:
        return ("SET", f"XXXX-WXX-{_WEEKDAYS.index(u) + 1}")
    if u in _MONTHS:
        return ("SET", f"XXXX-{_MONTHS.index(u) + 1:02d}")
    if u in _SEASONS:
        return ("SET", f"XXXX-{_SEASONS[u]}")
    if u in _TOD:
        return ("SET", f"XXXX-XX-XXT{_TOD[u]}")
    n = _num(m["n"]) if m["n"] else 1
    if u.rstrip("s") in ("weekend",):
        return ("SET", "XXXX-WXX-WE")
    return ("SET", _duration(n, u))


_ADVERB_SET = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "bi-weekly": "P2W",
               "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
               "semiannually": "P6M", "semi-annually": "P6M", "every day": "P1D", "each day": "P1D"}


def _h_set_adverb(m: re.Match, ctx: _Ctx) -> Result:
    """'daily' -> P1D, 'weekly' -> P1W, 'annually' -> P1Y."""
    return ("SET", _ADVERB_SET[_norm(m["w"])])


def _h_set_freq(m: re.Match, ctx: _Ctx) -> Result:
    """'twice a week', 'per year', 'three times a day': a frequency."""
    return ("SET", _duration(1, m["u"]))


def _h_clock(m: re.Match, ctx: _Ctx) -> Result:
    """'3 p.m.', '3:30 p.m. EST', '10:15 GMT', 'noon', 'midnight Friday', '10 p.m. Wednesday'."""
    gd = m.groupdict()
    if gd.get("word"):
        w = _norm(gd["word"])
        h, mi = (24, 0) if w == "midnight" else (12, 0)
    else:
        h = int(m["h"])
        mi = int(m["mi"]) if m["mi"] else 0
        ap = (gd.get("ap") or "").lower().replace(".", "").strip()
        if ap:
            if not 1 <= h <= 12:
                return None
            if ap.startswith("p") and h != 12:
                h += 12
            elif ap.startswith("a") and h == 12:
                h = 0
        if h > 24 or mi > 59:
            return None
    tz = _TZ_OFF.get((gd.get("tz") or "").upper(), "")
    a = ctx.anchor_at(m.start())
    day = None
    if gd.get("wd"):
        wd = _norm(gd["wd"])
        if a is not None:
            if wd in _WEEKDAYS:
                i = _WEEKDAYS.index(wd)
                day = _weekday_date(a, i, None if i == a.weekday() else _direction(ctx, m))
            else:
                day = _shift_days(a, {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[wd])
        elif wd in _WEEKDAYS:
            return ("TIME", f"XXXX-WXX-{_WEEKDAYS.index(wd) + 1}T{h:02d}:{mi:02d}{tz}")
    elif gd.get("mon"):
        mo = _month_num(gd["mon"])
        dd = int(gd["d"])
        if a is not None:
            c = _closest_year(a, mo, dd, ctx.tense(m.start(), m.end()))
            day = c if isinstance(c, Date) else None
        if day is None:
            if _safe_date(2000, mo, dd) is None:
                return None
            return ("TIME", f"XXXX-{mo:02d}-{dd:02d}T{h:02d}:{mi:02d}{tz}")
    elif a is not None:
        day = a
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return ("TIME", f"{prefix}T{h:02d}:{mi:02d}{tz}")


def _accept_clock24(m: re.Match, text: str) -> bool:
    """A bare hh:mm counts only with a zone or after 'at'/'by'/'until' (not scores or ratios)."""
    if m["tz"]:
        return True
    before = text[max(0, m.start() - 12):m.start()].lower()
    return bool(re.search(r"\b(?:at|by|until|till|before|after|from|around|about)\s+$", before))


def _h_season(m: re.Match, ctx: _Ctx) -> Result:
    """'winter' -> anchor year's winter, 'the summer of 1998' -> 1998-SU."""
    code = _SEASONS[_norm(m["s"])]
    if m["y"]:
        y = m["y"]
        if not y.isdigit():
            sy = _spoken_year(y)
            if sy is None:
                return None
            y = str(sy)
        return ("DATE", f"{y}-{code}")
    a = ctx.anchor_at(m.start())
    return ("DATE", f"{a.year:04d}-{code}" if a else f"XXXX-{code}")


def _accept_season(m: re.Match, text: str) -> bool:
    """'fall' and 'spring' are verbs and nouns too: keep them only after 'in the', 'this', 'last'."""
    s = _norm(m["s"])
    if m["y"]:
        return True
    before = text[max(0, m.start() - 16):m.start()].lower()
    if s in ("fall", "spring"):
        return m.group().lower().startswith(("the", "early", "late")) and bool(
            re.search(r"\b(?:in|by|until|during|since|for|through|over)\s+$", before))
    return True


def _h_the_weekend(m, ctx: _Ctx) -> Result:
    """'over the weekend': the last weekend in past talk, the coming one in future talk."""
    a = ctx.anchor_at(m.start())
    if a is None:
        return ("DATE", "XXXX-WXX-WE")
    fut = _direction(ctx, m) == "future"
    if fut:
        d = a if a.weekday() < 5 else a + _dt.timedelta(days=7 - a.weekday())
    else:
        d = a - _dt.timedelta(days=7) if a.weekday() < 5 else a
    return ("DATE", _week(d) + "-WE")


def _h_that_unit(m, ctx: _Ctx) -> Result:
    """'that year', 'that quarter': the period of the date last mentioned, if there is one."""
    if not ctx.ref:
        return None
    u = m["u"]
    r = _REF_RE.match(ctx.ref)
    if not r:
        return None
    if u == "year":
        return ("DATE", r.group(1))
    if u == "quarter" and r.group(4):
        return ("DATE", ctx.ref)
    if u == "month" and r.group(2):
        return ("DATE", ctx.ref[:7])
    return None


def _h_half_of(m, ctx: _Ctx) -> Result:
    """'the second half of 1989' -> 1989-H2."""
    h = 1 if _norm(m["o"]) == "first" else 2
    ys = _norm(m["y"])
    if ys.isdigit():
        return ("DATE", f"{ys}-H{h}")
    a = ctx.anchor_at(m.start())
    if a is None:
        return ("DATE", f"XXXX-H{h}")
    y = a.year + (-1 if ys.startswith("last") else 1 if ys.startswith("next") else 0)
    return ("DATE", f"{y:04d}-H{h}")


def _h_the_year(m, ctx: _Ctx) -> Result:
    """'for the year', 'the full year': the anchor's year; 'the year ended June 30' is a duration."""
    if re.match(r"\s+end(?:ed|ing|s)\b", ctx.low[m.end():m.end() + 8]):
        return ("DURATION", "P1Y")
    a = ctx.anchor_at(m.start())
    return ("DATE", f"{a.year:04d}" if a else "XXXX")


def _h_in_the_unit(m, ctx: _Ctx) -> Result:
    """'earlier in the year': the anchor's own year, month, week or day."""
    a = ctx.anchor_at(m.start())
    u = m["u"]
    if a is None:
        return ("DATE", _UNRESOLVED[u])
    v = _unit_value(a, 0, u)
    return ("DATE", v) if v else None


# --------------------------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------------------------

_EDGE_L = r"(?<![\w'’])"
_EDGE_R = r"(?![\w])"

_PATTERNS: list[tuple[str, Callable[..., Result], Callable[..., bool] | None]] = [
    # explicit dates
    (r"(?P<y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d)(?![\d:])", _h_iso, None),
    (r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])", _h_numeric, None),
    (rf"(?:(?P<wd>{_WD}),?\s+)?(?P<mon>{_MON})\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|:\d)"
     rf"(?:,?\s+(?P<y>{_YEAR})(?!\d))?(?:\s+(?P<tod>night|morning|evening|afternoon))?",
     _h_month_day, None),
    (rf"(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})"
     rf"(?:,?\s+(?P<y>{_YEAR})(?!\d))?", _h_month_day, None),
    (rf"(?:(?:early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)[\s-]+)?(?P<mon>{_MON})\s+(?:of\s+)?"
     rf"(?P<y>{_YEAR}(?!\d)|{_SPOKEN_YEAR}|(?:last|this|next)\s+year)", _h_month_year, None),
    (rf"(?:(?P<pre>early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)[\s-]+|"
     rf"(?P<which>last|next|this\s+past|this\s+coming|this|coming|past)\s+)?(?P<mon>{_MON_FULL}|sept\.)"
     rf"(?!\s*\d)", _h_month, _accept_month),
    # quarters and fiscal periods (before "this year"/"last year" so "last year's third quarter" stays whole)
    (rf"(?:the\s+)?(?:(?P<y>{_YEAR}|this\s+year['’]s|last\s+year['’]s|next\s+year['’]s)\s+)?(?:fiscal\s+)?"
     rf"(?P<o>{_ORD_RE})[\s-]+(?:fiscal\s+)?(?P<kind>quarter|half)(?!s)(?:\s+of\s+(?:fiscal\s+)?"
     rf"(?P<y2>{_YEAR}|this\s+year|last\s+year|next\s+year))?", _h_ordinal_quarter, None),
    (rf"(?P<qq>q)(?P<q>[1-4])(?:\s+(?P<y>{_YEAR}))?(?!\w)", _h_q, None),
    (r"fiscal(?:\s+year)?\s+(?P<y>(?:19|20)\d\d|['’]\d\d)(?!\d)", _h_fiscal, None),
    (rf"the\s+(?P<y>{_YEAR})\s+(?:(?P<o>{_ORD_RE})\s+quarter|period|fiscal\s+year|(?P<bq>quarter))", _h_year_period, None),
    (rf"(?:the\s+)?(?:year[\s-]+(?:ago|earlier)|prior[\s-]+year|previous[\s-]+year)(?:\s+(?:(?P<o>{_ORD_RE})\s+)?(?:quarter|period))?",
     _h_year_ago, None),
    (r"(?:the\s+)?year[\s-]end(?![\w-])|year['’]s\s+end|the\s+end\s+of\s+the\s+year", _h_year_end_point, None),
    # years, decades, centuries
    (r"(?:(?:early|late|mid|the\s+(?:end|beginning|start|middle)\s+of|(?:in|since|during|until|by|from)"
     r"\s+the\s+(?:end|middle|beginning|start|first\s+half|second\s+half)\s+of)[\s-]+)?(?P<y>(?:19|20)\d\d)(?!\d)",
     _h_year, _accept_year),
    (r"(?:in|since|until|by|from|before|after|circa|year)\s+(?P<span>(?P<y>1[0-7]\d\d))(?!\d)", _h_year,
     _accept_year),
    (rf"(?:the\s+year\s+)?(?P<y>{_SPOKEN_YEAR})", _h_spoken_year, None),
    (rf"(?:the\s+year\s+|(?:in|since|until|by)\s+)(?P<span>(?P<y>{_TWO_THOUSAND}))", _h_spoken_year, None),
    (r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<dec>(?:1[0-9]|20)\d0s|['’]\d0s)(?![\w'’])", _h_decade, None),
    (r"the\s+(?:(?:early|late|mid)[\s-]+)?(?P<dec>\d0s)(?![\w'’])", _h_decade, None),
    (r"the\s+(?:(?:early|late|mid)[\s-]+)?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|"
     r"eighties|nineties)", _h_decade_word, None),
    (rf"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<o>{_ORD_CENT})[\s-]+century", _h_century, None),
    # SETs
    (rf"(?:every|each)\s+(?:other\s+|single\s+)?(?:(?P<n>{_NUM})\s+)?(?P<u>{_UNIT}|{_WD}|{_MON_FULL}|morning|"
     r"night|evening|afternoon|summer|winter|spring|fall|autumn|weekend)(?!\s+of\b)", _h_set_every, None),
    (r"(?P<w>daily|nightly|weekly|bi-?weekly|monthly|annually|yearly|hourly|semi-?annually)",
     _h_set_adverb, None),
    (rf"(?:(?:once|twice|thrice|{_NUM}\s+times)\s+(?:a|an|per|each|every)|per)\s+(?P<u>{_UNIT})", _h_set_freq,
     None),
    # clock times
    (rf"(?:(?:at\s+)?(?:around|about|approximately|shortly\s+(?:after|before)|just\s+(?:after|before))\s+)?"
     rf"(?P<h>\d{{1,2}})(?::(?P<mi>\d\d))?\s*(?P<ap>[ap]\.m\.|[ap]\.m\b|[ap]m\b)"
     rf"(?:\s+(?P<tz>{_TZ}))?(?:,?\s+(?:on\s+)?(?:(?P<wd>{_WD}|today|tomorrow|yesterday|tonight)\b|"
     rf"(?P<mon>{_MON})\s*(?P<d>\d{{1,2}})(?!\d)))?", _h_clock, None),
    (rf"(?P<h>[012]?\d):(?P<mi>[0-5]\d)(?![\d:])(?:\s+(?P<tz>{_TZ}))?(?:,?\s+(?:on\s+)?"
     rf"(?P<wd>{_WD}|today|tomorrow|yesterday)\b)?", _h_clock, _accept_clock24),
    (r"(?P<h>[012]\d)(?P<mi>[0-5]\d)\s+(?P<tz>gmt|utc)", _h_clock, None),
    (rf"(?P<word>noon|midday|midnight)(?:\s+(?:on\s+)?(?P<wd>{_WD}|today|tomorrow|yesterday)\b)?",
     _h_clock, None),
    # days and parts of days
    (r"(?:(?:early|late|later|earlier)\s+)?(?P<w>today|yesterday|tomorrow|tonight)(?:['’]s)?"
     r"(?:\s+(?P<tod>morning|afternoon|evening|night))?(?!\w)", _h_deictic_day, None),
    (r"(?:(?:early|late|later|earlier)\s+)?(?P<w>this|last)\s+(?P<tod>morning|afternoon|evening|night)(?!\w)",
     _h_deictic_day, None),
    (r"(?:(?:early|late|later|earlier|mid)[\s-]+)?(?P<tod>morning|afternoon|evening|night)\s+(?P<w>today|"
     r"yesterday|tomorrow)", _h_deictic_day, None),
    (r"(?:the\s+|mid[\s-]*)(?P<tod>morning|afternoon|evening)(?!\s+(?:of|before|after)\b)(?=\s*[,.;])",
     _h_tod_only, None),
    (r"(?P<tod>overnight)", _h_tod_only, None),
    (rf"(?:(?:the\s+)?(?P<which>previous|following)\s+|(?P<which2>last|next|this\s+past|this\s+coming|this|coming|"
     rf"past|earlier|late|early|later)\s+)?"
     rf"(?P<wd>{_WD})(?P<pl>s)?(?:,?\s+(?P<tod>morning|afternoon|evening|night)s?)?(?![\w])",
     _h_weekday, None),
    # relative to the anchor or to the last date mentioned
    (rf"(?:(?:{_MOD})\s+)?(?:(?P<n>{_NUM})[\s-]+)?(?:more\s+|full\s+)?(?P<u>{_UNIT})(?:\s+or\s+(?:so|{_NUM}))?"
     r"\s+ago", _h_ago, None),
    (rf"(?:(?:{_MOD})\s+)?(?P<n>{_NUM})[\s-]+(?P<u>{_UNIT})\s+(?P<dir>earlier|later|from\s+now|hence|"
     r"before(?=\s*[,.;:!?)]|\s+that)|after(?:wards?)?(?=\s*[,.;:!?)]|\s+that))", _h_ref_shift, None),
    (r"the\s+(?P<u>day|week|month|year|night)\s+(?P<dir>before|after)(?!\s+(?:the|a|an|his|her|their|its)\b)",
     _h_ref_shift, None),
    (r"the\s+(?P<dir>previous|preceding|prior|following|next|same)\s+(?P<u>day|week|month|year|weekend|"
     r"quarter)(?!\s+(?:or|and)\b)", _h_ref_shift, None),
    (r"that\s+(?P<u>year|quarter|month)", _h_that_unit, None),
    (r"(?:(?:earlier|later)\s+in|the\s+(?:end|beginning|start|middle|rest)\s+of)\s+the\s+"
     r"(?P<u>year|month|week|day)(?!\s+(?:before|after|ago|earlier)\b)", _h_in_the_unit, None),
    (rf"(?:the\s+)?(?P<o>first|second|last|latter|final)\s+half\s+of\s+(?P<y>{_YEAR}|this\s+year|last\s+year|"
     rf"next\s+year)", _h_half_of, None),
    (r"(?:for|in|during|through|throughout|of|over)\s+(?P<span>the\s+(?:full\s+|entire\s+|whole\s+)?year)"
     r"(?!\s+(?:before|after|ago|earlier|later|or|and)\b|['’-])", _h_the_year, None),
    (r"(?:(?:earlier|later|early|late|the\s+(?:end|beginning|start|middle|rest)\s+of|mid|the\s+first\s+half\s+of|"
     r"the\s+second\s+half\s+of)[\s-]+)?(?P<which>this\s+past|this\s+coming|this|last|next|the\s+past|"
     r"the\s+last|the\s+coming|the\s+current|the\s+latest|the\s+previous|the\s+prior|the\s+current\s+fiscal|"
     r"the\s+present|the\s+next|the\s+same|current\s+fiscal|this\s+fiscal|last\s+fiscal|next\s+fiscal|current)"
     r"\s+(?P<u>week|weekend|month|year|fiscal\s+year|quarter|decade|century|half|summer|winter|spring|fall|"
     r"autumn)(?:['’]s|\s+or\s+so)?(?!\w|\s+(?:or|and)\s+(?:so|two|more)\b)", _h_deictic_unit, None),
    (r"the\s+weekend", _h_the_weekend, None),
    (r"the\s+fiscal\s+year", _h_year_end, None),
    (r"the\s+(?:latest|current|most\s+recent|recent|same)?\s*(?:quarter|period)(?!s|\s+of\b|-)", _h_the_quarter,
     None),
    (rf"(?:(?P<pre>early|late|mid)[\s-]+|the\s+)?(?P<s>summer|winter|spring|fall|autumn)(?:\s+of\s+"
     rf"(?P<y>{_YEAR}|{_SPOKEN_YEAR}))?(?!\w)", _h_season, _accept_season),
    # durations
    (rf"(?:(?P<mod>{_MOD})\s+(?!the\b))?(?:(?P<det>the|each\s+of\s+the|all|its|their|his|her|for\s+the)\s+)?"
     rf"(?:(?P<rel>past|last|next|first|final|previous|coming|following|initial|remaining|latest|"
     rf"same|entire|whole|full|preceding)\s+)?(?P<n>{_NUM})[\s-]+(?:more\s+|full\s+|long\s+|straight\s+|"
     rf"consecutive\s+|additional\s+|extra\s+|trading\s+|business\s+|working\s+)?(?P<u>{_UNIT})(?P<half>\s+and\s+a\s+half)?(?:-(?:old|long))?(?!\w)",
     _h_duration, None),
    (r"(?:in\s+)?(?P<span>recent\s+(?P<u>years|months|decades|quarters|weeks))", _h_vague_units, None),
    (r"(?:the\s+)?(?:past|last)\s+(?:few|several)\s+(?P<u>years|months|decades|weeks|days)", _h_vague_units,
     None),
    (r"(?P<u>decades|centuries)(?!\w)", _h_vague_units, None),
    (r"(?:over|in|through|during|throughout)\s+(?P<span>the\s+(?P<u>years|decades|centuries))(?!\s+(?:of|since|to|ahead)\b)",
     _h_vague_units, None),
    (r"(?:for|over|within|after|lasted|lasting|took|takes|spent|in)\s+(?P<span>(?P<u>years|months|weeks|days|"
     r"hours|minutes))(?!\s+(?:of|ago|later|earlier)\b)\b", _h_vague_units, None),
    # reference words
    (r"(?P<w>(?:right\s+)?now|currently|at\s+present|presently|nowadays|these\s+days|at\s+the\s+moment|"
     r"(?:more\s+|most\s+)?recently|lately|the\s+past|(?:the\s+)?(?:near|distant|foreseeable|immediate)\s+future|"
     r"the\s+future|in\s+future|soon|current|recent\s+(?:days|weeks)|the\s+(?:near|short)[\s-]+term|"
     r"(?:the\s+)?coming\s+(?:days|weeks|months|years|quarters)|the\s+(?:days|weeks|months|years)\s+ahead)(?!\w)",
     _h_ref_word, _accept_ref_word),
]


_SINGLE = [re.compile(_EDGE_L + p + _EDGE_R) for p, _h, _a in _PATTERNS]

# The words a match of each pattern can start with (D: a digit).  Only tokens in this table are
# tried, and only with the patterns listed for them, which keeps the scan fast.
_F = {
    "NUM": "D a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
           "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety few "
           "several many some couple dozens hundreds half",
    "MOD": "just well more less fewer no not at up close about around roughly approximately nearly almost "
           "some only barely over under the",
    "MON": "january february march april may june july august september october november december jan feb "
           "mar apr jun jul aug sep sept oct nov dec",
    "WD": "monday tuesday wednesday thursday friday saturday sunday",
    "UNITW": "second seconds minute minutes hour hours day days night nights week weeks weekend weekends "
             "fortnight fortnights month months quarter quarters year years decade decades century centuries",
    "ORDW": "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
            "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty",
    "PRE": "early late mid the in since during until by from",
}
_FIRST = [
    "D", "D", "WD MON", "WD the D", "PRE MON", "PRE last next this coming past MON",
    "the D this last next fiscal ORDW", "q", "fiscal", "the", "the year prior previous", "the year",
    "PRE D", "in since until by from before after circa year", "the nineteen", "the in since until by",
    "the early late mid D '", "the", "the", "the early late mid D ORDW", "every each",
    "daily nightly weekly biweekly bi monthly annually yearly hourly semiannually semi",
    "once twice thrice per NUM", "at around about approximately shortly just D", "D", "D",
    "noon midday midnight", "early late later earlier today yesterday tomorrow tonight",
    "early late later earlier this last", "early late later earlier mid morning afternoon evening night",
    "the mid", "overnight", "the previous following last next this coming past earlier late early later WD",
    "MOD NUM UNITW", "MOD NUM", "the", "the", "that", "earlier later at by the",
    "the first second last latter final", "for in during through throughout of over",
    "earlier later early late the mid this last next current", "the", "the", "the",
    "early late mid the spring summer fall autumn winter",
    "MOD NUM the each all its their his her for past last next first final previous coming following "
    "initial remaining latest same entire whole full preceding",
    "in recent", "the past last", "decades centuries", "over in through during throughout", "for over within after lasted lasting took takes spent in",
    "right now currently at presently nowadays these more most recently lately the in soon current recent coming",
]
assert len(_FIRST) == len(_PATTERNS), (len(_FIRST), len(_PATTERNS))
_DISPATCH: dict[str, tuple[int, ...]] = {}
for _i, _spec in enumerate(_FIRST):
    _words: set[str] = set()
    for _w in _spec.split():
        _words.update(_F[_w].split() if _w in _F else [_w])
    for _w in _words:
        _DISPATCH[_w] = _DISPATCH.get(_w, ()) + (_i,)
# Words that open many patterns get one group-free alternation of them all as a quick first test:
# most "the", "a" and "in" in a text start no time expression, and one failed match says so.
_GUARD = {
    _w: re.compile(_EDGE_L + "(?:" + "|".join(re.sub(r"\(\?P<\w+>", "(?:", _PATTERNS[_k][0]) for _k in _ks) + ")")
    for _w, _ks in _DISPATCH.items() if len(_ks) >= 3
}


def _trie_regex(words: list[str]) -> str:
    """A regex alternation of ``words`` folded into a prefix trie, which the regex engine scans fast."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            alts.append(re.escape(ch) + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


# Only tokens that can open a pattern are visited: dispatch words, a digit, an apostrophe before one.
_TOKEN = re.compile(
    r"(?<![\w'’])(?:(?:" + _trie_regex([w for w in _DISPATCH if w.isalpha()]) + r")(?![a-z])|[0-9]|['’](?=[0-9]))"
)
_DIGITS = frozenset("0123456789")

# groups whose first letter must be a capital in the original text (months, weekdays, zones, Q3)
_CAPITAL_GROUPS = ("mon", "wd", "qq", "tz")
_META = [(h, a, [g for g in _CAPITAL_GROUPS if g in rx.groupindex], "span" in rx.groupindex)
         for rx, (_p, h, a) in zip(_SINGLE, _PATTERNS)]


def _lower(text: str) -> str:
    """Lower-case text with the same length as the input, so offsets stay valid."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _try(m: re.Match, i: int, text: str, ctx: _Ctx) -> tuple[int, int, str, str] | None:
    """Check and resolve one pattern's match: its span, type and value, or None to reject it."""
    handler, accept, caps, has_span = _META[i]
    for g in caps:
        st = m.start(g)
        if st >= 0 and not text[st].isupper():
            return None
    if has_span and m["span"] is not None:
        s, e = m.span("span")
    else:
        s, e = m.span()
    if handler is _h_duration and m["det"] and m.group().endswith("-old"):
        s = m.start("rel") if m["rel"] else m.start("n")  # "the 45-year-old": the age, not the article
    if e <= s:
        return None
    if handler in _TITLE_SHY and text[s].isupper() and _MID_SENTENCE.search(text, max(0, s - 3), s):
        return None  # "ABC's This Week", "VOA Today": a capitalised deictic mid-sentence is a name
    try:
        if accept is not None and not accept(m, text):
            return None
        res = handler(m, ctx)
    except (ValueError, OverflowError, KeyError, IndexError, TypeError, AttributeError):
        return None
    if res is None:
        return None
    return s, e, res[0], res[1]


_TITLE_SHY = {_h_deictic_day, _h_deictic_unit, _h_ref_word}
_MID_SENTENCE = re.compile(r"[a-z0-9,'’]\s+$")
_NO_REF = {"_h_ref_shift", "_h_year_ago", "_h_ago", "_h_ref_word", "_h_deictic_day", "_h_year_end",
           "_h_year_end_point",
           "_h_that_unit", "_h_in_the_unit"}


def find_times(
    text: str,
    anchor: Date | None,
    anchors: Sequence[tuple[int, int, Date]] = (),
) -> list[TimeExpression]:
    """Find the time expressions in ``text`` and normalise them against the anchor date in force.

    ``anchor`` is the publication date (None when unknown); ``anchors`` gives other anchor dates for
    character ranges, e.g. a quote known to have been said earlier.  Returns non-overlapping
    expressions sorted by start, each with ``text[start:end] == expr.text``.
    """
    if not text:
        return []
    if isinstance(anchor, _dt.datetime):
        anchor = anchor.date()
    low = _lower(text)
    ctx = _Ctx(text, anchor, anchors, low)
    out: list[TimeExpression] = []
    pos = 0
    dispatch = _DISPATCH
    guards = _GUARD
    for tm in _TOKEN.finditer(low):
        start = tm.start()
        if start < pos:
            continue
        w = tm.group()
        key = "D" if w[0] in _DIGITS else ("'" if w in ("'", "’") else w)
        idxs = dispatch.get(key)
        if idxs is None:  # a digit of another script: no pattern starts with it
            continue
        guard = guards.get(key)
        if guard is not None and guard.match(low, start) is None:
            continue
        got = None
        ctx.pos = start
        for k in idxs:
            sm = _SINGLE[k].match(low, start)
            if sm is not None:
                got = _try(sm, k, text, ctx)
                if got is not None:
                    break
        if got is None:
            continue
        s, e, typ, value = got
        out.append(TimeExpression(text[s:e], s, e, typ, value))
        if typ == "DATE" and _META[k][0].__name__ not in _NO_REF and _REF_RE.match(value):
            ctx.ref = value
            ctx.ref_anchor = ctx.anchor_at(s)
        pos = e
    return out
