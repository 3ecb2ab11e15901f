"""spaCy's dependency parser, its greedy decoding done with numpy where that is cheaper.

spaCy's parser is a transition-based model: in each state it scores the moves of its arc-eager
system (shift, reduce, left-arc and right-arc with a label, break) and takes the best valid one;
every word costs two moves. The scoring is a few matrix products, but the moves run in compiled
code at about 10 µs a move on the development machine (the loop is some 18% of saidwhen's CPU on
``benchmarks/speed.py``'s articles; the model itself a tenth of that). ``GreedyParser`` takes the
same steps for many docs at once:

* the same model calls on the same sub-batches as ``Parser.pipe`` (the token vectors from the
  ``tok2vec`` listener and the precomputed features of each token, ``lower``);
* each state's eight features as spaCy's ``StateC.set_context_tokens`` picks them: the first two
  words of the buffer, the top three of the stack, the last left child of the buffer's first word
  and the last left and right children of the stack's top; the same sums in the same order for
  the hidden layer (the eight features, then the bias; the larger of two pieces), and the scores
  by the same BLIS product spaCy calls (a row's scores do not depend on the other rows);
* the validity rules of spaCy's ``ArcEager`` moves (sentence starts preset on the doc are kept:
  no arc crosses them) and the first best valid move, with its effect on the stack, the buffer
  (words put back by a reduce come first) and the arcs (a left-arc may replace the head a
  right-arc gave);
* the parse written as spaCy's ``ArcEager.set_annotations`` writes it (words left without a head
  are roots labelled ``ROOT``) and spaCy's own ``deprojectivize`` after it.

A numpy step costs about sixteen of spaCy's moves, whatever number of docs take it, and a
doc takes twice as many steps as it has words: so the sub-batches of a batch are decoded here
together while their words outnumber their longest doc's enough (``_together``; a batch of like
lengths, as saidwhen's skeletons mostly are, whole), and a sub-batch with a long article is left
to spaCy, which would otherwise wait for it step by step. The features of the sub-batches decoded
together are held at once (4 KB a word; spaCy holds one sub-batch's).

Either way the heads, labels and sentence starts are spaCy's own (``tests/test_parse_decode.py``
runs both); a model of another shape is left to spaCy (``GreedyParser.fits``).
"""

from __future__ import annotations

from typing import Iterable, Iterator

import numpy as np

from .ner_decode import greedy_moves

#: spaCy's arc-eager moves, by the letter their names begin with.
_SHIFT, _REDUCE, _LEFT, _RIGHT, _BREAK = range(5)
_MOVES = "SDLRB"
#: A word's flags: a sentence starts there (preset or by a break), none may start there (preset),
#: a reduce put it back on the buffer and no left-arc has attached a child to it since.
_START, _CANNOT, _UNSHIFTABLE = 1, 2, 4
#: Which of (stack depth, buffer length) places each of B0, B1, S0, S1, S2.
_READ_TOP = np.array([1, 1, 0, 0, 0])
#: The children features: word (index into B0, B1, S0, …) and side (0 left, 1 right).
_KID_OF, _KID_SIDE = np.array([0, 2, 2]), np.array([0, 0, 1])
#: A state's situation as one number: depth and buffer length (0, 1, 2 or more), the flags of B0
#: and of B1, and whether B1 follows B0 in the text.
_CODE = np.array([384, 128, 16, 2, 1])


def _valid_moves() -> np.ndarray:
    """Which of spaCy's five arc-eager moves are valid, by a state's situation number (``_CODE``):
    ``Shift``, ``Reduce``, ``LeftArc``, ``RightArc`` and ``Break.is_valid`` of ``arc_eager.pyx``,
    reading a word's flags where spaCy asks ``is_sent_start``, ``cannot_sent_start`` and
    ``is_unshiftable``."""
    valid = np.zeros((3 * 3 * 8 * 8 * 2, 5), dtype=bool)
    for depth in range(3):
        for buffer in range(3):
            for f0 in range(8):
                for f1 in range(8):
                    for follows in range(2):
                        code = np.array([depth, buffer, f0, f1, follows]) @ _CODE
                        arc = depth > 0 and buffer > 0 and not f0 & _START
                        valid[code] = (
                            depth == 0 or (buffer >= 2 and not f0 & (_START | _UNSHIFTABLE)),
                            depth > 0 and (buffer == 0 or not (depth == 1 and f0 & _CANNOT)),
                            arc,
                            arc,
                            buffer >= 2 and bool(follows) and not f1 & (_START | _CANNOT),
                        )
    return valid


#: numpy's cost of a step in spaCy's moves, as measured (~200 µs against ~12 µs): a group of docs
#: is worth decoding here when its words number this many times its longest doc's (see
#: ``_together``). 13 took a long article's sub-batch on PolNeAR dev and lost there; 20 left
#: speed.py's last, short batch to spaCy and lost there.
STEP_IN_MOVES = 16


def _together(subs: list[list]) -> int:
    """How many of a batch's sub-batches (shortest first) to decode together here: as many as
    keep their words at least ``STEP_IN_MOVES`` times the longest doc's, the steps they all take.

    spaCy's loop costs about the same for every move (two a word); here a step costs about the
    same whatever number of docs take it, and the docs take as many steps as the longest needs.
    A batch of like lengths is decoded here whole; a long article's sub-batch is left to spaCy."""
    words = longest = 0
    k = 0
    for n, sub in enumerate(subs, 1):
        words += sum(len(d) for d in sub)
        longest = max([longest] + [len(d) for d in sub])
        if words >= STEP_IN_MOVES * longest and longest:
            k = n
    return k


class GreedyParser:
    """The parse spaCy's ``parser`` component gives docs that have none yet."""

    def __init__(self, parser):
        self.parser = parser
        model = parser.model
        self.tok2vec, self.lower, self.upper = model.get_ref("tok2vec"), model.get_ref("lower"), model.get_ref("upper")
        names = [parser.moves.get_class_name(i) for i in range(parser.moves.n_moves)]
        strings = parser.vocab.strings
        self.move = np.array([_MOVES.index(n[0]) for n in names])
        self.label = np.array([strings[n[2:]] if len(n) > 2 else 0 for n in names], dtype=np.uint64)
        self.root = strings["ROOT"]
        self.W, self.b = self.upper.get_param("W"), self.upper.get_param("b")
        self.bias = self.lower.get_param("b").reshape(-1)
        self.nF, self.nO, self.nP = (self.lower.get_dim(d) for d in ("nF", "nO", "nP"))
        valid = _valid_moves()[:, self.move]  # by situation (see ``_CODE``), by class
        self.penalty = np.ascontiguousarray(np.where(valid, 0.0, -np.inf), dtype="f")  # added to the scores: invalid moves never win
        self.possible = valid.any(axis=1)
        # what each move does to (stack depth, buffer length); a reduce that puts back adds 1 to the buffer
        self.step = np.array([(1, -1), (-1, 0), (-1, 0), (1, -1), (0, 0)])[self.move]

    @staticmethod
    def fits(parser) -> bool:
        """Whether ``parser`` is the model this decoding replays: a transition-based component of
        the shape ``ner_decode.greedy_moves`` reads, eight features per state, with arc-eager moves,
        no ``subtok`` label (whose validity rule differs) and no learned tokens."""
        names = greedy_moves(parser, 8)
        return (
            names is not None and type(parser.moves).__name__ == "ArcEager" and not parser.cfg.get("learn_tokens")
            and all(n in ("S", "D") or n[:2] in ("L-", "R-", "B-") for n in names)
            and not any(n[2:] == "subtok" for n in names)
        )

    def pipe(self, docs: Iterable, batch_size: int = 256) -> Iterator:
        """The docs, parsed, in order, batched as ``Parser.pipe`` batches: ``batch_size`` docs,
        sorted by length into sub-batches of a quarter. The shorter sub-batches are decoded here
        together, as far as ``_together`` finds it pays; the rest spaCy parses itself."""
        from spacy.util import minibatch

        for batch in minibatch(docs, batch_size):
            batch = list(batch)
            subs = [list(sub) for sub in minibatch(sorted(batch, key=len), max(batch_size // 4, 2))]
            k = _together(subs)
            if k:
                self._parse(subs[:k])
            for sub in subs[k:]:
                self.parser.set_annotations(sub, self.parser.predict(sub))
            yield from batch

    def _parse(self, subs: list[list]) -> None:
        """Parse the docs of some sub-batches in place, their states all stepping together; each
        sub-batch's features come from its own model call, as spaCy computes them."""
        from spacy.attrs import DEP, HEAD, SENT_START
        from spacy.pipeline._parser_internals.nonproj import deprojectivize

        docs = [doc for sub in subs for doc in sub]
        lengths = np.array([len(d) for d in docs])
        if not lengths.any():
            return
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        n_tokens = int(lengths.sum())
        flags = np.zeros(n_tokens + 2, dtype=np.int64)  # per word, and two more (see ``_decode``)
        for doc, at in zip(docs, offsets):
            if len(doc):
                arr = doc.to_array([SENT_START, DEP])
                if arr[:, 1].any():
                    raise ValueError("GreedyParser parses docs with no parse only")
                sent = arr[:, 0].astype(np.int64)
                flags[at : at + len(doc)] = np.where(sent == 1, _START, np.where(sent == -1, _CANNOT, 0))
        # row 0 is each feature's padding, row 1 + t token t's features (spaCy's precomputed layout)
        tables = [self.lower.predict(self.tok2vec.predict(sub)).reshape(-1, self.nF, self.nO * self.nP)
                  for sub in subs if any(len(d) for d in sub)]
        features = np.concatenate([tables[0][:1]] + [t[1:] for t in tables]) if len(tables) > 1 else tables[0]
        del tables
        heads, deps = self._decode(features, offsets[lengths > 0], lengths[lengths > 0], flags)
        relative = np.where(heads >= 0, heads - np.arange(n_tokens), 0).astype(np.uint64)  # two's complement, as spaCy reads it
        labels = np.where(heads >= 0, deps, np.uint64(self.root))
        for doc, at in zip(docs, offsets):
            if len(doc):
                doc.from_array([HEAD, DEP], np.stack([relative[at : at + len(doc)], labels[at : at + len(doc)]], axis=1))
            deprojectivize(doc)

    def _decode(self, features, offsets, lengths, flags) -> tuple[np.ndarray, np.ndarray]:
        """Every word's head (-1 for none) and label, by the sub-batch's position of the word: the
        states of the non-empty docs take a step together until each has an empty stack and
        buffer. ``flags`` holds each word's ``_START``/``_CANNOT`` bits and gets the others.

        Per word, the arrays have two entries more: ``scratch``, where the states whose move
        leaves a table alone write (no branch per move), and a last one for "no word" (-1)."""
        from blis.py import gemm

        n_tokens = len(features) - 1
        scratch = n_tokens
        heads = np.full(n_tokens + 2, -1, dtype=np.int64)
        deps = np.zeros(n_tokens + 2, dtype=np.uint64)
        kids = np.full((n_tokens + 2, 2), -1, dtype=np.int64)  # a word's last left child and last right child
        kids_flat = kids.reshape(-1)
        right_before = np.full(n_tokens + 2, -1, dtype=np.int64)  # its head's last right child before it
        # each state's row: its stack (top at depth + 2), then its buffer as a stack (first word on
        # top, at width + btop + 1; a reduce puts a word back on top); -1 below both bottoms
        width = int(lengths.max()) + 4
        spare = width - 1  # a column no read reaches
        states = np.full((len(offsets), 2 * width), -1, dtype=np.int64)
        for k, (at, n) in enumerate(zip(offsets, lengths)):
            states[k, width + 2 : width + 2 + n] = np.arange(at + n - 1, at - 1, -1)
        tops = np.zeros((len(offsets), 2), dtype=np.int64)  # depth of the stack, length of the buffer
        tops[:, 1] = lengths
        feature_rows = features.reshape(-1, features.shape[2])
        feature_of = self.nF + np.arange(self.nF)  # token t's feature f: row (t + 1) * nF + f
        read = np.array([width + 1, width, 2, 1, 0])  # B0, B1, S0, S1, S2 above the tops
        while len(tops):
            row = np.arange(len(tops)) * (2 * width)
            at = row[:, None] + read
            flat = states.reshape(-1)
            while True:
                words = flat.take(tops.take(_READ_TOP, axis=1) + at)
                b0, b1, s0 = words[:, 0], words[:, 1], words[:, 2]
                ids = np.concatenate((words, kids_flat.take(words.take(_KID_OF, axis=1) * 2 + _KID_SIDE)), axis=1)
                hidden = np.add.reduce(feature_rows.take(ids * self.nF + feature_of, axis=0), axis=1)
                hidden += self.bias
                hidden = np.maximum(hidden[:, 0::2], hidden[:, 1::2])
                scores = gemm(hidden, self.W, trans2=True, beta=0.0)
                scores += self.b
                code = np.minimum(tops, 2) @ _CODE[:2]
                code += flags.take(words[:, :2]) @ _CODE[2:4]
                code += b1 - b0 == 1
                scores += self.penalty.take(code, axis=0)
                best = scores.argmax(axis=1)
                if np.count_nonzero(self.possible.take(code)) < len(code):
                    raise ValueError("a parse state with no valid move")
                move, label = self.move.take(best), self.label.take(best)
                left, right = move == _LEFT, move == _RIGHT
                child = np.where(left, s0, np.where(right, b0, scratch))
                old = heads.take(child)
                moved = left & (old >= 0)
                if np.count_nonzero(moved):  # a left-arc replaces the head a right-arc gave: that head drops it
                    if (kids[old[moved], 1] != child[moved]).any():
                        raise ValueError("a replaced arc that is not its head's last")
                    kids[old[moved], 1] = right_before[child[moved]]
                heads[child] = np.where(left, b0, s0)
                deps[child] = label
                to, of = np.where(right, b0, scratch), np.where(right, s0, scratch)
                right_before[to] = kids[of, 1]
                kids[of, 1] = to
                of = np.where(left, b0, scratch)
                kids[of, 0] = s0
                flags[of] &= ~_UNSHIFTABLE
                back = (move == _REDUCE) & (heads.take(s0) < 0) & (tops[:, 0] > 1)  # a reduced word with no head goes back
                tops += self.step.take(best, axis=0)
                tops[:, 1] += back
                flat[row + np.where((move == _SHIFT) | right, tops[:, 0] + 2, spare)] = b0
                flat[row + np.where(back, width + 1 + tops[:, 1], spare)] = s0
                flags[np.where(back, s0, scratch)] |= _UNSHIFTABLE
                flags[np.where(move == _BREAK, b1, scratch)] |= _START
                going = tops[:, 0] | tops[:, 1]
                if np.count_nonzero(going) < len(going):
                    states, tops = states[going != 0], tops[going != 0]
                    break
        return heads[:n_tokens], deps[:n_tokens]
