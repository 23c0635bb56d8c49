import json, sys, html as H
# template-other.py parse.json out.html widths(mm, 10 columns): another province's template:
# 指标性质 and 度量单位 columns, 权重, 调整后预算数 / 预算执行数 / 预算执行率, 合计 with the grade.
d = json.load(open(sys.argv[1]))
w = [float(x) for x in sys.argv[3].split(",")]
e = lambda s: H.escape(s or "")
def raw(c): return "" if c is None else e(c.get("raw") if "raw" in c else c.get("text"))
def txt(c): return "" if c is None else e(c.get("text"))
def split(c):
    if c is None: return "", "", ""
    r = (c.get("raw") or c.get("text") or "").strip()
    if c.get("kind") == "quantity":
        op, unit, s = c.get("operator") or "", c.get("unit") or "", r
        import re
        lead = re.match(r"^[<>=≥≤＝≧≦]+", s)
        if lead: s = s[lead.end():]
        for u in ["(" + unit + ")", "（" + unit + "）", unit]:
            if unit and s.endswith(u): s = s[:-len(u)]; break
        return {">=": "≥", "<=": "≤"}.get(op, op) or "=", s.strip(), unit
    return "定性", r, ""
cols = ["initialBudget", "fullYearBudget", "executed", "weight", "rate", "score"]
heads = ["年初预算数", "调整后预算数", "预算执行数", "分值", "预算执行率", "得分"]
out = ['<html><head><meta charset="utf-8"><style>td { font-size: 10pt; vertical-align: middle; } table { border-collapse: collapse; }</style></head><body>']
n = len(w)
for k, f in enumerate(d["forms"]):
    if k: out.append('<p style="page-break-before: always"></p>')
    out.append('<p align="center"><b>项目支出绩效自评表</b></p>')
    if f.get("year"): out.append(f'<p align="center">（{f["year"]["value"]}年度）</p>')
    out.append(f'<table border="1" cellspacing="0" cellpadding="3" style="width:{sum(w)}mm">')
    out.append("<colgroup>" + "".join(f'<col style="width:{x}mm">' for x in w) + "</colgroup>")
    out.append(f'<tr><td colspan="2">项目名称</td><td colspan="{n-2}">{txt(f.get("name"))}</td></tr>')
    out.append(f'<tr><td colspan="2">主管部门</td><td colspan="4">{txt(f.get("department"))}</td><td colspan="2">实施单位</td><td colspan="{n-8}">{txt(f.get("implementingUnit"))}</td></tr>')
    fu = f.get("funding")
    if fu:
        rows = fu["rows"]
        rate = "预算执行率(%)" if fu.get("rateInPercent") else "预算执行率"
        hs = [h if h != "预算执行率" else rate for h in heads]
        out.append(f'<tr><td colspan="2" rowspan="{len(rows)+1}">项目资金<br>（{fu["unit"]}）</td><td colspan="2"></td>' + "".join(f"<td>{h}</td>" for h in hs) + (f'<td colspan="{n-10}"></td>' if n > 10 else '') + '</tr>')
        for r in rows:
            cells = r["cells"]
            label = txt(r["label"]).replace("当年财政拨款", "财政拨款")
            out.append(f'<tr><td colspan="2">{label}</td>' + "".join(f"<td>{raw(cells.get(c))}</td>" for c in cols) + (f'<td colspan="{n-10}"></td>' if n > 10 else '') + '</tr>')
    g = f.get("goals", {})
    out.append(f'<tr><td colspan="2" rowspan="2">年度总体目标</td><td colspan="5">预期目标</td><td colspan="{n-7}">实际完成情况</td></tr>')
    out.append(f'<tr><td colspan="5">{txt(g.get("planned"))}</td><td colspan="{n-7}">{txt(g.get("actual"))}</td></tr>')
    ind = f["indicators"]
    out.append('<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标性质</td><td>指标值</td><td>度量单位</td><td>实际完成值</td><td>权重</td><td>得分</td><td>未完成原因分析及改进措施</td></tr>'.replace("<tr>", "<tr>" if n == 10 else "<tr>"))
    def spans(key):
        s = [0] * len(ind); i = 0
        while i < len(ind):
            j = i + 1
            while j < len(ind) and ind[j][key] == ind[i][key] and (key == "level1" or ind[j]["level1"] == ind[i]["level1"]): j += 1
            s[i] = j - i; i = j
        return s
    s1, s2 = spans("level1"), spans("level2")
    for i, r in enumerate(ind):
        c = ""
        if s1[i]: c += f'<td rowspan="{s1[i]}">{e(r["level1"])}</td>'
        if s2[i]: c += f'<td rowspan="{s2[i]}">{e(r["level2"])}</td>'
        nat, val, unit = split(r["target"])
        _, aval, aunit = split(r["actual"])
        if r["actual"] and r["actual"].get("kind") != "quantity": aval = raw(r["actual"])
        elif r["actual"] and r["actual"].get("operator"): aval = r["actual"]["raw"].strip()[:len(r["actual"]["raw"].strip()) - len(r["actual"]["raw"].strip().lstrip("<>=≥≤＝≧≦"))] + aval
        c += f'<td>{txt(r["name"])}</td><td>{e(nat)}</td><td>{e(val)}</td><td>{e(unit or aunit)}</td><td>{e(aval)}</td><td>{raw(r["weight"])}</td><td>{raw(r["score"])}</td><td>{txt(r["deviation"])}</td>'
        out.append("<tr>" + c + "</tr>")
    t = f.get("total") or {}
    grade = f.get("grade")
    out.append(f'<tr><td colspan="7">合计</td><td>{raw(t.get("weight"))}</td><td>{raw(t.get("score"))}</td><td>{e(grade.get("text") if isinstance(grade, dict) else grade or "")}</td></tr>')
    out.append("</table>")
out.append("</body></html>")
open(sys.argv[2], "w").write("\n".join(out))
