//! Writes the real-shaped study of the tests (186 codes four levels deep
//! with long Hungarian, Japanese and emoji names, 120 participants, 260
//! multi-coded segments) with a section showing every code chart, for
//! screenshots and benchmarks:
//!
//! ```sh
//! cargo run --example real_shaped -- /tmp/real && findings build --project /tmp/real
//! ```

#[path = "../tests/testsuite/real_shaped/gen.rs"]
mod gen;

use std::path::PathBuf;

const SECTION: &str = r#"+++
title = "Kódok és ábrák"
+++

```{chart} bar
:data: segments
:by: code
:top: 25
:title: The 25 most frequent codes
```

```{chart} heatmap
:data: segments
:top: 40
```

```{chart} stacked
:data: segments
:by: code
:across: persona
:level: top
```

```{table} segments
:by: code
:across: persona
:level: top
:caption: Themes by persona
```

```{table} segments
:by: code
:caption: Every code
```

```{chart} bar
:data: segments
:by: code
:title: Every code
```
"#;

fn main() {
    let Some(out) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: real_shaped OUT_DIR");
        std::process::exit(2);
    };
    if out.join("content").exists() {
        eprintln!("{} already has a content/ folder", out.display());
        std::process::exit(1);
    }
    gen::write(&out);
    if let Err(e) = std::fs::write(out.join("content/sections/01-codes.md"), SECTION) {
        eprintln!("cannot write the section: {e}");
        std::process::exit(1);
    }
    println!("wrote {}", out.display());
}
