"""Small word lists that entity finding and linking share: titles, honorifics, place spellings.

These are closed-class lists (forms of address, office words, nationality adjectives, the
transliteration variants of a few much-reported places), not a gazetteer of names: a person or an
organisation is never recognised because it is listed here.
"""

from __future__ import annotations

import unicodedata

HONORIFICS: frozenset[str] = frozenset(
    {
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "dr", "dr.", "sir", "dame",
        "lord", "lady", "prof", "prof.", "rev", "rev.", "sheikh", "madam", "monsieur", "herr",
    }
)
"""Forms of address: dropped from a name, never a title."""

HONORIFIC_GENDER: dict[str, str] = {
    "mr": "m", "mr.": "m", "sir": "m", "lord": "m", "monsieur": "m", "herr": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "madam": "f", "dame": "f", "lady": "f",
}
"""The gender a form of address tells ("Mr. Obama" is a man): kept on a mention when the name drops it."""

TITLE_HEADS: frozenset[str] = frozenset(
    {
        "president", "premier", "chancellor", "minister", "secretary", "secretary-general",
        "adviser", "advisor", "spokesperson", "spokesman", "spokeswoman", "ambassador", "envoy",
        "diplomat", "senator", "sen.", "representative", "rep.", "congressman", "congresswoman",
        "lawmaker", "legislator", "mp", "member", "governor", "gov.", "mayor", "general", "gen.",
        "admiral", "commander", "colonel", "col.", "lieutenant", "lt.", "captain", "capt.",
        "sergeant", "sgt.", "director", "chief", "chairman", "chairwoman", "chair", "chairperson",
        "head", "commissioner", "king", "queen", "prince", "princess", "emperor", "pope",
        "leader", "speaker", "official", "officer", "judge", "justice", "prosecutor", "attorney",
        "counsel", "ceo", "founder", "executive", "manager", "coach", "analyst", "economist",
        "negotiator", "coordinator", "aide", "counterpart", "correspondent", "editor",
        "cardinal", "bishop", "archbishop", "rabbi", "imam", "patriarch", "minister-president", "nominee",
        "councillor", "councilor", "councilman", "councilwoman", "alderman", "alderwoman",
    }
)
"""Words that make a phrase a title or office ("Foreign *Minister*", "*Secretary* of State")."""

ROLE_HEADS: frozenset[str] = frozenset(
    {
        "president", "premier", "chancellor", "minister", "secretary", "secretary-general",
        "adviser", "advisor", "diplomat", "spokesperson", "spokesman", "spokeswoman",
        "ambassador", "envoy", "governor", "mayor", "speaker", "leader", "general", "chief",
        "chairman", "chairwoman", "chair", "commander", "king", "queen", "pope",
    }
)
"""Offices one person holds at a time, so that "the Secretary of State" can name its holder."""

BARE_ROLE_HEADS: frozenset[str] = frozenset(
    {
        "president", "premier", "chancellor", "mayor", "governor", "minister", "secretary",
        "ambassador", "spokesperson", "spokesman", "spokeswoman", "pope", "king", "queen",
    }
)
"""Offices that name a person even alone and in lower case ("the mayor said"), unlike "the leader"."""

TITLES_BEFORE_NAMES: frozenset[str] = frozenset(
    {
        "councillor", "councilor", "councilman", "councilwoman", "alderman", "alderwoman", "senator", "governor",
        "mayor", "president", "commissioner", "judge", "secretary", "ambassador", "congressman", "congresswoman",
        "minister", "premier", "chancellor", "prosecutor",
    }
)
"""Offices written right before a name ("Councillor Imogen Tully"), seldom the first word of an organisation's."""

CALLINGS_BEFORE_NAMES: frozenset[str] = frozenset(
    {
        "billionaire", "businessman", "businesswoman", "mogul", "tycoon", "actress", "actor", "singer", "comedian",
        "rapper", "musician", "artist", "author", "novelist", "writer", "columnist", "journalist", "anchor", "host",
        "commentator", "pundit", "strategist", "pollster", "historian", "filmmaker", "producer", "philanthropist",
        "investor", "entrepreneur", "heiress", "activist", "pastor", "preacher", "evangelist", "democrat",
        "republican", "independent", "libertarian", "candidate", "challenger", "incumbent", "hopeful", "veteran",
        "lawyer", "scientist", "astronaut", "athlete", "quarterback", "boxer", "star", "socialite", "blogger",
    }
)
"""Callings a writer puts before a name without making them a title ("Billionaire Donald Trump", "Actress Amandla
Stenberg", "Democrat Elijah Cummings"): no part of the name."""

TITLE_MODIFIERS: frozenset[str] = frozenset(
    {
        "prime", "vice", "deputy", "foreign", "defence", "defense", "national", "security",
        "state", "home", "interior", "finance", "treasury", "trade", "energy", "health",
        "economy", "economic", "affairs", "top", "senior", "former", "acting", "first", "press",
        "white", "house", "council", "parliament", "congress", "senate", "cabinet",
        "presidential", "military", "political", "policy", "intelligence", "armed", "forces",
        "joint", "staff", "department", "ministry", "government", "public", "high", "supreme",
        "permanent", "special", "assistant", "associate", "executive", "general", "chief",
        "defence-minister", "european", "commission", "united", "nations", "opposition",
        "majority", "minority", "party",
    }
)
"""Words that may stand in a title beside its head ("*Deputy Prime* Minister", "*National* Adviser")."""

NAME_SUFFIXES: frozenset[str] = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
"""Generational suffixes: kept in a name but never taken for its surname."""

SURNAME_PARTICLES: frozenset[str] = frozenset(
    {"de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "le", "la", "al", "el", "bin", "ibn"}
)
"""Lower-case particles that belong to the surname that follows them ("van der Leyen")."""

PLATFORMS: frozenset[str] = frozenset(
    {
        "twitter", "facebook", "instagram", "youtube", "tiktok", "snapchat", "reddit", "telegram", "whatsapp",
        "linkedin", "google", "microsoft", "netflix", "spotify", "wikileaks", "wikipedia",
    }
)
"""Platforms and companies the model takes for a person ("she took to Twitter"): never anyone a pronoun names."""

PLACE_VARIANTS: dict[str, str] = {
    "kyiv": "kyiv", "kiev": "kyiv", "kyyiv": "kyiv",
    "kharkiv": "kharkiv", "kharkov": "kharkiv",
    "odesa": "odesa", "odessa": "odesa",
    "lviv": "lviv", "lvov": "lviv", "lwow": "lviv",
    "mykolaiv": "mykolaiv", "nikolaev": "mykolaiv", "nikolayev": "mykolaiv",
    "zaporizhzhia": "zaporizhzhia", "zaporizhia": "zaporizhzhia", "zaporozhye": "zaporizhzhia",
    "luhansk": "luhansk", "lugansk": "luhansk",
    "donetsk": "donetsk", "kherson": "kherson", "vovchansk": "vovchansk", "volchansk": "vovchansk",
    "chernihiv": "chernihiv", "chernigov": "chernihiv", "bakhmut": "bakhmut", "artemivsk": "bakhmut",
    "belgorod": "belgorod", "donbas": "donbas", "donbass": "donbas", "crimea": "crimea",
    "chisinau": "chisinau", "kishinev": "chisinau", "tbilisi": "tbilisi", "tiflis": "tbilisi",
    "beijing": "beijing", "peking": "beijing", "mumbai": "mumbai", "bombay": "mumbai",
    "myanmar": "myanmar", "burma": "myanmar", "gaza": "gaza",
    "us": "united states", "usa": "united states", "united states": "united states",
    "united states of america": "united states", "america": "united states",
    "uk": "united kingdom", "united kingdom": "united kingdom", "britain": "united kingdom",
    "great britain": "united kingdom",
    "ukraine": "ukraine", "the ukraine": "ukraine", "russia": "russia", "russian federation": "russia",
    "eu": "european union", "european union": "european union",
}
"""Folded spellings (lower case, no dots) of places that are written several ways, to one key."""

PLACE_NAMES: dict[str, str] = {
    "kyiv": "Kyiv", "kharkiv": "Kharkiv", "odesa": "Odesa", "lviv": "Lviv", "mykolaiv": "Mykolaiv",
    "zaporizhzhia": "Zaporizhzhia", "luhansk": "Luhansk", "donetsk": "Donetsk", "kherson": "Kherson",
    "vovchansk": "Vovchansk", "chernihiv": "Chernihiv", "bakhmut": "Bakhmut", "belgorod": "Belgorod",
    "donbas": "Donbas", "crimea": "Crimea", "chisinau": "Chisinau", "tbilisi": "Tbilisi",
    "beijing": "Beijing", "mumbai": "Mumbai", "myanmar": "Myanmar", "gaza": "Gaza",
    "united states": "United States", "united kingdom": "United Kingdom", "ukraine": "Ukraine",
    "russia": "Russia", "european union": "European Union",
}
"""The name shown for each key of ``PLACE_VARIANTS``."""

COUNTRY_WORDS: dict[str, str] = {
    "us": "united states", "usa": "united states", "united states": "united states",
    "america": "united states", "american": "united states",
    "uk": "united kingdom", "britain": "united kingdom", "british": "united kingdom",
    "united kingdom": "united kingdom",
    "ukraine": "ukraine", "ukrainian": "ukraine", "russia": "russia", "russian": "russia",
    "france": "france", "french": "france", "germany": "germany", "german": "germany",
    "china": "china", "chinese": "china", "israel": "israel", "israeli": "israel",
    "poland": "poland", "polish": "poland", "italy": "italy", "italian": "italy",
    "spain": "spain", "spanish": "spain", "turkey": "turkey", "turkish": "turkey",
    "iran": "iran", "iranian": "iran", "japan": "japan", "japanese": "japan",
    "india": "india", "indian": "india", "canada": "canada", "canadian": "canada",
    "pakistan": "pakistan", "pakistani": "pakistan", "belarus": "belarus", "belarusian": "belarus",
    "finland": "finland", "finnish": "finland", "sweden": "sweden", "swedish": "sweden",
    "nato": "nato", "eu": "european union", "european union": "european union",
    "kremlin": "russia", "white house": "united states", "pentagon": "united states",
}
"""Folded country names, adjectives and metonyms, to the country a title belongs to."""

TITLE_ABBREVIATIONS: dict[str, str] = {
    "sen": "senator", "rep": "representative", "gov": "governor", "lt": "lieutenant",
    "sec": "secretary", "secy": "secretary", "pres": "president", "atty": "attorney", "amb": "ambassador",
    "col": "colonel", "capt": "captain", "cmdr": "commander", "supt": "superintendent", "prof": "professor",
}
"""Title words written short, as folded (no dots): "Sen. Bernie Sanders" is "the senator"."""

US_STATE_ABBREVIATIONS: dict[str, str] = {
    "ala": "alabama", "al": "alabama", "alaska": "alaska", "ak": "alaska", "ariz": "arizona", "az": "arizona",
    "ark": "arkansas", "ar": "arkansas", "calif": "california", "ca": "california", "colo": "colorado",
    "co": "colorado", "conn": "connecticut", "ct": "connecticut", "del": "delaware", "de": "delaware",
    "fla": "florida", "fl": "florida", "ga": "georgia", "hawaii": "hawaii", "hi": "hawaii", "idaho": "idaho",
    "id": "idaho", "ill": "illinois", "il": "illinois", "ind": "indiana", "in": "indiana", "iowa": "iowa",
    "ia": "iowa", "kan": "kansas", "kans": "kansas", "ks": "kansas", "ky": "kentucky", "la": "louisiana",
    "maine": "maine", "me": "maine", "md": "maryland", "mass": "massachusetts", "ma": "massachusetts",
    "mich": "michigan", "mi": "michigan", "minn": "minnesota", "mn": "minnesota", "miss": "mississippi",
    "ms": "mississippi", "mo": "missouri", "mont": "montana", "mt": "montana", "neb": "nebraska",
    "ne": "nebraska", "nev": "nevada", "nv": "nevada", "nh": "new hampshire", "nj": "new jersey",
    "nm": "new mexico", "ny": "new york", "nc": "north carolina", "nd": "north dakota", "ohio": "ohio",
    "oh": "ohio", "okla": "oklahoma", "ok": "oklahoma", "ore": "oregon", "or": "oregon", "pa": "pennsylvania",
    "ri": "rhode island", "sc": "south carolina", "sd": "south dakota", "tenn": "tennessee", "tn": "tennessee",
    "texas": "texas", "tx": "texas", "utah": "utah", "ut": "utah", "vt": "vermont", "va": "virginia",
    "wash": "washington", "wa": "washington", "wva": "west virginia", "wv": "west virginia", "wis": "wisconsin",
    "wi": "wisconsin", "wyo": "wyoming", "wy": "wyoming",
}
"""US states as news agencies and the post write them short, folded without dots ("S.C." is "sc"): the state in a
lawmaker's party tag ("Sen. Lindsey Graham (R-S.C.)")."""

OFFICE_SPELLINGS: dict[str, str] = {
    "advisor": "adviser", "defence": "defense", "spokesman": "spokesperson",
    "spokeswoman": "spokesperson", "chairman": "chair", "chairwoman": "chair", "chairperson": "chair",
    **TITLE_ABBREVIATIONS,
}
"""Word spellings an office is compared under ("advisor" = "adviser", "Sen." = "senator")."""

OFFICE_FORMS: dict[str, str] = {
    "minister of foreign affairs": "foreign minister",
    "foreign affairs minister": "foreign minister",
    "minister for foreign affairs": "foreign minister",
    "secretary of defense": "defense secretary",
    "minister of defense": "defense minister",
    "national security adviser": "national security adviser",
}
"""Whole-office rewrites so that two word orders of one office compare equal."""

GENERIC_OFFICES: dict[str, frozenset[str]] = {
    "top diplomat": frozenset({"foreign minister", "secretary of state", "foreign secretary"}),
}
"""Descriptions that name an office by what it does ("top diplomat") and the offices they fit."""

HEADLINE_VERBS: frozenset[str] = frozenset(
    {
        "says", "said", "visits", "visited", "meets", "met", "wins", "won", "warns", "urges", "calls",
        "vows", "slams", "backs", "announces", "arrives", "returns", "tells", "rejects", "signs",
        "defends", "resigns", "denies", "admits", "pledges", "promises", "criticises", "criticizes",
        "praises", "blames", "condemns", "faces", "seeks", "plans", "travels", "heads", "joins",
        "leaves", "holds", "discusses", "talks", "speaks", "responds", "hits", "blasts", "insists",
        "claims", "confirms", "reveals", "unveils", "launches", "orders", "approves", "demands",
        "asks", "threatens", "accuses", "dismisses", "welcomes", "hails", "thanks", "attends",
        "addresses", "hosts", "lands", "quits", "fires", "names", "picks", "sues", "wants", "gets",
        # after a plural subject ("Residents Return Home"): the base forms
        "return", "flee", "say", "warn", "urge", "call", "vow", "demand", "seek", "face", "plan", "protest",
        "rally", "react", "mourn", "count", "sleep", "brace", "wait", "gather", "fear", "await",
        # a byline run into its date ("Adeel Rafiq Published March 8")
        "published", "updated", "posted", "modified", "edited", "reviewed",
    }
)
"""Verbs that follow a name in title-case headlines ("Blinken Visits Kyiv"), never a name's last word."""

BOILERPLATE_WORDS: tuple[str, ...] = (
    "read more", "related topics", "related posts", "related stories", "recent stories",
    "don't miss", "don’t miss", "icon-", "cookie", "newsletter", "subscribe", "comment",
    "share this", "more stories",
)
"""Fragments of page furniture that the small model sometimes tags as an organisation."""


def fold(text: str) -> str:
    """Return the comparison form of a name: no accents, dots or leading "the", lower case."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace(".", "").lower()
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


def surname_first(words: list[str]) -> bool:
    """Tell whether a two-word name puts the surname first, as Korean names do: a hyphenated given name whose
    second part is lower case ("Ban Ki-moon", "Kim Jong-un", "Park Geun-hye"), so "Mr. Ban" is him."""
    if len(words) != 2:
        return False
    given = words[1].split("-")
    return len(given) == 2 and given[0][:1].isupper() and given[1][:1].islower()
