"""When the classifier's credit for good service is withheld: words that look like the behaviour and are not (judge38e).

Empathy is for the customer's feelings or plight; thanking them for their understanding (感谢您的理解，祝老人家早日出院，
再见。) closes the call — 0 of the 3 such train lines are labelled empathy, and the classifier credited one of them.
"""

from __future__ import annotations

import re

# Thanking the customer for understanding (感谢您的理解 / 谢谢大哥理解 / 感谢亲的理解和支持).
_THANKS_FOR_UNDERSTANDING = re.compile(r"(感谢|谢谢)[^，。？！,.?!]{0,3}理解")


def thanks_for_understanding(quote: str) -> bool:
    """The classifier's empathy quote thanks the customer for understanding: a closing courtesy, no empathy."""
    return bool(_THANKS_FOR_UNDERSTANDING.search(quote))
