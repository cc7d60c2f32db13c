//! One file per subcommand.

pub mod extract;
pub mod ingest;
pub mod serve;
