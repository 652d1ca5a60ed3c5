#!/usr/bin/env python3
"""Usage: eval_dedup_bbc.py BRIEFING_JSON BBC_DIR
Dedup on the BBC corpus against ground truth computed from the raw files:
exact groups (whitespace-normalised text) and same-title pairs by 5-word-shingle Jaccard."""
import json,os,re,sys,collections
b=json.load(open(sys.argv[1])); root=sys.argv[2]
arts={a['id']:a for a in b['articles']}
texts={}
for cat in sorted(os.listdir(root)):
    d=os.path.join(root,cat)
    if os.path.isdir(d):
        for f in sorted(os.listdir(d)):
            if f.endswith('.txt'): texts[cat+'_'+f[:-4]]=open(os.path.join(d,f),encoding='utf-8',errors='replace').read()
norm={k:' '.join(v.split()) for k,v in texts.items()}
rep=lambda a: arts[a]['duplicate_of'] or a
groups=collections.defaultdict(list)
for k,v in norm.items(): groups[v].append(k)
exact=[g for g in groups.values() if len(g)>1]
print("exact groups: gold %d, fully merged %d"%(len(exact),sum(all(rep(g[0])==rep(x) for x in g[1:]) for g in exact)))
def sh(t,k=5):
    w=re.findall(r"\w+",t.lower()); return set(tuple(w[i:i+k]) for i in range(max(1,len(w)-k+1)))
by_title=collections.defaultdict(list)
for k,v in texts.items(): by_title[v.split('\n',1)[0].strip()].append(k)
hi=[];mid=[]
for ks in by_title.values():
    for i in range(len(ks)):
        for j in range(i+1,len(ks)):
            a,c=ks[i],ks[j]
            if norm[a]==norm[c]: continue
            s1,s2=sh(texts[a]),sh(texts[c]); jac=len(s1&s2)/len(s1|s2)
            (hi if jac>=0.8 else mid if jac>=0.5 else []).append((a,c,jac))
print("near pairs >= 0.8: gold %d, merged %d"%(len(hi),sum(rep(a)==rep(c) for a,c,_ in hi)))
print("rewritten pairs 0.5-0.8: gold %d, merged %d"%(len(mid),sum(rep(a)==rep(c) for a,c,_ in mid)))
fm=[(a,rep(a)) for a in arts if arts[a]['duplicate_of'] and texts[a].split('\n',1)[0].strip()!=texts[rep(a)].split('\n',1)[0].strip()]
print("merged articles whose title differs from the kept copy: %d"%len(fm), fm[:5])
print("article duplicates recorded: %d, paragraph duplicates: %d"%(sum(d['kind']=='article' for d in b['duplicates']),sum(d['kind']=='paragraph' for d in b['duplicates'])))
