"""Two pumptui binaries side by side, interleaved run by run, against one test server: start-up
to the authorize URL and the cached start to the first timeline row, idle and with one core
busy, with PyPump's times from the same minutes for the ratios. The host's speed drifts over
minutes (bench/README-performance.md), so comparing two builds in separate runs of
scripts/bench.sh says little; this does.

    .venv-bench/bin/python bench/ab.py OLD_BINARY NEW_BINARY RUNS
"""
import collections, os, shutil, statistics, sys, tempfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run, bounded
bins = {"old": sys.argv[1], "new": sys.argv[2]}; runs = int(sys.argv[3])
server = run.Server("--inbox-size", "300")
res = collections.defaultdict(list)
cfgs = {k: tempfile.mkdtemp() for k in bins}
try:
    for k, b in bins.items():
        run.first_login_pumptui(b, server, cfgs[k], True); run.second_start_pumptui(b, server, cfgs[k], True)
    for busy in (False, True):
        ctx = bounded.one_core_busy() if busy else open("/dev/null")
        with ctx:
            for i in range(runs):
                order = ["old", "new"] if i % 2 == 0 else ["new", "old"]
                for k in order:
                    res[k, "url", busy] += run.startup_pumptui(bins[k], server, 1, True)
                    res[k, "cached", busy] += run.cached_start_pumptui(bins[k], server, cfgs[k], 1)
                res["pypump", "url", busy] += run.startup_pypump(server, 1)
            res["pypump", "cached", busy] += run.first_page_pypump(server, max(3, runs // 2))
    for busy in (False, True):
        for m in ("url", "cached"):
            p = statistics.median(res["pypump", m, busy]) * 1000
            line = f"{'busy' if busy else 'idle'} {m:6}: pypump {p:5.0f}"
            for k in bins:
                v = statistics.median(res[k, m, busy]) * 1000
                line += f" | {k} {v:5.1f} ms ({p/v:4.1f}x)"
            print(line)
    for key, v in sorted(res.items(), key=str): print(key, [round(x*1000) for x in v])
finally:
    server.stop()
    for d in cfgs.values(): shutil.rmtree(d, ignore_errors=True)
