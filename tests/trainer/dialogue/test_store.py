from tests.conftest import REAL_CONTENT
from trainer.dialogue import ContentFacts, DialogueSession, load_scenarios
from trainer.dialogue.store import list_dialogue_records, save_dialogue
from trainer.users.accounts import get_or_create_by_name


def finished_call() -> DialogueSession:
    scenario = load_scenarios(REAL_CONTENT)["cooling-off-cancel"]
    call = DialogueSession(scenario, ContentFacts.load(REAL_CONTENT), mode="exam")
    call.start()
    for reply in scenario.model_answers:
        call.reply(reply)
    return call


def test_a_finished_call_is_saved_and_listed_newest_first(db):
    agent = get_or_create_by_name(db, "练习坐席")
    other = get_or_create_by_name(db, "别人")
    call = finished_call()
    report = call.report()
    first = save_dialogue(db, agent.id, "cooling-off-cancel", "exam", report)
    second = save_dialogue(db, agent.id, "cooling-off-cancel", "training", report)
    save_dialogue(db, other.id, "cooling-off-cancel", "exam", report)

    records = list_dialogue_records(db, agent.id, limit=20)
    assert [r.id for r in records] == [second, first]
    saved = records[-1]
    assert saved.outcome == "resolved" and saved.score == report.score and saved.mode == "exam"
    assert saved.subscores == report.subscores
    assert saved.transcript[1]["speaker"] == "agent" and saved.transcript[1]["text"] == report.transcript[1].text
    assert saved.findings[0]["quote"] == report.findings[0].quote
    assert saved.finished_at is not None
    assert len(list_dialogue_records(db, agent.id, limit=1)) == 1
