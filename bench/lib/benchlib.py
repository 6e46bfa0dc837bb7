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
  cpujson BUSY0 BUSY1 OURS0 OURS1 WRK_CPU_S SECONDS NCPU
                                       print JSON: CPU used by other processes during a run
  table RESULTS_DIR GOAL               print the results table and the ratios, exit 0 when valid
"""

import base64
import json
import os
import re
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


def table(results_dir: str, goal: float) -> int:
    rows = {}
    for name in ("direct", "nginx", "gateway"):
        path = os.path.join(results_dir, name + ".wrk.txt")
        if os.path.exists(path):
            rows[name] = parse_wrk(path)
            cpu_path = os.path.join(results_dir, name + ".cpu.json")
            if os.path.exists(cpu_path):
                rows[name].update(json.load(open(cpu_path)))
    labels = {"direct": "backend direct", "nginx": "nginx -> backend",
              "gateway": "gateway -> backend"}

    def fmt(v, spec):
        return format(v, spec) if v is not None else "n/a"

    print(f"{'target':<20}{'req/s':>11}{'p50 ms':>9}{'p99 ms':>9}{'requests':>11}"
          f"{'non-2xx':>9}{'sock err':>9}{'CPU others':>12}")
    valid = True
    problems = []
    for name, r in rows.items():
        print(f"{labels[name]:<20}{fmt(r['rps'], ',.0f'):>11}{fmt(r['p50_ms'], '.2f'):>9}"
              f"{fmt(r['p99_ms'], '.2f'):>9}{fmt(r['requests'], ','):>11}{r['non2xx']:>9,}"
              f"{r['socket_errors']:>9,}{fmt(r.get('others_pct'), '.0f') + ' %':>12}")
        if r["rps"] is None or r["p50_ms"] is None or r["p99_ms"] is None:
            valid = False
            problems.append(f"{name}: wrk output could not be parsed")
        if r["non2xx"] or r["socket_errors"]:
            valid = False
            problems.append(f"{name}: {r['non2xx']} non-2xx responses, "
                            f"{r['socket_errors_detail']}")
    print("(CPU others: CPU time used during the measurement by processes other than wrk,"
          " nginx, the gateway and Redis, in % of the machine's 2 cores)")
    print()
    gw, ng, di = rows.get("gateway"), rows.get("nginx"), rows.get("direct")
    met = None
    if gw and ng and gw["rps"] and ng["rps"]:
        ratio = gw["rps"] / ng["rps"]
        met = ratio >= goal
        print(f"gateway / nginx  throughput: {ratio:.2f}x   "
              f"(goal >= {goal:.2f}x: {'MET' if met else 'NOT MET'})")
        print(f"gateway / nginx  p50 latency: {gw['p50_ms'] / ng['p50_ms']:.2f}x, "
              f"p99 latency: {gw['p99_ms'] / ng['p99_ms']:.2f}x")
    if gw and di and gw["rps"] and di["rps"]:
        print(f"gateway / direct throughput: {gw['rps'] / di['rps']:.2f}x")
    if ng and di and ng["rps"] and di["rps"]:
        print(f"nginx   / direct throughput: {ng['rps'] / di['rps']:.2f}x")
    print()
    if valid:
        print("RUN VALID: every measured response was 2xx, no socket errors.")
    else:
        print("RUN INVALID:")
        for p in problems:
            print("  - " + p)
    summary = {"rows": rows, "valid": valid, "goal": goal, "goal_met": met}
    with open(os.path.join(results_dir, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
    return 0 if valid else 3


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
        return table(args[0], float(args[1]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
