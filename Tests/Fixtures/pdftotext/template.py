import json, sys, html as H
# template.py parse.json out.html widths(mm, 9 columns) [valign]
d = json.load(open(sys.argv[1]))
w = [float(x) for x in sys.argv[3].split(",")]
valign = sys.argv[4] if len(sys.argv) > 4 else "middle"
e = lambda s: H.escape(s or "")
def raw(c): return "" if c is None else e(c.get("raw") if "raw" in c else c.get("text"))
def txt(c): return "" if c is None else e(c.get("text"))
cols = ["initialBudget", "fullYearBudget", "executed", "weight", "rate", "score"]
heads = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
out = [f'<html><head><meta charset="utf-8"><style>td {{ font-size: 10pt; vertical-align: {valign}; }} table {{ border-collapse: collapse; }}</style></head><body>']
for k, f in enumerate(d["forms"]):
    if k: out.append('<p style="page-break-before: always"></p>')
    out.append('<p align="center"><b>财政项目支出绩效自评表</b></p>')
    if f.get("year"): out.append(f'<p align="center">（{f["year"]["value"]}年度）</p>')
    out.append(f'<table border="1" cellspacing="0" cellpadding="3" style="width:{sum(w)}mm">')
    out.append("<colgroup>" + "".join(f'<col style="width:{x}mm">' for x in w) + "</colgroup>")
    out.append(f'<tr><td>项目名称</td><td colspan="8">{txt(f.get("name"))}</td></tr>')
    out.append(f'<tr><td>主管部门</td><td colspan="3">{txt(f.get("department"))}</td><td>实施单位</td><td colspan="4">{txt(f.get("implementingUnit"))}</td></tr>')
    fu = f.get("funding")
    if fu:
        rows = fu["rows"]
        rate = "执行率(%)" if fu.get("rateInPercent") else "执行率"
        hs = [h if h != "执行率" else rate for h in heads]
        out.append(f'<tr><td rowspan="{len(rows)+1}">项目资金<br>（{fu["unit"]}）</td><td></td>' + "".join(f"<td>{h}</td>" for h in hs) + "<td></td></tr>")
        for r in rows:
            cells = r["cells"]
            out.append(f'<tr><td>{txt(r["label"])}</td>' + "".join(f"<td>{raw(cells.get(c))}</td>" for c in cols) + "<td></td></tr>")
    g = f.get("goals", {})
    out.append('<tr><td rowspan="2">年度总体目标</td><td colspan="4">预期目标</td><td colspan="4">实际完成情况</td></tr>')
    out.append(f'<tr><td colspan="4">{txt(g.get("planned"))}</td><td colspan="4">{txt(g.get("actual"))}</td></tr>')
    ind = f["indicators"]
    out.append(f'<tr><td rowspan="{len(ind)+1}">绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr>')
    # merge level1 and level2 down over equal runs
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
        c += f'<td>{txt(r["name"])}</td><td>{raw(r["target"])}</td><td>{raw(r["actual"])}</td><td>{raw(r["weight"])}</td><td>{raw(r["score"])}</td><td>{txt(r["deviation"])}</td>'
        out.append("<tr>" + c + "</tr>")
    t = f.get("total") or {}
    grade = f.get("grade")
    out.append(f'<tr><td colspan="6">总分</td><td>{raw(t.get("weight"))}</td><td>{raw(t.get("score"))}</td><td>{e(grade.get("text") if isinstance(grade, dict) else grade or "")}</td></tr>')
    out.append("</table>")
out.append("</body></html>")
open(sys.argv[2], "w").write("\n".join(out))
