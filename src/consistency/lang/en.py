"""English language data (see :mod:`consistency.lang`). Entries are regular-expression fragments."""

BACKGROUND = (
    r"last\s+(?:year|winter|summer|autumn|fall|spring|season|decade)", r"the\s+previous\s+(?:year|record|high|\w+)",
    r"previous(?:ly)?", r"a\s+year\s+(?:ago|earlier)", r"(?:two|three|four|five|ten|\d+)\s+years\s+(?:ago|earlier)",
    r"at\s+the\s+time", r"(?:former|all-time|previous|old)\s+record",
    r"(?:in|since|back\s+in)\s+(?:19|20)\d\d", r"earlier\s+(?:attack|incident|crash|disaster)s?",
)

QUALIFIERS = {
    "limit": (r"limit", r"legal\s+(?:limit|maximum)", r"threshold", r"allowed", r"permitted", r"cap",
              r"speed\s+limit", r"maximum\s+(?:allowed|permitted)"),
    "total": (r"in\s+total", r"total", r"overall", r"altogether", r"cumulative", r"so\s+far\s+this",
              r"since\s+the\s+(?:start|beginning)", r"all\s+told"),
    "rate": (r"per\s+(?:day|week|month|year|hour|capita|head)", r"a\s+(?:day|week|month|year)", r"daily",
             r"weekly", r"monthly", r"annual(?:ly)?", r"in\s+a\s+single\s+day", r"within\s+(?:a|24)\s+\w+",
             r"on\s+\w+day\s+alone", r"last\s+week"),
    "estimate": (r"original(?:ly)?", r"initial(?:ly)?", r"planned", r"budgeted", r"expected", r"projected",
                 r"forecast", r"target(?:ed)?", r"first\s+estimated"),
    "subset": (r"of\s+whom", r"of\s+them", r"among\s+them", r"including", r"seriously\s+(?:injured|hurt|wounded)",
               r"critically\s+(?:injured|hurt|wounded)", r"critical\s+condition", r"minor\s+injuries"),
    "insured": (r"insured",),
    "capacity": (r"on\s+board", r"aboard", r"capacity", r"carrying", r"seats?", r"holds?"),
}

REVISION = (
    r"rose\s+to", r"risen\s+to", r"climbed\s+to", r"increased\s+to", r"has\s+(?:risen|climbed|grown)",
    r"revised", r"updated", r"now\s+stands\s+at", r"later\s+(?:said|confirmed)",
)

ZERO_COUNT = (
    r"no\s+one\s+(?:was|is|has\s+been)", r"nobody\s+(?:was|is|has\s+been)", r"no\s+(?:injuries|deaths|casualties|fatalities)",
    r"none\s+of\s+the",
)

#: Nouns that an ordinal makes into a name ("Second World War", "21st century"): never a fact to compare.
ORDINAL_NAMES = (r"World\s+Wars?", r"centur(?:y|ies)", r"millenni(?:um|a)", r"Reich", r"Republic", r"Amendment",
                 r"Avenue", r"Street", r"Division", r"Congress", r"Fleet", r"Army", r"Corps")
