//! Portuguese event knowledge.

use crate::lang::Lang;
use crate::rules::EventTable;

/// The Portuguese table.
pub static TABLE: EventTable = EventTable {
    lang: Lang::Pt,
    resignation: &[
        // "ieri è stato il mio ultimo giorno", "Friday will be his last day".
        r"(?:o meu|o seu|meu|seu) último dia",
        r"renúncia|renunciou|renunciaram|renuncia ao cargo",
        r"demitiu-se|demitiram-se|pediu demissão|pediu a demissão|apresentou a (?:sua )?demissão",
        r"(?:deixou|deixa|deixará) (?:o cargo|a empresa|a companhia|o posto|a presidência|a liderança|a direção)",
        r"aposentadoria|reformou-se",
        r"(?:apresentou|apresentaram|comunicou|comunicaram) (?:a|as) (?:sua |suas )?(?:renúncia|renúncias|demissão)",
        r"(?:se aposenta|se aposentou|se aposentará|aposentou-se|vai se aposentar|aposentar-se)",
        r"(?:deixou|deixa|deixará|deixar|deixando|deixaram|deixam|deixarão) (?:o|a) ",
        r"(?:saiu|sai|sairá|saíram|saem|sairão) (?:da|do) ",
    ],
    dismissal: &[
        r"(?:foi|foram|tinha sido) (?:demitid[oa]s?|destituíd[oa]s?|afastad[oa]s?|exonerad[oa]s?)",
        r"(?:demitiu|destituiu|afastou|exonerou)",
        r"demissão de|destituição de",
    ],
    appointment: &[
        r"(?:começou|iniciou|começa|inicia|tinha começado|tinha iniciado) (?:a sua carreira|sua carreira|a carreira|a trabalhar)",
        r"nomead[oa]s?|nomeação de|nomeia|nomeou|nomearam|nomeará",
        r"(?:assumiu|assume|assumirá) (?:o cargo|a presidência|a direção|o posto|o comando)",
        r"(?:substitui|substituiu|sucede|sucedeu)",
        r"(?:juntou-se|entrou para|ingressou)",
        r"(?:será|é) (?:o |a )?(?:novo|nova)",
        r"(?:tornou-se|torna-se|se tornou|se torna|tornar-se-á) (?:o |a )?(?:nov[oa] )?",
        r"(?:nomeou|nomeia|nomeará|designou|designa|designar|designará|elegeu|elege|escolheu) ",
        r"designad[oa]s?|eleit[oa]s?|escolhid[oa]s?|indicad[oa]s?|promovid[oa]s?",
        r"(?:assume|assumiu|assumirá|assumindo|assumiram|assumem|assumirão)(?:\W|$)",
        r"(?:tomou|toma|tomará) posse",
        r"(?:ingressou|ingressa|entrou|chegou) (?:na|no|em|para|como)(?:\W|$)",
        r"passou a (?:ser|comandar|presidir|dirigir)",
    ],
    valuation: &[
        r"avaliação",
        r"avaliad[oa] em",
        // "que avalia a empresa em 1,1 mil milhões": the company between verb and figure.
        r"(?:avalia|avaliam|avaliava|avaliavam) (?:[\w'’]+ ){1,3}em",
        r"valor de mercado",
        r"valorização",
    ],
    funding: &[
        // Present forms with a space after them: "arrecadação" is tax collection.
        r"(?:capta |captou|arrecada |arrecadou|levanta |levantou|recebeu um aporte)",
        r"rodada de (?:investimento|financiamento)",
        r"(?:obteve|obtiveram|recebeu|receberam|conseguiu|fechou) (?:um |uma )?(?:financiamento|empréstimo|aporte|rodada)",
        r"aporte de",
        r"injeção de capital",
    ],
    revenue: &[
        r"receita",
        r"faturamento",
        r"facturação",
        r"vendas de",
        r"faturou|faturaram|facturou",
        r"(?:suas|as) vendas",
    ],
    employees: &[
        r"funcionários",
        r"empregados",
        r"trabalhadores",
        r"colaboradores",
        r"operários",
    ],
    layoff: &[
        r"(?:demitir|demitirá|demite|demitiu)",
        r"demissões",
        // "a demissão de 250 trabalhadores": with a count of workers after it.
        r"demissão de",
        r"(?:cortar|cortará|corta|cortou|eliminar|eliminará|eliminou)",
        r"cortes? de (?:empregos|vagas|postos)",
        r"dispens(?:ar|ou|ará|ado|ados|a|am|aram)(?:\W|$)|despedi(?:r|u|rá|ram)(?:\W|$)|despedimentos?",
    ],
    jobs: &[
        r"empregos",
        r"postos de trabalho",
        r"vagas",
        r"funcionários",
        r"trabalhadores",
        r"demissões",
        r"postos",
        r"operários",
        r"quadro",
    ],
    founding: &[
        r"fundad[oa] (?:em|por)",
        r"(?:fundou|fundaram|criou|criaram) ",
        r"fundação d[aeo]",
    ],
    acquisition: &[
        r"(?:adquiriu|adquire|adquirirá|comprou|compra|comprará)",
        // "por" + article contracts to "pelo"/"pela" ("comprada pela Vertana").
        r"adquirid[oa]s? (?:por|pel[oa])|comprad[oa]s? (?:por|pel[oa])",
        r"(?:aquisição|compra) d[aeo]",
    ],
    roles: &[
        (
            "diretor-presidente|diretora-presidente|presidente-executiva|presidente executiva",
            "CEO",
        ),
        (
            "diretor-geral|diretora-geral|diretor geral|diretora geral",
            "general manager",
        ),
        ("diretor de operações|diretora de operações", "COO"),
        (
            "diretor comercial|diretora comercial",
            "chief commercial officer",
        ),
        ("diretor de marketing|diretora de marketing", "CMO"),
        (
            "diretor de governança|diretora de governança",
            "chief governance officer",
        ),
        (
            "diretor de relações com investidores|diretora de relações com investidores",
            "head of investor relations",
        ),
        ("diretor jurídico|diretora jurídica", "general counsel"),
        ("tesoureiro|tesoureira", "treasurer"),
        (
            "diretor executivo|diretora executiva|presidente-executivo|presidente executivo|ceo",
            "CEO",
        ),
        ("diretor financeiro|diretora financeira|cfo", "CFO"),
        ("diretor de tecnologia|diretora de tecnologia|cto", "CTO"),
        (
            "presidente do conselho de administração|presidente do conselho",
            "chair",
        ),
        ("cofundador|cofundadora", "co-founder"),
        ("fundador|fundadora", "founder"),
        ("vice-presidente", "vice president"),
        ("presidente", "president"),
    ],
    decimal: ',',
    thousands: &['.', '\u{a0}', '\u{202f}', ' '],
    multipliers: &[
        ("mil milhões", 1e9),
        ("bilhões|bilhão|bilião|biliões", 1e9),
        ("milhões|milhão", 1e6),
        ("mil", 1e3),
    ],
    currencies: &[
        ("(?:de )?dólares(?: americanos)?", "USD"),
        ("(?:de )?euros", "EUR"),
        ("(?:de )?reais", "BRL"),
        ("(?:de )?libras", "GBP"),
    ],
    number_words: &[("cem", 100)],
    spelled_numbers: text2num::Language::portugese,
    qualifiers: &[
        ("pouco mais de", "just_over"),
        ("mais de|acima de", "more_than"),
        ("cerca de|aproximadamente|quase|por volta de", "about"),
        ("menos de|até", "less_than"),
    ],
    present: &[r"atualmente", r"hoje", r"emprega", r"conta com|empregam"],
    birth: &[r"nascid[oa]|nasceu"],
    pronouns: &[r"ele|ela"],
    first_person: &[r"eu|meu|minha|meus|minhas"],
    people: &[r"pessoas"],
    employ: &[r"empreg(?:a|am|ava|avam)|conta(?:va)? com"],
    future: &[r"\w+(?:rá|rão)"],
    past: &[r"tinha|tinham|havia|foi|foram|era|eram|\w+ou|\w+aram|\w+eram|\w+iram"],
    org_cues: &[r"de|da|do"],
    locatives: &[r"em|no|na"],
    capitalised_nouns: false,
    pro_drop: true,
    agents: &[r"por|pelo|pela|pelos|pelas"],
    years_later: &[r"N anos? depois|N anos? mais tarde"],
    plural: &[
        r"os dois|as duas|ambos|ambas|a dupla|o casal|os fundadores|os cofundadores|os irmãos|as irmãs",
    ],
    plural_pronouns: &[r"eles|elas"],
    leave: &[
        r"deixa|deixou|deixará|deixar|deixando|deixado|abandonou|abandona|saiu da|saiu do|sai da|sai do|sairá da|sairá do",
    ],
    since: &[r"desde"],
    next_year: &[r"no ano seguinte|o ano seguinte|um ano depois|um ano mais tarde"],
    same_year: &[
        r"naquele mesmo ano|nesse mesmo ano|do mesmo ano|no mesmo ano|naquele ano|nesse ano",
    ],
    shortly_after: &[
        r"poucas horas depois",
        r"pouco depois",
        r"no mesmo dia",
        r"(?:no|nesse) mesmo mês",
    ],
    predecessor: &[
        r"no lugar d[eoa]s?(?:\W|$)",
        r"(?:sucede|sucedeu|sucederá|substitui|substituiu|substituirá|suceder|substituir)(?:\W|$)",
        r"em substituição (?:a|de|do|da)(?:\W|$)",
        r"sucessor(?:a)? d[eoa](?:\W|$)",
    ],
    successor: &[
        r"(?:substituíd[oa]s?|substituid[oa]s?) (?:por|pel[oa])(?:\W|$)",
        r"(?:passa|passou|passará) o (?:bastão|comando|cargo) (?:a|para)(?:\W|$)",
    ],
    copulas: &[
        r"(?:será|é) (?:o |a )?(?:novo|nova)|tornou-se|torna-se|se tornou|se torna|tornar-se-á",
    ],
    adverbs: &[r"já|também|finalmente|oficialmente|recentemente|inesperadamente"],
    not_negations: &[r"não executiv[oa]s?|não independentes?"],
    participles: &[r"\w+(?:ad[oa]s?|id[oa]s?)"],
    epithets: &[r"(?:o|a) (?:executivo|executiva) de \d{2} anos"],
    effective: &[
        r"a partir de",
        r"a partir do",
        r"com efeitos? (?:a partir )?de",
    ],
    forecast: &[
        r"prevê|preveem|espera|esperam|estima|estimam|planeja|planejam|projeta",
        r"previsão|previsões|projeção|projeções|perspetivas|perspectivas",
    ],
    blockers: &[
        r"não|nunca",
        r"poderia|poderiam|poderá|pode|podem|possa|possam",
        r"estima|estimam|calcula|calculam",
        r"se",
        r"desmentiu|desmente|negou|nega",
        r"rumores?|especulações?",
        r"em negociações|candidat[oa]|oferta por",
        // Deals only sought or weighed.
        r"negocia|negociam|estuda|estudam|busca|buscam|pretende|pretendem",
        r"terá|deverá|deveria|deve|devem|previst[oa]|meta",
        r"favorit[oa]s?",
        // Ruled out: "descartou renunciar".
        r"descartou|descarta|descartam|afastou a hipótese",
    ],
};
