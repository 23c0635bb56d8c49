"""The forms of sichuan.py set as the template's table (11 columns, the labels merged down, the
原因 note merged beside the funding rows), for a PDF:

    python3 sichuan-pdf.py                 # writes sc.html here
    soffice --headless --convert-to pdf:writer_web_pdf_Export sc.html   (LibreOffice 7.4.7)
    pdftotext -layout sc.pdf sichuan-layout.txt                          (poppler 22.12.0)
"""
import json,sys,html
# reuse the made-up forms
src=open('sichuan.py').read()
ns={}
exec(src.split('def rows_of')[0].replace('import sys',''), ns)
forms=ns['forms']
W=[16,18,16,22,12,14,12,14,12,12,26]  # mm per column
def td(t,cs=1,rs=1,align='center'):
    a=(' colspan="%d"'%cs if cs>1 else '')+(' rowspan="%d"'%rs if rs>1 else '')
    return '<td%s style="text-align:%s">%s</td>'%(a,align,html.escape(t))
out=['<html><head><meta charset="utf-8"><style>table{border-collapse:collapse;table-layout:fixed} td{border:1px solid #000;font-size:8pt;padding:1px;vertical-align:middle}</style></head><body>']
for f in forms:
    out.append('<table>'+''.join('<col style="width:%dmm">'%w for w in W))
    out.append('<tr>'+td(f['title'],11)+'</tr>')
    out.append('<tr>'+td('项目名称')+td(f['name'],10)+'</tr>')
    out.append('<tr>'+td('主管部门')+td(f['dept'],4)+td('实施单位 (盖章)',2)+td(f['unit'],4)+'</tr>')
    out.append('<tr>'+td('项目基本情况',rs=5)+td('1.项目年度目标完成情况',10)+'</tr>')
    out.append('<tr>'+td('项目年度目标',5)+td('年度目标完成情况',5)+'</tr>')
    out.append('<tr>'+td(f['plan'],5,align='left')+td(f['act'],5,align='left')+'</tr>')
    out.append('<tr>'+td('2.项目实施内容及过程概述',10)+'</tr>')
    out.append('<tr>'+td(f['process'] or ' ',10,align='left')+'</tr>')
    fr=f['funding']
    out.append('<tr>'+td('预算执行情况(10分)',rs=len(fr)+1)+td('年度预算数(万元)')+''.join(td(h) for h in ['年初预算','调整后预算数','预算执行数','预算执行率','权重','得分'])+td('原因',3)+'</tr>')
    for i,r in enumerate(fr):
        cells=td(r[0])+''.join(td(c) for c in r[1:])
        if i==0: cells+=td(f['reason'],3,rs=len(fr),align='left')
        out.append('<tr>'+cells+'</tr>')
    rows=f['rows']
    out.append('<tr>'+td('绩效指标(90分)',rs=len(rows)+1)+''.join(td(h) for h in ['一级指标','二级指标','三级指标','指标性质','指标值','度量单位','完成值','权重','得分','未完成原因分析'])+'</tr>')
    # rowspans for level labels
    n=len(rows)
    for i,r in enumerate(rows):
        cells=''
        if r[0]:
            span=1
            while i+span<n and rows[i+span][0]=='': span+=1
            cells+=td(r[0],rs=span)
        cells+=td(r[1])+''.join(td(c) for c in r[2:])
        out.append('<tr>'+cells+'</tr>')
    out.append('<tr>'+td('合计',8)+td(f['total'][0])+td(f['total'][1])+td('')+'</tr>')
    out.append('<tr>'+td('评价结论')+td('项目按计划实施。',10,align='left')+'</tr>')
    out.append('<tr>'+td('存在问题')+td('无',10,align='left')+'</tr>')
    out.append('<tr>'+td('改进措施')+td('无',10,align='left')+'</tr>')
    out.append('<tr>'+td('项目负责人:',5,align='left')+td('财务负责人:',6,align='left')+'</tr>')
    out.append('</table><p style="page-break-after:always"></p>')
out.append('</body></html>')
open('sc.html','w').write('\n'.join(out))
