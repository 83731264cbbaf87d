//! Command-line interface: the commands and their options.

use std::net::IpAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Turn Markdown sections and coded research datasets into one
/// self-contained HTML report.
#[derive(Debug, Parser)]
#[command(
    name = "findings",
    version,
    about,
    long_about = None,
    disable_help_subcommand = true,
    after_help = "Examples:\n  findings build                      build ./content into ./output/index.html\n  findings check --project my-study   list every problem with file, line and a hint\n  findings codes --tree               list the codes, their ids and counts, as a tree\n  findings new my-study               start a project that builds as is\n  findings new --site my-site         start a research site of two reports\n  findings serve --open               preview with live reload on http://127.0.0.1:4000/\n  findings verify output/index.html   check the page still matches its data\n  findings help format                the project format: every key, role, directive and dataset\n\n`findings help COMMAND` shows a command's options; `findings help format` the format reference."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the report into OUT/index.html (default: output/); in a site
    /// (a folder with site.toml), the index and every report.
    Build {
        /// Project folder (holds content/).
        #[arg(long, short, default_value = ".")]
        project: PathBuf,
        /// Output folder (default: PROJECT/output).
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// Write into an output folder that holds files findings did not write.
        #[arg(long)]
        force: bool,
        /// Fail on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// Formats to write, e.g. `html,pdf,docx` (default: `[output]
        /// formats` of report.toml, else html): the page, OUT/SLUG.pdf and
        /// OUT/SLUG.docx, SLUG made from the title.
        #[arg(long, value_delimiter = ',', value_name = "FORMATS")]
        format: Vec<String>,
    },
    /// Check the project and report every problem, without writing anything.
    Check {
        /// Project folder (holds content/).
        #[arg(long, short, default_value = ".")]
        project: PathBuf,
        /// Fail on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// List the study's codes: id, label, parent, and the segments and
    /// participants coded with each.
    Codes {
        /// Project folder (holds content/).
        #[arg(long, short, default_value = ".")]
        project: PathBuf,
        /// Show the code tree, with each branch's counts (a code and its
        /// sub-codes) beside the code's own.
        #[arg(long)]
        tree: bool,
        /// Print a JSON array (id, label, parent, path, segments,
        /// participants, branch_segments, branch_participants).
        #[arg(long)]
        json: bool,
    },
    /// Check that a built page still matches its data: rebuild in memory
    /// and name every input that changed since (exit 1 when any did).
    Verify {
        /// The built page, e.g. output/index.html.
        page: PathBuf,
        /// Project or site folder (default: the nearest folder, from the
        /// page's own up, that holds content/ or site.toml; none is an error).
        #[arg(long, short)]
        project: Option<PathBuf>,
    },
    /// Create a small example project in DIR that builds as is.
    New {
        /// Folder to create (must not exist or be empty).
        dir: PathBuf,
        /// Build the project around this study, copied into
        /// DIR/content/data/: a REFI-QDA project (.qdpx) or codebook
        /// (.qdc), a coded-segments export of MAXQDA, QualCoder or Taguette
        /// (.csv, .xlsx), or a codebook table.
        #[arg(long, value_name = "STUDY", conflicts_with = "site")]
        from: Option<PathBuf>,
        /// Create a research site (site.toml and two small reports) instead.
        #[arg(long)]
        site: bool,
    },
    /// Show the help of a command, or with `format` the reference of the
    /// project format (report.toml, sections, roles, directives, datasets).
    Help {
        /// `format`, or a command's name; nothing for the overview.
        topic: Option<String>,
    },
    /// Preview the report with live reload while you edit.
    Serve {
        /// Project folder (holds content/).
        #[arg(long, short, default_value = ".")]
        project: PathBuf,
        /// Port to listen on.
        #[arg(long, default_value_t = 4000)]
        port: u16,
        /// Address to bind; anything but loopback exposes your draft to the network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: IpAddr,
        /// Open the report in the default browser.
        #[arg(long)]
        open: bool,
    },
}
