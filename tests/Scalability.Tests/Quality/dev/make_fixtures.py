#!/usr/bin/env python3
"""Writes the labelled dev fixtures (<code>.csv beside this script) from the tickets authored in src/<code>.py.

Each ticket is authored as its parts: the subject, the greeting, the text with its one problem sentence marked
[[like this]], the closing pieces, the signature, the quoted earlier message, and how an export damaged the body
(None, "escapes", "br" or "entities"). The script assembles the body, fills the annotation columns with the plain
text of each part, damages the body last, and re-reads every file it wrote to check the columns.

    python3 tests/Scalability.Tests/Quality/dev/make_fixtures.py
"""
import csv
import html
import importlib.util
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
COLUMNS = ["id", "language", "category", "subject", "body", "greeting", "closing", "signature", "quoted", "problem"]
CATEGORIES = ["billing", "refund", "cancellation", "account_access", "technical_issue", "delivery_shipping",
              "product_question", "feedback", "other"]
PROBLEM = re.compile(r"\[\[(.+?)\]\]", re.S)


def T(category, subject, greeting, text, closing=(), signature="", quoted="", damage=None):
    return dict(category=category, subject=subject, greeting=greeting, text=text,
                closing=[closing] if isinstance(closing, str) else list(closing),
                signature=signature, quoted=quoted, damage=damage)


def damage_body(body, how):
    if how is None:
        return body
    if how == "escapes":
        return body.replace("\n", "\\n")
    if how == "br":
        return body.replace("\n\n", "<br/><br/>").replace("\n", "<br>")
    if how == "entities":
        escaped = html.escape(body, quote=True).replace("&#x27;", "&#39;")
        for letter, entity in (("é", "&eacute;"), ("è", "&egrave;"), ("à", "&agrave;"), ("ü", "&uuml;"),
                               ("ä", "&auml;"), ("ö", "&ouml;"), ("ç", "&ccedil;"), ("ã", "&atilde;"),
                               ("ñ", "&ntilde;"), ("ó", "&oacute;"), ("í", "&iacute;"), ("á", "&aacute;")):
            escaped = escaped.replace(letter, entity)
        return escaped.replace(" €", "&nbsp;€").replace("\n", "<br>\n")
    raise ValueError(f"unknown damage {how!r}")


def assemble(ticket, where):
    problems = PROBLEM.findall(ticket["text"])
    if len(problems) != 1:
        raise ValueError(f"{where}: the text marks {len(problems)} problem sentences, not one")
    text = PROBLEM.sub(lambda m: m.group(1), ticket["text"])
    parts = [p for p in (ticket["greeting"], text, "\n".join(ticket["closing"]), ticket["signature"], ticket["quoted"]) if p]
    body = "\n\n".join(parts)
    for piece in [ticket["greeting"], *ticket["closing"], ticket["signature"], ticket["quoted"], problems[0]]:
        if "|" in piece:
            raise ValueError(f"{where}: a bar inside ticket text: {piece!r}")
        if piece and piece not in body:
            raise ValueError(f"{where}: {piece!r} is not in the body")
    return body, problems[0]


def load(code):
    spec = importlib.util.spec_from_file_location(f"src_{code}", HERE / "src" / f"{code}.py")
    module = importlib.util.module_from_spec(spec)
    module.T = T
    spec.loader.exec_module(module)
    return module.TICKETS


def write(code, tickets, balanced):
    if balanced:
        counts = {c: sum(1 for t in tickets if t["category"] == c) for c in CATEGORIES}
        if len(set(counts.values())) != 1:
            raise ValueError(f"{code}: categories are not balanced: {counts}")
    rows = []
    for n, ticket in enumerate(tickets, start=1):
        where = f"{code}-{n:03d}"
        if ticket["category"] not in CATEGORIES:
            raise ValueError(f"{where}: unknown category {ticket['category']!r}")
        body, problem = assemble(ticket, where)
        rows.append([where, code, ticket["category"], ticket["subject"], damage_body(body, ticket["damage"]),
                     ticket["greeting"], " | ".join(ticket["closing"]), ticket["signature"], ticket["quoted"], problem])
    path = HERE / f"{code}.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    with open(path, encoding="utf-8", newline="") as f:
        read = list(csv.reader(f))
    assert read[0] == COLUMNS and read[1:] == rows, f"{path} does not read back as written"
    print(f"{path.name}: {len(rows)} tickets")


def main():
    codes = sys.argv[1:] or sorted(p.stem for p in (HERE / "src").glob("*.py"))
    for code in codes:
        write(code, load(code), balanced=code in ("en", "de", "fr", "es", "pt", "it", "nl"))


if __name__ == "__main__":
    main()
