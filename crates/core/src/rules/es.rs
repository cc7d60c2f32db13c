//! Spanish event knowledge.

use super::EventTable;
use crate::lang::Lang;

/// The Spanish table.
pub static TABLE: EventTable = EventTable {
    lang: Lang::Es,
    resignation: &[
        r"dimisión|dimitió|dimite|dimitir|dimitido",
        r"renunció|renuncia(?:do)? (?:a|como)",
        r"(?:deja|dejó|dejará|abandona|abandonó|abandonará) (?:su puesto|su cargo|la compañía|la empresa|el cargo|la dirección)",
        r"(?:se retira|se retiró|jubilación)",
    ],
    dismissal: &[
        r"(?:fue|ha sido|han sido|es|había sido) (?:despedid[oa]s?|destituid[oa]s?|cesad[oa]s?|expulsad[oa]s?|apartad[oa]s?)",
        r"(?:despidió|destituyó|cesó|despide)",
        r"despido de|destitución de|cese de",
    ],
    appointment: &[
        r"nombrad[oa]s?|nombramiento de|nombra\b",
        r"designad[oa]s?",
        r"(?:asumió|asume|asumirá) (?:el cargo|la dirección|la presidencia|el puesto)",
        r"(?:será|es) (?:ocupado|cubierto) por",
        r"(?:recuperó|recupera) su cargo",
        r"(?:volvió|regresó) a",
        r"(?:sustituye|sustituyó|reemplaza|reemplazó|sucede|sucedió) a",
        r"(?:se unió|se incorporó|se incorpora) a",
        r"llevaba en",
    ],
    valuation: &[
        r"valoración",
        r"valorad[oa] en",
        r"valor de mercado",
        r"(?:vale|valía) (?:más de |unos )?\d",
    ],
    funding: &[
        r"(?:recaudó|ha recaudado|captó|ha captado|levantó)",
        r"ronda de (?:financiación|inversión)",
        r"inyección de capital",
        r"ampliación de capital",
        r"inversión de",
    ],
    revenue: &[r"ingresos", r"facturación", r"ventas de", r"facturó"],
    employees: &[
        r"empleados",
        r"trabajadores",
        r"asalariados",
        r"personas en plantilla",
    ],
    layoff: &[
        r"despid(?:o|os|e|ió|ir|irá)",
        r"(?:recortar|recortará|recorta|recortó|eliminar|eliminará|elimina|eliminó|suprimir|suprimirá)",
        r"recortes? de (?:empleo|plantilla|personal)",
        r"expediente de regulación|ere\b",
    ],
    jobs: &[
        r"empleos",
        r"puestos de trabajo",
        r"puestos",
        r"empleados",
        r"trabajadores",
        r"despidos",
    ],
    founding: &[
        r"fundad[oa] (?:en|por)",
        r"(?:fundó|fundaron|ha fundado|creó|crearon) ",
        r"fundación de",
    ],
    acquisition: &[
        r"(?:adquirió|ha adquirido|adquiere|adquirirá|compró|ha comprado|compra|comprará)",
        r"adquirid[oa] por|comprad[oa] por",
        r"(?:adquisición|compra) de",
        r"pagará",
    ],
    roles: &[
        (
            "consejero delegado|consejera delegada|director ejecutivo|directora ejecutiva|ceo",
            "CEO",
        ),
        ("director financiero|directora financiera|cfo", "CFO"),
        ("director de tecnología|directora de tecnología|cto", "CTO"),
        ("presidente del consejo de administración", "chair"),
        ("cofundador|cofundadora", "co-founder"),
        ("fundador|fundadora", "founder"),
        ("vicepresidente|vicepresidenta", "vice president"),
        ("presidente|presidenta", "president"),
    ],
    decimal: ',',
    thousands: &['.', '\u{a0}', '\u{202f}'],
    multipliers: &[
        ("mil millones", 1e9),
        ("billones", 1e12),
        ("millones", 1e6),
        ("millón", 1e6),
        ("mil", 1e3),
    ],
    currencies: &[
        ("(?:de )?dólares(?: estadounidenses)?", "USD"),
        ("(?:de )?euros", "EUR"),
        ("(?:de )?libras(?: esterlinas)?", "GBP"),
        ("(?:de )?yenes", "JPY"),
    ],
    qualifiers: &[
        ("poco más de|algo más de", "just_over"),
        ("más de|por encima de", "more_than"),
        (
            "unos|unas|alrededor de|aproximadamente|casi|cerca de",
            "about",
        ),
        ("menos de|hasta", "less_than"),
    ],
    present: &[r"actualmente", r"hoy", r"en la actualidad", r"emplea"],
    birth: &[r"nacid[oa]|nació"],
    pronouns: &[r"él|ella"],
    pro_drop: true,
    agents: &[r"por"],
    years_later: &[r"N años? después|N años? más tarde"],
    shortly_after: &[r"pocas horas después", r"poco después", r"el mismo día"],
    blockers: &[
        r"no|nunca",
        r"podría|podrían",
        r"si",
        r"desmintió|desmiente|negó|niega",
        r"rumores?|especulaciones?",
        r"en negociaciones|candidat[oa]|postor|oferta por",
        r"tendrá|debería|previsto|prevista|objetivo",
    ],
};
