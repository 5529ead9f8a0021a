"""The dry run replays the model answers and saved calls against a (drafted) scenario."""

from __future__ import annotations

from dataclasses import replace

from tests.conftest import REAL_CONTENT
from trainer.dialogue import ContentFacts, DialogueSession, load_scenarios
from trainer.dialogue.store import save_dialogue
from trainer.editing.dry_run import dry_run
from trainer.users.accounts import get_or_create_by_name


def test_model_answers_and_a_saved_call_are_replayed_with_old_and_new_score(db) -> None:
    facts = ContentFacts.load(REAL_CONTENT)
    scenario = load_scenarios(REAL_CONTENT)["cooling-off-cancel"]
    call = DialogueSession(scenario, facts)
    call.start()
    call.reply("您好，请问您是本人吗？")
    call.end_call()
    saved = save_dialogue(db, get_or_create_by_name(db, "坐席").id, scenario.id, "training", call.report())

    model, old_call = dry_run(scenario, facts, db)
    assert model.call_id is None and model.report.outcome == "resolved" and model.report.score >= 70
    assert old_call.call_id == saved and old_call.saved_score == call.report().score
    assert old_call.report.transcript[1].text == "您好，请问您是本人吗？"
    # qa14: the replay of a call the trainee ended read 进行中 (in progress) in the dry-run table
    assert old_call.report.outcome == call.report().outcome == "agent_ended"


def test_a_draft_whose_model_answers_stop_short_no_longer_resolves() -> None:
    facts = ContentFacts.load(REAL_CONTENT)
    scenario = load_scenarios(REAL_CONTENT)["cooling-off-cancel"]
    [model] = dry_run(replace(scenario, model_answers=scenario.model_answers[:1]), facts)
    assert model.report.outcome != "resolved"
