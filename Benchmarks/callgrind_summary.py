#!/usr/bin/env python3
"""Where the instructions of a callgrind profile go, summarised for Benchmarks/profile.

    callgrind_summary.py CALLGRIND_OUT REQUESTS BUILD_DIR [TOP]

BUILD_DIR is the release build the profiled binary came from (.build/release): the object files
there tell which module (a package's target, a product target, SQLite's or BoringSSL's C code)
holds each function, by its symbol. That works on a binary without debug information, which is
what valgrind 3.19 gets (it cannot read the DWARF of this toolchain's C targets).

Reads callgrind's format itself (name compression, call arcs) and prints:

1. the top functions by inclusive and by self cost, demangled (`swift demangle --simplified`);
2. the instructions spent inside each concern (Mustache, SQL, crypto, JSON, logging, the
   product's session and audit code ...): the cost of every call that enters the concern from
   outside it, so nothing inside it is counted twice. Concerns overlap (a Mustache render that
   formats a date is in both), so that column does not add up to 100 %;
3. the self cost by module (adds up to 100 %);
4. calls per request of a few telling functions: statements prepared, rows stepped, fsync,
   AES-GCM, HMAC, template renders and parses, allocations.

Async Swift functions run in pieces, each entered from the executor, so an async function's
inclusive cost holds only its first piece. The concerns are therefore libraries and code that run
synchronously (a render, a statement's steps, a seal): that is where the instructions are.
"""

from __future__ import annotations

import collections
import os
import re
import shutil
import subprocess
import sys


def parse(path: str):
    names = {"fn": {}, "fl": {}, "ob": {}}
    kind_of = {"fn": "fn", "cfn": "fn", "fl": "fl", "fi": "fl", "fe": "fl", "cfi": "fl", "cfl": "fl", "ob": "ob", "cob": "ob"}
    self_cost = collections.Counter()
    arcs = collections.defaultdict(lambda: [0, 0])  # (caller, callee) -> [calls, inclusive cost]
    fn_object = {}
    ob = fn = None
    callee = None
    call_count = 0
    total = 0

    def name(kind: str, value: str) -> str:
        value = value.strip()
        table = names[kind_of[kind]]
        match = re.match(r"\((\d+)\)\s*(.*)", value)
        if not match:
            return value
        key, text = match.groups()
        if text:
            table[key] = re.sub(r"'\d+$", "", text) if kind in ("fn", "cfn") else text
        return table.get(key, key)

    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            first = line[:1]
            if first.isdigit() or first in "+-*":
                parts = line.split()
                cost = int(parts[1]) if len(parts) > 1 else 0
                if callee is not None:
                    arc = arcs[(fn, callee)]
                    arc[0] += call_count
                    arc[1] += cost
                    callee = None
                else:
                    self_cost[fn] += cost
                continue
            key, _, value = line.partition("=")
            if key == "fn":
                fn = name("fn", value)
                fn_object.setdefault(fn, ob)
            elif key == "ob":
                ob = name("ob", value)
            elif key in ("cob", "cfi", "cfl", "fl", "fi", "fe"):
                name(key, value)
            elif key == "cfn":
                callee = name("cfn", value)
            elif key == "calls":
                call_count = int(value.split()[0])
            elif line.startswith(("totals:", "summary:")):
                total = max(total, int(line.split()[1]))
    return self_cost, arcs, fn_object, total or sum(self_cost.values())


def symbol_modules(build_dir: str) -> dict[str, str]:
    """Symbol -> the module whose object files define it."""
    objects = []
    for root, _, files in os.walk(build_dir, followlinks=True):
        if root.endswith(("Tests.build", "TestSupport.build")) or ".build" not in os.path.basename(root):
            continue
        objects += [os.path.join(root, f) for f in files if f.endswith(".o")]
    found: dict[str, set] = collections.defaultdict(set)
    for start in range(0, len(objects), 200):
        output = subprocess.run(
            ["nm", "--defined-only", "-A", *objects[start : start + 200]], capture_output=True, text=True
        ).stdout
        for line in output.splitlines():
            match = re.match(r"(.*\.o):[0-9a-fA-F]* ([TtWw]) (.*)$", line)
            if match:
                found[match.group(3)].add(os.path.basename(os.path.dirname(match.group(1))).removesuffix(".build"))
    # A symbol several modules define (a generic specialisation or an outlined copy each emits
    # for itself, the linker keeping one) belongs to none of them.
    return {symbol: next(iter(where)) if len(where) == 1 else SHARED for symbol, where in found.items()}


SHARED = "code several modules emit (generic specialisations, outlined copies)"


def demangle_all(symbols, simplified: bool) -> dict[str, str]:
    swift = shutil.which("swift")
    mangled = sorted({s for s in symbols if s.startswith(("$s", "_$s", "$S"))})
    if not swift or not mangled:
        return {}
    command = [swift, "demangle"] + (["--simplified"] if simplified else [])
    output = subprocess.run(command, input="\n".join(mangled) + "\n", capture_output=True, text=True).stdout.splitlines()
    return dict(zip(mangled, output)) if len(output) == len(mangled) else {}


def module_of(symbol: str, modules: dict[str, str], obj: str | None) -> str:
    if symbol in modules:
        return modules[symbol]
    base = os.path.basename(obj or "")
    for prefix, module in (
        ("libswiftCore", "Swift stdlib and runtime"),
        ("libswift_Concurrency", "Swift concurrency runtime"),
        ("libFoundationEssentials", "FoundationEssentials"),
        ("libFoundationInternationalization", "FoundationInternationalization"),
        ("lib_FoundationICU", "ICU"),
        ("libFoundation", "Foundation"),
        ("libdispatch", "Dispatch"),
        ("libBlocksRuntime", "Dispatch"),
        ("libc.so", "libc"),
        ("libm.so", "libc"),
        ("ld-linux", "dynamic loader"),
        ("libstdc++", "libstdc++"),
        ("libgcc", "libgcc"),
    ):
        if base.startswith(prefix):
            return module
    return base or "unknown"


# Module groups for the self-cost table: (title, modules).
GROUPS = [
    ("SQLite engine (C)", {"VaporCSQLite", "CSQLite"}),
    ("SQLiteNIO, SQLiteKit, SQLKit (Swift)", {"SQLiteNIO", "SQLiteKit", "SQLKit"}),
    ("Mustache", {"Mustache"}),
    ("BoringSSL (C), swift-crypto", {"CCryptoBoringSSL", "CCryptoBoringSSLShims", "Crypto", "CryptoBoringWrapper", "_CryptoExtras", "CryptoExtras"}),
    ("SwiftNIO", None),  # NIO* and _NIO*, CNIO*
    ("Hummingbird", None),  # Hummingbird*
    ("swift-log", {"Logging"}),
    ("FramstegWeb (product)", {"FramstegWeb"}),
    ("FramstegStore (product)", {"FramstegStore"}),
    ("FramstegCore (product)", {"FramstegCore"}),
    ("Swift stdlib and runtime (retain/release, String, generics)", {"Swift stdlib and runtime"}),
    ("generic code several modules emit (specialisations, outlined copies)", {SHARED}),
    ("Swift concurrency runtime (tasks, executors)", {"Swift concurrency runtime"}),
    ("Foundation (Essentials, Internationalization, ICU)", {"FoundationEssentials", "FoundationInternationalization", "ICU", "Foundation"}),
    ("libc (malloc/free, memcpy, syscalls' user side)", {"libc"}),
]


def group_of(module: str) -> str:
    for title, members in GROUPS:
        if members is None:
            if title == "SwiftNIO" and (module.startswith(("NIO", "_NIO", "CNIO"))):
                return title
            if title == "Hummingbird" and module.startswith("Hummingbird"):
                return title
        elif module in members:
            return title
    return f"other: {module}"


def demangled_has(*patterns):
    expression = re.compile("|".join(patterns))
    return lambda f, full, module: bool(expression.search(full))


def in_modules(*names):
    return lambda f, full, module: module in names or any(module.startswith(n.rstrip("*")) for n in names if n.endswith("*"))


CONCERNS = [
    ("Mustache rendering (swift-mustache)", in_modules("Mustache")),
    ("SQL: SQLKit + SQLiteKit + SQLiteNIO + the engine", in_modules("SQLKit", "SQLiteKit", "SQLiteNIO", "VaporCSQLite")),
    ("  of which the SQLite engine (C)", in_modules("VaporCSQLite")),
    ("Crypto: swift-crypto + BoringSSL (AES-GCM, HMAC, SHA-256)", in_modules("Crypto", "CCryptoBoringSSL", "CCryptoBoringSSLShims", "CryptoBoringWrapper")),
    ("Password hashing (bcrypt)", in_modules("CBcrypt", "HummingbirdBcrypt")),
    ("JSON (Foundation's JSONEncoder/JSONDecoder)", demangled_has(r"^(\S+ )*?Foundation\w*\.JSON", r"JSONEncoder|JSONDecoder|JSONSerialization")),
    # By the function's own name (before its parameters): String(format:locale:) is no date.
    ("Dates, calendars, locales (Foundation, ICU)", lambda f, full, module: module == "ICU"
        or bool(re.search(r"Foundation\w*\.(Calendar|_Calendar\w*|Date\.FormatStyle|DateFormatter|Locale|TimeZone|_TimeZone\w*|ICU\w*)\b", full.split("(")[0]))),
    ("String(format:) (Foundation's printf, e.g. hex of a hash byte by byte)", demangled_has(r"String\.init\(format:")),
    ("Logging (swift-log)", in_modules("Logging")),
    ("product: session lookup (SessionMiddleware, SessionRepository)", demangled_has(r"Framsteg\w+\.(SessionMiddleware|SessionRepository)\b")),
    ("product: audit (AuditLog, AuditChain, AuditEntry)", demangled_has(r"Framsteg\w+\.(AuditLog|AuditChain|AuditEntry|AuditCheckpoint\w*)\b")),
    ("product: sealing/opening personal data (FieldKeyring, SealedColumns)", demangled_has(r"Framsteg\w+\.(FieldKeyring|SealedColumns|SealedValue|FieldBinding)\b")),
    ("product: access policy (Policy, RouteResource)", demangled_has(r"Framsteg\w+\.(Policy|RouteResource)\b")),
    ("product: Layout, Texts (localisation)", demangled_has(r"FramstegWeb\.(Layout|Texts|PageEnvelope)\b")),
]

COUNTS = [
    ("SQL statements prepared (sqlite3_prepare*)", lambda n: bool(re.match(r"(sqlite_nio_)?sqlite3_prepare", n))),
    ("rows stepped (sqlite3_step)", lambda n: bool(re.match(r"(sqlite_nio_)?sqlite3_step$", n))),
    ("fsync/fdatasync (commits with synchronous=FULL)", lambda n: n in ("fsync", "fdatasync")),
    ("AES-GCM open (one per sealed value read)", lambda n: bool(re.match(r"static AES\.GCM\.open", n))),
    ("AES-GCM seal", lambda n: bool(re.match(r"static AES\.GCM\.seal", n))),
    ("HMAC-SHA256 finalize (HMAC.finalize)", lambda n: bool(re.match(r"HMAC\.finalize", n))),
    ("SHA-256 (SHA256.hash)", lambda n: bool(re.match(r"static HashFunction\.hash|static SHA256\.hash", n))),
    ("Mustache renders (MustacheLibrary.render)", lambda n: bool(re.match(r"MustacheLibrary\.render", n))),
    ("Mustache templates parsed (MustacheTemplate.init(string:))", lambda n: bool(re.match(r"MustacheTemplate\.init\(string:", n))),
    ("JSONDecoder.decode", lambda n: bool(re.match(r"JSONDecoder\.decode", n))),
    ("JSONEncoder.encode", lambda n: bool(re.match(r"JSONEncoder\.encode", n))),
    ("Logger.log", lambda n: bool(re.match(r"Logger\.log\(", n))),
    ("malloc", lambda n: n == "malloc"),
    ("swift_retain", lambda n: n == "swift_retain"),
]


# The machinery that runs everything (threads, dispatch, the Swift executor): no concern's work.
PLUMBING = re.compile(r"^(start_thread|clone|__clone\w*|\(below main\)|_start|__libc_start\w*|main|swift_task_switch|swift_job_run|"
    r"swift::runJobInEstablishedExecutorContext|__swift_run_job|jobInvoke|_dispatch_\w+|withTaskCancellationHandler|"
    r"swift_task_\w+|swift_continuation_\w+|swift_asyncLet_\w+)")


def strongly_connected(functions, arcs) -> dict:
    """Each function's strongly connected component of the call graph (iterative Tarjan), named by
    one member, and the components in an order where a callee's comes before its caller's."""
    edges = collections.defaultdict(list)
    for caller, callee in arcs:
        edges[caller].append(callee)
    index, low, on_stack, stack, component, order = {}, {}, set(), [], {}, []
    counter = 0
    for root in functions:
        if root in index:
            continue
        work = [(root, iter(edges[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges[child])))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                order.append(node)
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component[member] = node
                    if member == node:
                        break
    return component, order  # order: callees' components before their callers'


def main() -> None:
    path, requests, build_dir = sys.argv[1], max(int(sys.argv[2]), 1), sys.argv[3]
    top = int(sys.argv[4]) if len(sys.argv) > 4 else 15
    self_cost, arcs, fn_object, total = parse(path)
    functions = set(self_cost) | {f for arc in arcs for f in arc}
    base = {f: re.sub(r"'\d+$", "", f or "") for f in functions}
    simplified = demangle_all(set(base.values()), simplified=True)
    full = demangle_all(set(base.values()), simplified=False)
    modules = symbol_modules(build_dir)
    short = {f: simplified.get(base[f], base[f]) for f in functions}
    long = {f: full.get(base[f], base[f]) for f in functions}
    module = {f: module_of(base[f], modules, fn_object.get(f)) for f in functions}

    plumbing = {f for f in functions if PLUMBING.search(short[f]) or module[f] in ("Swift concurrency runtime", "Dispatch")}
    work_arcs = {arc: value for arc, value in arcs.items() if arc[0] not in plumbing and arc[1] not in plumbing}
    component, order = strongly_connected(functions - plumbing, work_arcs)
    members = collections.defaultdict(set)
    for f, c in component.items():
        members[c].add(f)
    outgoing = collections.defaultdict(list)
    for (caller, callee), (_, cost) in arcs.items():
        if caller in component:
            outgoing[component[caller]].append((callee, cost))
    # The share of a component's cost that is its own work: callgrind's cost of a call holds the
    # jobs the executor ran inline meanwhile (other requests' pieces among them); those go.
    ratio, own = {}, {}
    for c in order:
        self_sum = sum(self_cost[f] for f in members[c])
        everything = own_work = self_sum
        for callee, cost in outgoing[c]:
            if component.get(callee) == c:
                continue
            everything += cost
            if callee not in plumbing:
                own_work += cost * ratio.get(component.get(callee), 1.0)
        own[c] = own_work
        ratio[c] = own_work / everything if everything else 1.0
    entering = collections.Counter()
    for (caller, callee), (_, cost) in arcs.items():
        if callee in component and component.get(caller) != component[callee]:
            entering[component[callee]] += cost * ratio[component[callee]]
    inclusive = {c: entering[c] if c in entering else own[c] for c in members}

    def name_of(c) -> str:
        if len(members[c]) == 1:
            return c
        best = max(members[c], key=lambda f: sum(v[1] for (a, b), v in arcs.items() if b == f and component.get(a) != c))
        return best

    def own_work(member: set) -> float:
        cost = sum(self_cost[f] for f in member)
        for (caller, callee), (_, c) in arcs.items():
            if caller in member and callee not in member and callee not in plumbing:
                cost += c * ratio.get(component.get(callee), 1.0)
        return cost

    def pct(cost: int) -> str:
        return f"{100 * cost / total:5.1f} %"

    def label(f: str, width: int = 120) -> str:
        text = f"{short[f]}  [{module[f]}]"
        return text if len(text) <= width else text[: width - 1] + "…"

    def entering(member: set) -> tuple[int, int]:
        calls = cost = 0
        for (caller, callee), (n, c) in arcs.items():
            if callee in member and caller not in member:
                calls += n
                cost += c
        return calls, cost

    print(f"{total:,} instructions, {total // requests:,} per request ({requests} requests)\n")
    print(f"Top {top} by inclusive cost (the function and what it calls synchronously; thread start, dispatch and")
    print("the Swift executor, which run everything, left out):")
    for c, cost in sorted(inclusive.items(), key=lambda item: -item[1])[:top]:
        f = name_of(c)
        others = len(members[c]) - 1
        print(f"  {pct(cost)}  {label(f)}" + (f"  (with {others} it recurses through)" if others else ""))
    print(f"\nTop {top} by self cost:")
    for f, cost in self_cost.most_common(top):
        print(f"  {pct(cost)}  {label(f)}")

    print("\nEach concern's own work: its functions and what they call synchronously, not the jobs the executor")
    print("runs inside them (concerns overlap; async code counts up to its first suspension):")
    for title, predicate in CONCERNS:
        member = {f for f in functions if predicate(f, long[f], module[f])}
        cost = int(own_work(member))
        print(f"  {pct(cost)}  {cost // requests:>11,} per request  {title}")

    print("\nSelf cost by module (adds up to 100 %; SwiftNIO and Hummingbird, which call everything above them, are")
    print("measured here by their own instructions only):")
    groups = collections.Counter()
    for f, cost in self_cost.items():
        groups[group_of(module[f])] += cost
    for group, cost in groups.most_common(20):
        print(f"  {pct(cost)}  {cost // requests:>11,} per request  {group}")

    print("\nCalls per request:")
    for title, predicate in COUNTS:
        calls, cost = entering({f for f in functions if predicate(short[f])})
        print(f"  {calls / requests:9.1f}  {title}  ({pct(cost).strip()} of instructions)")


if __name__ == "__main__":
    main()
