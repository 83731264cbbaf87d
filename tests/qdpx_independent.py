"""An independent reading of a REFI-QDA .qdpx, for tests/qdpx_samples.rs.

Uses only zipfile and xml.dom.minidom, nothing of findings. Prints JSON:
participants (cases, else one per text source), codes (name and number of
distinct coded passages carrying the code or one below it, in document
order), and the text of every distinct coded passage (same source, same
span), in document order, sliced in code points.

    python3 tests/qdpx_independent.py STUDY.qdpx
"""
import json
import sys
import zipfile
from xml.dom import minidom


def children(node, name):
    return [c for c in node.childNodes if c.nodeType == c.ELEMENT_NODE and c.localName == name]


def main(path):
    z = zipfile.ZipFile(path)
    dom = minidom.parseString(z.read("project.qde"))
    project = dom.documentElement
    names = {n.lower(): n for n in z.namelist()}

    codes = []  # (guid, name, parent index)
    def walk(node, parent):
        for c in children(node, "Code"):
            codes.append((c.getAttribute("guid"), c.getAttribute("name"), parent))
            walk(c, len(codes) - 1)
    for book in children(project, "CodeBook"):
        for cs in children(book, "Codes"):
            walk(cs, None)
    index = {g: i for i, (g, _, _) in enumerate(codes)}

    cases = [c for cs in children(project, "Cases") for c in children(cs, "Case")]
    spans = {}  # (source guid, start, end) -> set of code indices
    order = []
    texts = {}
    text_sources = 0
    for srcs in children(project, "Sources"):
        for s in children(srcs, "TextSource"):
            text_sources += 1
            path_attr = s.getAttribute("plainTextPath")
            bare = path_attr[len("internal://"):] if path_attr.lower().startswith("internal://") else path_attr
            member = names.get(("sources/" + bare).lower()) or names.get(bare.lower())
            text = z.read(member).decode("utf-8-sig") if member else ""
            for sel in children(s, "PlainTextSelection"):
                codings = children(sel, "Coding")
                if not codings:
                    continue
                key = (s.getAttribute("guid"), int(sel.getAttribute("startPosition")), int(sel.getAttribute("endPosition")))
                if key not in spans:
                    spans[key] = set()
                    order.append(key)
                    texts[key] = text[key[1]:key[2]]
                for c in codings:
                    for ref in children(c, "CodeRef"):
                        spans[key].add(index[ref.getAttribute("targetGUID")])

    counts = [0] * len(codes)
    for key in order:
        carried = set()
        for c in spans[key]:
            while c is not None:
                carried.add(c)
                c = codes[c][2]
        for c in carried:
            counts[c] += 1
    print(json.dumps({
        "participants": len(cases) if cases else text_sources,
        "codes": [[name, counts[i]] for i, (_, name, _) in enumerate(codes)],
        "texts": [texts[k] for k in order],
    }))


main(sys.argv[1])
