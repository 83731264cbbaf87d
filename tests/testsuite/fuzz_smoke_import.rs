//! The stable stand-in for the importers' cargo-fuzz targets (`qda_xml`,
//! `qdpx_bytes`, `csv` in `fuzz/`): deterministic mutations of realistic
//! seeds through the `.qdpx`, `.qdc` and CSV readers, which must never
//! panic and whose errors must render. `FINDINGS_FUZZ_ROUNDS` runs longer.

use std::path::{Path, PathBuf};

use crate::fuzz_support::{rounds, Rng};
use crate::qdpx_support::{codebook, qde, selection};
use findings::load::datasets::read_one;
use findings::load::qdpx;
use findings::load::table::{columns::Mapping, FORMAT as TABLES};
use findings::model::input::Datasets;
use findings::Diagnostics;

const PIECES: &[&str] = &[
    "<",
    ">",
    "/>",
    "\"",
    "&amp;",
    "&#x1F600;",
    "&x;",
    "<!DOCTYPE a>",
    "<![CDATA[x]]>",
    "😀",
    "\r\n",
    ",",
    ";",
    "\"\"",
    "\\",
    "99999999999999999999",
    "-1",
    "é",
    "\u{0}",
    "\u{feff}",
];

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut s = text.to_string();
    for _ in 0..=rng.below(4) {
        let mut at = rng.below(s.len() + 1);
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        match rng.below(3) {
            0 => s.insert_str(at, PIECES[rng.below(PIECES.len())]),
            1 => {
                let mut end = (at + rng.below(12)).min(s.len());
                while !s.is_char_boundary(end) {
                    end -= 1;
                }
                s.replace_range(at..end, "");
            }
            _ => {
                let digit = char::from(b'0' + rng.below(10) as u8);
                s.insert(at, digit);
            }
        }
    }
    s
}

fn seed_qde() -> String {
    qde(
        "NVivo 12.6",
        &format!(
            "<Users><User guid=\"u1\" name=\"ann\"/></Users>{}<Cases><Case guid=\"k\" name=\"K\"><SourceRef targetGUID=\"s1\"/></Case></Cases><Sources><TextSource guid=\"s1\" name=\"Int\" plainTextPath=\"internal://s1.txt\">{}{}</TextSource><PDFSource guid=\"p\" name=\"P\"><PDFSelection guid=\"x\"/></PDFSource></Sources><Notes><Note guid=\"n\"><PlainTextContent>memo</PlainTextContent></Note></Notes><Sets><Set guid=\"st\" name=\"S\"><MemberCode targetGUID=\"c1\"/></Set></Sets>",
            codebook(&[("c1", "trust"), ("c2", "trust")]),
            selection("a", 0, 5, &[("c1", "u1")]),
            selection("b", 3, 9, &[("c2", "u1"), ("c1", "u1")]),
        ),
    )
}

#[test]
fn qda_xml_never_panics() {
    let mut rng = Rng(0x5eed_0001);
    let seed = seed_qde();
    let path = Path::new("content/data/study.qdpx");
    for _ in 0..rounds(300) {
        let xml = mutate(&mut rng, &seed);
        let text = mutate(&mut rng, "hello 😀 world\r\nand more");
        let archive = crate::qdpx_support::qdpx(&xml, &[("sources/s1.txt", text.as_bytes())]);
        match qdpx::read(path, &archive) {
            Ok(i) => drop(i.report.render(false)),
            Err(e) => drop(e.render(false)),
        }
        if let Err(e) = qdpx::qdc::read(Path::new("c.qdc"), xml.as_bytes()) {
            drop(e.render(false));
        }
    }
}

#[test]
fn qdpx_bytes_never_panic() {
    let mut rng = Rng(0x5eed_0002);
    let good = crate::qdpx_support::qdpx(&seed_qde(), &[("sources/s1.txt", b"hello world")]);
    let path = Path::new("content/data/study.qdpx");
    for _ in 0..rounds(300) {
        let mut bytes = good.clone();
        match rng.below(3) {
            0 => bytes.truncate(rng.below(good.len())),
            _ => {
                for _ in 0..=rng.below(8) {
                    let at = rng.below(bytes.len());
                    bytes[at] = rng.next() as u8;
                }
            }
        }
        if let Err(e) = qdpx::read(path, &bytes) {
            drop(e.render(false));
        }
    }
}

#[test]
fn csv_never_panics() {
    let mut rng = Rng(0x5eed_0003);
    let seeds = [
        (
            "segments.csv",
            "id,participant,text,codes,start,end\ns1,p1,\"a, b\",x;y,0,4\n",
        ),
        (
            "participants.csv",
            "id,name,source,age\np1,Ann,doc.txt,34\n",
        ),
        ("codebook.csv", "id;label;parent\nx;X;\ny;Y;x\n"),
        (
            "highlights.csv",
            "id,document,tag,content\n1,d.txt,trust,\"We, us\"\n2,d.txt,hope,\"We, us\"\n",
        ),
        (
            "maxqda.csv",
            "Document name,Code,Begin,End,Segment,Author\nA,T\\U,1,1,text,ann\n",
        ),
        ("table.csv", "phase,start,end\n1,2025-01-01,2025-02-01\n"),
    ];
    for _ in 0..rounds(300) {
        for (name, seed) in seeds {
            let text = mutate(&mut rng, seed);
            let rel = PathBuf::from("content/data").join(name);
            let mut data = Datasets::default();
            let mut problems = Diagnostics::new();
            read_one(
                &TABLES,
                &rel,
                text.as_bytes(),
                &Mapping::new(),
                &mut data,
                &mut problems,
            );
            drop(problems.render(false));
            let labels = findings::model::labels::Labels::default();
            match findings::model::study::Study::build(data, labels) {
                Ok((_, w)) => drop(w.render(false)),
                Err(e) => drop(e.render(false)),
            }
        }
    }
}
