import peel_effectiveness as pe, datetime as dt, json, copy
data = pe.load_bundled()
mine = pe.converter.copy()
mine.register_unstructure_hook(dt.date, lambda d: d.strftime("%d/%m/%Y"))
mine.register_structure_hook(dt.date, lambda v, _: dt.datetime.strptime(v, "%d/%m/%Y").date())
mine.register_unstructure_hook(pe.Grade, lambda g: g.label)
# grade structure from label
mine.register_structure_hook(pe.Grade, lambda v, _: next(g for g in pe.Grade if g.label == v))
n=0
for r in data.reports:
    w = mine.unstructure(r)
    w = json.loads(json.dumps(w))
    try:
        back = mine.structure(w, pe.InspectionReport)
        if back != r: print("NEQ", r.force.id, r.cycle); n+=1
    except Exception as e:
        print("FAIL", r.force.id, r.cycle, type(e).__name__, str(e)[:300]); n+=1
        if n>5: break
print("reports done", n)
try:
    w = mine.unstructure(data)
    back = mine.structure(json.loads(json.dumps(w)), pe.Dataset)
    print("dataset eq", back == data)
except Exception as e:
    print("dataset FAIL", type(e).__name__, str(e)[:500])
