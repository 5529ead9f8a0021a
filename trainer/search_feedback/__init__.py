"""Search feedback: every knowledge search logged with the agents' verdicts, and the misses
grouped for instructors so that each one can become a variant of the right entry."""
