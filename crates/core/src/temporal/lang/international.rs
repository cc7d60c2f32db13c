//! What every language's texts write the same way, added to each language's own table:
//! holiday names used as they are (transliterated Hebrew, Arabic and Chinese feasts, Orthodox
//! feasts in English), and the minute and second marks.

use super::{Holiday, Sem, Sem::Holiday as H};
use crate::temporal::Grain;

/// Minute and second marks after a number ("in 15'", "dans 1\""); a unit only glued to it.
pub static MARKS: &[(&str, Sem)] = &[
    ("'", Sem::Unit(Grain::Minute)),
    ("\"", Sem::Unit(Grain::Second)),
];

const ROSH_HASHANAH: Holiday = Holiday::Days(&Holiday::Hebrew(6, 29), 3);
const HANUKKAH: Holiday = Holiday::Days(&Holiday::Hebrew(9, 24), 8);
const PASSOVER: Holiday = Holiday::Days(&Holiday::Hebrew(1, 14), 9);
const SUKKOT: Holiday = Holiday::Days(&Holiday::Hebrew(7, 14), 9);
const SHAVUOT: Holiday = Holiday::Days(&Holiday::Hebrew(3, 5), 3);
const RAMADAN: Holiday = Holiday::Until(&[Holiday::Islamic(9, 1), Holiday::Islamic(10, 1)]);

/// Names and their holidays, and time zones written the same way everywhere.
pub static WORDS: &[(&str, Sem)] = &[
    ("gmt|utc", Sem::Zone(0)),
    ("cet|mez", Sem::Zone(60)),
    ("cest|mesz", Sem::Zone(120)),
    ("bst", Sem::Zone(60)),
    ("eest", Sem::Zone(180)),
    ("pst", Sem::Zone(-480)),
    ("pdt", Sem::Zone(-420)),
    ("mst", Sem::Zone(-420)),
    ("mdt", Sem::Zone(-360)),
    ("cst", Sem::Zone(-360)),
    ("cdt", Sem::Zone(-300)),
    ("edt", Sem::Zone(-240)),
    // Hebrew calendar (holidays that begin at sundown: the day whose evening opens them).
    (
        "rosh hashanah|rosh hashana|rosh hashanna|rosh ha-shanah|rosch haschana|rosch ha-schana|rosch ha-schanah",
        H(ROSH_HASHANAH),
    ),
    ("yom kippur|jom kippur", H(Holiday::Hebrew(7, 9))),
    (
        "shemini atzeret|schmini azeret|schemini azeret",
        H(Holiday::Hebrew(7, 21)),
    ),
    (
        "simchat torah|simchas torah|simhat torah",
        H(Holiday::Hebrew(7, 22)),
    ),
    ("tisha b'av|tisha bav|tisha be'av", H(Holiday::Hebrew(5, 9))),
    (
        "lag b'omer|lag baomer|lag laomer|lag ba'omer",
        H(Holiday::Hebrew(2, 17)),
    ),
    (
        "yom hashoah|jom haschoah|jom hashoah",
        H(Holiday::Hebrew(1, 26)),
    ),
    (
        "hanukkah|chanukah|hanukah|hannukkah|chanukka|hanukka|chanuka",
        H(HANUKKAH),
    ),
    ("passover|pesach|pessach", H(PASSOVER)),
    ("sukkot|succos|sukkoth", H(SUKKOT)),
    ("shavuot|schawuot|shavuos", H(SHAVUOT)),
    ("purim", H(Holiday::Hebrew(12, 13))),
    ("shushan purim", H(Holiday::Hebrew(12, 14))),
    // Islamic calendar.
    ("ramadan|ramadhan|ramazan", H(RAMADAN)),
    (
        "eid al-fitr|eid al fitr|eid ul-fitr|eid-ul-fitr|id al-fitr",
        H(Holiday::Islamic(10, 1)),
    ),
    (
        "eid al-adha|eid al adha|id ul-adha|eid ul-adha|bakr id|bakr-id|bakrid",
        H(Holiday::Islamic(12, 10)),
    ),
    (
        "laylat al-qadr|laylat al qadr|laylat al kadr|lailat al-qadr|laylat al-kadr",
        H(Holiday::Islamic(9, 27)),
    ),
    ("amun jadid|hijri new year", H(Holiday::Islamic(1, 1))),
    ("ashura|aschura|day of ashura", H(Holiday::Islamic(1, 10))),
    (
        "mawlid|mawlid al-nabawi|mawlid an-nabi|maulid an-nabi|mawlid al-nabi|milad un nabi",
        H(Holiday::Islamic(3, 12)),
    ),
    (
        "isra and mi'raj|isra and miraj|isra' and mi'raj",
        H(Holiday::Islamic(7, 27)),
    ),
    (
        "jamat ul-vida|jumu'atul-wida|jumuatul wida|jamat-ul-vida|jumu'ah al-wida",
        H(Holiday::WeekdayBefore(&Holiday::Islamic(10, 1), 4)),
    ),
    // Chinese calendar.
    (
        "chinese new year|chinese new year's day|chinese new years|chinese lunar new year|chinese lunar new year's day|lunar new year",
        H(Holiday::ChineseNewYear(1)),
    ),
    // Orthodox (Julian) Easter cycle.
    (
        "orthodox easter|orthodox easter sunday|orthodox easter day",
        H(Holiday::Orthodox(0)),
    ),
    ("orthodox easter monday", H(Holiday::Orthodox(1))),
    (
        "orthodox good friday|orthodox great friday|orthodox holy friday",
        H(Holiday::Orthodox(-2)),
    ),
    ("orthodox holy saturday", H(Holiday::Orthodox(-1))),
    ("orthodox palm sunday", H(Holiday::Orthodox(-7))),
    (
        "clean monday|orthodox shrove monday",
        H(Holiday::Orthodox(-48)),
    ),
    ("lazarus saturday", H(Holiday::Orthodox(-8))),
    (
        "great lent|great fast",
        H(Holiday::Until(&[
            Holiday::Orthodox(-48),
            Holiday::Orthodox(-8),
        ])),
    ),
    ("koningsdag", H(Holiday::NotSunday(4, 27))),
];

/// Hindu, Sikh and Jain feasts (lunar days of the amanta months, solar ingresses).
pub static INDIAN: &[(&str, Sem)] = &[
    (
        "dhanteras|dhanatrayodashi|dhantrayodashi|dhan teras",
        H(Holiday::Tithi(7, 28, 20)),
    ),
    (
        "choti diwali|chhoti diwali|kali chaudas|naraka chaturdashi|narak chaturdashi",
        H(Holiday::Tithi(7, 29, 20)),
    ),
    (
        "diwali|deepavali|divali|lakshmi puja|laxmi puja",
        H(Holiday::Tithi(7, 30, 20)),
    ),
    (
        "govardhan puja|annakut|govardhan pooja",
        H(Holiday::Tithi(8, 1, 7)),
    ),
    (
        "bhai dooj|bhaiya dooj|bhai tika|bhau beej|bhai phonta",
        H(Holiday::Tithi(8, 2, 13)),
    ),
    (
        "chhath|chhath puja|dala puja|dala chhath|surya shashthi|surya sashti",
        H(Holiday::Tithi(8, 6, 17)),
    ),
    ("maha saptami", H(Holiday::Tithi(7, 7, 7))),
    ("maha ashtami|durga ashtami", H(Holiday::Tithi(7, 8, 7))),
    ("maha navami", H(Holiday::Tithi(7, 9, 7))),
    (
        "dussehra|dusshera|dasara|vijayadashami|vijaya dashami",
        H(Holiday::Tithi(7, 10, 16)),
    ),
    ("karva chauth|karwa chauth", H(Holiday::Tithi(7, 19, 20))),
    (
        "ratha-yatra|ratha yatra|rath yatra|rathyatra",
        H(Holiday::Tithi(4, 2, 7)),
    ),
    ("raksha bandhan|rakhi|rakhri", H(Holiday::Tithi(5, 15, 13))),
    (
        "mahavir jayanti|mahaveer jayanti|mahavir janma kalyanak|mahaveer janma kalyanak",
        H(Holiday::Tithi(1, 13, 7)),
    ),
    (
        "maha shivaratri|maha shivratri|mahashivaratri|shivaratri|shivratri",
        H(Holiday::Tithi(11, 29, 24)),
    ),
    (
        "vasant panchami|basant panchami|saraswati puja",
        H(Holiday::Tithi(11, 5, 9)),
    ),
    (
        "holika dahan|chhoti holi|choti holi|kamudu pyre",
        H(Holiday::Tithi(12, 15, 20)),
    ),
    (
        "holi|dhulandi|dhulheti|phagwah|rangwali holi",
        H(Holiday::Offset(&Holiday::Tithi(12, 15, 20), 1)),
    ),
    (
        "krishna janmashtami|janmashtami|gokulashtami|krishnashtami",
        H(Holiday::Tithi(5, 23, 24)),
    ),
    (
        "ganesh chaturthi|vinayaka chaturthi|ganesha chaturthi",
        H(Holiday::Tithi(6, 4, 12)),
    ),
    ("rama navami|ram navami", H(Holiday::Tithi(1, 9, 12))),
    (
        "ugadi|yugadi|gudi padwa|samvatsaradi|chaitra sukladi|chaitra sukhladi",
        H(Holiday::Tithi(1, 1, 7)),
    ),
    (
        "valmiki jayanti|maharishi valmiki jayanti|pargat diwas",
        H(Holiday::Tithi(7, 15, 7)),
    ),
    (
        "guru ravidas jayanti|guru ravidass jayanti|guru ravidas birthday|guru ravidass birthday|guru ravidas geburtstag|guru ravidass geburtstag",
        H(Holiday::Tithi(11, 15, 7)),
    ),
    (
        "guru gobind singh jayanti|guru govind singh jayanti|guru gobind singh birthday|guru gobind singh geburtstag",
        H(Holiday::Tithi(10, 7, 7)),
    ),
    (
        "vesak|vaisakha|buddha purnima|buddha jayanti|buddha day|wesak|wesakfest|buddha-tag",
        H(Holiday::Tithi(2, 15, 20)),
    ),
    (
        "navaratri|navratri|durga puja|sharad navratri",
        H(Holiday::Until(&[
            Holiday::Tithi(7, 1, 12),
            Holiday::Offset(&Holiday::Tithi(7, 10, 16), 1),
        ])),
    ),
    ("onam|thiru onam|thiruvonam", H(Holiday::Nakshatra(4, 21))),
    (
        "parsi new year|jamshedi navroz|jamshedi navroze|parsi neujahr",
        H(Holiday::Vague(2018, 8, 17)),
    ),
    (
        "makar sankranti|makara sankranti|makara sankranthi|makar sankranthi|pongal|thai pongal",
        H(Holiday::Sankranti(9)),
    ),
    (
        "bogi|bhogi|bogi pandigai|bhogi pandigai",
        H(Holiday::Offset(&Holiday::Sankranti(9), -1)),
    ),
    (
        "maattu pongal|mattu pongal",
        H(Holiday::Offset(&Holiday::Sankranti(9), 1)),
    ),
    (
        "kaanum pongal|kanni pongal|kanum pongal",
        H(Holiday::Offset(&Holiday::Sankranti(9), 2)),
    ),
    (
        "vaisakhi|baisakhi|vasakhi|vaishakhi|vaisakhi day",
        H(Holiday::Sankranti(0)),
    ),
    (
        "rabindra jayanti|rabindranath jayanti|rabindranath tagore jayanti",
        H(Holiday::Offset(&Holiday::Sankranti(0), 25)),
    ),
];
