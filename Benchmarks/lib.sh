# Shared by Benchmarks/run and Benchmarks/profile (sourced, not run): builds, a demo database,
# the servers on loopback, a signed-in counsellor and the pages to measure.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/Benchmarks
FRAMSTEG=$ROOT/.build/release/framsteg
REFERENCE=$BENCH/Reference/.build/release/reference
# The demo counsellor of Mölndal (README); every demo user shares the demo authenticator.
COUNSELLOR_EMAIL=${BENCH_EMAIL:-handledare.molndal@insjoriket.demo}
COUNSELLOR_PASSWORD=${BENCH_PASSWORD:-Demo-Handl-Molndal-26}

STARTED_PIDS=()

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() {
    log "error: $*"
    exit 1
}

# Ends the servers this script started, by their ids.
stop_started() {
    local pid
    for pid in "${STARTED_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${STARTED_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    STARTED_PIDS=()
}

# Release builds of the product (the root package) and of the reference (its own package and .build).
# BENCH_SKIP_BUILD=1 uses what is built.
build_release() {
    if [[ ${BENCH_SKIP_BUILD:-0} == 1 ]]; then
        log "BENCH_SKIP_BUILD=1: using the builds there are"
    else
        log "building the product (release)"
        (cd "$ROOT" && swift build -c release 2>&1 | grep -Ev '^(warning: .*unhandled|    .*CMakeLists.txt)' | tail -3) >&2
        log "building the reference (release, Benchmarks/Reference/.build)"
        (cd "$BENCH/Reference" && swift build -c release 2>&1 | tail -3) >&2
    fi
    [[ -x $FRAMSTEG ]] || die "no $FRAMSTEG"
    [[ -x $REFERENCE ]] || die "no $REFERENCE"
}

# A fresh demo database and key file in $1.
make_demo() {
    local dir=$1
    mkdir -p "$dir"
    rm -f "$dir"/demo.sqlite* "$dir"/demo.key
    log "creating the demo database in $dir"
    "$FRAMSTEG" demo --database "$dir/demo.sqlite" --key-file "$dir/demo.key" >"$dir/demo.log" 2>&1 ||
        die "framsteg demo failed: $(tail -5 "$dir/demo.log")"
}

# Waits until $1 answers at all (any status), for up to $2 seconds (default 60).
wait_for() {
    local url=$1 limit=${2:-60} start=$SECONDS
    until curl -s -o /dev/null --max-time 5 "$url"; do
        ((SECONDS - start < limit)) || die "$url did not answer within ${limit}s"
        sleep 0.3
    done
}

# framsteg serve on port $2 with the demo database in $1, in the background (its log in $1).
start_framsteg() {
    local dir=$1 port=$2
    "$FRAMSTEG" serve --database "$dir/demo.sqlite" --key-file "$dir/demo.key" --port "$port" >"$dir/serve-$port.log" 2>&1 &
    STARTED_PIDS+=($!)
    wait_for "http://127.0.0.1:$port/livez"
}

# The reference on port $2, its database in $1.
start_reference() {
    local dir=$1 port=$2
    "$REFERENCE" "$port" "$dir/reference.sqlite" >"$dir/reference-$port.log" 2>&1 &
    STARTED_PIDS+=($!)
    wait_for "http://127.0.0.1:$port/"
}

# Signs the counsellor in at $1; sets COOKIE and WORKING_VIEW (the page a counsellor lands on).
sign_in() {
    local base=$1 output
    output=$(python3 "$BENCH/sign_in.py" "$base" "$COUNSELLOR_EMAIL" "$COUNSELLOR_PASSWORD") || die "sign-in failed"
    COOKIE=$(sed -n 1p <<<"$output")
    WORKING_VIEW=$(sed -n 2p <<<"$output")
    [[ $COOKIE == *framsteg_session=* ]] || die "no session cookie after sign-in: $COOKIE"
}

# From the working view at $1 (with $COOKIE): UNIT_PAGE, the first unit it links, and RECORD_PAGE,
# the first participant under "Mina deltagare" (the counsellor's own), else the first it links.
find_pages() {
    local base=$1 found
    found=$(BENCH_COOKIE=$COOKIE python3 - "$base$WORKING_VIEW" <<'EOF'
import os, re, sys, urllib.request
request = urllib.request.Request(sys.argv[1], headers={"Cookie": os.environ["BENCH_COOKIE"]})
page = urllib.request.urlopen(request).read().decode()
units = re.findall(r'href="(/units/\d+)"', page)
own = page.split("<h2>Mina deltagare</h2>", 1)[-1]
records = re.findall(r'href="(/participants/\d+)"', own) or re.findall(r'href="(/participants/\d+)"', page)
print(units[0] if units else "")
print(records[0] if records else "")
EOF
    ) || die "could not read the working view"
    UNIT_PAGE=$(sed -n 1p <<<"$found")
    RECORD_PAGE=$(sed -n 2p <<<"$found")
    [[ -n $UNIT_PAGE && -n $RECORD_PAGE ]] || die "the working view links no unit or no participant"
}

# Fails unless GET $1 (with the cookie $2, may be empty) answers 200 with a body holding every
# further argument, without following redirects.
expect_page() {
    local url=$1 cookie=$2 body status marker
    shift 2
    body=$(mktemp)
    status=$(curl -s -o "$body" -w '%{http_code}' ${cookie:+-H "Cookie: $cookie"} "$url")
    [[ $status == 200 ]] || die "$url answered $status, not 200 ($(head -c 300 "$body"))"
    for marker in "$@"; do
        grep -qF -- "$marker" "$body" || die "$url answered 200 without '$marker'"
    done
    rm -f "$body"
}

# Checks that every framsteg page measured is the page meant, signed in (not the sign-in page).
verify_framsteg() {
    local base=$1
    expect_page "$base/livez" "" '"status":"ok"'
    expect_page "$base/healthz" "" '"status":"ok"' '"database"'
    expect_page "$base$WORKING_VIEW" "$COOKIE" 'id="sign-out"' '<h1>Mina verksamheter</h1>' '<h2>Mina deltagare</h2>'
    expect_page "$base$UNIT_PAGE" "$COOKIE" 'id="sign-out"' '<h2>Budgeterade platser</h2>'
    # The record opens on its overview tab (issue 18): the summary and what is due.
    expect_page "$base$RECORD_PAGE" "$COOKIE" 'id="sign-out"' 'id="summary-state"' 'id="record-due"'
}
