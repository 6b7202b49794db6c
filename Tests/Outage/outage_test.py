#!/usr/bin/env python3
"""PostgreSQL restarts and an outage under load, then SIGTERM (issue 21).

Starts a PostgreSQL server of its own (so it may restart it), seeds the demo into it, serves it,
and keeps four clients requesting a public page and /readyz (both read the database) while:

  1. the server restarts five times (pg_ctl restart -m fast);
  2. the server is stopped for 6 s: every request must answer within 5 s (503 while it is away),
     and the first 200 must come within 2 s of the server accepting connections again;
  3. the server is stopped again and `framsteg serve` gets SIGTERM with requests in flight:
     it must exit within 10 s.

No request may hang: each client waits at most 30 s, and any request slower than 5 s is a failure.
Prints what it measured; exits 1 on any failure.

Usage: outage_test.py --framsteg .build/debug/framsteg [--port 18095] [--pg-port 54341]
"""

import argparse
import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

SLOW = 5.0


def pg_bin(name):
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if found:
        return found[-1]
    path = shutil.which(name)
    if not path:
        sys.exit(f"outage test: {name} not found (apt-get install postgresql)")
    return path


class Postgres:
    """A throwaway server: as root it runs as the postgres user, as PostgreSQL requires."""

    def __init__(self, port):
        self.port = port
        self.root = tempfile.mkdtemp(prefix="framsteg-outage-pg.")
        self.data = os.path.join(self.root, "data")
        self.log = os.path.join(self.root, "server.log")
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            shutil.chown(self.root, "postgres", "postgres")
        self.run(pg_bin("initdb"), "-D", self.data, "--auth=trust", "--username=postgres", "--encoding=UTF8", "--locale=C.UTF-8")

    def run(self, *args):
        subprocess.run(self.as_postgres + list(args), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def ctl(self, *args):
        options = f"-p {self.port} -k /tmp -c listen_addresses=127.0.0.1"
        self.run(pg_bin("pg_ctl"), "-D", self.data, "-l", self.log, "-w", "-t", "60", "-o", options, *args)

    def start(self):
        self.ctl("start")

    def stop(self):
        self.ctl("-m", "fast", "stop")

    def restart(self):
        self.ctl("-m", "fast", "restart")

    def ready(self):
        return subprocess.run([pg_bin("pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(self.port)]).returncode == 0

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}?sslmode=disable"

    def remove(self):
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.root, ignore_errors=True)


class Load:
    """Clients requesting in a loop; every answer is kept with its status and duration."""

    def __init__(self, base, paths, clients=4):
        self.base = base
        self.paths = paths
        self.clients = clients
        self.answers = []  # (started, seconds, status, path)
        self.lock = threading.Lock()
        self.running = True
        self.threads = [threading.Thread(target=self.loop, args=(i,), daemon=True) for i in range(clients)]

    def loop(self, index):
        n = index
        while self.running:
            path = self.paths[n % len(self.paths)]
            n += 1
            started = time.monotonic()
            try:
                with urllib.request.urlopen(self.base + path, timeout=30) as response:
                    response.read()
                    status = response.status
            except urllib.error.HTTPError as error:
                error.read()
                status = error.code
            except Exception:  # refused (the server stopped), reset, or hung past 30 s
                status = 0
            with self.lock:
                self.answers.append((started, time.monotonic() - started, status, path))
            time.sleep(0.02)

    def start(self):
        for thread in self.threads:
            thread.start()

    def stop(self):
        self.running = False
        for thread in self.threads:
            thread.join(timeout=40)
        return not any(thread.is_alive() for thread in self.threads)

    def since(self, moment):
        with self.lock:
            return [a for a in self.answers if a[0] >= moment]


def wait_for(check, seconds, step=0.05):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(step)
    return check()


def status_of(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except Exception:
        return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--framsteg", default=".build/debug/framsteg")
    parser.add_argument("--port", type=int, default=int(os.environ.get("FRAMSTEG_OUTAGE_PORT", "18095")))
    parser.add_argument("--pg-port", type=int, default=int(os.environ.get("FRAMSTEG_OUTAGE_PG_PORT", "54341")))
    arguments = parser.parse_args()
    framsteg = os.path.abspath(arguments.framsteg)
    base = f"http://127.0.0.1:{arguments.port}"
    failures = []
    postgres = Postgres(arguments.pg_port)
    work = tempfile.mkdtemp(prefix="framsteg-outage.")
    server = None
    try:
        postgres.start()
        postgres.run(pg_bin("psql"), "-h", "127.0.0.1", "-p", str(postgres.port), "-U", "postgres", "-q", "-c", "CREATE DATABASE framsteg")
        database = postgres.url("framsteg")
        key = os.path.join(work, "demo.key")
        subprocess.run([framsteg, "demo", "--database", database, "--key-file", key], check=True, stdout=subprocess.DEVNULL)
        log = open(os.path.join(work, "serve.log"), "w")
        server = subprocess.Popen(
            [framsteg, "serve", "--database", database, "--key-file", key, "--port", str(arguments.port)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        if not wait_for(lambda: status_of(base + "/readyz") == 200, 60, 0.5):
            sys.exit("outage test: serve did not become ready")

        load = Load(base, ["/register/1", "/readyz", "/livez"])
        load.start()
        time.sleep(1)

        # 1. Restarts under load.
        for _ in range(5):
            print(f"  restart at {time.monotonic() - load.answers[0][0]:.1f} s")
            postgres.restart()
            time.sleep(1.5)
        print(f"restarts: 5 done, {len(load.answers)} requests so far")

        # 2. An outage of 6 s: prompt answers while away, prompt service after.
        time.sleep(1)
        away = time.monotonic()
        postgres.stop()
        time.sleep(6)
        during = load.since(away)
        answered_503 = [a for a in during if a[2] == 503 and a[3] != "/livez"]
        slowest = max((a[1] for a in during), default=0)
        print(f"outage: {len(during)} requests while away, {len(answered_503)} answered 503, slowest {slowest:.2f} s")
        if not answered_503:
            failures.append("no request answered 503 while the database was away")
        postgres.start()
        back = time.monotonic()
        if not wait_for(lambda: status_of(base + "/register/1") == 200, 10, 0.05):
            failures.append("the public page did not answer 200 within 10 s of the database's return")
        recovery = time.monotonic() - back
        print(f"return: first 200 {recovery:.2f} s after PostgreSQL accepted connections again")
        if recovery > 2:
            failures.append(f"service returned {recovery:.2f} s after the database (at most 2 s)")
        time.sleep(1)

        # 3. SIGTERM with requests in flight while the database is away.
        postgres.stop()
        time.sleep(0.5)
        term = time.monotonic()
        server.send_signal(signal.SIGTERM)
        try:
            code = server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            code = None
        stopped = time.monotonic() - term
        print(f"SIGTERM: serve exited in {stopped:.2f} s (status {code})")
        if code is None or stopped > 10:
            failures.append(f"serve took {stopped:.2f} s to stop after SIGTERM (at most 10 s)")
        if not load.stop():
            failures.append("a client is still waiting 40 s after the server stopped")

        answers = load.answers
        hung = [a for a in answers if a[1] > SLOW]
        by_status = {}
        for a in answers:
            by_status[a[2]] = by_status.get(a[2], 0) + 1
        print(f"requests: {len(answers)} in all, by status {dict(sorted(by_status.items()))}; over {SLOW:.0f} s: {len(hung)}")
        first = answers[0][0] if answers else 0
        for a in sorted(hung, key=lambda a: a[0])[:10]:
            print(f"  slow: {a[3]} started at {a[0] - first:.1f} s, took {a[1]:.2f} s, status {a[2]}")
        if hung:
            failures.append(f"{len(hung)} requests took longer than {SLOW:.0f} s, the slowest {max(a[1] for a in hung):.1f} s")
        if by_status.get(500):
            failures.append(f"{by_status[500]} requests answered 500")
    finally:
        if server and server.poll() is None:
            server.kill()
            server.wait()
        postgres.remove()
        if failures:
            # The head holds a crash's reason and its crashing thread; the tail the last requests.
            text = open(os.path.join(work, "serve.log")).read()
            shown = text if len(text) < 12000 else text[:8000] + "\n[...]\n" + text[-4000:]
            print(f"---- serve log ----\n{shown}\n---- end of log ----", file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        for failure in failures:
            print(f"outage test: FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
    print("outage test: passed")


if __name__ == "__main__":
    main()
