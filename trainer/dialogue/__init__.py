"""Simulated customer calls: scenarios, a deterministic customer, evidence-based feedback.

    from trainer.dialogue import load_scenarios, DialogueSession
    scenarios = load_scenarios("content")
    session = DialogueSession(scenarios["ci-claim-declined"], kb, seed=0, mode="training")
    turn = session.start(); turn = session.reply("……"); report = session.report()
"""

from trainer.dialogue.factbook import ContentFacts, FactBook
from trainer.dialogue.loading import load_scenarios, read_scenarios
from trainer.dialogue.scenario import Scenario
from trainer.dialogue.scoring import Finding, Report, Utterance
from trainer.dialogue.session import CustomerTurn, DialogueSession

__all__ = ["load_scenarios", "read_scenarios", "DialogueSession", "CustomerTurn", "Report", "Finding",
           "Utterance", "Scenario", "ContentFacts", "FactBook"]
