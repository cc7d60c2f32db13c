//! Holiday names every language's texts use as they are (transliterated Hebrew, Arabic and
//! Chinese feasts, Orthodox feasts in English): added to each language's own table.

use super::{Holiday, Sem, Sem::Holiday as H};

const ROSH_HASHANAH: Holiday = Holiday::Days(&Holiday::Hebrew(6, 29), 3);
const HANUKKAH: Holiday = Holiday::Days(&Holiday::Hebrew(9, 24), 8);
const PASSOVER: Holiday = Holiday::Days(&Holiday::Hebrew(1, 14), 9);
const SUKKOT: Holiday = Holiday::Days(&Holiday::Hebrew(7, 14), 9);
const SHAVUOT: Holiday = Holiday::Days(&Holiday::Hebrew(3, 5), 3);
const RAMADAN: Holiday = Holiday::Until(&Holiday::Islamic(9, 1), &Holiday::Islamic(10, 1));

/// Names and their holidays.
pub static WORDS: &[(&str, Sem)] = &[
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
    (
        "tu bishvat|tu bi'shvat|tu bischevat|tu b'shevat",
        H(Holiday::Hebrew(11, 14)),
    ),
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
        "isra and mi'raj|isra and miraj|isra' and mi'raj|al-isra wal-miraj",
        H(Holiday::Islamic(7, 27)),
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
        "clean monday|orthodox shrove monday|pure monday|ash monday",
        H(Holiday::Orthodox(-48)),
    ),
    ("lazarus saturday", H(Holiday::Orthodox(-8))),
    (
        "great lent|great fast",
        H(Holiday::Until(
            &Holiday::Orthodox(-48),
            &Holiday::Orthodox(-8),
        )),
    ),
    ("koningsdag", H(Holiday::NotSunday(4, 27))),
];
