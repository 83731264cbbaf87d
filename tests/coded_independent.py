"""An independent reading of a coded-segments export (CSV or XLSX of
MAXQDA, Taguette or QualCoder) or a Taguette codebook, for
tests/new_from.rs.

Uses only csv, zipfile and xml.dom.minidom, nothing of findings. Prints
JSON: participants (one per document), codes (name and number of distinct
passages carrying the code or one below it, in tree order: each code
followed by its sub-codes, in order of first appearance), and the text of
every distinct passage in order of first appearance. A passage is a row id
where the export has one (Taguette), else document, begin, end and text.

    python3 tests/coded_independent.py EXPORT.csv|EXPORT.xlsx
"""
import csv
import io
import json
import sys
import zipfile
from xml.dom import minidom


def xlsx_rows(path):
    z = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        dom = minidom.parseString(z.read("xl/sharedStrings.xml"))
        for si in dom.getElementsByTagName("si"):
            shared.append("".join(t.firstChild.data if t.firstChild else "" for t in si.getElementsByTagName("t")))
    dom = minidom.parseString(z.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in dom.getElementsByTagName("row"):
        cells = {}
        for c in row.getElementsByTagName("c"):
            ref = c.getAttribute("r")
            letters = "".join(ch for ch in ref if ch.isalpha())
            col = 0
            for ch in letters:
                col = col * 26 + (ord(ch) - 64)
            v = c.getElementsByTagName("v")
            if c.getAttribute("t") == "s":
                text = shared[int(v[0].firstChild.data)]
            elif c.getAttribute("t") == "inlineStr":
                text = "".join(t.firstChild.data for t in c.getElementsByTagName("t") if t.firstChild)
            else:
                text = v[0].firstChild.data if v and v[0].firstChild else ""
                if text.endswith(".0"):
                    text = text[:-2]
            cells[col - 1] = text
        rows.append([cells.get(i, "") for i in range(max(cells) + 1 if cells else 0)])
    return rows


def main(path):
    if path.lower().endswith(".xlsx"):
        rows = xlsx_rows(path)
    else:
        rows = list(csv.reader(io.StringIO(open(path, encoding="utf-8-sig").read())))
    header = [h.strip().lower() for h in rows[0]]
    col = {h: i for i, h in enumerate(header)}

    def get(row, *names):
        for n in names:
            if n in col and col[n] < len(row):
                return row[col[n]].strip()
        return ""

    body = [r for r in rows[1:] if any(c.strip() for c in r)]
    maxqda = "document name" in col
    if "number of highlights" in col:  # a Taguette codebook: codes only
        print(json.dumps({"participants": 0, "codes": [[get(r, "tag"), 0] for r in body], "texts": []}))
        return
    paths, order, passages, texts, documents = {}, [], {}, [], []
    for r in body:
        doc = get(r, "document name", "document", "file")
        code = get(r, "code", "tag", "codename")
        path = tuple(p.strip() for p in code.split("\\") if p.strip()) if maxqda else (code,)
        for depth in range(1, len(path) + 1):
            if path[:depth] not in paths:
                paths[path[:depth]] = len(order)
                order.append(path[:depth])
        if doc not in documents:
            documents.append(doc)
        text = get(r, "segment", "content", "coded_text", "coded text", "text")
        rid = get(r, "id")
        key = (doc, "id", rid) if rid else (doc, get(r, "begin", "pos0"), get(r, "end", "pos1"), text)
        if key not in passages:
            passages[key] = set()
            texts.append(text)
        passages[key].add(path)
    counts = {p: 0 for p in order}
    for carried_paths in passages.values():
        carried = set()
        for p in carried_paths:
            for depth in range(1, len(p) + 1):
                carried.add(p[:depth])
        for p in carried:
            counts[p] += 1
    tree = []

    def walk(parent):
        for p in order:
            if p[:-1] == parent:
                tree.append(p)
                walk(p)
    walk(())
    print(json.dumps({
        "participants": len(documents),
        "codes": [[p[-1], counts[p]] for p in tree],
        "texts": texts,
    }))


main(sys.argv[1])
