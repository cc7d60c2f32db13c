//! The files other tools read, as serde types that both `dateline export` writes and
//! `dateline import` reads, so that a column or field is defined once.
//!
//! - [`CsvRow`]: one event as a CSV row (spreadsheets).
//!
//! TimelineJS JSON and iCalendar are still written by `export` (TimelineJS through
//! `serde_json::Value`, iCalendar through the `icalendar` crate) and TimelineJS read by
//! `import`.

use serde::{Deserialize, Serialize};

/// The CSV columns, in order: the fields of [`CsvRow`] (a test keeps the two in step).
pub const CSV_COLUMNS: [&str; 17] = [
    "id",
    "date",
    "precision",
    "approx",
    "kind",
    "persons",
    "org",
    "role",
    "target",
    "amount",
    "currency",
    "count",
    "headline",
    "evidence",
    "source_titles",
    "source_urls",
    "curated",
];

/// How several values share one CSV cell: people with `"; "`, sources with `" | "`.
pub const PERSON_SEPARATOR: &str = "; ";
/// See [`PERSON_SEPARATOR`].
pub const SOURCE_SEPARATOR: &str = " | ";

/// One event as a CSV row, every cell as text (the export writes them all; the importer
/// reads whichever columns a file has, by name, an absent one as empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CsvRow {
    /// The event id.
    pub id: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: String,
    /// `day`, `month`, `quarter` or `year`.
    pub precision: String,
    /// `true` or `false`.
    pub approx: String,
    /// The kind's name (`resignation`).
    pub kind: String,
    /// The people, joined with [`PERSON_SEPARATOR`].
    pub persons: String,
    /// The organisation.
    pub org: String,
    /// The role title.
    pub role: String,
    /// For an acquisition, the company bought.
    pub target: String,
    /// The amount of money, in units.
    pub amount: String,
    /// Its ISO 4217 currency.
    pub currency: String,
    /// People counted.
    pub count: String,
    /// The headline (`Resignation: Mira Murati`).
    pub headline: String,
    /// The evidence sentences, joined with [`SOURCE_SEPARATOR`].
    pub evidence: String,
    /// The source articles' titles, joined with [`SOURCE_SEPARATOR`].
    pub source_titles: String,
    /// Their links, joined with [`SOURCE_SEPARATOR`].
    pub source_urls: String,
    /// Whether a curator's import decides the event.
    pub curated: String,
}

impl CsvRow {
    /// Every cell, in column order.
    pub fn cells_mut(&mut self) -> [&mut String; 17] {
        [
            &mut self.id,
            &mut self.date,
            &mut self.precision,
            &mut self.approx,
            &mut self.kind,
            &mut self.persons,
            &mut self.org,
            &mut self.role,
            &mut self.target,
            &mut self.amount,
            &mut self.currency,
            &mut self.count,
            &mut self.headline,
            &mut self.evidence,
            &mut self.source_titles,
            &mut self.source_urls,
            &mut self.curated,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_columns_are_the_fields_of_a_row_in_order() {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.serialize(CsvRow::default()).unwrap();
        let bytes = w.into_inner().unwrap();
        let header = String::from_utf8(bytes).unwrap();
        assert_eq!(header.lines().next(), Some(CSV_COLUMNS.join(",").as_str()));
        let mut row = CsvRow::default();
        for (i, cell) in row.cells_mut().into_iter().enumerate() {
            *cell = CSV_COLUMNS[i].to_string();
        }
        assert_eq!(row.curated, "curated");
        assert_eq!(row.source_titles, "source_titles");
    }

    #[test]
    fn absent_and_unknown_columns_are_fine_when_reading() {
        let text = "kind,date,notes\nresignation,2024-09,anything\n";
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let row: CsvRow = r.deserialize().next().unwrap().unwrap();
        assert_eq!(
            (row.kind.as_str(), row.date.as_str()),
            ("resignation", "2024-09")
        );
        assert_eq!(row.persons, "");
    }
}
