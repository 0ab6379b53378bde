"""Write the translations of ``strings.T`` into a ``.ts`` file made by ``pyside6-lupdate``.

    python fill_ts.py fr|es|pt clinic_app_<lang>.ts

Messages that lupdate misreads are put right first: ``qtutil.tr("FieldList", "1 cell")`` comes
out as source "FieldList" with the text as a comment in a nameless context; it is moved to
context "FieldList" with source "1 cell", which is what ``QCoreApplication.translate`` looks up.
Sources missing from ``T`` are listed and stay unfinished (the exit status is then 1).
"""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

from strings import T  # beside this script

LANGS = {"fr": (0, "fr_FR"), "es": (1, "es_ES"), "pt": (2, "pt_BR")}


def _context(root: ET.Element, name: str) -> ET.Element:
    for c in root.findall("context"):
        if (c.findtext("name") or "") == name:
            return c
    c = ET.SubElement(root, "context")
    ET.SubElement(c, "name").text = name
    return c


def fix_misparsed(root: ET.Element) -> int:
    """Move ``tr(context, text)`` messages (source = context, comment = text) to their context."""
    moved = 0
    for nameless in [c for c in root.findall("context") if not c.findtext("name")]:
        for m in list(nameless.findall("message")):
            context, text = m.findtext("source") or "", m.findtext("comment")
            if not (text and context.isidentifier()):
                continue
            target = _context(root, context)
            for old in target.findall("message"):
                if old.findtext("source") == text:
                    target.remove(old)
            m.remove(m.find("comment"))
            m.find("source").text = text
            nameless.remove(m)
            target.append(m)
            moved += 1
        if not nameless.findall("message"):
            root.remove(nameless)
    return moved


def fill(root: ET.Element, lang: str) -> tuple[int, list[str]]:
    """Translate every message whose source is in ``T``; the sources that are not."""
    index, code = LANGS[lang]
    root.set("language", code)
    done, missing = 0, []
    for m in root.iter("message"):
        t = m.find("translation")
        if t.get("type") in ("vanished", "obsolete"):
            continue
        src = m.findtext("source")
        if src not in T:
            missing.append(src)
            continue
        t.text = T[src][index]
        t.attrib.pop("type", None)
        done += 1
    return done, missing


def main(lang: str, path: str) -> int:
    tree = ET.parse(path)
    root = tree.getroot()
    fix_misparsed(root)
    done, missing = fill(root, lang)
    ET.indent(tree, "    ")
    tree.write(path, encoding="utf-8", xml_declaration=True)
    print(lang, done, "strings translated")
    for src in missing:
        print("  unfinished:", repr(src), file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
