//! German event knowledge.

use crate::lang::Lang;
use crate::rules::EventTable;

/// The German table.
pub static TABLE: EventTable = EventTable {
    lang: Lang::De,
    resignation: &[
        // "ieri è stato il mio ultimo giorno", "Friday will be his last day".
        r"(?:mein|sein|ihr) letzter (?:tag|arbeitstag)",
        r"rücktritt",
        // The particle closes the clause: what may stand between verb and particle is listed,
        // so that "tritt nicht zurück" is no trigger (a blocker inside it would go unseen).
        r"(?:tritt|trat|treten|traten) (?:(?:heute|gestern|morgen|sofort|nun|jetzt|damit|bereits|ebenfalls|auch|daraufhin|schließlich|überraschend|vorzeitig|freiwillig|umgehend|offiziell|mit sofortiger wirkung|am \w+|im \w+|zum \w+|als \w+|von (?:seinem|ihrem) (?:amt|posten)) )?zurück",
        r"zurückgetreten",
        r"ausgeschieden|(?:scheidet|schied) (?:\w+ )?aus",
        r"(?:verlässt|verließ|verlassen) (?:das unternehmen|den konzern|die firma|den vorstand)",
        r"(?:legt|legte) (?:sein|ihr) amt nieder",
    ],
    dismissal: &[
        r"(?:wurde|wurden|ist|sind) (?:entlassen|gefeuert|abgesetzt|abberufen|geschasst)",
        r"(?:entließ|feuerte|entlässt|feuert)",
        r"entlassung von|abberufung",
    ],
    appointment: &[
        r"ernannt|ernennt|ernannte|ernennung",
        r"(?:übernimmt|übernahm) (?:den posten|die leitung|das amt|die führung|den vorsitz|die geschäftsführung)",
        r"(?:zum|zur) \w+ bestellt",
        r"(?:wird|wurde) (?:neuer|neue) ",
        r"(?:folgt|folgte) (?:auf|\w+ als)",
        r"berufen",
        r"(?:wechselt|wechselte) (?:zu|als)",
    ],
    valuation: &[
        r"bewertung",
        // German puts the figure before the participle: "mit 2,5 Milliarden Euro bewertet".
        r"bewertet",
        r"marktwert",
        r"(?:ist|war) (?:\w+ )?wert",
    ],
    funding: &[
        r"finanzierungsrunde",
        // "hat 45 Millionen Euro eingesammelt", "sammelte 45 Millionen Euro ein": the figure
        // stands before the participle, or after the finite verb.
        r"eingesammelt|(?:sammelt|sammelte|sammelten) ",
        r"kapitalspritze",
        r"kapitalerhöhung",
        r"investition von",
    ],
    revenue: &[r"umsatz", r"umsätze", r"erlöse", r"einnahmen"],
    employees: &[
        r"mitarbeiter(?:innen|n)?",
        r"beschäftigten?",
        r"angestellten?",
        r"arbeitnehmer(?:innen|n)?",
    ],
    layoff: &[
        r"(?:streicht|strich|streichen|abbauen|abbau|baut|baute)",
        r"stellenabbau|stellenstreichungen|entlassungen",
        r"(?:entlassen|entlässt|entließ)",
    ],
    jobs: &[
        r"stellen",
        r"arbeitsplätzen?",
        r"jobs",
        r"mitarbeiter(?:innen|n)?",
        r"beschäftigten?",
        r"entlassungen",
    ],
    founding: &[r"gegründet", r"(?:gründete|gründeten|gründet)", r"gründung"],
    acquisition: &[
        r"(?:übernimmt|übernahm|übernommen|übernahme)",
        r"(?:kauft|kaufte|gekauft|kauf von|erwirbt|erwarb|erworben)",
    ],
    roles: &[
        ("vorstandsvorsitzende[nr]?|vorstandschef(?:in)?|ceo", "CEO"),
        (
            "finanzvorständin|finanzvorstand|finanzchef(?:in)?|cfo",
            "CFO",
        ),
        ("technologievorstand|technikchef|cto", "CTO"),
        (
            "aufsichtsratsvorsitzende[nr]?|aufsichtsratschef(?:in)?",
            "chair",
        ),
        ("mitgründer|mitgründerin|mitbegründer", "co-founder"),
        ("gründer|gründerin", "founder"),
        ("präsident|präsidentin", "president"),
    ],
    decimal: ',',
    thousands: &['.', '\u{a0}', '\u{202f}'],
    multipliers: &[
        ("milliarden", 1e9),
        ("milliarde", 1e9),
        ("mrd", 1e9),
        ("millionen", 1e6),
        ("million", 1e6),
        ("mio", 1e6),
        ("tausend", 1e3),
    ],
    currencies: &[
        ("(?:us-)?dollar", "USD"),
        ("euro", "EUR"),
        ("pfund", "GBP"),
        ("yen", "JPY"),
        ("franken", "CHF"),
    ],
    number_words: &[
        ("ein|eine|einer", 1),
        ("zwei", 2),
        ("drei", 3),
        ("vier", 4),
        ("fünf", 5),
        ("sechs", 6),
        ("sieben", 7),
        ("acht", 8),
        ("neun", 9),
        ("zehn", 10),
        ("zwölf", 12),
        ("zwanzig", 20),
        ("hundert", 100),
    ],
    qualifiers: &[
        ("knapp über|etwas mehr als", "just_over"),
        ("mehr als|über", "more_than"),
        ("rund|etwa|circa|ungefähr|fast|knapp", "about"),
        ("weniger als|bis zu", "less_than"),
    ],
    present: &[
        r"derzeit",
        r"aktuell",
        r"heute",
        r"inzwischen",
        r"beschäftigt",
    ],
    birth: &[r"geboren"],
    pronouns: &[r"er|sie"],
    first_person: &[r"ich|mein|meine|meinen|meinem|meiner|mich|mir"],
    people: &[r"menschen|personen"],
    employ: &[r"beschäftigt(?:e|en)?|zählt(?:e|en)?"],
    future: &[r"wird|werden"],
    org_cues: &[r"von|bei|der"],
    locatives: &[r"in|aus|nach"],
    capitalised_nouns: true,
    pro_drop: false,
    agents: &[r"von|durch"],
    years_later: &[r"N jahre? später|N jahre? danach"],
    shortly_after: &[r"wenige stunden später", r"kurz darauf", r"am selben tag"],
    blockers: &[
        r"nicht|kein|keine|nie",
        r"könnte|könnten|dürfte",
        r"wenn|falls|ob",
        r"dementiert|bestritten",
        r"gerüchte?|spekulationen?",
        r"in verhandlungen|gespräche|kandidat(?:in)?|bieter",
        // Deals only sought or weighed.
        r"strebt|streben|erwägt|erwägen|prüft|prüfen",
        r"soll|sollen|sollte|sollten|erwartet|erwarten|erwartete|prognose|prognostiziert|ziel",
    ],
};
