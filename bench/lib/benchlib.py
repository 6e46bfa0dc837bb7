#!/usr/bin/env python3
"""Helpers for bench/gateway-vs-nginx.sh (Python 3 standard library only, plus the openssl CLI).

Subcommands:
  jwks KEY.pem KID                     print a JWKS with the key's public half
  token KEY.pem KID ISSUER AUDIENCE SUBJECT ORG_ID PLAN TTL_SECONDS
                                       print an RS256 JWT signed with KEY.pem
  tamper TOKEN                         print TOKEN with one signature character changed
  wrk FILE                             parse a `wrk --latency` output, print JSON
  procticks PID...                     print utime+stime (clock ticks) of each live PID, summed
  busyticks                            print the busy clock ticks of all CPUs (/proc/stat)
  jitticks PID                         print utime+stime of PID's JIT compiler threads (C1, C2)
  cpujson BUSY0 BUSY1 OURS0 OURS1 LOADGEN_CPU_S SECONDS NCPU
                                       print JSON: CPU used by other processes during a run
  table RESULTS_DIR GOAL_NGINX GOAL_HAPROXY
                                       print the throughput table and the ratios, write summary.json,
                                       exit 0 when valid
  haproxy-cmd SOCKET COMMAND           send COMMAND to HAProxy's stats socket, print the answer
  h2load OUTPUT REQUEST_LOG OFFERED_RPS EXPECTED
                                       parse an h2load run and its --log-file, print JSON
  openline FILE.json                   print one line about an open-loop run
  completed RESULTS_DIR TARGET         print the requests wrk and h2load completed on TARGET
  opentable RESULTS_DIR RATE CLIENTS SECONDS
                                       print the open-loop latency table and its goal, add it to
                                       summary.json, exit 0 when valid
  finish RESULTS_DIR EXIT_STATUS [KEY=VALUE | problem:TEXT]...
                                       add the server-side evidence, problems and the exit status
                                       to summary.json
"""

import base64
import glob
import gzip
import math
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def modulus(key: str) -> bytes:
    out = subprocess.run(
        ["openssl", "rsa", "-in", key, "-noout", "-modulus"],
        check=True, capture_output=True, text=True).stdout.strip()
    return bytes.fromhex(out.split("=", 1)[1])


def jwks(key: str, kid: str) -> str:
    return json.dumps({"keys": [{
        "kty": "RSA", "kid": kid, "use": "sig", "alg": "RS256",
        "n": b64url(modulus(key)),
        "e": b64url((65537).to_bytes(3, "big")),
    }]}, separators=(",", ":"))


def token(key, kid, issuer, audience, subject, org_id, plan, ttl) -> str:
    now = int(time.time())
    header = {"alg": "RS256", "typ": "JWT", "kid": kid}
    claims = {
        "iss": issuer, "aud": [audience], "sub": subject, "iat": now, "nbf": now,
        "exp": now + int(ttl), "azp": "bench", "preferred_username": "bench",
        "email": "bench@dealflow.invalid", "org_id": org_id, "org_ids": [org_id],
        "org_plan": plan, "realm_access": {"roles": ["rep"]},
    }
    signing_input = (b64url(json.dumps(header, separators=(",", ":")).encode()) + "."
                     + b64url(json.dumps(claims, separators=(",", ":")).encode()))
    with tempfile.NamedTemporaryFile() as data:
        data.write(signing_input.encode("ascii"))
        data.flush()
        signature = subprocess.run(
            ["openssl", "dgst", "-sha256", "-sign", key, data.name],
            check=True, capture_output=True).stdout
    return signing_input + "." + b64url(signature)


def tamper(tok: str) -> str:
    head, sig = tok[:-10], tok[-10:]
    first = "A" if sig[0] != "A" else "B"
    return head + first + sig[1:]


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}


def to_ms(value: str) -> float:
    m = re.fullmatch(r"([0-9.]+)(us|ms|s|m|h)", value)
    if not m:
        raise ValueError("unknown latency " + value)
    return float(m.group(1)) * UNITS[m.group(2)]


def parse_wrk(path: str) -> dict:
    text = open(path, encoding="utf-8", errors="replace").read()
    result = {"file": os.path.basename(path)}
    m = re.search(r"Requests/sec:\s+([0-9.]+)", text)
    result["rps"] = float(m.group(1)) if m else None
    for pct in ("50", "75", "90", "99"):
        m = re.search(r"^\s+" + pct + r"%\s+(\S+)", text, re.M)
        result["p" + pct + "_ms"] = to_ms(m.group(1)) if m else None
    m = re.search(r"(\d+) requests in ([0-9.]+\w+)", text)
    result["requests"] = int(m.group(1)) if m else None
    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    result["non2xx"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    result["socket_errors"] = sum(int(g) for g in m.groups()) if m else 0
    result["socket_errors_detail"] = m.group(0) if m else "none"
    return result


def proc_ticks(pids) -> int:
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            pass
    return total


def jit_ticks(pid) -> int:
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/stat") as f:
                stat = f.read()
            name = stat[stat.index("(") + 1:stat.rindex(")")]
            if name.startswith(("C1 Compil", "C2 Compil")):
                fields = stat.rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])
        except (FileNotFoundError, ProcessLookupError, ValueError):
            pass
    return total


def busy_ticks() -> int:
    with open("/proc/stat") as f:
        cpu = f.readline().split()[1:]
    values = [int(v) for v in cpu]
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    return sum(values[:8]) - idle  # guest time is already inside user


TARGETS = ("direct", "nginx", "haproxy", "ceiling", "gateway")
LABELS = {"direct": "backend direct", "nginx": "nginx -> backend",
          "haproxy": "haproxy -> backend", "ceiling": "ceiling -> backend",
          "gateway": "gateway -> backend"}


def fmt(v, spec):
    return format(v, spec) if v is not None else "n/a"


def table(results_dir: str, goal_nginx: float, goal_haproxy: float) -> int:
    rows = {}
    for name in TARGETS:
        path = os.path.join(results_dir, name + ".wrk.txt")
        if os.path.exists(path):
            rows[name] = parse_wrk(path)
            cpu_path = os.path.join(results_dir, name + ".cpu.json")
            if os.path.exists(cpu_path):
                rows[name].update(json.load(open(cpu_path)))

    print(f"{'target':<20}{'req/s':>11}{'p50 ms':>9}{'p99 ms':>9}{'requests':>11}"
          f"{'non-2xx':>9}{'sock err':>9}{'CPU others':>12}")
    valid = True
    problems = []
    for name, r in rows.items():
        print(f"{LABELS[name]:<20}{fmt(r['rps'], ',.0f'):>11}{fmt(r['p50_ms'], '.2f'):>9}"
              f"{fmt(r['p99_ms'], '.2f'):>9}{fmt(r['requests'], ','):>11}{r['non2xx']:>9,}"
              f"{r['socket_errors']:>9,}{fmt(r.get('others_pct'), '.0f') + ' %':>12}")
        if r["rps"] is None or r["p50_ms"] is None or r["p99_ms"] is None:
            valid = False
            problems.append(f"{name}: wrk output could not be parsed")
        if r["non2xx"] or r["socket_errors"]:
            valid = False
            problems.append(f"{name}: {r['non2xx']} non-2xx responses, "
                            f"{r['socket_errors_detail']}")
    if "ceiling" in rows:
        print("(ceiling: the gateway jar with its token check, rate limits and metrics off)")
    print("(CPU others: CPU time used during the measurement by processes other than wrk,"
          " the servers and Redis, in % of all the machine's cores)")
    print()

    def rps(name):
        r = rows.get(name)
        return r["rps"] if r and r["rps"] else None

    ratios, met = {}, {}
    gw = rps("gateway")
    for peer, goal in (("nginx", goal_nginx), ("haproxy", goal_haproxy)):
        if gw and rps(peer):
            ratio = gw / rps(peer)
            ratios["gateway/" + peer] = round(ratio, 3)
            met[peer] = ratio >= goal
            print(f"gateway / {peer:<8} throughput: {ratio:.2f}x   "
                  f"(goal >= {goal:.2f}x: {'MET' if met[peer] else 'NOT MET'})")
        else:
            met[peer] = None
    for peer in ("nginx", "haproxy"):
        if gw and rps(peer):
            g, p = rows["gateway"], rows[peer]
            print(f"gateway / {peer:<8} p50 latency: {g['p50_ms'] / p['p50_ms']:.2f}x, "
                  f"p99 latency: {g['p99_ms'] / p['p99_ms']:.2f}x")
    ce = rps("ceiling")
    if gw and ce:
        ratios["gateway/ceiling"] = round(gw / ce, 3)
        print(f"gateway / ceiling  throughput: {gw / ce:.2f}x   (token check, rate limits and "
              f"metrics: {1e6 / gw - 1e6 / ce:+.0f} us per request of the server core, "
              f"{100 * (1 - gw / ce):.0f} % of the ceiling's throughput)")
    for name in ("gateway", "ceiling", "haproxy", "nginx"):
        if rps(name) and rps("direct"):
            ratios[name + "/direct"] = round(rps(name) / rps("direct"), 3)
            print(f"{name:<8} / direct   throughput: {rps(name) / rps('direct'):.2f}x")
    print()
    if valid:
        print("THROUGHPUT RUN VALID: every measured response was 2xx, no socket errors.")
    else:
        print("THROUGHPUT RUN INVALID:")
        for p in problems:
            print("  - " + p)
    summary = {"rows": rows, "valid": valid, "problems": problems,
               "goals": {"gateway/nginx": goal_nginx, "gateway/haproxy": goal_haproxy},
               "goal_met": {"gateway/nginx": met["nginx"], "gateway/haproxy": met["haproxy"]},
               "ratios": ratios}
    with open(os.path.join(results_dir, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
    return 0 if valid else 3


def haproxy_cmd(path: str, command: str) -> str:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(10)
        s.connect(path)
        s.sendall(command.encode() + b"\n")
        chunks = []
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    return b"".join(chunks).decode(errors="replace")


def percentile(sorted_values, q):
    """Nearest rank: the smallest value with at least q of all values at or below it."""
    if not sorted_values:
        return None
    rank = max(1, math.ceil(q * len(sorted_values)))
    return sorted_values[rank - 1]


def parse_h2load(out_path: str, log_path: str, offered: float, expected: int) -> dict:
    """h2load's summary, and latencies from its --log-file: one line per request, tab-separated:
    start (microseconds since the epoch), HTTP status (-1: failed), microseconds to the end of
    the response."""
    text = open(out_path, encoding="utf-8", errors="replace").read()
    result = {"file": os.path.basename(out_path), "offered_rps": offered, "expected": expected}
    m = re.search(r"finished in ([0-9.]+)(\w+), ([0-9.]+) req/s", text)
    # h2load's own rate: completed / time from its start (connections included) to the last answer
    result["h2load_rps"] = float(m.group(3)) if m else None
    result["elapsed_ms"] = to_ms(m.group(1) + m.group(2)) if m else None
    m = re.search(r"requests: (\d+) total, (\d+) started, (\d+) done, (\d+) succeeded, "
                  r"(\d+) failed, (\d+) errored, (\d+) timeout", text)
    keys = ("total", "started", "done", "succeeded", "failed", "errored", "timeout")
    result.update({k: int(v) for k, v in zip(keys, m.groups())} if m else {k: None for k in keys})
    starts, durations, non2xx = [], [], 0
    opener = gzip.open if log_path.endswith(".gz") else open
    with opener(log_path, "rt") as f:
        for line in f:
            fields = line.split("\t")
            if len(fields) < 3:
                continue
            start, status, micros = int(fields[0]), int(fields[1]), int(fields[2])
            starts.append(start)
            if 200 <= status < 300:
                durations.append(micros)
            else:
                non2xx += 1
    durations.sort()
    result["logged"] = len(starts)
    result["non2xx"] = non2xx
    for name, q in (("p50", 0.5), ("p90", 0.9), ("p99", 0.99), ("p999", 0.999)):
        v = percentile(durations, q)
        result[name + "_ms"] = v / 1000 if v is not None else None
    result["max_ms"] = durations[-1] / 1000 if durations else None
    # Achieved: the rate the requests were actually sent at, first to last send. A client whose
    # previous request is still unanswered sends late, so a target that cannot keep up lowers it.
    result["achieved_rps"] = None
    result["max_sent_per_ms"] = None
    if len(starts) > 1:
        span = (max(starts) - min(starts)) / 1e6
        if span > 0:
            result["achieved_rps"] = round((len(starts) - 1) / span, 1)
        per_ms = {}
        for start in starts:  # bunching: the most requests sent within one millisecond
            per_ms[start // 1000] = per_ms.get(start // 1000, 0) + 1
        result["max_sent_per_ms"] = max(per_ms.values())
    problems = []
    if result["h2load_rps"] is None or result["done"] is None or result["achieved_rps"] is None:
        problems.append("h2load output could not be parsed")
    else:
        errors = result["failed"] + result["errored"] + result["timeout"]
        if errors:
            problems.append(f"{result['failed']} failed, {result['errored']} errored, "
                            f"{result['timeout']} timed-out requests")
        if result["done"] < expected or result["logged"] < expected:
            problems.append(f"{result['done']} of {expected} requests done "
                            f"({result['logged']} logged)")
        if result["achieved_rps"] < 0.95 * offered:
            problems.append(f"achieved {result['achieved_rps']:.0f} of {offered:.0f} req/s offered"
                            " (< 95 %): the target or the generator did not keep the rate")
    if non2xx:
        problems.append(f"{non2xx} non-2xx responses")
    result["problems"] = problems
    return result


def open_line(path: str) -> str:
    r = json.load(open(path))
    return (f"{fmt(r['achieved_rps'], ',.0f')} of {r['offered_rps']:,.0f} req/s, "
            f"p50 {fmt(r['p50_ms'], '.2f')} ms, p99 {fmt(r['p99_ms'], '.2f')} ms, "
            f"p99.9 {fmt(r['p999_ms'], '.2f')} ms, non-2xx {r['non2xx']}"
            + ("; " + "; ".join(r["problems"]) if r["problems"] else ""))


def completed(results_dir: str, name: str) -> int:
    total = 0
    for path in glob.glob(os.path.join(results_dir, name + ".wrk.txt")) + \
            glob.glob(os.path.join(results_dir, name + ".warmup*.wrk.txt")):
        total += parse_wrk(path)["requests"] or 0
    for path in glob.glob(os.path.join(results_dir, name + ".open*.json")):
        if not path.endswith(".cpu.json"):
            total += json.load(open(path)).get("done") or 0
    return total


def open_table(results_dir: str, rate: float, clients: int, seconds: int) -> int:
    rows, problems = {}, []
    for name in TARGETS:
        path = os.path.join(results_dir, name + ".open.json")
        if not os.path.exists(path):
            continue
        rows[name] = json.load(open(path))
        cpu_path = os.path.join(results_dir, name + ".open.cpu.json")
        if os.path.exists(cpu_path):
            rows[name].update(json.load(open(cpu_path)))
        problems += [f"{name}: {p}" for p in rows[name]["problems"]]
        warmup = os.path.join(results_dir, name + ".open-warmup.json")
        if os.path.exists(warmup):
            w = json.load(open(warmup))
            problems += [f"{name} (warm-up): {p}" for p in w["problems"]
                         if "non-2xx" in p or "failed" in p]
    print(f"{'target':<20}{'offered':>9}{'achieved':>10}{'p50 ms':>9}{'p99 ms':>9}"
          f"{'p99.9 ms':>10}{'max ms':>9}{'non-2xx':>9}{'max/ms':>8}{'CPU others':>12}")
    for name, r in rows.items():
        print(f"{LABELS[name]:<20}{r['offered_rps']:>9,.0f}{fmt(r['achieved_rps'], ',.0f'):>10}"
              f"{fmt(r['p50_ms'], '.2f'):>9}{fmt(r['p99_ms'], '.2f'):>9}"
              f"{fmt(r['p999_ms'], '.2f'):>10}{fmt(r['max_ms'], '.1f'):>9}{r['non2xx']:>9,}"
              f"{fmt(r['max_sent_per_ms'], 'd'):>8}{fmt(r.get('others_pct'), '.0f') + ' %':>12}")
    print("(offered and achieved in req/s, achieved = the rate requests were sent at; latency from"
          " each request's send to the end of its response, from h2load's per-request log; max/ms:"
          " the most requests sent within one millisecond)")
    print()
    gw, di = rows.get("gateway"), rows.get("direct")
    met, limit = None, None
    if gw and di and gw["p99_ms"] is not None and di["p99_ms"] is not None:
        limit = 2 * di["p99_ms"] + 1.0
        met = gw["p99_ms"] <= limit
        print(f"gateway p99 {gw['p99_ms']:.2f} ms vs 2 x direct p99 + 1 ms = {limit:.2f} ms   "
              f"(goal: {'MET' if met else 'NOT MET'})")
    for name in ("nginx", "haproxy", "ceiling", "gateway"):
        r = rows.get(name)
        if r and di and r["p99_ms"] is not None and di["p99_ms"] is not None:
            print(f"{name:<8} p99 - direct p99: {r['p99_ms'] - di['p99_ms']:+.2f} ms, "
                  f"p50 - direct p50: {r['p50_ms'] - di['p50_ms']:+.2f} ms")
    print()
    valid = not problems
    if valid:
        print("LATENCY RUN VALID: every request answered 2xx, at the offered rate.")
    else:
        print("LATENCY RUN INVALID:")
        for p in problems:
            print("  - " + p)
    path = os.path.join(results_dir, "summary.json")
    summary = json.load(open(path)) if os.path.exists(path) else {}
    summary["open_loop"] = {
        "rate_rps": rate, "clients": clients, "seconds": seconds, "rows": rows,
        "valid": valid, "problems": problems,
        "goal": "gateway p99 <= 2 x direct p99 + 1 ms", "goal_limit_ms": limit, "goal_met": met}
    with open(path, "w") as f:
        json.dump(summary, f, indent=2)
    return 0 if valid else 3


def finish(results_dir: str, status: int, items) -> None:
    path = os.path.join(results_dir, "summary.json")
    summary = json.load(open(path)) if os.path.exists(path) else {}
    evidence, problems = {}, []
    for item in items:
        if item.startswith("problem:"):
            problems.append(item[len("problem:"):])
        elif "=" in item:
            key, value = item.split("=", 1)
            evidence[key] = int(value) if re.fullmatch(r"-?\d+", value) else value
    summary["server_side"] = {"evidence": evidence, "problems": problems}
    summary["exit_status"] = status
    summary["run_valid"] = status == 0
    with open(path, "w") as f:
        json.dump(summary, f, indent=2)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    cmd, args = argv[1], argv[2:]
    if cmd == "jwks":
        print(jwks(*args))
    elif cmd == "token":
        print(token(*args))
    elif cmd == "tamper":
        print(tamper(args[0]))
    elif cmd == "wrk":
        print(json.dumps(parse_wrk(args[0])))
    elif cmd == "procticks":
        print(proc_ticks(args))
    elif cmd == "jitticks":
        print(jit_ticks(args[0]))
    elif cmd == "busyticks":
        print(busy_ticks())
    elif cmd == "cpujson":
        busy0, busy1, ours0, ours1 = (int(a) for a in args[:4])
        wrk_s, seconds, ncpu = float(args[4]), float(args[5]), int(args[6])
        hz = os.sysconf("SC_CLK_TCK")
        busy_s = (busy1 - busy0) / hz
        ours_s = (ours1 - ours0) / hz + wrk_s
        others_s = max(0.0, busy_s - ours_s)
        print(json.dumps({
            "machine_busy_pct": round(100 * busy_s / (seconds * ncpu), 1),
            "ours_cpu_s": round(ours_s, 1), "others_cpu_s": round(others_s, 1),
            "others_pct": round(100 * others_s / (seconds * ncpu), 1)}))
    elif cmd == "table":
        return table(args[0], float(args[1]), float(args[2]))
    elif cmd == "haproxy-cmd":
        print(haproxy_cmd(args[0], args[1]), end="")
    elif cmd == "h2load":
        print(json.dumps(parse_h2load(args[0], args[1], float(args[2]), int(args[3]))))
    elif cmd == "openline":
        print(open_line(args[0]))
    elif cmd == "completed":
        print(completed(args[0], args[1]))
    elif cmd == "finish":
        finish(args[0], int(args[1]), args[2:])
    elif cmd == "opentable":
        return open_table(args[0], float(args[1]), int(args[2]), int(args[3]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
