//! One file per subcommand.

pub mod dates;
pub mod export;
pub mod extract;
pub mod import;
pub mod ingest;
pub mod reextract;
pub mod serve;
pub mod timelines;
