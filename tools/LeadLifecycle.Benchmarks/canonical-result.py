#!/usr/bin/env python3
"""Canonical form of a simulate RESULT.json, to compare two runs of one scenario (e.g. before and after a change to the
local organization): GUIDs replaced by labels derived from the scenario's keys and the records' content, records sorted.
Usage: canonical-result.py RESULT.json OUT.json [sort]
With a third argument, multi-line text is compared as a set of lines and versionnumber is left out (row order of
queries without an order was random before issue #16, and so were these).
Two runs of the same scenario give the same canonical form unless something other than the random ids differs."""
import json, sys, re, hashlib
SORT_LINES = len(sys.argv) > 3
GUID = re.compile(r'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
def main(path, out):
    doc = json.load(open(path))
    recs = [(t, r) for t, rows in doc['records'].items() for r in rows]
    label = {}
    for t, r in recs:
        if r.get('key'): label[r['id']] = f"{t}:{r['key']}"
    def sub(v):
        if isinstance(v, dict): return {k: sub(x) for k, x in v.items() if not (SORT_LINES and k == 'versionnumber')}
        if isinstance(v, list): return [sub(x) for x in v]
        if isinstance(v, str) and GUID.match(v): return label.get(v, "?")
        if isinstance(v, str) and "\n" in v and SORT_LINES: return "\n".join(sorted(v.split("\n")))
        return v
    for _ in range(6):
        new = dict(label)
        groups = {}
        for t, r in recs:
            if r.get('key'): continue
            h = hashlib.sha1(json.dumps([t, sub(r['fields'])], sort_keys=True).encode()).hexdigest()[:12]
            groups.setdefault((t, h), []).append(r['id'])
        for (t, h), ids in groups.items():
            for i, id_ in enumerate(sorted(ids, key=lambda x: label.get(x, ''))):
                new[id_] = f"{t}#{h}" + (f"/{i}" if len(ids) > 1 else "")
        if new == label: break
        label = new
    canon = {'steps': doc['steps'], 'records': {}}
    for t, rows in doc['records'].items():
        canon['records'][t] = sorted(({'key': r.get('key'), 'id': label.get(r['id'], '?'), 'fields': sub(r['fields'])} for r in rows), key=lambda r: r['id'])
    json.dump(canon, open(out, 'w'), indent=1, sort_keys=True)
main(sys.argv[1], sys.argv[2])
