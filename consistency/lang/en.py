"""English language data (see :mod:`consistency.lang`). Entries are regular-expression fragments."""

BACKGROUND = (
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:before|earlier)",
    r"last\s+(?:year|winter|summer|autumn|fall|spring|season|decade)", r"the\s+previous\s+(?:year|record|high|\w+)",
    r"previous(?:ly)?", r"a\s+year\s+(?:ago|earlier)", r"(?:two|three|four|five|ten|\d+)\s+years\s+(?:ago|earlier)",
    r"at\s+the\s+time", r"next\s+year(?:'s)?",
    r"(?:the|its|their)\s+last\s+(?!(?:few|two|three|four|five|days?|weeks?|months?|years?|hours?|time|minute)\b)\w+", r"the\s+last\s+(?:major|big|large)", r"(?:former|all-time|previous|old)\s+record",
    r"(?:in|since|back\s+in)\s+(?:19|20)\d\d", r"earlier\s+(?:attack|incident|crash|disaster)s?",
)

#: a number in a qualifier anchored at it: the value itself ("#" in its context) or a number word
_TWO_TO_TWELVE = r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_NUMBER = r"(?:#|one|" + _TWO_TO_TWELVE + r")"
#: the same without "one": a part or the rest of a group ("three of the", "the other two")
_SEVERAL = r"(?:#|" + _TWO_TO_TWELVE + r")"
#: the children or siblings of someone (qualifiers "subset" and "family")
_KIN = r"(?:children|kids|sons|daughters|grandchildren|siblings|brothers|sisters)"

QUALIFIERS = {
    "limit": (r"limit", r"legal\s+(?:limit|maximum)", r"threshold", r"allowed", r"permitted", r"cap",
              r"speed\s+limit", r"maximum\s+(?:allowed|permitted)"),
    "total": (r"in\s+total", r"total", r"since\s+then", r"this\s+season", r"overall", r"altogether", r"cumulative", r"so\s+far\s+this",
              r"since\s+the\s+(?:start|beginning)", r"all\s+told"),
    "rate": (r"per\s+(?:day|week|month|year|hour|capita|head|count|charge)", r"(?:for|on)\s+each\s+(?:count|charge)", r"apiece", r"a\s+(?:day|week|month|year)", r"daily",
             r"weekly", r"monthly", r"annual(?:ly)?", r"in\s+a\s+single\s+day", r"within\s+(?:a|24)\s+\w+",
             r"on\s+\w+day\s+alone", r"last\s+week"),
    "estimate": (r"original(?:ly)?", r"initial(?:ly)?", r"budgeted", r"projected", r"forecast",
                 r"first\s+estimated",
                 # what is aimed at, not what is reached: "the $5,000 goal had been surpassed" (a number's
                 # goal or target only: "scored two goals" and "three targets were hit" are counts)
                 r"#\s+(?:fundraising\s+|funding\s+|sales\s+)?(?:goal|target)(?!s)", r"(?:goal|target)\s+of\s+(?:about\s+|around\s+)?\W?#"),
    "change": (r"(?:rose|risen|rise[sn]?|fell|fallen|falls?|increased|decreased|dropped|gained|declined|climbed|"
               r"jumped|slipped|grew|shrank)\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+)?#",
               r"(?:increase|decrease|rise|drop|decline|gain|growth|jump|fall)\s+of\s+#",
               r"#\s*(?:percent|per\s+cent|%)?\s+(?:increase|decrease|rise|drop|decline|gain|jump|fall)",
               r"up\s+#", r"down\s+#", r"by\s+#\s*(?:percent|per\s+cent|%)"),
    # a total over several happenings or a whole city: "16 were wounded in seven separate shootings
    # across the city over the weekend" is not the five wounded in one of them
    "aggregate": (r"separate\s+(?:shootings|incidents|attacks|crashes|accidents)", r"across\s+the\s+(?:city|state|county|region)(?!\s+lines?\b)",
                  r"citywide", r"statewide", r"county-?wide", r"in\s+shootings\s+across"),
    "world": (r"worldwide", r"global(?:ly)?", r"nationwide", r"across\s+the\s+country", r"across\s+Europe"),
    "subset": (r"of\s+whom", r"of\s+them", r"among\s+them", r"among\s+the\s+\w+", r"including",
               # a part of a group named after it: "three of the victims", "two of his children" (not "all five of the")
               r"(?<!all\s)" + _SEVERAL + r"\s+of\s+(?:the|these|those|his|her|their|its|our|my|your)", r"seriously\s+(?:injured|hurt|wounded)",
               r"critically\s+(?:injured|hurt|wounded)", r"critical\s+condition", r"minor\s+injuries",
               # some of a family's children: "her two older children"
               _NUMBER + r"\s+(?:older|younger|oldest|youngest|eldest|grown|adult)\s+" + _KIN),
    # more of them besides those named: "six others were shot" is not the seven hit ("he and six others")
    "additional": (r"(?:" + _NUMBER + r"|dozen)\s+(?:other|others|more|additional|further)\b",
                   r"\b(?:another|the\s+other|the\s+remaining)\s+" + _SEVERAL + r"(?!\w)"),
    # new ones besides those counted before: "three new witnesses" came forward besides the 90 interviewed
    "new": (r"(?:" + _NUMBER + r"|dozen)\s+new\b",),
    "insured": (r"insured",),
    # the size of someone's family, not a count of what happened: "Hayes, who has four children",
    # "a father of three" (a possessive alone is not: "killed her two children" counts the dead)
    "family": (r"\b(?:has|had|have|having)\s+" + _NUMBER + r"\s+(?:\w+\s+)?" + _KIN + r"\b",
               r"\b(?:mother|father|parent|grandmother|grandfather|dad|mom)\s+of\s+" + _NUMBER + r"(?!\w)"),
    "capacity": (r"on\s+board", r"aboard", r"capacity", r"carrying", r"seats?", r"holds?"),
    # the people living somewhere, not the people an event touched
    "population": (r"population", r"inhabitants", r"home\s+to", r"\b(?:live|lives|lived)\s+(?:in|on|there)\b"),
    # what one person owes a court: the bail of two people named apart is two amounts
    "bail": (r"bail(?!\s*-?\s*outs?\b)", r"#\s*(?:cash\s+|surety\s+)?bond", r"bond\s+(?:of|at|was|is|set|amount|hearing)"),
}

REVISION = (
    r"rose\s+to", r"risen\s+to", r"climbed\s+to", r"increased\s+to", r"has\s+(?:risen|climbed|grown)",
    r"revised", r"updated", r"now\s+stands\s+at", r"later\s+(?:said|confirmed)",
)


#: Nouns that an ordinal makes into a name ("Second World War", "21st century"): never a fact to compare.
ORDINAL_NAMES = (r"World\s+Wars?", r"centur(?:y|ies)", r"millenni(?:um|a)", r"Reich", r"Republic", r"Amendment",
                 r"Avenue", r"Street", r"Division", r"Congress", r"Fleet", r"Army", r"Corps")

#: Words between a noun and a year that make the year a name ("the heatwave of 2022").
YEAR_AS_NAME = (r"of",)

#: Capitalised words right before a year that say when, not what ("Spring 2025", "In 2019").
NOT_YEAR_NAMES = (r"Spring", r"Summer", r"Autumn", r"Fall", r"Winter", r"Since", r"In", r"By", r"From", r"Until",
                  r"Before", r"After", r"Early", r"Late", r"Mid", r"End", r"Q[1-4]", r"FY")


#: Antonym pairs (see ``lang/de.py``): the same concept keys in every language.
ANTONYMS = {
    "rise:a": (r"rose", r"risen", r"rises", r"increased", r"increases", r"grew", r"grown", r"climbed", r"gained",
               r"jumped", r"soared", r"went\s+up", r"doubled", r"tripled"),
    "rise:b": (r"fell", r"fallen", r"declined", r"declines", r"dropped", r"decreased", r"decreases", r"slipped",
               r"slumped", r"plunged", r"went\s+down", r"halved"),
    "win:a": (r"won", r"wins"),
    "win:b": (r"lost", r"loses"),
    "approve:a": (r"approved", r"accepted", r"passed", r"backed", r"endorsed", r"in\s+favou?r",
                  r"voted\s+(?:[^\s,.;:]+\s+){0,2}?for"),
    "approve:b": (r"rejected", r"refused", r"vetoed", r"voted\s+(?:[^\s,.;:]+\s+){0,2}?against", r"voted\s+down",
                  r"turned\s+down", r"opposed"),
    "confirm:a": (r"confirmed", r"confirms"),
    "confirm:b": (r"denied", r"denies"),
    "sign:a": (r"signed",),
    "sign:b": (r"withdrew", r"withdrawn", r"cancelled", r"annulled"),
    "arrest:a": (r"arrested", r"detained", r"in\s+custody"),
    "arrest:b": (r"released\s+(?:from|on\s+bail|without)", r"freed", r"set\s+free"),
    "guilty:a": (r"convicted", r"found\s+guilty", r"pleaded\s+guilty"),
    "guilty:b": (r"acquitted", r"not\s+guilty", r"cleared\s+of"),
    "alive:a": (r"survived", r"alive"),
    "alive:b": (r"killed", r"died", r"dead"),
    "allow:a": (r"allowed", r"permitted"),
    "allow:b": (r"banned", r"forbidden", r"prohibited"),
    "open:a": (r"(?:remains?|remained|is|was|are|were|stays?|stayed|kept)\s+(?:[^\s,.;:]+\s+){0,1}?open", r"reopened\s+to\s+traffic"),
    "open:b": (r"closed", r"shut", r"shut\s+down"),
    "held:a": (r"took\s+place", r"went\s+ahead", r"as\s+planned", r"(?:will|would)\s+go\s+ahead"),
    "held:b": (r"cancell?ed", r"called\s+off", r"postponed", r"scrapped"),
    "heading:a": (r"from\s+south\s+to\s+north", r"from\s+west\s+to\s+east", r"northwards?", r"eastwards?",
                  r"towards?\s+the\s+(?:coast|shore|beach|land)", r"ashore"),
    "heading:b": (r"from\s+north\s+to\s+south", r"from\s+east\s+to\s+west", r"southwards?", r"westwards?",
                  r"away\s+from\s+the\s+(?:coast|shore|beach|land)", r"out\s+to\s+sea", r"offshore"),
    "succeed:a": (r"succeeded", r"successful(?:ly)?"),
    "succeed:b": (r"failed", r"unsuccessful"),
}

#: Incompatible accounts (see ``lang/de.py``): kind "statement".
ACCOUNTS = {
    "surrender:a": (r"surrendered", r"gave\s+(?:himself\s+|herself\s+|themselves\s+)?up",
                    r"turned\s+(?:himself|herself|themselves)\s+in"),
    "surrender:b": (r"stormed",),
    "verify:a": (r"confirmed", r"established", r"proven"),
    "verify:b": (r"pending", r"unconfirmed", r"awaiting", r"(?:still|yet)\s+to\s+be\s+(?:confirmed|determined|established)",
                 r"not\s+yet\s+(?:been\s+)?(?:confirmed|established|determined|known)", r"still\s+(?:awaited|outstanding)",
                 r"(?:still\s+|remains?\s+|remained\s+)?under\s+investigation", r"(?:is|was|remains?|remained)\s+(?:still\s+)?unclear",
                 r"(?:is|was|remains?|remained)\s+(?:still\s+)?unknown"),
    # a cause ruled out against one suspected or not ruled out (see lang/de.py)
    "rule_out:a": (r"(?<!not\s)(?<!n't\s)ruled\s+out", r"rules?\s+out", r"ruling\s+out"),
    "rule_out:b": (r"(?:not|n't|cannot)\s+(?:be\s+|been\s+|yet\s+)?(?:ruled|rule)\s+out", r"not\s+been\s+ruled\s+out",
                   r"suspicion\s+of"),
}


#: Words that tell a change or a later state (see ``lang/de.py``).
UPDATE_CUES = (r"now", r"again", r"no\s+longer", r"anymore", r"later", r"initially", r"at\s+first",
               r"temporarily", r"reopened", r"re-opened")

#: Words that say a state goes on (see ``lang/de.py``).
PERSIST_CUES = (r"remains?", r"remained", r"still", r"continues\s+to\s+be", r"stays?")

#: Words right before a time that make it the time of a report ("police said Tuesday").
REPORTING_TIME = (r"(?:said|says|told\s+\w+|announced|reported|confirmed|stated|added)(?:\s+(?:on|late|early))?",)

#: Nouns of family relations: two ages of a "daughter" and a "sister" are ages of two people.
KINSHIP = (r"daughters?", r"sons?", r"sisters?", r"brothers?", r"mother", r"father", r"wife", r"husband",
           r"girlfriend", r"boyfriend", r"grand(?:mother|father|son|daughter)", r"cousin", r"nephew", r"niece",
           r"uncle", r"aunt", r"stepson", r"stepdaughter", r"fianc[ée]e?")


#: Counted nouns, as normalised unit keys, that count people (English (and the normalised keys unit_key gives)): a count of them has a role
#: (killed, injured, arrested).
PEOPLE = (
    "people", "person", "victim", "man", "men", "woman", "women", "child", "children", "teen", "teenager",
    "student", "officer", "soldier", "civilian", "other", "death", "injured", "casualty", "adult", "boy",
    "girl", "male", "female", "juvenile", "bystander", "resident", "worker", "passenger", "customer", "guest",
    "patron", "relative", "deputy", "firefighter", "miner", "tourist", "hiker", "kid", "infant", "baby",
    "individual", "employee", "suspect", "hostage", "gunmen", "gunman", "pupil", "casualty",
    "police officer", "visitor", "participant", "runner", "doctor", "patient", "rescuer",
)

#: Endings of agent nouns (normalised unit keys) that count people: "climbers", "cyclists",
#: "pedestrians", "occupants" (``PEOPLE_ENDINGS``)
PEOPLE_ENDINGS = ("er", "or", "ist", "ian", "ant")

#: What happened at a point in time, by the words of the date's clause: the shooting's date is not the
#: sentencing's. Classes in order of precedence (a court clause often names the crime as well).
EVENTS = {
    "court": (r"sentenc\w*", r"trials?", r"hearings?", r"arraign\w*", r"pleaded", r"pleads?", r"convicted",
              r"courts?", r"verdicts?", r"jury", r"indict\w*", r"testif\w*", r"charged", r"charges"),
    "arrest": (r"arrest\w*", r"custody", r"booked", r"detained", r"surrender\w*", r"turned\s+himself\s+in",
               r"captured", r"extradited"),
    "release": (r"released", r"discharged"),
    "funeral": (r"funerals?", r"vigils?", r"memorials?", r"laid\s+to\s+rest", r"buried", r"burial"),
    "incident": (r"shoot\w*", r"shot", r"gunfire", r"killed", r"kills?", r"killing", r"attack\w*", r"stabb\w*",
                 r"crash\w*", r"collaps\w*", r"explo\w*", r"blaze", r"died", r"murder\w*", r"ambush\w*",
                 r"robbery", r"happened", r"occurred", r"deaths?", r"derail\w*", r"avalanche\w*",
                 r"(?:earth)?quakes?", r"erupt\w*", r"dead",
                 # disasters and stoppages: the story's happening as much as a shooting is
                 r"breach\w*", r"leak\w*", r"spill\w*", r"sank", r"sunk", r"sinking", r"capsiz\w*", r"collid\w*",
                 r"collisions?", r"fires?", r"flood\w*", r"landslides?", r"mudslides?", r"ran\s+aground",
                 r"outages?", r"blackouts?", r"emergency\s+landing", r"crash-landed", r"strikes?", r"walkouts?",
                 r"walk(?:s|ed|ing)?\s+out", r"burn(?:s|ed|ing|t)?", r"ablaze", r"wildfires?", r"bushfires?",
                 # what else a news story is about: a launch, a deal, a landing, a find, a birth, a raid
                 r"launch(?:ed|es)?", r"lift(?:ed)?\s+off", r"signed", r"agreed", r"reached\s+(?:a|an)\s+(?:deal|agreement)",
                 r"struck", r"landed", r"touched\s+down", r"elected", r"discovered", r"born", r"robbed", r"stormed",
                 r"raided", r"evacuated", r"approved", r"voted"),
    # after "incident": a victim's state on a later day ("The toddler was in serious condition
    # Sunday") is no date of the shooting ("shot inside a home Saturday")
    "condition": (r"(?:serious|critical|stable|fair|grave|good|satisfactory)(?:\s+but\s+stable)?\s+condition",
                  r"listed\s+in\s+\w+\s+condition", r"life[\s-]support"),
    # after "incident": a clause that names the shooting or the collapse dates it first
    # a report's own happening: "in a Saturday night press conference" is not the night of the shooting
    "briefing": (r"(?:news|press)\s+conference", r"briefings?"),
    # the work after a disaster: its days are not the disaster's ("rescue crews worked through a
    # second day on Friday" is no date of the collapse "on Wednesday night")
    "rescue": (r"rescu\w*", r"(?:second|third|fourth|fifth)\s+day", r"search\s+and\s+rescue",
               r"recovery\s+(?:work|operation|effort)s?", r"salvage\w*"),
}

# Attribution sources as names (report/names.py): words before the name that are not part of it.
SOURCE_PREPOSITIONS = ("from", "by")
SOURCE_GENITIVE: dict = {}

# How a value reads in a message about an English article (judge.format_value).
VALUE_WORDS = {
    "lower": "more than", "at_least": "at least", "nearly": "nearly", "approx": "about", "upper": "less than",
    "at_most": "up to", "between": "between {lo} and {hi}", "no_year": "no year",
    "unresolved": "no publication date to resolve it",
    "months": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"),
    "day_month": "{day} {month}", "thousands": ",", "decimal": ".", "ordinal": "{n}{suffix}",
}

#: Slot prepositions (see lang/de.py): none in English, where a noun has no mark that tells it from
#: an adjective or a verb without a tagger ("shot in the leg" / "shot in the chest" are often two
#: victims; telling them apart needs the subject, which needs a parser).
SLOT_PREPOSITIONS: tuple = ()

#: A denial at the end of an English clause is a verb of its own ("the charges were dismissed"),
#: not the denial of a verb-final predicate (see lang/de.py).
VERB_FINAL = False


#: Words before a broadcaster's number, which is part of its name ("KSHB 41 News", "Channel 4", "FOX 4
#: News"); matched case-sensitively: a station's words are capitalised (extract).
STATION_WORDS = ("News", "NEWS", "NewsChannel", "NEWSCHANNEL", "Channel", "CHANNEL", "Action", "NBC", "CBS", "ABC",
                 "FOX", "Fox", "CW", "PBS", "PIX")
#: Verbs before an emergency number ("called 911"): the number is a name, not a count.
EMERGENCY_CALL = (r"call(?:ed|ing)?", r"dial(?:l?ed|l?ing)?")
#: Words of a sentence about a gun: a few millimetres there are a calibre ("9mm handgun"), not a length.
GUN_WORDS = (r"(?:hand)?guns?", r"pistols?", r"rifles?", r"rounds?", r"bullets?", r"ammunition", r"ammo",
             r"cartridges?", r"shells?", r"casings?", r"firearms?", r"weapons?", r"revolvers?", r"magazines?",
             r"semi-?automatic", r"caliber", r"calibre", r"shot", r"shoots?", r"shooting", r"fired?", r"Glock",
             r"Luger", r"Ruger", r"Beretta", r"Taurus", r"Sig")
#: Makers whose name before a number makes a model ("Glock 17", "Boeing 737"), not a quantity.
MAKERS = ("Glock", "Luger", "Ruger", "Beretta", "Taurus", "Sig", "Sauer", "Remington", "Mossberg", "Winchester", "Colt",
          "Boeing", "Airbus")
#: Words after an English age that are no noun of whose age it is ("The 15-year-old appeared in court").
NOT_AGE_NOUNS = ("and", "or", "but", "was", "is", "were", "are", "has", "had", "have", "who", "whom", "whose", "which",
                 "that", "will", "would", "could", "can", "may", "might", "did", "does", "of", "in", "on", "at", "to",
                 "from", "for", "with", "by", "as", "after", "before", "when", "while", "also", "then", "the", "a",
                 "an", "his", "her", "their", "should", "must", "shall", "last", "next", "this", "got", "gets",
                 "remains")


#: English capitalises names only: no word before a capital makes it a common noun (see lang/de.py).
NOUN_MARKERS: tuple = ()
#: Function words that a run-together headline may capitalise mid-sentence: never names.
FUNCTION_WORDS = ("the", "a", "an", "and", "or", "but", "this", "that", "these", "those", "his", "her", "its",
                  "their", "our", "your", "they", "she", "he", "we", "you", "it", "who", "what", "when", "where",
                  "why", "how", "after", "before", "while", "with", "from", "for", "into", "over", "under", "not",
                  "no", "now", "here", "there", "then", "also", "just", "only", "new", "more", "most", "some")
#: A possessive is "'s" in English, cut by the name key itself: no plain genitive "s".
GENITIVE_S = False
#: Words of a name that name no one in particular ("Harborview Medical Center", "Denny Youth Center"):
#: two names sharing one of them are not the same name (align/context.py).
NAME_COMMON_WORDS = ("center", "centre", "county", "city", "police", "department", "hospital", "medical", "school",
                     "high", "street", "avenue", "road", "court", "office", "university", "park", "church", "station",
                     "north", "south", "east", "west", "new", "saint", "district", "state", "national", "community",
                     "memorial", "sheriff", "mall", "club", "jail", "prison", "fire", "regional", "general",
                     "international", "united", "service", "authority", "airport", "river")


# Cues of a statement (extract/cues.py): the order of each tuple is the order of its alternation.
#: words that deny a statement: negations and denial verbs
NEGATION = (
    r"not", r"no", r"never", r"none", r"neither", r"nor", r"nothing", r"nobody", r"n't", r"cannot",
    r"denied", r"denies", r"deny", r"denying", r"rejected", r"refuted", r"disputed", r"dismissed",
)
#: words that hedge a statement: modals, conditionals, "reportedly"
HEDGES = (
    r"could", r"might", r"may", r"possibly", r"perhaps", r"probably", r"likely", r"unlikely", r"reportedly",
    r"allegedly", r"apparently", r"if", r"would", r"seems", r"appears",
)
#: verbs of reported speech: "would" after one reports, it does not hedge
REPORTING_VERBS = (
    r"said", r"says", r"say", r"told", r"announced", r"confirmed", r"stated", r"added", r"reported",
    r"expected", r"promised", r"pledged", r"warned", r"explained", r"indicated", r"insisted", r"claimed",
    r"vowed", r"predicted", r"decided", r"agreed",
)
#: words that open a condition: there "would" hedges
CONDITIONALS = (
    r"if", r"unless", r"otherwise",
)

# Values (extract/numbers.py).
#: a phrase before a number -> the interval it makes: lower, upper, at_least, at_most, nearly, approx
NUMBER_HEDGES = {
    "more than": "lower", "over": "lower", "in excess of": "lower", "upwards of": "lower",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least", "nearly": "nearly",
    "almost": "nearly", "close to": "nearly", "just under": "nearly", "about": "approx", "around": "approx",
    "roughly": "approx", "approximately": "approx", "some": "approx", "an estimated": "approx",
    "less than": "upper", "fewer than": "upper", "under": "upper", "up to": "at_most", "at most": "at_most",
    "no more than": "at_most",
}
#: "over" before a duration that is the time a thing takes, not "more than" ("phased out over seven
#: years", "took place over three days"): the hedge word, the words before it that make it so (a
#: participle, a particle), those that do not (verbs that take the duration itself: "lasted over
#: three hours", "served over seven years"), and words after the unit that make it so ("over ten
#: years in all" has none)
PERIOD_OVER = {
    "word": r"over",
    "before": r"[a-z]+ed|out|in|back|off|up|down|place|spread|paid|held|made|built|split|run|won|lost",
    "not_before": r"lasted|waited|served|worked|lived|aged|stayed|remained|spent|delayed|jailed|imprisoned|"
                  r"sentenced|employed|married|existed",
    "after": r"(?!)",
}
#: number words up to twelve (and the article "a" as one) -> value, for "two and a half", "two dozen", "two-thirds"
SMALL_NUMBER_WORDS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12,
}
#: words that multiply the number before them ("two and a half million", "a dozen")
LARGE_NUMBER_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "dozen": 12}
#: a word before a time of day -> what it makes of it: about, shortly after, shortly before
CLOCK_HEDGES = {
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx",
    "shortly after": "after", "just after": "after", "shortly before": "before", "just before": "before",
}
#: vague plurals ("Tausende", "dozens") -> deliberately wide intervals: only a clearly different order of
#: magnitude contradicts them
VAGUE_AMOUNTS = {
    "dozens": (20, 200), "hundreds": (100, 2000), "thousands": (1000, 20000),
    "tens of thousands": (10000, 200000), "hundreds of thousands": (100000, 2000000),
    "millions": (1000000, 20000000),
}

# Dates (extract/dates.py).
#: month names written in full -> month number
MONTH_NAMES = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7, "August": 8,
    "September": 9, "October": 10, "November": 11, "December": 12,
}
#: abbreviated month names -> month number; in a date they are written with a full stop ("Oct. 3, 2024")
MONTH_ABBREVIATIONS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sept": 9, "Sep": 9, "Oct": 10,
    "Nov": 11, "Dec": 12,
}
#: weekday names -> weekday number (Monday 0)
WEEKDAY_NAMES = {
    "Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6,
}
#: the word before a month that names a third of it ("early March", "mid-September") -> its first and last day
MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
