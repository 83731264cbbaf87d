//! The integration tests, in one binary: each module builds real projects
//! with the `findings` binary (or calls the library) and checks what comes
//! out. One binary links the crate once, where a binary per file linked it
//! dozens of times; the shared helpers are the `*_support` modules and
//! `common`.

mod charts_support;
mod common;
mod fuzz_support;
mod qdpx_support;
mod serve_support;

mod agreement;
mod audit;
mod build;
mod builder;
mod chart_errors;
mod charts;
mod charts_safety;
mod codes;
mod corpus;
mod docs_examples;
mod formats;
mod fuzz_smoke;
mod fuzz_smoke_import;
mod hardening;
mod hostile_pages;
mod layering;
mod new_from;
mod output_crash;
mod output_full;
mod output_links;
mod page_hygiene;
mod qdpx;
mod qdpx_hostile;
mod qdpx_mapping;
mod qdpx_reports;
mod real_shaped;
mod safety;
mod serve;
mod serve_guard;
mod serve_load;
mod serve_site;
mod site;
mod tables;
mod theme;
mod yaml_front_matter;
