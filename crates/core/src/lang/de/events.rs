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
        r"(?:scheidet|schied|scheiden|schieden) (?:[\w.-]+ ){0,6}?aus(?:\W|$)",
        r"(?:legt|legte|legen|legten) (?:[\w.-]+ ){0,4}?\w*(?:amt|ämter|mandat|mandate|posten|vorsitz) (?:[\w.-]+ ){0,6}?nieder",
        r"niedergelegt",
        // Compounds name the company by their last part: "verlässt die Nordbank".
        r"(?:verlässt|verließ|verlassen|verließen) (?:[\w.-]+ ){0,3}?\w*(?:unternehmen|konzern|firma|vorstand|bank|gruppe|aufsichtsrat|spitze|geschäftsführung|posten)",
        // Verb-final: "hatte … die Bank verlassen", "wird das Unternehmen Ende Juni
        // verlassen".
        r"(?:das unternehmen|den konzern|die firma|den vorstand|die bank|die gruppe|den aufsichtsrat|die geschäftsführung) (?:(?:ende|anfang|mitte|im|am|zum|zur|per|bis|ab|noch|bereits|schon|nun|jetzt|bald|vorzeitig|spätestens|[\d.]+|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|jahresende|monatsende|sommer|herbst|winter|frühjahr) ){0,4}?(?:verlassen|verlässt|verließ)",
        // "hatte im Mai seinen Abschied angekündigt".
        r"(?:seinen|ihren) (?:abschied|abgang|rückzug|weggang) (?:[\w.-]+ ){0,4}?(?:angekündigt|erklärt|bekanntgegeben|verkündet|eingereicht)",
        // "stellt sein Amt zur Verfügung".
        r"(?:stellt|stellte|stellen|stellten) (?:[\w.-]+ ){0,4}?\w*(?:amt|posten|mandat|vorsitz) (?:[\w.-]+ ){0,3}?zur verfügung",
        r"(?:geht|ging|gehen|gingen|tritt|trat|treten) (?:[\w.-]+ ){0,5}?in den ruhestand",
        r"(?:zieht|zog) sich (?:[\w.-]+ ){0,6}?zurück",
        r"(?:gibt|gab|geben|gaben) (?:[\w.-]+ ){0,4}?\w*(?:amt|posten|vorsitz|führung|leitung) (?:[\w.-]+ ){0,4}?ab(?:\W|$)",
        r"in den ruhestand",
        r"(?:räumt|räumte|räumen|räumten) (?:[\w.-]+ ){0,3}?(?:posten|platz|stuhl|sessel|chefsessel)",
        r"(?:kündigt|kündigte|kündigten) (?:[\w.-]+ ){0,4}?(?:rücktritt|abschied|ausscheiden|abgang) an(?:\W|$)",
    ],
    dismissal: &[
        r"(?:wurde|wurden|ist|sind) (?:entlassen|gefeuert|abgesetzt|abberufen|geschasst)",
        r"(?:entließ|feuerte|entlässt|feuert)",
        r"entlassung von|abberufung",
        r"(?:trennt|trennte|trennen|trennten) sich (?:[\w.-]+ ){0,3}?von(?:\W|$)",
        r"freigestellt|abgelöst|vor die tür gesetzt",
        // The participle alone, verb-final: "hat Finanzchef X mit sofortiger Wirkung
        // abberufen", "wurde von seinen Aufgaben entbunden".
        r"abberufen|abgesetzt|geschasst|gefeuert|(?:aufgaben|pflichten|ämtern|amt) entbunden",
        r"(?:muss|musste|müssen|mussten) (?:[\w.-]+ ){0,3}?(?:gehen|seinen hut nehmen|ihren hut nehmen)",
    ],
    appointment: &[
        r"(?:begann|beginnt|startete|hatte begonnen) (?:seine|ihre) (?:karriere|laufbahn)",
        r"ernannt|ernennt|ernannte|ernennung",
        r"(?:übernimmt|übernahm) (?:den posten|die leitung|das amt|die führung|den vorsitz|die geschäftsführung)",
        r"(?:zum|zur) \w+ bestellt",
        // "wird zum 1. Juli neue Finanzchefin": an effective date may stand inside.
        r"(?:wird|wurde) (?:[\w.-]+ ){0,4}?(?:neuer|neue) ",
        r"(?:ist|war) seit (?:[\w.-]+ ){1,4}?(?:neuer|neue) ",
        r"berufen",
        r"(?:wechselt|wechselte|wechselten|gewechselt) (?:[\w.-]+ ){0,3}?(?:zu|zur|zum|als)(?:\W|$)",
        // German compounds put the office last: "den Vorstandsvorsitz", "die Konzernleitung",
        // "das Finanzressort".
        r"(?:übernimmt|übernahm|übernehmen|übernommen|übernehme) (?:[\w.-]+ ){0,6}?\w*(?:posten|leitung|amt|führung|vorsitz|geschäftsführung|verantwortung|ressort|position|aufgabe|spitze|nachfolge|finanzen)",
        r"(?:tritt|trat|treten|traten) (?:[\w.-]+ ){0,6}?(?:nachfolge|amt|posten|stelle|dienst) (?:[\w.-]+ ){0,6}?an(?:\W|$)",
        r"angetreten",
        r"nachfolger(?:in)? (?:wird|ist|wurde)",
        r"(?:wählte|wählten|wählt|wählen|gewählt)",
        r"(?:berief|beriefen|beruft)",
        r"(?:bestellt|bestellte|bestellten)",
        r"(?:holte|holten|holt|geholt) (?:[\w.-]+ ){0,6}?(?:an die spitze|in den vorstand|in die geschäftsführung)",
        // Verb-final: "der 2018 an die Spitze geholt worden war".
        r"(?:an die spitze|in den vorstand|in die geschäftsführung|in den aufsichtsrat) (?:geholt|berufen|gewählt)",
        r"(?:rückt|rückte|rückten) (?:[\w.-]+ ){0,6}?nach(?:\W|$)|nachgerückt",
        r"(?:kam|kommt|kamen|gekommen) (?:[\w.-]+ ){0,6}?(?:zu|zur|zum)(?:\W|$)",
        r"(?:stieß|stößt) (?:[\w.-]+ ){0,6}?zu(?:\W|$)",
        // The office first, its holder after the verb: "Den Vorsitz übernimmt X", "Neue
        // Finanzchefin wird X".
        r"(?:den posten|die leitung|das amt|die führung|den vorsitz|die geschäftsführung|die nachfolge) (?:übernimmt|übernahm|übernehmen)",
        r"(?:neuer|neue) \w+ (?:wird|wurde)",
        // "X löst Y als Vorstandschef ab": X arrives, Y leaves.
        r"(?:löst|löste|lösen|lösten) (?:[\w.-]+ ){1,8}?ab(?:\W|$)",
        // Promotions: "steigt zum Vorstandschef auf", "wurde zum Finanzvorstand befördert",
        // "zur Vorstandsvorsitzenden gemacht".
        r"(?:steigt|stieg|stiegen) (?:[\w.-]+ ){0,4}?(?:zum|zur) (?:[\w.-]+ ){0,3}?auf(?:\W|$)|aufgestiegen",
        r"befördert",
        r"(?:zum|zur) (?:neuen |neue )?\w*(?:chef|chefin|vorsitzenden|vorstand|direktor|direktorin|leiter|leiterin|präsidenten|präsidentin|sprecher|sprecherin|mitglied|geschäftsführer|geschäftsführerin) (?:gemacht|bestimmt)",
        // "kehrt als Vorstandschef zurück", "heuerte 2012 bei der Nordbank an".
        r"(?:kehrt|kehrte|kehrten) (?:[\w.-]+ ){0,3}?als (?:[\w.-]+ ){0,4}?zurück",
        r"(?:heuert|heuerte|heuerten) (?:[\w.-]+ ){0,6}?an(?:\W|$)|angeheuert",
        r"(?:rückt|rückte|rückten) (?:[\w.-]+ ){0,4}?an die spitze",
        r"(?:ist|war) (?:der|die) (?:neue|neuer) ",
        r"(?:nachfolge|amt|posten|vorsitz) (?:tritt|trat|treten|traten) (?:[\w.-]+ ){0,6}?an(?:\W|$)",
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
        r"seed-runde|seed-finanzierung|finanzierung über|serie-[a-f]-runde|series-[a-f]-runde",
    ],
    revenue: &[
        r"umsatz",
        r"umsätze",
        r"erlöse",
        r"einnahmen",
        r"(?:setzte|setzt|setzten) (?:[\w.,-]+ ){0,6}?um(?:\W|$)|umgesetzt",
        r"erwirtschaftet(?:e|en)?",
        r"geschäftsertrag|betriebsertrag|erträge",
    ],
    employees: &[
        r"mitarbeiter(?:innen|n)?",
        r"beschäftigten?",
        r"angestellten?",
        r"arbeitnehmer(?:innen|n)?",
        r"mitarbeitenden?",
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
        r"mitarbeitenden?",
        r"belegschaft",
    ],
    founding: &[r"gegründet", r"(?:gründete|gründeten|gründet)", r"gründung"],
    acquisition: &[
        r"(?:übernimmt|übernahm|übernommen|übernahme)",
        r"(?:kauft|kaufte|gekauft|kauf von|erwirbt|erwarb|erworben)",
    ],
    roles: &[
        (
            "vorsitzende[nr]? der geschäftsführung|vorsitzende[nr]? des vorstands",
            "CEO",
        ),
        ("geschäftsführer(?:in)?", "managing director"),
        (
            "personalvorständin|personalvorstand|personalchef(?:in)?",
            "chief people officer",
        ),
        (
            "vertriebsvorständin|vertriebsvorstand|vertriebschef(?:in)?",
            "chief sales officer",
        ),
        (
            "produktionsvorständin|produktionsvorstand",
            "chief production officer",
        ),
        ("technikvorständin|technikchefin", "CTO"),
        ("verwaltungsratspräsident(?:in)?", "chair"),
        ("generalbevollmächtigte[rn]?", "general manager"),
        ("chefjurist(?:in)?|general counsel", "general counsel"),
        (
            "vorstandsvorsitzende[nr]?|vorstandschef(?:in)?|konzernchef(?:in)?|ceo",
            "CEO",
        ),
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
        // "neuer Chef der Nordbank": the head of the company named after it.
        ("chef|chefin", "CEO"),
        // "Leiter des Privatkundengeschäfts": the head of a unit.
        ("leiter(?:in)?", "head"),
    ],
    decimal: ',',
    thousands: &['.', '\u{a0}', '\u{202f}', '\'', '’', ' '],
    multipliers: &[
        ("milliarden", 1e9),
        ("milliarde", 1e9),
        ("mrd", 1e9),
        ("millionen", 1e6),
        ("million", 1e6),
        ("mio", 1e6),
        ("tausend", 1e3),
        // "siebenhundert": a unit word glued to it.
        ("hundert", 1e2),
    ],
    currencies: &[
        ("(?:us-)?dollar", "USD"),
        ("euro", "EUR"),
        ("pfund", "GBP"),
        ("yen", "JPY"),
        ("franken|fr|chf", "CHF"),
    ],
    number_words: &[("hundert", 100)],
    spelled_numbers: text2num::Language::german,
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
        r"zählt",
    ],
    birth: &[r"geboren"],
    pronouns: &[r"er|sie"],
    first_person: &[r"ich|mein|meine|meinen|meinem|meiner|mich|mir"],
    people: &[r"menschen|personen"],
    employ: &[r"beschäftigt(?:e|en)?|zählt(?:e|en)?"],
    future: &[r"wird|werden"],
    past: &[
        r"hatte|hatten|war|waren|wurde|wurden|hat|haben|seit|trat|traten|ging|gingen|kam|kamen|gab|gaben|schied|schieden|verließ|übernahm|übernahmen",
    ],
    org_cues: &[r"von|bei|der"],
    locatives: &[r"in|aus|nach"],
    capitalised_nouns: true,
    pro_drop: false,
    agents: &[r"von|vom|durch"],
    years_later: &[r"N jahre? später|N jahre? danach"],
    plural: &[r"die beiden|beide|das duo|die gründer|die mitgründer|die brüder|die schwestern"],
    plural_pronouns: &[r"sie beide"],
    leave: &[r"verließ|verlässt|verlassen|verließen|verlassen hat|verlassen hatte"],
    since: &[r"seit"],
    next_year: &[
        r"im darauffolgenden Jahr|im folgenden Jahr|im Jahr darauf|im Folgejahr|ein Jahr später|ein Jahr darauf|ein Jahr danach",
    ],
    same_year: &[
        r"noch im selben Jahr|noch im gleichen Jahr|im selben Jahr|im gleichen Jahr|in jenem Jahr|desselben Jahres|des gleichen Jahres|jenes Jahres",
    ],
    shortly_after: &[
        r"wenige stunden später",
        r"kurz darauf",
        r"am selben tag",
        r"im (?:selben|gleichen) monat",
    ],
    predecessor: &[
        r"(?:folgt|folgte|folgen|folgten) (?:[\w.-]+ ){0,3}?auf(?:\W|$)",
        r"nachfolger(?:in)? (?:von|des|der)(?:\W|$)",
        r"anstelle von",
        r"(?:ersetzt|ersetzte|ersetzen) ",
        r"(?:übernimmt|übernahm|übernehmen|übernommen) (?:[\w.-]+ ){0,6}?von(?:\W|$)",
        r"(?:löst|löste|lösen|lösten) ",
    ],
    successor: &[
        r"ersetzt (?:durch|von)(?:\W|$)",
        r"(?:übergibt|übergab|übergeben) (?:[\w.-]+ ){0,4}?an(?:\W|$)",
    ],
    copulas: &[
        r"(?:wird|wurde) (?:[\w.-]+ ){0,4}?(?:neuer|neue)|(?:ist|war) seit (?:[\w.-]+ ){1,4}?(?:neuer|neue)|(?:ist|war) (?:der|die) (?:neue|neuer)",
    ],
    adverbs: &[
        r"bereits|schon|auch|nun|jetzt|inzwischen|offiziell|überraschend|kürzlich|endgültig",
    ],
    not_negations: &[r"nicht geschäftsführende[nrs]?|nicht unabhängige[nrs]?"],
    participles: &[r"ge\w+(?:t|en)"],
    epithets: &[r"(?:der|die) \d{2}-jährige"],
    effective: &[r"zum", r"per", r"ab", r"mit wirkung (?:zum|vom|ab)"],
    forecast: &[r"rechnet|rechnen|rechnete|in aussicht|plant|planen|anpeilt|peilt"],
    blockers: &[
        r"nicht|kein|keine|keinen|keinem|keiner|nie",
        r"könnte|könnten|dürfte|dürften|kann|können",
        r"schätzt|schätzen|rechnet mit|rechnen mit",
        r"wenn|falls|ob",
        r"dementiert|bestritten",
        r"gerüchte?|spekulationen?",
        r"in verhandlungen|gespräche|kandidat(?:in)?|bieter",
        // Deals only sought or weighed.
        r"strebt|streben|erwägt|erwägen|prüft|prüfen",
        r"soll|sollen|sollte|sollten|erwartet|erwarten|erwartete|prognose|prognostiziert|ziel",
        // Ruled out: "schloss einen Rücktritt aus".
        r"schloss|schließt|ausgeschlossen",
        r"hofft|hoffen",
        r"favorit(?:in|en)?",
    ],
};
