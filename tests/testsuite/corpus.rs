//! The corpus of broken projects: each folder of `tests/corpus/` is a
//! minimal project with one kind of mistake (a few have several, to show
//! they are all reported at once). `findings check` runs on each, from the
//! project folder so paths read `content/...`, must exit with 1, and must
//! print exactly the snapshotted diagnostics.
//!
//! A case folder may hold an `args` file with extra arguments for `check`.

use std::fs;
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    crate::common::repo().join("tests/corpus")
}

fn check(case: &str) -> String {
    let dir = corpus().join(case);
    let mut args = vec!["check".to_string(), "--project".into(), ".".into()];
    if let Ok(extra) = fs::read_to_string(dir.join("args")) {
        args.extend(extra.split_whitespace().map(String::from));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = crate::common::findings(&dir, &args);
    let stderr = crate::common::stderr(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{case}: expected exit code 1\n{stderr}"
    );
    assert!(
        stderr.trim_end().lines().any(|l| l.starts_with("found ")),
        "{case}: no count line\n{stderr}"
    );
    stderr
}

macro_rules! cases {
    ($($name:ident,)*) => {
        $(
            #[test]
            fn $name() {
                insta::assert_snapshot!(stringify!($name), check(stringify!($name)));
            }
        )*

        /// Every folder of the corpus has its test above.
        #[test]
        fn every_case_is_listed() {
            let listed = [$(stringify!($name)),*];
            let mut missing = Vec::new();
            for entry in fs::read_dir(corpus()).expect("read corpus") {
                let name = entry.expect("entry").file_name().to_string_lossy().into_owned();
                if !listed.contains(&name.as_str()) {
                    missing.push(name);
                }
            }
            assert!(missing.is_empty(), "add these to tests/testsuite/corpus.rs: {missing:?}");
        }
    };
}

cases! {
    asset_absolute,
    asset_missing,
    asset_not_an_image,
    asset_parent_dir,
    asset_symlink_out,
    bad_chart_kind,
    bad_figure_label,
    bad_timestamp,
    bidi_in_directive_name,
    bidi_in_front_matter_id,
    bidi_in_unknown_code,
    bidi_in_unknown_participant,
    bidi_in_unknown_quote,
    callout_bad_kind,
    chart_missing_option,
    chart_unknown_field,
    chart_unknown_series,
    codebook_cycle,
    codebook_duplicate_code,
    codebook_long_cycle,
    codebook_parent_empty,
    codebook_parent_not_a_string,
    codebook_self_parent,
    codebook_tail_into_cycle,
    codebook_three_cycle,
    codebook_too_deep,
    codebook_two_cycles,
    code_label_ambiguous,
    code_unknown_in_export,
    config_and_model_at_once,
    config_and_section_syntax_at_once,
    config_sections_and_data_at_once,
    control_in_toml_key,
    dangling_code,
    dangling_parent,
    dangling_participant,
    dangling_source,
    data_symlink_out,
    date_day_zero,
    date_event_out_of_range,
    date_february_29_1900,
    date_february_30,
    date_month_13,
    date_negative_year,
    date_phase_end_out_of_range,
    date_with_time,
    date_year_10000,
    directive_missing_argument,
    directive_never_closes,
    duplicate_figure_label,
    duplicate_ids,
    duplicate_section_ids,
    empty_chart_data,
    empty_content,
    escape_sequence_in_unknown_participant,
    figure_missing_alt,
    front_matter_bad_id,
    front_matter_missing,
    front_matter_never_ends,
    front_matter_no_title,
    front_matter_syntax,
    front_matter_unknown_key,
    front_matter_yaml,
    json_attribute_object,
    json_codes_not_a_list,
    json_deeply_nested,
    json_error_after_accents,
    json_missing_comma,
    json_missing_field,
    json_nested_arrays_5000,
    json_nested_cell,
    json_nested_codes_5000,
    json_nested_objects_5000,
    json_not_a_list,
    json_trailing_comma,
    json_unknown_key,
    json_unterminated,
    json_wrong_type,
    label_role_unknown_field,
    label_role_unknown_value,
    labels_for_nothing,
    many_sections_at_once,
    missing_content,
    missing_report_toml,
    model_and_section_syntax_at_once,
    not_utf8,
    option_twice,
    privacy_bad_entry,
    privacy_chart_by,
    privacy_min_cell_chart,
    privacy_quote_text,
    privacy_role_condition,
    privacy_segment_condition,
    privacy_table_column,
    privacy_unknown_field,
    privacy_unknown_key,
    quote_bad_role_option,
    quotes_not_segments,
    report_date_out_of_range,
    roadmap_bad_date,
    role_bad_selection,
    role_unknown_code,
    role_unknown_dataset,
    role_unknown_field,
    section_symlink_out,
    series_bad_date,
    series_span_whole_f64,
    series_value_bigint,
    series_value_hex,
    series_value_huge,
    series_value_infinity,
    series_value_leading_plus,
    series_value_minus_infinity,
    series_value_nan,
    series_value_negative_huge,
    series_value_null,
    series_value_out_of_range,
    series_value_string_infinity,
    series_value_string_nan,
    stat_unknown_measure,
    table_across_without_by,
    table_number_out_of_range,
    table_unknown_column,
    theme_extends_each_other,
    theme_extends_itself,
    theme_get_env,
    theme_huge_loop,
    theme_include_absolute,
    theme_include_each_other,
    theme_include_in_loop_itself,
    theme_include_itself,
    theme_include_outside,
    theme_macro_recursion,
    theme_nested_huge_loops,
    theme_not_utf8,
    theme_symlink_out,
    theme_syntax_error,
    theme_unknown_variable,
    timestamp_out_of_range,
    toml_bad_date,
    toml_front_matter_nested_5000,
    toml_label_not_string,
    toml_report_nested_tables_5000,
    toml_syntax,
    toml_theme_path,
    toml_unknown_key,
    toml_unknown_numbers_key,
    toml_wrong_type,
    unknown_directive,
    unknown_figure_ref,
    unknown_option,
    unknown_quote_segment,
    unknown_role,
    warnings_denied,
}

/// Files over the size limit are refused before being read; making one
/// of 256 MiB is too slow for a test, so the limit is lowered here.
#[test]
fn huge_files_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rel = Path::new("content/data/segments.json");
    fs::create_dir_all(dir.path().join("content/data")).expect("mkdir");
    fs::write(dir.path().join(rel), vec![b' '; 2048]).expect("write");
    let e = findings::load::read_text_limited(dir.path(), rel, 1024).expect_err("too big");
    assert!(e.message.contains("more than the"), "{}", e.message);
    assert!(findings::load::read_text_limited(dir.path(), rel, 4096).is_ok());
}
