//! `kill -9` at random moments of a build: the page on disk is always
//! complete, either the previous build's or the new one's, and the next
//! build cleans up whatever temporary file the killed one left.

use std::fs;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::common::{build_ok, copy_project, repo};

const TRIALS: usize = 50;

/// splitmix64, seeded from the clock; the seed is printed so a failing
/// run can be repeated.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

#[test]
fn a_killed_build_leaves_the_previous_or_the_new_page() {
    // The flagship example with its figure padded to megabytes: writing
    // the page then takes long enough that random kills land inside it.
    let dir = copy_project(&repo());
    let svg = dir.path().join("content/assets/framework.svg");
    let mut figure = fs::read_to_string(&svg).unwrap();
    figure.push_str(&format!("<!-- {} -->\n", "padding ".repeat(1 << 19)));
    fs::write(&svg, figure).unwrap();
    let toml = dir.path().join("content/report.toml");
    let original = fs::read_to_string(&toml).unwrap();
    let retitled = original.replacen(
        "title = \"The Balancer Exploit Response\"",
        "title = \"The Balancer Exploit Response, revised\"",
        1,
    );
    assert_ne!(original, retitled, "the title line moved");
    let page = dir.path().join("output/index.html");
    fs::write(&toml, &retitled).unwrap();
    let revised = build_ok(dir.path()).into_bytes();
    fs::write(&toml, &original).unwrap();
    let first = Instant::now();
    let previous = build_ok(dir.path()).into_bytes();
    let build_time = first.elapsed();
    assert_ne!(previous, revised);

    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    println!("seed {seed}, one build takes {build_time:?}");
    let mut rng = Rng(seed);
    let window = build_time.as_micros().max(1000) as u64 * 3 / 2;
    let (mut old, mut new) = (0, 0);
    for trial in 0..TRIALS {
        // Alternate the content, so every build changes the page.
        let (text, expected_new) = if trial % 2 == 0 {
            (&retitled, &revised)
        } else {
            (&original, &previous)
        };
        fs::write(&toml, text).unwrap();
        let before = fs::read(&page).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_findings"))
            .arg("build")
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        thread::sleep(Duration::from_micros(rng.next() % window));
        let _ = child.kill();
        child.wait().unwrap();
        let after = fs::read(&page).unwrap();
        if after == before {
            old += 1;
        } else {
            assert!(
                &after == expected_new,
                "trial {trial} (seed {seed}): the page is neither the previous nor the new one ({} bytes)",
                after.len()
            );
            new += 1;
        }
    }
    println!("{old} killed before the rename, {new} after");

    // Whatever the last kill left, the next build cleans it up.
    build_ok(dir.path());
    let mut names: Vec<String> = fs::read_dir(dir.path().join("output"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".findings", "index.html"]);
}
