//! One file per subcommand.

pub mod dates;
pub mod extract;
pub mod ingest;
pub mod serve;
