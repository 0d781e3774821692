#!/usr/bin/env python3
"""Median and p95 of criterion's per-iteration times.

Usage: python3 scripts/criterion-stats.py target/criterion/GROUP

For each bench of the group, reads new/sample.json (the samples' total times
and iteration counts), divides each sample's time by its iterations and prints
the median, p95 (nearest rank), min and max in milliseconds. Criterion itself
prints a confidence interval of the mean; docs/performance.md quotes medians
and p95.
"""
import json,sys,os
base=sys.argv[1]
for b in sorted(os.listdir(base)):
    p=os.path.join(base,b,'new','sample.json')
    if not os.path.exists(p): continue
    d=json.load(open(p))
    per=sorted(t/i/1e6 for t,i in zip(d['times'],d['iters']))
    n=len(per)
    med=(per[(n-1)//2]+per[n//2])/2
    import math
    p95=per[min(n-1, math.ceil(0.95*n)-1)]
    print(f"{b:20s} n={n:3d} median {med:8.1f} ms  p95 {p95:8.1f} ms  min {per[0]:8.1f}  max {per[-1]:8.1f}")
