"""spaCy's entity recognizer on many short docs, its greedy decoding done with numpy.

spaCy's NER is a transition-based model: for each token it scores the 74 moves of its BILUO system
(``B-PERSON``, ``I-PERSON``, …, ``U-ORG``, ``O``) and takes the best valid one. The scoring is a few
matrix products, but the check of which moves are valid runs in compiled code that, in spaCy 3.8's
wheels, takes and releases the GIL several times for every move of every token: on the short name
windows ``extract.IntroductionNER`` sends (about ten tokens each) that check costs twice as much as
the model itself. ``GreedyNER`` takes the same steps for every doc of a sub-batch at once:

* the same model calls on the same sub-batches as ``Parser.pipe`` (the token vectors and the
  precomputed features of each token, ``tok2vec`` and ``lower``);
* the same sums in the same order for each state's hidden layer (the features of the next token,
  of the entity's first token and of the token before, then the bias; the larger of two pieces),
  and the scores by the same BLIS product spaCy calls, on the same rows;
* the validity rules of spaCy's ``BiluoPushDown`` for docs fresh from the tokenizer (no entity
  set beforehand), and the first best valid move.

So its entities are spaCy's own, token for token (``tests/test_ner_decode.py`` runs both); a model
of another shape is left to spaCy (``GreedyNER.fits``).
"""

from __future__ import annotations

from typing import Iterable, Iterator

import numpy as np

#: The moves of a BILUO system, by the letter their names begin with ("U-" alone is never valid on
#: a doc with no preset entities).
_BEGIN, _IN, _LAST, _UNIT, _OUT, _NONE = range(6)


def greedy_moves(component, features: int) -> list[str] | None:
    """The move names of a spaCy transition-based ``component`` (``ner``, ``parser``) whose model a
    numpy decoding can replay: greedy search, ``features`` features per state, maxout of two
    pieces, an output layer, every class seen in training; None for any other model."""
    model = getattr(component, "model", None)
    try:
        lower = model.get_ref("lower")
        if not (component.cfg.get("beam_width", 1) == 1 and model.attrs.get("has_upper") is True
                and not model.attrs.get("unseen_classes") and model.has_ref("tok2vec") and model.has_ref("upper")
                and (lower.get_dim("nF"), lower.get_dim("nP")) == (features, 2)):
            return None
        return [component.moves.get_class_name(i) for i in range(component.moves.n_moves)]
    except (AttributeError, KeyError, ValueError):
        return None


class GreedyNER:
    """The entities spaCy's ``ner`` component finds in docs fresh from the tokenizer."""

    def __init__(self, ner):
        self.ner = ner
        model = ner.model
        self.tok2vec, self.lower, self.upper = model.get_ref("tok2vec"), model.get_ref("lower"), model.get_ref("upper")
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        self.labels = sorted({n[2:] for n in names if len(n) > 2})
        index = {label: k for k, label in enumerate(self.labels)}
        self.move = np.array([_OUT if n == "O" else _NONE if len(n) <= 2 else "BILU".index(n[0]) for n in names])
        self.label = np.array([index.get(n[2:], -1) for n in names])
        self.in_move = self.move == _IN
        self.last_move = self.move == _LAST
        self.W, self.b = self.upper.get_param("W"), self.upper.get_param("b")
        self.bias = self.lower.get_param("b").reshape(-1)
        self.nF, self.nO, self.nP = (self.lower.get_dim(d) for d in ("nF", "nO", "nP"))

    @staticmethod
    def fits(ner) -> bool:
        """Whether ``ner`` is the model this decoding replays: a transition-based component of the
        shape ``greedy_moves`` reads, three features per state, with BILUO moves."""
        names = greedy_moves(ner, 3)
        return names is not None and all(n == "O" or n[:2] in ("B-", "I-", "L-", "U-") for n in names)

    def pipe(self, docs: Iterable, batch_size: int = 256) -> Iterator[list[tuple[int, int, str]]]:
        """Per doc, in order, its entities as (start token, end token, label), batched as
        ``Parser.pipe`` batches: ``batch_size`` docs, sorted by length into sub-batches of a quarter."""
        from spacy.util import minibatch

        for batch in minibatch(docs, batch_size):
            batch = list(batch)
            found: list = [None] * len(batch)
            order = sorted(range(len(batch)), key=lambda i: len(batch[i]))
            for sub in minibatch(order, max(batch_size // 4, 2)):
                sub = list(sub)
                for i, ents in zip(sub, self._decode([batch[i] for i in sub])):
                    found[i] = ents
            yield from found

    def _decode(self, docs: list) -> list[list[tuple[int, int, str]]]:
        """The entities of one sub-batch: every doc's state takes a step per token, together."""
        from blis.py import gemm
        from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START

        lengths = np.array([len(d) for d in docs])
        if not lengths.any():
            return [[] for _ in docs]
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        n_tokens = int(lengths.sum())
        space = np.zeros(n_tokens, dtype=bool)
        starts = np.zeros(n_tokens + 1, dtype=bool)  # a sentence starts here (one past the end: no)
        for doc, at in zip(docs, offsets):
            if len(doc):
                arr = doc.to_array([IS_SPACE, SENT_START, ENT_IOB])
                if arr[:, 2].any():
                    raise ValueError("GreedyNER decodes docs with no entity annotation only")
                space[at : at + len(doc)] = arr[:, 0] != 0
                starts[at : at + len(doc)] = arr[:, 1] == 1
        # row 0 is each feature's padding, row 1 + t token t's features (spaCy's precomputed layout)
        features = self.lower.predict(self.tok2vec.predict(docs)).reshape(n_tokens + 1, self.nF, self.nO * self.nP)
        pos = np.zeros(len(docs), dtype=np.int64)  # each doc's next token
        open_label = np.full(len(docs), -1)  # the label of its open entity, -1 when none is open
        open_start = np.zeros(len(docs), dtype=np.int64)
        ents: list = []  # (docs, starts, ends, labels) arrays of the entities each step closes
        active = np.flatnonzero(lengths > 0)
        while len(active):
            here = offsets[active] + pos[active]  # the next token of each state, in the sub-batch
            is_open = open_label[active] >= 0
            hidden = np.zeros((len(active), self.nO * self.nP), dtype="f")
            hidden += features[here + 1, 0]
            hidden += features[np.where(is_open, offsets[active] + open_start[active] + 1, 0), 1]
            hidden += features[np.where(is_open, here, 0), 2]  # the token before: row (here - 1) + 1
            hidden += self.bias
            pieces = hidden.reshape(len(active), self.nO, self.nP)
            hidden = np.ascontiguousarray(np.where(pieces[:, :, 0] > pieces[:, :, 1], pieces[:, :, 0], pieces[:, :, 1]))
            scores = gemm(hidden, self.W, trans2=True, beta=0.0)
            scores += self.b
            # the validity rules of BiluoPushDown's moves, with no entity preset
            two_left = lengths[active] - pos[active] >= 2
            goes_on = two_left & ~starts[np.minimum(here + 1, n_tokens)]  # another token of this sentence follows
            same_label = self.label[None, :] == open_label[active][:, None]
            valid = np.zeros(scores.shape, dtype=bool)
            valid[:, self.move == _BEGIN] = (~is_open & goes_on & ~space[here])[:, None]
            valid[:, self.move == _UNIT] = (~is_open & ~space[here])[:, None]
            valid[:, self.move == _OUT] = ~is_open[:, None]
            valid |= self.in_move[None, :] & (is_open & goes_on)[:, None] & same_label
            valid |= self.last_move[None, :] & is_open[:, None] & same_label
            best = np.where(valid, scores, -np.inf).argmax(axis=1)
            move, label = self.move[best], self.label[best]
            closing = active[move == _LAST]
            if len(closing):
                ents.append((closing, open_start[closing], pos[closing] + 1, open_label[closing]))
                open_label[closing] = -1
            unit = move == _UNIT
            if unit.any():
                ents.append((active[unit], pos[active[unit]], pos[active[unit]] + 1, label[unit]))
            begin = move == _BEGIN
            open_label[active[begin]] = label[begin]
            open_start[active[begin]] = pos[active[begin]]
            pos[active] += 1
            active = active[pos[active] < lengths[active]]
        out: list[list[tuple[int, int, str]]] = [[] for _ in docs]
        if ents:
            columns = (np.concatenate(c).tolist() for c in zip(*ents))
            for k, start, end, label in sorted(zip(*columns)):
                out[k].append((start, end, self.labels[label]))
        return out
