"""Retrieval on the customer-words set (issue #14) over the real content pack.

Both halves of tests/kb/customer_queries are checked; floors are the figures measured when the
ranking changed (docs/benchmarks.md), rounded down, so a content edit or ranking change that
loses ground fails CI. The DEV half is held out: these floors are reported, never tuned on.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kb import KnowledgeBase
from kb.evaluation import Evaluation, load_dev_set
from kb.query_rewrite import TypoCorrector
from tests.kb.floors import assert_negatives_refused, assert_recall_holds, evaluated

CUSTOMER_SET = Path(__file__).parent / "customer_queries"
# (Recall@1, Recall@3, share of near-domain negatives refused) as measured in the ninth pass on #14 (search9:
# three more TUNE-only writers on the sixth pass's adapter, re-ranker and 125 scope examples: tune 0.849 / 0.936,
# 426 of 465; dev 0.827 / 0.896, 36 of 39 in the sixth pass, 0.820 / 0.896 with search9's vectors), less a few
# queries' worth (a borderline query or two; repro20, stop 32: today's encoder gives identical vectors in any batch, and
# two data dirs on the same code give the same ranks and scores). TUNE's floors are lower than the sixth pass's only because TUNE grew by three harder writers
# (2,241 queries / 465 negatives instead of 1,488 / 277); DEV's are unchanged.
# content11 added 32 TUNE queries written for new topics (gaps11-content11; 0.69 R@1 on their own) and 49 negatives:
# TUNE measured 0.839 / 0.926, 491 of 514, so its floors moved down by the new queries' weight; DEV's are unchanged.
# search10 (dialect words, pinyin-typed terms, 102 story variants), merged with content12's entries: tune (2,311)
# 0.869 / 0.952, 441 of 465; dev 0.856 / 0.910, 37 of 39 — floors a few queries lower (DEV's refusal floor stays at
# 36 of 39: one negative is one flip).
# Merged on main (search10 + content11 + content12, 2026-12-04): tune (2,343 / 514) 0.863 / 0.949, 488 of 514;
# dev 0.856 / 0.914, 37 of 39 — TUNE's R@1 floor is a few queries under that.
# search12: two TUNE writers for the restored entries' near domains (w-pension-retiree, w-family-admin: 180 queries,
# 235 negatives), three entries restored, 25 faq_only scope examples in and six out, the learned gate refitted and
# on: tune (2,532 / 748) 0.868 / 0.953, 699 of 748 (0.934; the new writers' negatives are harder); dev 0.860 / 0.917,
# 38 of 39 — DEV's refusal floor is now 37 of 39, one flip under it.
# Stop 29 (lead): a Cantonese-writing TUNE writer (w-canto-driver, 141 / 32) and Cantonese words in the glossary:
# tune (2,673 / 780) 0.869 / 0.949, 728 of 780 (0.933); dev 0.860 / 0.928, 38 of 39. CONFIRM, two fresh writers
# written after DEV had been read in many passes (w-voice-foreman, w-canto-shop; 384 / 95), read once per stop:
# 0.810 / 0.888, 90 of 95 (0.729 / 0.810, 91 of 95 before the Cantonese words; docs/benchmarks.md).
# Stop 30 (lead): two more Guangdong / Hong Kong TUNE writers imported before this stop's work (w-canto-granny
# 196 / 49: 0.679 / 0.760, 32 answerable refused; w-hk-trad, mostly traditional characters, 186 / 50: 0.602 /
# 0.694, 52 refused): tune (3,055 / 879) 0.841 / 0.922, 825 of 879 (0.939) on unchanged code; TUNE floors follow.
# search16a: traditional characters read as simplified, Hong Kong and Cantonese words: tune 0.860 / 0.946, 824 of
# 879 (before search16c's merge); dev unchanged (0.860 / 0.928, 38 of 39). Floors left to the lead.
# Merged stop 30 (traditional characters, Hong Kong and Cantonese words, the gate's word-odds features, typo false
# fixes): tune (3,055 / 879) 0.862 / 0.950, 830 of 879 (0.944); dev 0.863 / 0.932, 38 of 39; CONFIRM, read once
# this stop, 0.854 / 0.935, 89 of 95 (0.937).
# Stop 31: the stop-29 confirmation writers (w-canto-shop, w-voice-foreman), read in three stops and named in a
# persona brief, moved to TUNE; a fresh confirmation set replaces them. TUNE (3,439 / 975) 0.862 / 0.949, 920 of
# 975 (0.944) on unchanged code. The fresh CONFIRM (w-dongbei-diner, w-shanghai-accountant, w-student-grandson;
# 603 / 143), read on unchanged code: 0.861 / 0.934, 133 of 143 (0.930).
# search18a: a Chinese question just under the relevance threshold answered when the gate is sure and the FAQ close
# (kb.faq_gate.NEAR_*): tune (3,439 / 975) 0.870 / 0.959, 918 of 975 (0.942; after content18, 3,456 / 975: 0.868 /
# 0.958, 918 of 975); dev 0.867 / 0.935, 38 of 39. The gate refitted on all 18 TUNE files (the two moved writers
# included) changed nothing worth keeping; floors unchanged.
# Merged stop 31 (content18, search18a, search18b; TUNE 3,456 / 975 with the 17 svc-policyholder-change questions back):
# tune 0.871 / 0.959, 918 of 975 (0.942); dev 0.871 / 0.935, 38 of 39; old 0.814 / 0.952, 31 of 31.
# CONFIRM, read a second time on the merged main (with ensearch17): 0.869 / 0.940, 133 of 143 (0.930).
# Stop 32: two fresh TUNE writers (w-wuhan-mother, w-fujian-fisher; 425 / 100), on unchanged code 0.793 / 0.887, 91 of 100:
# TUNE (3,881 / 1,075) 0.861 / 0.950, 1011 of 1075 (0.940; bench.retrieval in search19a's worktree). search19a's gate memory
# (Recipe.gate_memory) is off: with it DEV fell under its recall floor here, so the floors stand.
# Stop 33: two fresh TUNE writers (w-nurse-nightshift, w-overseas-daughter; 453 / 102); TUNE (4,334 / 1,177) 0.865 /
# 0.953, 1101 of 1177 on unchanged code. search21a: the gate's memory rewritten with them and switched on: TUNE (in
# sample for the memory: every TUNE negative is in it) 0.878 / 0.970, 1176 of 1177; dev 0.867 / 0.932, 37 of 39 ->
# 0.863 / 0.932, 38 of 39 (bench.retrieval, one run for both). Floors follow, never below measured - 0.01.
# Stop 35: four fresh TUNE writers (w-gansu-farmer, w-young-mom, w-widower, w-courier; 944 / 203), on unchanged code
# 0.727-0.878 R@1; with the gate memory rewritten: TUNE (5,723 / 1,482) 0.866 / 0.964, 1481 of 1482; dev unchanged
# 0.871 / 0.939, 38 of 39. TUNE's R@1 floor follows the harder writers (0.87 -> 0.86), the others stand.
# search25: the query adapter refitted on all 29 TUNE files and the memory gate on its writer-fold rows: tune 0.889 /
# 0.972, 1481 of 1482 (in sample); dev 0.881 / 0.957, 38 of 39 (266 of 278 in the top three); confirm (read a second time
# this stop, on the final main) 0.892 / 0.967, 137 of 143. Floors follow, measured - 0.01.
FLOORS = {"tune": (0.87, 0.96, 0.99), "dev": (0.87, 0.94, 0.97), "confirm": (0.88, 0.95, 0.94)}
# content50: a persona writer's 64 agents' questions on the eight non-disclosure entries (and 16 near misses), split
# `alternate` (split.py): half A in TUNE (read to write the entries' variants), half B held out in confirm/ and kept out
# of CONFIRM's whole-writer figure. Half B on main 16 / 21 of 32, with the variants 17 / 24 (docs/benchmarks.md
# "content50"); its floor is that less a query. Its near misses (and half A's) must not gain the asked-about entries:
# the first answer is one of them for 1 of 16 (half A's job change: 未告知 after purchase), on main and with the variants.
ALTERNATE_HALF_FLOORS = (0.50, 0.71, 0.0)
NEAR_MISSES_ANSWERED_BY_THE_ASKED_ENTRIES = 1
# search52: search51's salesperson writer (w-agent-salesperson, /work/drafts/search51w: 72 agents' questions relaying what
# a salesperson said or did, 6 on each of 12 entries, and 12 near questions), split `alternate` the same way. Half B on
# main 22 / 31 of 36 (0.611 / 0.861); its floor is that less a query. Its near questions' first answer was one of the 12
# entries for 2 of 12 on main (both in half B).
SALESPERSON_HALF_FLOORS = (0.58, 0.83, 0.0)
NEAR_QUESTIONS_ANSWERED_BY_THE_ASKED_ENTRIES = {"w-agent-nondisclosure": NEAR_MISSES_ANSWERED_BY_THE_ASKED_ENTRIES,
                                                "w-agent-salesperson": 2}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def half(request: pytest.FixtureRequest, real_search) -> tuple[str, Evaluation]:
    from tests.kb.customer_queries.split import held_out_set
    folder = CUSTOMER_SET / request.param
    return request.param, evaluated(real_search, held_out_set(folder) if request.param == "confirm" else folder)


def test_the_set_is_big_enough_and_labels_exist(real_kb: KnowledgeBase) -> None:
    tune, dev = load_dev_set(CUSTOMER_SET / "tune"), load_dev_set(CUSTOMER_SET / "dev")
    queries = tune.queries + dev.queries
    assert len(queries) >= 250 and len(tune.negatives + dev.negatives) >= 60
    assert not {i for q in queries for i in q.ids} - set(real_kb.content.entries)
    assert not {q.text for q in tune.queries} & {q.text for q in dev.queries}
    confirm = load_dev_set(CUSTOMER_SET / "confirm")
    assert not {q.text for q in confirm.queries} & {q.text for q in tune.queries + dev.queries}
    queries += confirm.queries
    own_texts = {t for e in real_kb.entries() for t in (e.question, *e.variants)}
    assert not [q.text for q in queries if q.text in own_texts], "content must not copy the customer set"


def test_the_split_is_the_fixed_hash_split() -> None:
    """Hashed writers follow the sha256 rule; a writer marked `split: tune` is in TUNE only, never in DEV."""
    from tests.kb.customer_queries.split import half_of
    for name in ("tune", "dev"):
        for path in sorted((CUSTOMER_SET / name).glob("*.yaml")):
            whole = yaml.safe_load(path.read_text(encoding="utf-8")).get("writer_split")
            assert whole in (None, "tune", "alternate") and not (whole and name == "dev"), path
            if whole:
                continue
            rows = yaml.safe_load(path.read_text(encoding="utf-8"))
            texts = [str(r["q"]) for r in (rows.get("queries") or []) + (rows.get("negatives") or [])]
            assert {half_of(text) for text in texts} == {name}, path


def test_a_writer_marked_split_tune_goes_to_tune_only(tmp_path: Path) -> None:
    from tests.kb.customer_queries.split import half_of, split_file
    texts = ["保单停了好久了还能不能续上", "犹豫期里退保钱全退吗", "社保卡丢了去哪补", "车险理赔怎么报案"]
    assert {half_of(t) for t in texts} == {"tune", "dev"}, "the example must straddle the hashed halves"
    draft = tmp_path / "w-new.yaml"
    draft.write_text(yaml.safe_dump({"writer": "w-new", "split": "tune",
                                     "queries": [{"q": t, "ids": ["x"], "tags": ["plain"]} for t in texts[:2]],
                                     "negatives": [{"q": t, "domain": "社保"} for t in texts[2:]]},
                                    allow_unicode=True), encoding="utf-8")
    assert split_file(draft, tmp_path / "out") == {"tune": (2, 2)}
    assert not (tmp_path / "out" / "dev" / "w-new.yaml").exists()
    imported = load_dev_set(tmp_path / "out" / "tune")
    assert [q.text for q in imported.queries] == texts[:2] and list(imported.negatives) == texts[2:]
    assert "none in `dev`" in (tmp_path / "out" / "tune" / "w-new.yaml").read_text(encoding="utf-8")


def test_a_training_writer_never_repeats_a_held_out_question(tmp_path: Path) -> None:
    from tests.kb.customer_queries.split import split_file
    (tmp_path / "out" / "dev").mkdir(parents=True)
    (tmp_path / "out" / "dev" / "w-old.yaml").write_text(
        "queries:\n  - {q: 犹豫期到底几天, ids: [x]}\nnegatives:\n  - {q: 社保卡丢了去哪补, domain: 社保}\n", encoding="utf-8")
    draft = tmp_path / "w-new.yaml"
    draft.write_text("writer: w-new\nsplit: tune\nqueries:\n  - {q: 犹豫期 到底几天？, ids: [x]}\n"
                     "  - {q: 复效要带什么, ids: [y]}\nnegatives:\n  - {q: 社保卡丢了去哪补, domain: 社保}\n", encoding="utf-8")
    assert split_file(draft, tmp_path / "out")["tune"] == (1, 0)
    assert [q.text for q in load_dev_set(tmp_path / "out" / "tune").queries] == ["复效要带什么"]


def test_a_writer_marked_split_confirm_is_held_out_whole_and_keeps_out_of_later_training(tmp_path: Path) -> None:
    from tests.kb.customer_queries.split import split_file
    out = tmp_path / "out"
    (out / "dev").mkdir(parents=True)
    (out / "dev" / "w-old.yaml").write_text("queries:\n  - {q: 犹豫期到底几天, ids: [x]}\n", encoding="utf-8")
    fresh = tmp_path / "w-fresh.yaml"
    fresh.write_text("writer: w-fresh\nsplit: confirm\nqueries:\n  - {q: 犹豫期到底几天, ids: [x]}\n"
                     "  - {q: 俺娘的保单断了俩月咋弄, ids: [y]}\nnegatives:\n  - {q: 社保卡丢了去哪补, domain: 社保}\n",
                     encoding="utf-8")
    (out / "tune").mkdir()
    (out / "tune" / "w-trained.yaml").write_text("negatives:\n  - {q: 社保卡丢了去哪补, domain: 社保}\n", encoding="utf-8")
    assert split_file(fresh, out) == {"confirm": (1, 0)}  # texts already in DEV or TUNE confirm nothing: left out
    assert split_file(fresh, out) == {"confirm": (1, 0)}  # a re-import does not find its own items
    assert not (out / "tune" / "w-fresh.yaml").exists()
    later = tmp_path / "w-later.yaml"
    later.write_text("writer: w-later\nsplit: tune\nqueries:\n  - {q: 俺娘的保单断了俩月咋弄？, ids: [y]}\n"
                     "  - {q: 复效要带什么, ids: [z]}\n", encoding="utf-8")
    assert split_file(later, out) == {"tune": (1, 0)}  # a confirmation text never becomes training data


def test_a_writer_split_alternate_gives_every_other_question_per_entry_to_the_held_out_half(tmp_path: Path) -> None:
    from tests.kb.customer_queries.split import held_out_set, split_file
    draft = tmp_path / "w-few.yaml"
    draft.write_text(yaml.safe_dump({"writer": "w-few", "queries": [
        {"text": "没告知会怎样", "entry": "a"}, {"text": "告知范围是啥", "entry": "b"}, {"text": "隐瞒了病会怎样", "entry": "a"},
        {"text": "没问的要说吗", "entry": "b"}, {"text": "漏报了后果呢", "entry": "a"}],
        "near": [{"text": "年龄填错了", "why": "x"}, {"text": "换工作要说吗", "why": "y"}]}, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out"
    assert split_file(draft, out, split="alternate") == {"tune": (3, 0), "confirm": (2, 0)}
    tune, confirm = (yaml.safe_load((out / half / "w-few.yaml").read_text(encoding="utf-8")) for half in ("tune", "confirm"))
    assert [r["q"] for r in tune["queries"]] == ["没告知会怎样", "告知范围是啥", "漏报了后果呢"]
    assert [(r["q"], r["ids"]) for r in confirm["queries"]] == [("隐瞒了病会怎样", ["a"]), ("没问的要说吗", ["b"])]
    assert [r["q"] for r in tune["near"]] == ["年龄填错了"] and [r["q"] for r in confirm["near"]] == ["换工作要说吗"]
    (out / "confirm" / "w-whole.yaml").write_text("writer_split: confirm\nqueries:\n  - {q: 犹豫期几天, ids: [c]}\n",
                                                   encoding="utf-8")
    assert [q.text for q in held_out_set(out / "confirm").queries] == ["犹豫期几天"]
    assert len(held_out_set(out / "confirm", halves_of_alternate=True).queries) == 2


def test_a_new_set_may_take_a_whole_writer_as_its_dev(tmp_path: Path) -> None:
    from tests.kb.customer_queries.split import split_file
    draft = tmp_path / "en-new.yaml"
    draft.write_text("writer: en-new\nsplit: dev\nqueries:\n  - {q: how long is the cooling-off period, ids: [x]}\n",
                     encoding="utf-8")
    assert split_file(draft, tmp_path / "english", dev_fixed=False) == {"dev": (1, 0)}


def test_a_writer_cannot_add_to_the_held_out_half(tmp_path: Path) -> None:
    from tests.kb.customer_queries.split import split_file
    draft = tmp_path / "w-new.yaml"
    draft.write_text("writer: w-new\nsplit: dev\nqueries:\n  - {q: 犹豫期多久, ids: [x]}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="split: dev"):
        split_file(draft, tmp_path / "out")


def test_recall_stays_above_the_measured_floor(half: tuple[str, Evaluation]) -> None:
    assert_recall_holds(*half, FLOORS[half[0]])


def test_near_domain_negatives_get_no_answer(half: tuple[str, Evaluation]) -> None:
    assert_negatives_refused(*half, FLOORS[half[0]], tuned_on=half[0] == "tune")


def _alternate_writers() -> dict[str, list[Path]]:
    """Each writer split `alternate` (split.py) with its two half files (tune/ and confirm/)."""
    from tests.kb.customer_queries.split import alternate_writer
    writers: dict[str, list[Path]] = {}
    for path in [p for half in ("tune", "confirm") for p in sorted((CUSTOMER_SET / half).glob("*.yaml")) if alternate_writer(p)]:
        writers.setdefault(path.stem, []).append(path)
    return writers


def test_the_non_disclosure_writers_held_out_half_keeps_its_floor(real_search) -> None:
    """content50 (qa22 / qa23 G2): figures only, never listed."""
    held_out = load_dev_set(CUSTOMER_SET / "confirm" / "w-agent-nondisclosure.yaml")
    assert len(held_out.queries) >= 32
    assert_recall_holds("the non-disclosure writer's held-out half", evaluated(real_search, held_out), ALTERNATE_HALF_FLOORS)


def test_the_salesperson_writers_held_out_half_keeps_its_floor(real_search) -> None:
    """search52 (qa25 S2's family): figures only, never listed."""
    held_out = load_dev_set(CUSTOMER_SET / "confirm" / "w-agent-salesperson.yaml")
    assert len(held_out.queries) >= 36
    assert_recall_holds("the salesperson writer's held-out half", evaluated(real_search, held_out), SALESPERSON_HALF_FLOORS)


def test_every_alternate_writer_is_imported_as_two_halves() -> None:
    assert {name: len(paths) for name, paths in _alternate_writers().items()} == {
        name: 2 for name in NEAR_QUESTIONS_ANSWERED_BY_THE_ASKED_ENTRIES}


@pytest.mark.parametrize("writer", sorted(NEAR_QUESTIONS_ANSWERED_BY_THE_ASKED_ENTRIES))
def test_near_misses_do_not_get_the_entries_their_writer_asked_about(real_search, writer: str) -> None:
    """A question another entry answers (a job changed after purchase, a misstated age, reinstatement's health
    questions …; a salesperson who left, asked whether the policy still holds) beside a writer's questions: the
    variants written for the entries that writer asked about must not pull it in. Counted per writer."""
    asked, near = set(), []
    for path in _alternate_writers()[writer]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        asked |= {i for row in data["queries"] for i in row["ids"]}
        near += [str(row["q"]) for row in data.get("near") or []]
    assert len(near) >= 12
    pulled = sum(bool(hits) and hits[0].id in asked for hits in map(real_search, near))
    assert pulled <= NEAR_QUESTIONS_ANSWERED_BY_THE_ASKED_ENTRIES[writer], pulled


@pytest.mark.parametrize(("query", "within"), [
    # qa23 G2: an agent's claim-frame question on a condition not told at purchase — main answered 谁可以申请理赔 first
    # and left the consequence entry out of the first five of both.
    ("投保时没说有糖尿病 理赔给不给", 1), ("客户没告诉有糖尿病 现在理赔给不给", 3)])
def test_a_condition_not_told_at_purchase_asked_as_a_claim_finds_the_consequence(real_kb: KnowledgeBase, query: str,
                                                                                 within: int) -> None:
    assert "uw-nondisclosure-consequences" in [h.id for h in real_kb.search(query, k=within)]


@pytest.mark.parametrize("query", ["中指了 生病能赔吗", "中指了 生病能陪吗"])
def test_a_suspension_typed_as_a_finger_is_no_accident_question(real_kb: KnowledgeBase, query: str) -> None:
    """qa25 S1: 中止 typed by pinyin as 中指 (a finger) was answered 什么情况算意外？ on a call; 中指 is read as 中止 now."""
    hits = real_kb.search(query, k=3)
    assert not hits or hits[0].id == "lapse-claim-during-suspension"


def test_paying_up_a_lapsed_policy_is_answered_with_reinstatement(real_kb: KnowledgeBase) -> None:
    """qa25 S3: 保单停了半年了 能补交吗 came to 中止期间出险能赔吗 first, 复效 second."""
    assert real_kb.search("保单停了半年了 能补交吗", k=1)[0].id == "lapse-reinstatement-deadline"


def test_a_policy_stopped_two_years_asking_what_now_is_answered_with_the_two_year_bound(real_kb: KnowledgeBase) -> None:
    """qa25 S3's second query: 保单停保两年了咋办 is read 保单效力中止两年了怎么办 and came to 保单效力中止是什么意思？ first
    (its question plus 两年了怎么办). A what-to-do query is no question of what a word means (kb.question_form), and the
    reinstatement entry says the two years in an agent's words; the definition still answers its own question."""
    assert real_kb.search("保单停保两年了咋办", k=1)[0].id in {"lapse-reinstatement-deadline", "lapse-permanent-termination"}
    assert real_kb.search("保单效力中止是啥意思", k=1)[0].id == "lapse-what-is-suspension"


def test_a_claim_relayed_from_a_salesperson_is_answered_about_the_claim(real_kb: KnowledgeBase) -> None:
    """qa25 S2: 客户说业务员讲分红是保证的 怎么回 came to 今年红利比去年少 first (its variant 业务员说的分红没兑现 shares the
    relaying frame); the claim's own entries (red dividends are not guaranteed, nobody may promise them, a promise found
    at the callback is misleading) now come first. search51's six relay-frame variants fixed it but cost w-elderly-relative
    a near tie (分红能不能直接打到我卡上 → div-no-promise) and were reverted; search52: one div-not-guaranteed variant in an
    agent's words (业务员讲红利是保证的 可信吗), no TUNE writer worse (that near tie as on main)."""
    first = real_kb.search("客户说业务员讲分红是保证的 怎么回", k=1)[0].id
    assert first in {"div-not-guaranteed", "div-no-promise", "callback-misleading-found"}


def test_a_policy_bought_two_years_ago_is_no_old_definition_question(real_kb: KnowledgeBase) -> None:
    """qa22 G2: 我那个保单买了两年了 没如实说高血压 … came to 2021年以前买的重疾险，理赔按旧定义还是新定义？ first. The old
    definitions apply to contracts in force before 2021-02-01 (规范5.2), held five years and more by now
    (content/durations.yaml); a year of the calendar (我2018年买的) is no span and still asks for the old definition."""
    hits = real_kb.search("我那个保单买了两年了 没如实说高血压 现在理赔会不会不给陪", k=3)
    assert hits[0].id != "ci-old-policy-definition"
    assert "uw-nondisclosure-consequences" in [h.id for h in hits]
    assert real_kb.search("我2018年买的重疾险 现在理赔用新标准吗", k=1)[0].id == "ci-old-policy-definition"


def rank_of(hits: list, entry_id: str) -> int:
    """1-based rank of an entry among the hits; past the end when it is not listed."""
    ids = [h.id for h in hits]
    return ids.index(entry_id) + 1 if entry_id in ids else len(ids) + 1


@pytest.mark.parametrize("query", ["我的保单停了一年多了", "保单停交一年多了 还能恢复吗"])
def test_a_lapse_of_a_year_and_more_favours_reinstatement_over_termination(real_kb: KnowledgeBase, query: str) -> None:
    hits = real_kb.search(query, k=10, min_relevance=0.0)
    assert rank_of(hits, "lapse-reinstatement-deadline") < rank_of(hits, "lapse-permanent-termination")


def test_a_lapse_of_three_years_favours_termination(real_kb: KnowledgeBase) -> None:
    hits = real_kb.search("保单停交三年了 还能恢复吗", k=10, min_relevance=0.0)
    assert rank_of(hits, "lapse-permanent-termination") < rank_of(hits, "lapse-reinstatement-deadline")


@pytest.mark.parametrize("query", ["客户说他两年前就没再交钱了，现在想问保单还有没有效，还能不能接着交",
                                   "保单停了两年了还能恢复吗"])
def test_premiums_stopped_two_years_ago_are_answered_with_reinstatement_not_termination(real_kb: KnowledgeBase,
                                                                                         query: str) -> None:
    """qa24 G1: 保单中止满2年还没复效 came first, whose 话术 says 不能再申请复效; but suspension begins only after
    the 60-day grace period (保险法第三十六条), so two years unpaid is some 22 months suspended, within 第三十七条's
    two years."""
    hits = real_kb.search(query, k=5)
    assert hits and hits[0].id == "lapse-reinstatement-deadline", [h.id for h in hits]


@pytest.mark.parametrize("query", [
    "阿姨说上个月保险钱没扣成 她以为保险到期了 现在住院还管不管",
    "喂 阿姨说她那个保险到期了 上个月钱没扣 她说她儿子帮她签的字 现在她住院了 还能不能报 她说她交了好多年了",
    "客户说保险到期了 还没来得及交钱 还管用吗"])
def test_a_premium_just_missed_is_answered_with_the_grace_period(real_kb: KnowledgeBase, query: str) -> None:
    """qa26 S1, S2 (a veteran typing an elderly customer's story on a live call): 犹豫期内出险, 效力中止期间出险
    (保障是暂停的) and 满期金怎么领 came first. A premium missed last month or not yet paid is inside the 60-day grace
    period, when she is covered (保险法第三十六条第二款); 保险到期了 beside a missed payment is its due date."""
    hits = real_kb.search(query, k=5)
    assert hits and hits[0].id == "lapse-grace-period-coverage", [h.id for h in hits]


def test_a_matured_policy_is_still_answered_with_the_maturity_benefit(real_kb: KnowledgeBase) -> None:
    hits = real_kb.search("客户说保险到期了 满期金怎么领", k=3)
    assert hits and hits[0].id == "svc-maturity-benefit", [h.id for h in hits]


@pytest.mark.parametrize("query", ["扣款没扣上 保单还有效吗", "上个月没扣款 保险停了吗 我住院了能报吗"])
def test_a_failed_debit_is_no_wish_to_stop_the_debit(real_kb: KnowledgeBase, query: str) -> None:
    """qa27 S1 (high; a live-call agent pasting a customer's WeChat words): both were answered 不想再用银行自动扣款了，
    怎么停止代扣？ (0.96, 0.82), whose 话术 offers to stop a debit nobody asked to stop. A debit that did not go through
    is the failed-debit entry's, or the grace period's (上个月 unpaid is inside its 60 days, 保险法第三十六条)."""
    hits = real_kb.search(query, k=5)
    assert hits and hits[0].id in {"lapse-deduction-failed", "lapse-grace-period-coverage"}, [h.id for h in hits]


def test_a_wish_to_stop_the_debit_is_still_answered_so(real_kb: KnowledgeBase) -> None:
    hits = real_kb.search("不想让银行卡再扣保险的钱了 怎么取消", k=3)
    assert hits and hits[0].id == "svc-stop-auto-debit", [h.id for h in hits]


@pytest.mark.parametrize("query", ["断保了钱退不回来了是吗", "我保险断了 之前交的钱就白交了？"])
def test_money_said_lost_on_a_lapsed_policy_is_answered_with_its_cash_value(real_kb: KnowledgeBase, query: str) -> None:
    """qa27 S4: 保单效力中止是什么意思？ and 什么是保费自动垫交？ came first; the customer asks what is left of the money."""
    hits = real_kb.search(query, k=5)
    assert hits and hits[0].id == "lapse-cash-value-during-suspension", [h.id for h in hits]


def test_a_premium_said_overdue_without_a_span_is_no_certain_suspension(real_kb: KnowledgeBase) -> None:
    """qa27 S3: zmb 保单过期没交钱 现在咋整 → 保单效力中止是什么意思？ at 0.93, whose 话术 says 您的保单显示效力中止; unpaid
    with no span said is as likely inside the grace period, so an entry on the grace period or on premiums not paid
    comes first."""
    hits = real_kb.search("zmb 保单过期没交钱 现在咋整", k=5)
    assert hits and hits[0].id != "lapse-what-is-suspension", [h.id for h in hits]
    assert {"lapse-cannot-afford-premium", "lapse-grace-period-length", "lapse-grace-period-coverage",
            "lapse-deduction-failed"} & {h.id for h in hits[:3]}, [h.id for h in hits]


@pytest.mark.parametrize("query", ["都两年零三个月了老娘那个保险一直停着没交还能补交接着用不", "断交两年以上保单还在吗"])
def test_premiums_unpaid_past_two_years_and_the_grace_period_favour_termination(real_kb: KnowledgeBase,
                                                                                 query: str) -> None:
    hits = real_kb.search(query, k=10, min_relevance=0.0)
    assert rank_of(hits, "lapse-permanent-termination") < rank_of(hits, "lapse-reinstatement-deadline")


@pytest.mark.parametrize("query", [
    # search17: QA found both answered first with the within-period full refund (犹豫期内退保能退多少钱).
    "犹豫期过了退保能退多少钱", "过了犹豫期了退保退多少",
    "犹豫期已过，退保能拿回多少钱", "已经超过犹豫期了，现在退保退多少钱"])
def test_a_cooling_off_period_said_to_be_over_favours_the_entries_after_it(real_kb: KnowledgeBase, query: str) -> None:
    hits = real_kb.search(query, k=10, min_relevance=0.0)
    assert hits[0].id in {"cooling-off-after-expiry", "surrender-refund-amount", "cooling-off-just-expired"}
    assert rank_of(hits, "cooling-off-after-expiry") < rank_of(hits, "cooling-off-refund-amount")


@pytest.mark.parametrize("query", ["犹豫期内退保能退多少钱", "还在犹豫期，退保能退多少"])
def test_a_cooling_off_period_said_to_be_running_keeps_the_full_refund_first(real_kb: KnowledgeBase, query: str) -> None:
    hits = real_kb.search(query, k=10, min_relevance=0.0)
    assert hits[0].id == "cooling-off-refund-amount"


@pytest.mark.parametrize("query", ["琴日收到保单，可唔可以退", "昨天收到保单，可不可以退"])
def test_a_policy_received_yesterday_is_returned_within_the_cooling_off_period(real_kb: KnowledgeBase, query: str) -> None:
    # search17: QA found surrender-right (可以退保，保险公司不能拒绝) first, with no word of the full refund.
    assert real_kb.search(query, k=10, min_relevance=0.0)[0].id == "cooling-off-how-to-cancel"


def test_a_policy_just_received_is_not_answered_as_a_suspended_one(real_kb: KnowledgeBase) -> None:
    """search19b: 刚收到保单 states a span inside the cooling-off period (durations.yaml `stated`); main answered
    刚收到保单，能退吗 first with lapse-cash-value-during-suspension (a suspended policy's cash value: false for a new one)."""
    hits = real_kb.search("刚收到保单，能退吗", k=10, min_relevance=0.0)
    assert hits[0].id != "lapse-cash-value-during-suspension"
    assert min(rank_of(hits, e.id) for e in real_kb.entries() if e.id.startswith("cooling-off-")) < \
        rank_of(hits, "lapse-cash-value-during-suspension")



@pytest.mark.parametrize("query", ["刚收到保单，能退吗", "合同刚送到，还能退吗"])
def test_a_policy_just_received_can_be_cancelled_and_the_answer_says_how(real_kb: KnowledgeBase, query: str) -> None:
    """search21b: inside the cooling-off period (which runs from receipt of the policy) 能退吗 asks for a cancellation
    (glossary group cooling-off-cancel-ask); main answered the first with surrender-right (the insurer may not refuse a
    surrender), the second with cooling-off-lost-policy. Questions written for this test."""
    assert real_kb.search(query, k=1, min_relevance=0.0)[0].id == "cooling-off-how-to-cancel"


def test_a_policy_transferred_to_a_spouse_is_a_change_of_policyholder(real_kb: KnowledgeBase) -> None:
    """search21b: customers say 过户 for changing the policyholder; main answered with svc-policyholder-death."""
    assert real_kb.search("我是投保人，保单能不能过户到我老婆名下", k=1)[0].id == "svc-policyholder-change"


@pytest.mark.parametrize("query", ["业务员说我还在十五天里面，不想要了怎么退", "合同在那十五天里头，现在退能全退吗"])
def test_a_customer_inside_the_fifteen_days_gets_a_cooling_off_answer(real_kb: KnowledgeBase, query: str) -> None:
    """search19b: 还在十五天里面 was read as the fifteenth day, outside the cooling-off rules (under 15 days), which
    put the cooling-off entries down and a surrender entry (现金价值) up. Questions written for this test."""
    hits = real_kb.search(query, k=10, min_relevance=0.0)
    after_the_period = {"cooling-off-after-expiry", "cooling-off-just-expired"}
    assert hits[0].id.startswith("cooling-off-") and hits[0].id not in after_the_period

@pytest.mark.parametrize(("query", "entry"), [
    ("受益人改的时候被保险人要不要签字", "bene-change-how"),          # main: svc-beneficiary-change first
    ("改受益人要准备哪些材料，几天能办好", "bene-change-how"),
    ("我是投保人，有没有权利自己改受益人", "svc-beneficiary-change"),
])
def test_the_two_beneficiary_change_entries_answer_their_own_questions(real_kb: KnowledgeBase, query: str,
                                                                        entry: str) -> None:
    """search19b: svc-beneficiary-change (whether and who may change it) and bene-change-how (how: signatures,
    documents, time) had one question between them; each now has its own, and each answer names the other's.
    Questions written for this test."""
    assert real_kb.search(query, k=1)[0].id == entry
    entries = real_kb.content.entries
    for one, other in (("svc-beneficiary-change", "bene-change-how"), ("bene-change-how", "svc-beneficiary-change")):
        assert entries[other].question in entries[one].answer


@pytest.mark.parametrize("query", [
    "我爸身份证上的出生年份登记错了，比实际大三岁，保险是照着身份证买的，这个有影响吗",
    "老人身份证上的年纪比真实的小三岁，买保险时按身份证写的，以后会不会有麻烦",
])
def test_an_age_wrong_on_the_id_card_is_a_misstated_age(real_kb: KnowledgeBase, query: str) -> None:
    """search24b: customers tell a misstated age as an ID card that was registered wrong (three fresh writers);
    main put the correction of personal details or identity checks first. Questions written for this test."""
    assert real_kb.search(query, k=1)[0].id == "uw-age-misstatement"


@pytest.mark.parametrize(("query", "entry_id"), [
    # From the writers' lists of questions nothing answered (docs/content-gaps.md); the first was
    # answered with the entry on a policyholder who intentionally kills the insured.
    ("投保人（我老公）去世了，保单还要继续交钱，投保人怎么改成我", "svc-policyholder-death"),
    ("投保人是俺老汉 他走了 这保单还能接着交不 投保人能换成俺不", "svc-policyholder-death"),
    # content11: premium waiver and hospital claims (docs/content-gaps.md topics 2, 6, 7); the first got a
    # reduced-paid-up answer, the second and third the critical-illness document list or a refusal.
    ("我得了重疾你们赔了，剩下的保费是不是就不用交了，豁免到底有没有", "claims-premium-waiver"),
    ("医疗险发票原件给社保报销用掉了，只有复印件加分割单你们认不认", "claims-medical-documents"),
    ("奶奶的住院报销钱怎么算，自费药能不能报", "claims-medical-payout-scope"),
    # search12: three of content11's held-back policy-service entries, restored (docs/benchmarks.md, search12).
    ("年金险每年返的那笔钱今年还没到账 是不是打到旧卡上了", "svc-survival-benefit-payment"),
    ("我那份两全险今年到期 满期的钱能让老伴替我领吗", "svc-maturity-benefit"),
    ("不想让银行再自动扣保费了 保单还要继续 怎么取消代扣", "svc-stop-auto-debit"),
    # content18: changing the policyholder while the policyholder is alive, the gap every stop-31 writer named
    # (held back since content11; docs/benchmarks.md, content18). Before it there was no entry for it.
    ("保单上投保人是我前夫，想换成我来交费，他本人也同意，要准备什么", "svc-policyholder-change"),
    ("老婆那份重疾险一直是我在交，现在想改成她自己当投保人，要她本人签字吗", "svc-policyholder-change"),
    # content19: a death-benefit policy the insured never agreed to (保险法第三十四条, 司法解释三第一至三条);
    # before uw-insured-consent no entry said whether such a policy is valid.
    ("老婆背着我给我买了个寿险 我根本不知道 这个保险有效吗", "uw-insured-consent"),
    ("买人寿保险被保险人不签字行不行", "uw-insured-consent"),
])
def test_questions_that_had_no_entry_get_the_one_written_for_them(real_kb: KnowledgeBase, query: str,
                                                                  entry_id: str) -> None:
    assert [h.id for h in real_kb.search(query, k=1)] == [entry_id]


@pytest.mark.parametrize("query", ["交强险过期了怎么补", "医保卡里的钱能给孩子用吗", "股票跌了要不要卖",
                                   "基金赎回的钱要几天才能回到银行卡", "二手车过户了 商业车险剩下的钱怎么退",
                                   # content18: a holder change that is no life policy's (the change entry is near)
                                   "二手房买过来，原房主名下的家财险被保险人能改成我吗"])
def test_out_of_scope_questions_get_no_answer(real_kb: KnowledgeBase, query: str) -> None:
    assert real_kb.search(query) == []


@pytest.mark.parametrize("query", ["车险理赔怎么报案", "交强险怎么报案", "車險怎麼報案", "家财险怎么理赔"])
def test_a_short_question_about_another_line_of_business_gets_no_answer(real_kb: KnowledgeBase, query: str) -> None:
    """qa18: 车险理赔怎么报案 got the claim-report entry (its words are the FAQ's 怎么报案); content/scope.yaml's
    `other_lines` refuse a question naming car or property insurance and no life product (kb.other_lines)."""
    assert real_kb.search(query) == []


@pytest.mark.parametrize(("query", "entry_id"), [("出车祸了意外险怎么报案", "claims-report-channels"),
                                                 ("车险那边赔完了 我自己买的意外险还能不能赔", None)])
def test_a_question_naming_a_life_product_beside_car_insurance_is_searched(real_kb: KnowledgeBase, query: str,
                                                                          entry_id: str | None) -> None:
    hits = real_kb.search(query, k=3)
    assert hits and (entry_id is None or hits[0].id == entry_id)


@pytest.mark.parametrize(("query", "drawn_by"), [
    ("小区物业费的银行代扣怎么取消", "svc-stop-auto-debit"),
    ("燃气费的自动扣款换一张卡扣 去哪办", "svc-stop-auto-debit"),
    ("领退休金的银行卡换了 社保那边去哪改", "svc-survival-benefit-payment"),
])
def test_a_near_domain_question_a_restored_entry_draws_is_refused(real_kb: KnowledgeBase, query: str,
                                                                  drawn_by: str) -> None:
    """Other bills' bank debits and the pension card: without the refusal rules the restored entry comes first
    (search12); the faq_only scope examples written for TUNE's such negatives keep them unanswered."""
    assert real_kb.search(query, k=1, min_relevance=0.0)[0].id == drawn_by
    assert real_kb.search(query) == []


@pytest.mark.parametrize(("said", "term"), [
    ("急用钱 能不能从保单里借钱", "保单贷款"),
    ("保单去年断掉了 补交恢复要什么手续", "复效"),
    ("我家老人走了 保险怎么办", "身故"),
    ("拒陪了还能申诉吗", "拒赔"),
    # Dialect (search10): the rural speakers' pronoun and question words become Mandarin before searching.
    ("俺闺女替俺交的钱 咋整才能退", "我女儿替我交的钱 怎么办才能退"),
    ("保单丢了补一份中不中 要带啥", "保单丢了补一份行不行 要带什么"),
    ("咋查俺的保单", "怎么查我的保单"),
])
def test_spoken_phrases_from_the_entries_variants_become_the_term(real_kb: KnowledgeBase, said: str, term: str) -> None:
    from kb.query_rewrite import SpokenTerms
    assert term in SpokenTerms(real_kb.content.glossary).rewrite(said).text


def test_an_agent_who_left_is_not_read_as_a_death(real_kb: KnowledgeBase) -> None:
    from kb.query_rewrite import SpokenTerms
    rewritten = SpokenTerms(real_kb.content.glossary).rewrite("代理人走了 我的保单谁管").text
    assert "身故" not in rewritten and "孤儿单" in rewritten


def test_a_question_in_dialect_is_answered(real_kb: KnowledgeBase) -> None:
    """俺 / 咋整 rewritten to 我 / 怎么办 (search10): without the dialect groups this question was refused."""
    hits = real_kb.search("俺闺女给俺买的保险 俺想退 咋整", k=3)
    assert hits and hits[0].id.startswith("surrender-")


def test_a_question_only_a_removed_scope_example_refused_is_answered(real_kb: KnowledgeBase) -> None:
    """search12 took out six scope examples that, on their own, refused answerable TUNE or old questions and no
    negative; "别的寿险公司卖给我的保单 能不能到你们这边柜台办理退保" refused this cooling-off question."""
    hits = real_kb.search("买了才一个礼拜的保险不想要了 是不是一定要去柜台办退保", k=3)
    assert hits and hits[0].id == "cooling-off-how-to-cancel"


@pytest.mark.parametrize("query", ["在别的寿险公司买的保单 能拿到你们柜台来退吗", "户口本上的户主想换成我儿子 派出所怎么办",
                                   "养老金今年涨了多少 什么时候补到卡上"])
def test_the_removed_scope_examples_topics_are_still_refused(real_kb: KnowledgeBase, query: str) -> None:
    """The other examples still cover the removed ones' near domains (another insurer, 户口, 养老金)."""
    assert real_kb.search(query) == []


@pytest.mark.parametrize(("query", "entry"), [
    ("我阿妈琴日入咗院，佢份保险点样报案", "claims-report-channels"),        # got no answer before
    ("份保单寄咗俾我冇收到，犹豫期点计", "cooling-off-start"),                # got no answer before
])
def test_a_question_written_in_cantonese_is_answered(real_kb: KnowledgeBase, query: str, entry: str) -> None:
    """Cantonese words (佢, 咗, 冇, 点样, 琴日 …) read as Mandarin through the glossary (stop 29); written for
    this test, not taken from any writer's set."""
    assert entry in [hit.id for hit in real_kb.search(query, k=3)]


@pytest.mark.parametrize(("traditional", "simplified"), [
    ("我張保單喺猶豫期內，想退保點做", "我张保单喺犹豫期内，想退保点做"),
    ("保單失效咗兩年，仲可唔可以復效", "保单失效咗两年，仲可唔可以复效"),
])
def test_a_question_typed_in_traditional_characters_is_searched_as_simplified(real_kb: KnowledgeBase, traditional: str,
                                                                              simplified: str) -> None:
    """search16a: traditional characters are read as simplified before anything else (kb.script_conversion);
    written for this test, not taken from any writer's set."""
    searcher = real_kb.batch_searcher()
    assert searcher.query_texts(traditional) == searcher.query_texts(simplified)
    hits = [hit.id for hit in real_kb.search(traditional, k=3)]
    assert hits and hits == [hit.id for hit in real_kb.search(simplified, k=3)]


@pytest.mark.parametrize(("query", "not_read_as"), [
    ("我买嘅保险几时到期", "核保"),      # 嘅 is 的, read before the typo corrector (it made 嘅保 → 核保)
    ("佢交咗钱未", "缴钱"),              # 咗 is 了 (咗钱 → 缴钱)
    ("朋友嘅保单系咪真嘅", "假保单"),
])
def test_dialect_words_are_read_before_typos_are_corrected(real_kb: KnowledgeBase, query: str, not_read_as: str) -> None:
    texts = real_kb.batch_searcher().query_texts(query)
    assert texts and not_read_as not in texts[0]


def test_a_word_a_dialect_group_puts_in_is_no_typo_target(real_kb: KnowledgeBase) -> None:
    """唔识 → 不会 made 不会 a term of the glossary; a one-term group only rewrites words, so its term is not in the
    typo corrector's vocabulary (search16a: 业务员又不回消息 was searched as 不会消息)."""
    assert "不回消息" in real_kb.batch_searcher().query_texts("客服说让我找业务员 业务员又不回消息")[0]


@pytest.mark.parametrize("query", ["我老公买嘅保险几时到期", "佢份保险嘅身故钱要带咩去攞", "上个月借咗钱俾个仔"])
def test_cantonese_particles_are_not_read_as_typos(real_kb: KnowledgeBase, query: str) -> None:
    """嘅 and 咗 are the glossary's one-character spoken words, words wherever they stand (search16c): 买嘅保险 is
    not 买核保险, 嘅身故 not 核身故, 借咗钱 not 借缴钱. Written for this test."""
    rewriters = real_kb._snapshot.searcher.rewriters  # noqa: SLF001 - the app's typo corrector
    corrector = next(r for r in rewriters if isinstance(r, TypoCorrector))
    assert corrector.rewrite(query).changes == ()


@pytest.mark.parametrize(("query", "not_read_as"), [
    ("我妈腿脚不好，我替她去退得唔得", "退款"),      # 得唔得 → 行不行: 退 + 行不行
    ("份分红保单嘅红利系咪保证", "利息"),            # 系咪 is a spoken phrase: 红利 + 系咪
    ("交咗五年，退保先得两万几", "退保险"),          # Cantonese 先
])
def test_the_app_reads_question_words_and_spoken_phrases_as_words(real_kb: KnowledgeBase, query: str,
                                                                  not_read_as: str) -> None:
    """search18b: false fixes of the typo corrector on TUNE's Cantonese questions; written for this test."""
    texts = real_kb.batch_searcher().query_texts(query)
    assert texts and not_read_as not in texts[0]


def test_a_beneficiary_typed_as_shouyi_earnings_is_read_as_the_beneficiary(real_kb: KnowledgeBase) -> None:
    """收益人 sounds like 受益人 but both its bigrams are content words, so the corrector never saw it (search16c);
    the glossary reads it as 受益人 (search18b). 收益 alone stays: it is the return of a product. Written for this test."""
    searcher = real_kb.batch_searcher()
    assert "受益人" in searcher.query_texts("保单上的收益人能不能改成我闺女")[0]
    assert "受益人" not in searcher.query_texts("这个分红险一年收益大概多少")[0]
    hits = [hit.id for hit in real_kb.search("保单上的收益人能不能改成我闺女", k=3)]
    assert hits and set(hits) & {"bene-change-how", "svc-beneficiary-change"}


@pytest.mark.parametrize(("query", "entry"), [
    # A customer who missed the callback: callback-failed had only the agent's words (callback-customer-wants-cancel
    # came first on main).
    ("回访电话那几天我在外地出差一个都没接，保险会不会有问题", "callback-failed"),
    # Asked in the callback what is covered and not: callback-item-coverage (callback-failed first on main).
    ("回访员问我知道哪些情况不赔吗，我没答上来，有影响吗", "callback-item-coverage"),
    # Guards: the neighbouring entries keep their own questions.
    ("回访的时候我说不想要这个保险了，能给我退吗", "callback-customer-wants-cancel"),
    ("回访的时候问我知不知道退保会亏钱", "callback-item-surrender-loss"),
])
def test_a_customer_telling_of_the_callback_gets_the_entry_for_it(real_kb: KnowledgeBase, query: str, entry: str) -> None:
    """search18b: customers' words for two callback entries that had only an agent's; written for this test."""
    hits = [hit.id for hit in real_kb.search(query, k=3)]
    assert hits and hits[0] == entry


def test_a_beneficiary_who_died_first_keeps_the_word_first(real_kb: KnowledgeBase) -> None:
    """先走了 was read as 身故 and lost 先, the word bene-predeceased turns on (main: bene-minor-beneficiary first);
    人走了 is still 身故. Written for this test."""
    searcher = real_kb.batch_searcher()
    assert "先去世" in searcher.query_texts("我儿子是受益人可他先走了，保险金现在给谁")[0]
    assert "身故" in searcher.query_texts("家里老人走了，保险怎么理赔")[0]
    hits = [hit.id for hit in real_kb.search("我儿子是受益人可他先走了，保险金现在给谁", k=3)]
    assert hits and hits[0] == "bene-predeceased"


def test_the_sibling_of_the_first_answer_is_in_the_top_three(real_kb: KnowledgeBase) -> None:
    """search22a: a drunk-driving accident where the exclusion was not explained asks two entries at once — whether
    drunk driving is excluded (excl-drunk-driving, first) and whether an exclusion the law forbids holds without a
    detailed explanation (excl-legal-prohibition, its sibling; on main under the top five). Question written for this test."""
    ids = [hit.id for hit in real_kb.search("喝了酒开车出事了，当时没给我讲这条，也不赔吗", k=5)]
    assert ids[0] == "excl-drunk-driving" and "excl-legal-prohibition" in ids[:3]


@pytest.mark.parametrize("query", ["beneficiary not named who gets money", "beneficary not named who gets money"])
def test_an_english_question_on_a_beneficiary_not_named_finds_the_estate_entry(real_kb: KnowledgeBase, query: str) -> None:
    """qa23 G2 (English): came to claims-agent-cannot-collect first (its "collect … money"); the estate entry's English
    question never said named. It says its first case now (no beneficiary named, or none left), as its answer does."""
    assert real_kb.search(query, k=1)[0].id == "bene-when-becomes-estate"


@pytest.mark.parametrize("query", ["老太太说她卡里的钱被扣了 她没让扣 是不是被骗了", "阿姨说银行卡里的钱被扣了 保险扣的",
                                   "客户说每年都扣她钱 她不知道是啥"])
def test_a_debit_the_customer_does_not_recognise_is_answered_with_how_to_check_it(real_kb: KnowledgeBase, query: str) -> None:
    """qa26 S3: an elderly customer's unrecognised debit came to no answer, 续期扣款的银行卡怎么变更？ and 遇到自己回答不了的
    问题 first; no entry said how to check whether it is a renewal premium (lapse-unrecognised-debit, sourced from
    基本服务规定第十三条 and lapse-double-deduction's own steps)."""
    assert real_kb.search(query, k=1)[0].id == "lapse-unrecognised-debit"


@pytest.mark.parametrize("query", ["忘了交保费 保单还有效吗", "忘交了 怎么办", "忘记交钱了 保险还管用吗",
                                   "我忘了交保险了 现在补交行不行"])
def test_a_premium_forgotten_is_answered_with_the_grace_period(real_kb: KnowledgeBase, query: str) -> None:
    """search53b: 忘了交保费 保单还有效吗 → 什么是保费自动垫交？, 忘交了 怎么办 → no answer, 忘记交钱了 → 保单效力中止是
    什么意思？ (whose 话术 says the policy is suspended). Forgotten with no span said, the premium is inside the 60-day grace
    period first: 宽限期有多长？ (保险法第三十六条)."""
    hits = real_kb.search(query, k=5)
    assert hits and hits[0].id == "lapse-grace-period-length", [h.id for h in hits]


def test_a_policy_someone_else_signed_years_ago_is_answered_with_the_insureds_consent(real_kb: KnowledgeBase) -> None:
    """qa26 S4: …我儿子帮我签的 我自己没签 这个保险还算数不 她买了好几年了 → 不可抗辩条款 first, 被保险人不知情的保单
    有效吗 second."""
    hits = real_kb.search("阿姨说当时是我儿子帮我签的 我自己没签 这个保险还算数不 她买了好几年了", k=5)
    assert hits and hits[0].id == "uw-insured-consent", [h.id for h in hits]


def test_a_claim_whose_papers_are_in_with_no_news_is_answered_with_how_long_the_decision_takes(real_kb: KnowledgeBase) -> None:
    """qa28 S1: 谁可以申请理赔？家属能不能替病人办？ came first (0.79) on 我爸住院 (its variant's words), its 话术 家属是可以帮忙
    办理的; the customer has applied and asks how long, and the agent needs 5个工作日 / 30日."""
    hits = real_kb.search("我爸住院的理赔材料上个月就交了，到现在还没消息，到底赔不赔", k=5)
    assert hits and hits[0].id == "claims-decision-deadline", [h.id for h in hits]
    assert "claims-who-can-apply" not in [h.id for h in hits[:3]], [h.id for h in hits]



@pytest.mark.parametrize("query", ["上个月卡里没钱没扣上，这期间出事了你们赔不赔",
                                   "这个月保费没扣成功，前两天我住院了，还能赔吗",
                                   "续期的钱还没交呢，人就出了车祸，保险管不管",
                                   "上个月忘了交保费，这几天摔骨折了，能不能赔",
                                   "卡里余额不够扣款失败了，这段时间生病了给不给赔",
                                   "保费晚了二十天没交，中间查出来肿瘤，还赔吗",
                                   "银行没扣到这期的保费，老公这期间出了意外，你们会赔吗"])
def test_an_event_after_a_premium_just_missed_is_answered_with_the_grace_period_claim(real_kb: KnowledgeBase,
                                                                                     query: str) -> None:
    """qa29 S1: the first is 钱老师's hit test (续期保费银行扣款失败了怎么办？ first, 宽限期内出险了能赔吗？ 4th), the others
    search54's wordings of the kind: a premium missed (no span, or last month: inside the 60-day grace period, 保险法第三十六条)
    and whether an event since is paid."""
    hits = real_kb.search(query, k=5)
    assert hits and hits[0].id == "lapse-grace-period-coverage", [h.id for h in hits]


def test_a_failed_debit_without_an_event_still_opens_the_failed_debit_entry(real_kb: KnowledgeBase) -> None:
    hits = real_kb.search("上个月卡里没钱没扣上怎么办", k=5)
    assert hits and hits[0].id == "lapse-deduction-failed", [h.id for h in hits]


def test_a_salespersons_promise_asked_as_deceit_lists_how_to_answer_for_the_salesperson(real_kb: KnowledgeBase) -> None:
    """qa28 S2: the dividend entries are right first; how the agent answers for the salesperson's words was not among
    the five."""
    hits = real_kb.search("业务员说分红是保底的 现在才几百块 这算不算骗人", k=5)
    assert "norms-blame-salesperson" in [h.id for h in hits], [h.id for h in hits]


@pytest.mark.parametrize("query", ["钱退不回来 我要投诉 你们骗人", "你们骗人 钱都退不回来 我要投诉"])
def test_money_wanted_back_from_us_as_cheating_is_answered_as_a_mis_selling_complaint(real_kb: KnowledgeBase,
                                                                                      query: str) -> None:
    """qa27 S2: 有人说能帮我"全额退保"，可信吗？ came first (0.77), whose 话术 warns of "代理退保" agencies as if the customer
    were with one. 你们骗人 beside money wanted back is read 销售误导 (glossary mis-selling): the complaint about the sale,
    registered and checked, no promise (surrender-full-refund-misled). An agency named keeps the scam warning."""
    hits = real_kb.search(query, k=5)
    assert hits and hits[0].id != "surrender-agency-scam", [h.id for h in hits]
    assert "surrender-full-refund-misled" in [h.id for h in hits[:2]], [h.id for h in hits]
    assert real_kb.search("代理退保公司说能全退 你们骗人", k=1)[0].id == "surrender-agency-scam"
