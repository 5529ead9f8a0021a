"""Per-token rate limit: a burst, then the steady rate, each key on its own."""

from trainer.users.rate_limit import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_then_refusal_with_the_wait_then_the_steady_rate():
    clock = Clock()
    limiter = RateLimiter(per_minute=60, clock=clock)  # burst 6, one a second
    assert all(limiter.allow("a")[0] for _ in range(6))
    allowed, wait = limiter.allow("a")
    assert not allowed and 0 < wait <= 1.0
    clock.now += 1.0
    assert limiter.allow("a")[0] and not limiter.allow("a")[0]


def test_keys_are_limited_separately():
    limiter = RateLimiter(per_minute=10, clock=Clock())  # burst 1
    assert limiter.allow("a")[0] and not limiter.allow("a")[0]
    assert limiter.allow("b")[0]
