"""Quantities (number + unit) in Chinese text, for the dialogue judge: kb.chinese_text's parser.

The quiz and the dialogue share one parser, so an agent's 十五天 and an answer's 15日 compare
equal on both sides; this module keeps the names the dialogue code has always used.
"""

from kb.chinese_text import Quantity, quantities
from kb.chinese_text import parse_number as chinese_number

__all__ = ["Quantity", "quantities", "chinese_number"]
