"""consistency — which facts do articles agree on, and where do they contradict each other?

>>> from consistency import check
>>> report = check(["fixtures/"])            # doctest: +SKIP
>>> report.summary["contradict"]             # doctest: +SKIP
"""

from .model import Article, Claim, Finding, Group, Quantity, Report, Sentence, StatementRef
from .pipeline import check, check_articles
from .settings import Settings, SettingsError

__all__ = ["check", "check_articles", "Settings", "SettingsError", "Report", "Finding", "Article",
           "Sentence", "Quantity", "Claim", "Group", "StatementRef"]
__version__ = "0.1.0"
