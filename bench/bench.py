#!/usr/bin/python3
"""`make bench`: credgraph side by side with its python-igraph peer. Prints figures; never fails
on a figure (it is not a test). Exit status is non-zero only if a program crashes.

For each size (10k, 100k, 1M rows; plus 10M with BENCH_BIG=1):
  - generate the credits with bench/gen_credits.py (seed 1), cached under output/bench/data/
    (regenerated when the generator changes);
  - the I/O floor: `cat file > /dev/null` (page cache warm);
  - (a) ./credgraph build -q -v --graphs collab --edge-data none
          --metrics degree,strength,pagerank --layout none                        (the peer's job)
    (b) bench/peer_igraph.py                                                      (python-igraph)
    (c) ./credgraph build -q -v --layout none                                     (every metric)
    run one after the other on this machine, interleaved a, b, a, b, ... when repeated; the
    median wall time is reported (the faster of the two middle runs when their number is
    even), with the CPU time and peak RSS of that same run;
  - wall time, CPU time (user + sys of the child, from os.wait4) and peak RSS (ru_maxrss);
  - credgraph's `-v` stage times and the peer's own stage times;
  - at the end, how (a)'s wall, user and sys time and each of its stages grew from each size to
    the next, against the rows' ratio (and the peer's wall time).

Results: output/bench/bench.csv (one row per size and program) and output/bench/bench.svg, whose
time panel has a line of time proportional to rows through (a) at 1M rows (or its largest size
below) to read the growth against.

Environment: BENCH_BIG=1 adds 10M rows; BENCH_SIZES=10000,50000 replaces the sizes;
BENCH_PROGRAMS=cg_job,peer,cg_all,cg_betw chooses the programs (default all four);
BENCH_REPEAT=N runs every program N times (default: 3 for (a) at every size, 3 up to 1M rows
for (b), 3 up to 100k rows for (c), otherwise 1: a 10M run of (a) takes about 20 s, of (b)
about 3 minutes); BENCH_KEEP=1 keeps the outputs under output/bench/run/.
MB means 10^6 bytes everywhere (peak RSS too: ru_maxrss KiB * 1024 / 10^6).
"""
import csv
import hashlib
import math
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY = "/usr/bin/python3"
GEN = os.path.join(ROOT, "bench", "gen_credits.py")
PEER = os.path.join(ROOT, "bench", "peer_igraph.py")
CREDGRAPH = os.path.join(ROOT, "credgraph")
OUT = os.path.join(ROOT, "output", "bench")
DATA = os.path.join(OUT, "data")
RUNS = os.path.join(OUT, "run")
SEED = 1
MB = 1e6

PROGRAMS = [  # key, label
    ("cg_job", "credgraph (degree,strength,pagerank)"),
    ("peer", "python-igraph peer"),
    ("cg_all", "credgraph (all metrics)"),
    ("cg_betw", "credgraph (betweenness only)"),
]
LABEL = dict(PROGRAMS)
LABEL["floor"] = "cat > /dev/null (I/O floor)"
SHORT = {"cg_job": "credgraph (peer's job)", "peer": "python-igraph peer",
         "cg_all": "credgraph (all metrics)", "cg_betw": "credgraph (betweenness)"}
STAGE_RE = re.compile(r"^(credgraph|peer): (.+): ([0-9.]+) s$")


def fmt_rows(n):
    for div, suf in ((1_000_000, "M"), (1_000, "k")):
        if n >= div and n % div == 0:
            return "%d%s" % (n // div, suf)
    return str(n)


def sizes():
    if os.environ.get("BENCH_SIZES"):
        return [int(s) for s in os.environ["BENCH_SIZES"].split(",") if s.strip()]
    s = [10_000, 100_000, 1_000_000]
    if os.environ.get("BENCH_BIG", "") not in ("", "0"):
        s.append(10_000_000)
    return s


def repeats(key, rows):
    if os.environ.get("BENCH_REPEAT"):
        return max(1, int(os.environ["BENCH_REPEAT"]))
    if key == "cg_job":
        return 3
    if key == "peer":
        return 3 if rows <= 1_000_000 else 1
    return 3 if rows <= 100_000 else 1


def dataset(rows):
    """The cached CSV for `rows`, generated if missing or if the generator changed."""
    os.makedirs(DATA, exist_ok=True)
    with open(GEN, "rb") as f:
        tag = "%s rows=%d seed=%d\n" % (hashlib.sha256(f.read()).hexdigest(), rows, SEED)
    path = os.path.join(DATA, "credits_%s_seed%d.csv" % (fmt_rows(rows), SEED))
    meta = path + ".meta"
    try:
        with open(meta) as f:
            if f.read() == tag and os.path.exists(path):
                return path, None
    except FileNotFoundError:
        pass
    t = time.perf_counter()
    subprocess.run([PY, GEN, "--rows", str(rows), "--seed", str(SEED), "-o", path], check=True)
    el = time.perf_counter() - t
    with open(meta, "w") as f:
        f.write(tag)
    return path, el


# Peak RSS: Linux keeps ru_maxrss across execve, so a program started straight from this
# Python process (fork/vfork, then exec) reports at least this process's own peak RSS (~17 MB);
# `cat` would "use" 17 MB. So each measured program is started by a small /bin/sh that forks it
# and exits at once; the program is reparented to us (PR_SET_CHILD_SUBREAPER) and its rusage
# comes from our os.wait4 on it. It waits on a pipe until the shell is gone (so the shell cannot
# reap it), and the clock starts when we release it.
SPAWN_SH = 'exec 3<&0; { read _ <&3 || exit 1; exec "$@" 3<&-; } & echo $! > "$0"'


def _subreaper():
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(36, 1, 0, 0, 0) == 0      # PR_SET_CHILD_SUBREAPER
    except Exception:
        return False


SUBREAPER = sys.platform.startswith("linux") and _subreaper()


def run(cmd, discard_stdout=False):
    """Run cmd; wall, CPU and peak RSS of the child (os.wait4), with its stdout and stderr."""
    os.makedirs(RUNS, exist_ok=True)
    so_path, se_path = os.path.join(RUNS, "stdout.txt"), os.path.join(RUNS, "stderr.txt")
    pidfile = os.path.join(RUNS, "pid.txt")
    if discard_stdout:
        so_path = os.devnull
    with open(so_path, "wb") as so, open(se_path, "wb") as se:
        if SUBREAPER:
            go_r, go_w = os.pipe()
            sh = subprocess.Popen(["/bin/sh", "-c", SPAWN_SH, pidfile] + cmd, cwd=ROOT,
                                  stdin=go_r, stdout=so, stderr=se)
            os.close(go_r)
            try:
                sh.wait()
                with open(pidfile) as f:
                    pid = int(f.read())
                t = time.perf_counter()
                os.write(go_w, b"go\n")
            finally:
                os.close(go_w)
        else:
            t = time.perf_counter()
            p = subprocess.Popen(cmd, stdout=so, stderr=se, cwd=ROOT)
            pid = p.pid
        _, status, ru = os.wait4(pid, 0)
        wall = time.perf_counter() - t
        if not SUBREAPER:
            p.returncode = os.waitstatus_to_exitcode(status)
    out = ""
    if not discard_stdout:
        with open(so_path, encoding="utf-8", errors="replace") as f:
            out = f.read()
    with open(se_path, encoding="utf-8", errors="replace") as f:
        err = f.read()
    stages = []
    for line in err.splitlines():
        m = STAGE_RE.match(line)
        if m:
            stages.append((m.group(2), float(m.group(3))))
    return {"wall": wall, "user": ru.ru_utime, "sys": ru.ru_stime,
            "cpu": ru.ru_utime + ru.ru_stime, "rss": ru.ru_maxrss * 1024 / MB,
            "rc": os.waitstatus_to_exitcode(status), "stdout": out, "stderr": err,
            "stages": stages}


def dir_bytes(d):
    total = 0
    for base, _, files in os.walk(d):
        for name in files:
            total += os.path.getsize(os.path.join(base, name))
    return total


def command(key, csv_path, outdir):
    if key == "cg_job":
        # The peer's outputs: the collaboration network with weighted edges, and the ranks.
        return [CREDGRAPH, "build", "-q", "-v", "--graphs", "collab", "--edge-data", "none",
                "--metrics", "degree,strength,pagerank", "--layout", "none", csv_path, "-o", outdir]
    if key == "cg_betw":
        return [CREDGRAPH, "build", "-q", "-v", "--graphs", "collab", "--edge-data", "none",
                "--metrics", "betweenness", "--layout", "none", "--formats", "dot", csv_path,
                "-o", outdir]
    if key == "cg_all":
        return [CREDGRAPH, "build", "-q", "-v", "--layout", "none", csv_path, "-o", outdir]
    return [PY, PEER, csv_path, "-o", outdir]


def graph_counts(key, r):
    """(artists, collaborations) as the program reports them, or (None, None)."""
    if key == "peer":
        m = re.search(r"peer: artists (\d+), projects \d+, credits \d+, collaborations (\d+)",
                      r["stderr"])
    else:
        m = re.search(r"collab graph:\s+artists (\d+), collaborations (\d+)", r["stdout"])
    return (int(m.group(1)), int(m.group(2))) if m else (None, None)


def stage_sum(stages, names):
    return sum(s for n, s in stages if n in names)


def bench_size(rows, keys):
    path, gen_time = dataset(rows)
    nbytes = os.path.getsize(path)
    print()
    print("=== %s rows: %s, %.2f MB (%s) ===" % (
        fmt_rows(rows), os.path.relpath(path, ROOT), nbytes / MB,
        "cached" if gen_time is None else "generated in %.1f s" % gen_time))
    floors = [run(["cat", path], discard_stdout=True) for _ in range(3)]
    floor = sorted(floors, key=lambda r: r["wall"])[1]
    print("I/O floor (cat > /dev/null, median of 3): %.3f s wall, %.3f s CPU, %.0f MB/s, "
          "peak RSS %.1f MB" % (floor["wall"], floor["cpu"], nbytes / MB / max(floor["wall"], 1e-9),
                                floor["rss"]))

    results = {}
    # (a) and (b) interleaved, then (c)
    order = []
    pair = [k for k in keys if k in ("cg_job", "peer")]
    for i in range(max(repeats(k, rows) for k in pair) if pair else 0):
        order += [k for k in pair if i < repeats(k, rows)]
    for k in ("cg_all", "cg_betw"):
        if k in keys and not (k == "cg_betw" and rows > 1_000_000):   # the target is at 1M
            order += [k] * repeats(k, rows)
    runs = {k: [] for k in keys}
    for k in order:
        outdir = os.path.join(RUNS, "%s_%s" % (fmt_rows(rows), k))
        shutil.rmtree(outdir, ignore_errors=True)
        # Pages an earlier run wrote (the peer's 1M run leaves 480 MB) and the kernel has not
        # flushed yet would be flushed during this run, taking processor time from it.
        os.sync()
        r = run(command(k, path, outdir))
        r["out_bytes"] = dir_bytes(outdir) if os.path.isdir(outdir) else 0
        if os.environ.get("BENCH_KEEP", "") in ("", "0"):
            shutil.rmtree(outdir, ignore_errors=True)
        runs[k].append(r)
        if r["rc"] != 0:
            print("!! %s exited with %d; stderr:\n%s" % (LABEL[k], r["rc"], r["stderr"][-3000:]))
    failed = False
    for k in [k for k in keys if runs[k]]:
        rs = runs[k]
        rs_sorted = sorted(rs, key=lambda r: r["wall"])
        med = rs_sorted[(len(rs) - 1) // 2]
        med["n"] = len(rs)
        med["walls"] = [r["wall"] for r in rs]
        med["artists"], med["collabs"] = graph_counts(k, med)
        results[k] = med
        failed |= any(r["rc"] != 0 for r in rs)

    print("%-40s %5s %9s %9s %8s %8s %10s %9s   %s" % (
        "program", "runs", "wall s", "CPU s", "user s", "sys s", "peak RSS", "out MB",
        "walls of all runs"))
    for k in [k for k in keys if k in results]:
        r = results[k]
        print("%-40s %5d %9.3f %9.3f %8.3f %8.3f %7.1f MB %9.1f   %s" % (
            LABEL[k], r["n"], r["wall"], r["cpu"], r["user"], r["sys"], r["rss"],
            r["out_bytes"] / MB, " ".join("%.2f" % w for w in r["walls"])))

    if "cg_job" in results and "peer" in results:
        a, b = results["cg_job"], results["peer"]
        print("peer / credgraph (same job): wall %.2fx, CPU %.2fx;  credgraph / peer peak RSS %.2fx"
              % (b["wall"] / a["wall"], b["cpu"] / a["cpu"], a["rss"] / b["rss"]))
        same = (a["artists"], a["collabs"]) == (b["artists"], b["collabs"])
        print("same collaboration network: %s (credgraph %s artists, %s collaborations; "
              "peer %s, %s)" % ("yes" if same else "NO", a["artists"], a["collabs"],
                                b["artists"], b["collabs"]))
    if "cg_all" in results and "peer" in results:
        c, b = results["cg_all"], results["peer"]
        print("peer / credgraph (all metrics): wall %.2fx, CPU %.2fx;  credgraph / peer peak "
              "RSS %.2fx" % (b["wall"] / c["wall"], b["cpu"] / c["cpu"], c["rss"] / b["rss"]))

    if "cg_betw" in results:
        r = results["cg_betw"]
        t = stage_sum(r["stages"], ("betweenness, closeness, harmonic",))
        note = re.search(r"^note: (.*)$", r["stdout"], re.M)
        print("betweenness alone (collaboration network): %.3f s of %.3f s wall; %s" % (
            t, r["wall"], "estimated: " + note.group(1) if note else "exact"))

    # Reading throughput: the read stage alone (parse, check, find duplicates, intern every
    # name), and with the identity resolution after it, which the peer's figure includes.
    for k in ("cg_job", "cg_all"):
        if k not in results:
            continue
        # Each stage's median over the runs: a stage's time varies from run to run on its own.
        reads = [stage_sum(r["stages"], ("read",)) for r in runs[k]]
        results[k]["read_s"] = statistics.median(reads)
        results[k]["resolve_s"] = statistics.median(stage_sum(r["stages"], ("resolve identities",))
                                                    for r in runs[k])
        ri = results[k]["read_s"] + results[k]["resolve_s"]
        results[k]["read_mbs"] = nbytes / MB / results[k]["read_s"] if results[k]["read_s"] > 0 else None
        results[k]["throughput"] = nbytes / MB / ri if ri > 0 else None
        if results[k]["read_mbs"]:
            print("reading (parse, check, intern), %s: %.1f MB/s (read %.3f s, median of %d; all: %s)"
                  % (LABEL[k], results[k]["read_mbs"], results[k]["read_s"], len(reads),
                     " ".join("%.3f" % t for t in reads)))
        if ri > 0:
            print("reading + identity resolution, %s: %.1f MB/s (read %.3f s + resolve identities %.3f s)"
                  % (LABEL[k], nbytes / MB / ri, results[k]["read_s"], results[k]["resolve_s"]))
    if "peer" in results:
        pr = stage_sum(results["peer"]["stages"], ("read and resolve identities",))
        results["peer"]["throughput"] = nbytes / MB / pr if pr > 0 else None
        if pr > 0:
            print("reading + identity resolution, %s: %.1f MB/s (csv module + identities %.3f s)"
                  % (LABEL["peer"], nbytes / MB / pr, pr))

    # credgraph stage table (the median run of each)
    cg = [k for k in ("cg_job", "cg_all") if k in results]
    if cg:
        names = []
        for k in reversed(cg):      # the all-metrics run has every stage, in order
            for n, _ in results[k]["stages"]:
                if n not in names:
                    names.append(n)
        print("credgraph stages (s, from -v)       " +
              "".join("%16s" % {"cg_job": "peer's job", "cg_all": "all metrics"}[k] for k in cg))
        for n in names:
            cells = []
            for k in cg:
                d = dict(results[k]["stages"])
                cells.append("%16.3f" % d[n] if n in d else "%16s" % "-")
            print("  %-33s %s" % (n, "".join(cells)))
        for k in cg:
            st = results[k]["stages"]
            tot = sum(s for _, s in st)
            if st:
                top = max(st, key=lambda x: x[1])
                print("  %s: stages sum to %.3f s of %.3f s wall; largest: %s (%.0f%%)"
                      % (LABEL[k], tot, results[k]["wall"], top[0],
                         100 * top[1] / max(tot, 1e-9)))
    if "peer" in results and results["peer"]["stages"]:
        print("peer stages (s)")
        for n, s in results["peer"]["stages"]:
            print("  %-60s %9.3f" % (n, s))
    results["floor"] = dict(floor, n=3, out_bytes=0, artists=None, collabs=None)
    return nbytes, gen_time, results, failed


def write_csv(all_results):
    path = os.path.join(OUT, "bench.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["rows", "input_bytes", "program", "command", "runs", "wall_s", "cpu_s",
                    "user_s", "sys_s", "peak_rss_mb", "out_bytes", "exit", "artists",
                    "collaborations", "read_s", "resolve_s", "read_mb_per_s", "read_resolve_mb_per_s",
                    "stages"])
        for rows, nbytes, res in all_results:
            for k in ["floor"] + [k for k, _ in PROGRAMS]:
                if k not in res:
                    continue
                r = res[k]
                tp = r.get("throughput")
                w.writerow([rows, nbytes, k, LABEL[k], r["n"], "%.4f" % r["wall"],
                            "%.4f" % r["cpu"], "%.4f" % r["user"], "%.4f" % r["sys"],
                            "%.1f" % r["rss"], r["out_bytes"], r["rc"],
                            r.get("artists") or "", r.get("collabs") or "",
                            "%.4f" % r["read_s"] if "read_s" in r else "",
                            "%.4f" % r["resolve_s"] if "resolve_s" in r else "",
                            "%.1f" % r["read_mbs"] if r.get("read_mbs") else "",
                            "%.1f" % tp if tp else "",
                            ";".join("%s=%.4f" % (n, s) for n, s in r["stages"])])
    return path


# --- SVG -------------------------------------------------------------------------------------

COLOURS = {"cg_job": "#0072b2", "cg_all": "#56b4e9", "cg_betw": "#009e73", "peer": "#d55e00",
           "floor": "#999999", "linear": "#cc79a7"}
DASH = {"cg_job": "", "cg_all": "6,3", "cg_betw": "2,2", "peer": "", "floor": "2,3", "linear": "8,3,2,3"}


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def log_ticks(lo, hi):
    a, b = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
    if a == b:
        b += 1
    return a, b


def fmt_tick(e, unit):
    v = 10.0 ** e
    if unit == "rows":
        return fmt_rows(int(round(v))) if v >= 1 else "%g" % v
    return ("%g" % v) if 1e-3 <= v < 1e6 else "1e%d" % e


def panel(x0, y0, w, h, series, title, ylabel, yunit, guide=None):
    """series: list of (key, [(rows, value)]). Returns SVG elements for one log-log panel, with
    a dashed line of slope 1 (cost proportional to rows) through the point `guide` if given."""
    xs = [p[0] for _, pts in series for p in pts]
    ys = [p[1] for _, pts in series for p in pts if p[1] > 0]
    if not xs or not ys:
        return []
    xa, xb = log_ticks(min(xs), max(xs))
    ya, yb = log_ticks(min(ys), max(ys))
    if xb - xa < 1:
        xb = xa + 1

    def px(v):
        return x0 + (math.log10(v) - xa) / (xb - xa) * w

    def py(v):
        return y0 + h - (math.log10(v) - ya) / (yb - ya) * h

    el = ['<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#333"/>'
          % (x0, y0, w, h),
          '<text x="%d" y="%d" text-anchor="middle" font-size="15" font-weight="bold">%s</text>'
          % (x0 + w / 2, y0 - 12, esc(title))]
    for e in range(xa, xb + 1):
        X = px(10 ** e)
        el.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>' % (X, y0, X, y0 + h))
        el.append('<text x="%.1f" y="%d" text-anchor="middle" font-size="12">%s</text>'
                  % (X, y0 + h + 18, fmt_tick(e, "rows")))
    for e in range(ya, yb + 1):
        Y = py(10 ** e)
        el.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>' % (x0, Y, x0 + w, Y))
        el.append('<text x="%d" y="%.1f" text-anchor="end" font-size="12">%s</text>'
                  % (x0 - 6, Y + 4, fmt_tick(e, yunit)))
        if e < yb:
            for m in range(2, 10):
                Ym = py(m * 10 ** e)
                el.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#333"/>'
                          % (x0, Ym, x0 + 4, Ym))
    el.append('<text x="%d" y="%d" text-anchor="middle" font-size="13">input rows (log)</text>'
              % (x0 + w / 2, y0 + h + 40))
    el.append('<text transform="translate(%d,%d) rotate(-90)" text-anchor="middle" '
              'font-size="13">%s</text>' % (x0 - 52, y0 + h / 2, esc(ylabel)))
    if guide:   # clipped to the panel, which it may leave
        gx, gy = guide
        (x1, y1), (x2, y2) = [(x, gy * x / gx) for x in (10 ** xa, 10 ** xb)]
        el.append('<clipPath id="c%d"><rect x="%d" y="%d" width="%d" height="%d"/></clipPath>'
                  % (x0, x0, y0, w, h))
        el.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="1.5" '
                  'stroke-dasharray="%s" clip-path="url(#c%d)"/>'
                  % (px(x1), py(y1), px(x2), py(y2), COLOURS["linear"], DASH["linear"], x0))
    for key, pts in series:
        pts = [(x, y) for x, y in sorted(pts) if y > 0]
        if not pts:
            continue
        d = " ".join("%.1f,%.1f" % (px(x), py(y)) for x, y in pts)
        dash = ' stroke-dasharray="%s"' % DASH[key] if DASH[key] else ""
        el.append('<polyline points="%s" fill="none" stroke="%s" stroke-width="2"%s/>'
                  % (d, COLOURS[key], dash))
        for x, y in pts:
            el.append('<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s"><title>%s, %s rows: %.3g'
                      '</title></circle>' % (px(x), py(y), COLOURS[key], esc(LABEL[key]),
                                             fmt_rows(x), y))
    return el


MIN_BASE_S = 0.01  # a ratio to a time under 10 ms says nothing (sys at 10k rows is a few ms or 0)


def growth(t1, t0):
    return "x%.1f" % (t1 / t0) if t0 >= MIN_BASE_S else "- (under 10 ms before)"


def print_growth(all_results):
    """How each size's costs compare with the size before: linear growth is the rows' ratio."""
    pairs = [(a, b) for a, b in zip(all_results, all_results[1:]) if "cg_job" in a[2] and "cg_job" in b[2]]
    if not pairs:
        return
    print()
    print("=== growth against the size before (linear: the rows' ratio) ===")
    for (r0, _, res0), (r1, _, res1) in pairs:
        a, b = res0["cg_job"], res1["cg_job"]
        line = "%s -> %s (rows x%.1f): %s wall %s, user %s, sys %s" % (
            fmt_rows(r0), fmt_rows(r1), r1 / r0, SHORT["cg_job"], growth(b["wall"], a["wall"]),
            growth(b["user"], a["user"]), growth(b["sys"], a["sys"]))
        if "peer" in res0 and "peer" in res1:
            line += "; peer wall x%.1f" % (res1["peer"]["wall"] / res0["peer"]["wall"])
        print(line)
        before = dict(a["stages"])
        cells = ["%s %s" % (n, growth(t, before[n])) for n, t in b["stages"] if before.get(n, 0) >= MIN_BASE_S]
        if cells:
            print("  stages: " + ", ".join(cells))


def write_svg(all_results):
    W, H = 1000, 520
    keys = ["cg_job", "peer", "cg_all", "cg_betw", "floor"]
    time_series = [(k, [(rows, res[k]["wall"]) for rows, _, res in all_results if k in res])
                   for k in keys]
    rss_series = [(k, [(rows, res[k]["rss"]) for rows, _, res in all_results if k in res])
                  for k in keys if k != "floor"]
    el = ['<?xml version="1.0" encoding="UTF-8"?>',
          '<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '
          'font-family="sans-serif">' % (W, H, W, H),
          '<rect width="100%" height="100%" fill="white"/>',
          '<text x="%d" y="24" text-anchor="middle" font-size="17">credgraph vs python-igraph '
          '(make bench, %s, load avg %.1f)</text>' % (W / 2, time.strftime("%Y-%m-%d"),
                                                      os.getloadavg()[0])]
    # Linear growth drawn through credgraph's time at 1M rows (or its largest size below).
    job = sorted(dict(time_series)["cg_job"])
    below = [p for p in job if p[0] <= 1_000_000] or job
    anchor = below[-1] if below else None
    if anchor:
        LABEL["linear"] = "time proportional to rows (through the first line at %s)" % fmt_rows(anchor[0])
    el += panel(90, 70, 360, 330, time_series, "Wall time", "wall time (s, log)", "s", anchor)
    el += panel(590, 70, 360, 330, rss_series, "Peak RSS", "peak RSS (MB, log)", "MB")
    ly = 464
    lx = 30
    for k in keys + (["linear"] if anchor else []):
        width = 34 + int(len(LABEL[k]) * 6.6) + 24      # ~6.6 px per 12 px sans-serif glyph
        if lx + width > W:                              # the legend goes on a line below
            lx, ly = 30, ly + 22
        dash = ' stroke-dasharray="%s"' % DASH[k] if DASH[k] else ""
        el.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2"%s/>'
                  % (lx, ly, lx + 28, ly, COLOURS[k], dash))
        el.append('<text x="%d" y="%d" font-size="12">%s</text>' % (lx + 34, ly + 4,
                                                                    esc(LABEL[k])))
        lx += width
    el.append("</svg>")
    path = os.path.join(OUT, "bench.svg")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(el) + "\n")
    return path


def main():
    os.makedirs(OUT, exist_ok=True)
    if not os.access(CREDGRAPH, os.X_OK):
        sys.exit("bench: %s is missing; run `make credgraph`" % CREDGRAPH)
    keys = [k for k, _ in PROGRAMS]
    if os.environ.get("BENCH_PROGRAMS"):
        wanted = os.environ["BENCH_PROGRAMS"].split(",")
        keys = [k for k in keys if k in wanted]
    chk = subprocess.run([PY, "-c", "import igraph; print(igraph.__version__)"],
                         capture_output=True, text=True)
    if chk.returncode != 0:
        print("bench: python-igraph is not importable by %s (Debian: apt-get install "
              "python3-igraph); the peer is skipped" % PY)
        if "peer" in keys:
            keys.remove("peer")
        igv = None
    else:
        igv = chk.stdout.strip()
    cgv = subprocess.run([CREDGRAPH, "--version"], capture_output=True, text=True)
    print("credgraph bench: %s; peer: python-igraph %s on Python %s (csv module, no pandas)"
          % ((cgv.stdout or cgv.stderr).strip().splitlines()[0] if (cgv.stdout or cgv.stderr)
             else "credgraph", igv or "absent",
             subprocess.run([PY, "-c", "import sys; print(sys.version.split()[0])"],
                            capture_output=True, text=True).stdout.strip()))
    print("machine: %d CPUs, load average %.2f %.2f %.2f at start; runs are sequential. "
          "MB = 10^6 bytes." % ((os.cpu_count() or 0,) + os.getloadavg()))
    print("sizes: %s (seed %d)" % (", ".join(fmt_rows(s) for s in sizes()), SEED))
    if not SUBREAPER:
        print("note: PR_SET_CHILD_SUBREAPER unavailable; programs are started directly, so a peak "
              "RSS below this script's own (~%.0f MB) reads as that" % (
                  resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MB))
    t0 = time.perf_counter()
    all_results = []
    failed = False
    for rows in sizes():
        nbytes, _, res, f = bench_size(rows, keys)
        failed |= f
        all_results.append((rows, nbytes, res))
        write_csv(all_results)      # keep what we have if a later size is interrupted
        write_svg(all_results)

    print()
    print("=== summary (median wall s / peak RSS MB) ===")
    hdr = "%-8s %9s" % ("rows", "input MB") + "".join("%26s" % SHORT[k] for k in keys)
    print(hdr + "%14s" % "peer/cg wall")
    for rows, nbytes, res in all_results:
        line = "%-8s %9.2f" % (fmt_rows(rows), nbytes / MB)
        for k in keys:
            line += "%26s" % ("%.3f s / %.0f MB" % (res[k]["wall"], res[k]["rss"]) if k in res else "-")
        if "peer" in res and "cg_job" in res:
            line += "%13.2fx" % (res["peer"]["wall"] / res["cg_job"]["wall"])
        print(line)
    print_growth(all_results)
    print("load average now: %.2f %.2f %.2f; bench took %.0f s" % (
        os.getloadavg() + (time.perf_counter() - t0,)))
    print("wrote %s and %s" % (os.path.relpath(write_csv(all_results), ROOT),
                               os.path.relpath(write_svg(all_results), ROOT)))
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
