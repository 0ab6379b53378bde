import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
def strip(doc):
    out = []
    for im in doc["images"]:
        im = dict(im); im.pop("overlay", None); im["path"] = im["path"].split("/examples/")[-1].replace("examples/", "")
        out.append(im)
    return out
ia, ib = strip(a), strip(b)
print("images", len(ia), len(ib), "cells", sum(len(i["cells"]) for i in ia), sum(len(i["cells"]) for i in ib))
nd = 0
for x, y in zip(ia, ib):
    if x != y:
        nd += 1
        if nd <= 3:
            for k in x:
                if x.get(k) != y.get(k): print(x["path"], k, str(x.get(k))[:200], "|", str(y.get(k))[:200])
print("differing images:", nd, "skipped equal:", a["skipped"] == b["skipped"])
sa, sb = a["summary"], b["summary"]
print("summary keys differing:", [k for k in set(sa) | set(sb) if sa.get(k) != sb.get(k)])
