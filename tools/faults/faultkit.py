#!/usr/bin/env python3
"""Sunlight's fault kit: run the built jar on one or two nodes against a real PostgreSQL, make many
escalations fall due at the same instant, break something while they fire, and count what was lost,
doubled and late. Standard library only; needs `psql` and `java` on the PATH.

How the burst is made: the nodes are started with business hours opening at a chosen minute T0 of
today (`sunlight.calendar.business-hours`), and the cases are started before T0. Every case's clock
therefore starts at T0, and the kit's power (fault-kit.bpmn: one step of 2 working minutes, warned
1 minute before, case limit 3 minutes) makes all cases' step warnings due at T0+1m, step alarms at
T0+2m and case alarms at T0+3m: the first working morning after a holiday, in miniature.

Scenarios (what happens at the first burst, T0+1m):
  burst       nothing: the baseline
  kill        kill -9 of node A a second into the burst (needs --nodes 2)
  db-restart  PostgreSQL stopped for --outage seconds (pg_ctlcluster; the whole server!)
  slow-db     every byte to and from PostgreSQL delayed by --delay-ms through a proxy, from start

It prints, per node stream: escalations seen, missing, doubled, and due->visible p50/p99/max and
how many were later than 2 s; and from the database: expected, raised, lost and doubled.
Example:  python3 tools/faults/faultkit.py --cases 500 --nodes 2 --scenario kill
"""
import argparse
import base64
import datetime as dt
import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))


def log(*args):
    print(time.strftime("%H:%M:%S"), *args, flush=True)


class Postgres:
    def __init__(self, host, port, user):
        self.host, self.port, self.user = host, port, user

    def sql(self, db, statement):
        out = subprocess.run(["psql", "-h", self.host, "-p", str(self.port), "-U", self.user, "-d", db, "-At",
                              "-c", statement], capture_output=True, text=True)
        if out.returncode != 0:
            raise RuntimeError(out.stderr.strip())
        return out.stdout.strip()


class Node:
    def __init__(self, name, jar, port, workdir, db_url, user, opening, extra):
        self.name, self.port = name, port
        self.base = "http://127.0.0.1:%d" % port
        self.logfile = open(os.path.join(workdir, name + ".log"), "w")
        self.process = subprocess.Popen(
            ["java", "-Xmx2g", "-jar", jar, "--server.port=%d" % port,
             "--spring.profiles.active=demo,postgres", "--spring.datasource.url=" + db_url,
             "--spring.datasource.username=" + user, "--spring.datasource.password=",
             "--sunlight.processes.location=file:" + os.path.join(workdir, "processes") + "/",
             "--sunlight.calendar.zone=UTC", "--sunlight.calendar.business-hours=%s-23:59" % opening,
             "--sunlight.demo.cases=false"] + extra,
            cwd=workdir, stdout=self.logfile, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout=300):
        until = time.time() + timeout
        while time.time() < until:
            if self.process.poll() is not None:
                raise RuntimeError("%s exited with %s; see its log" % (self.name, self.process.returncode))
            try:
                with urllib.request.urlopen(self.base + "/actuator/health/readiness", timeout=2) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        raise RuntimeError("%s not ready within %d s" % (self.name, timeout))

    def kill9(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.kill9()


def basic(user):
    return "Basic " + base64.b64encode(("%s:demo" % user).encode()).decode()


class Stream(threading.Thread):
    """One node's live escalation stream, as the supervisor's console reads it."""

    def __init__(self, node):
        super().__init__(daemon=True)
        self.node = node
        self.seen = {}        # escalation id -> first time it was seen OPEN
        self.repeats = 0      # the same escalation sent OPEN again
        self.connected = threading.Event()

    def run(self):
        # A daemon thread: it ends with the kit, or when its node is gone.
        while self.node.process.poll() is None:
            try:
                request = urllib.request.Request(self.node.base + "/api/escalations/stream",
                                                 headers={"Authorization": basic("supervisor"),
                                                          "Accept": "text/event-stream"})
                with urllib.request.urlopen(request, timeout=600) as response:
                    self.connected.set()
                    event, data = None, []
                    for raw in response:
                        line = raw.decode("utf-8").rstrip("\n").rstrip("\r")
                        if line.startswith("event:"):
                            event = line[6:].strip()
                        elif line.startswith("data:"):
                            data.append(line[5:].strip())
                        elif line == "":
                            if event == "escalation" and data:
                                self.record(json.loads("".join(data)))
                            event, data = None, []
            except Exception:
                if self.node.process.poll() is not None:
                    return
                time.sleep(0.2)

    def record(self, item):
        if item.get("status") != "OPEN":
            return
        now = time.time()
        if item["id"] in self.seen:
            self.repeats += 1
        else:
            self.seen[item["id"]] = now


def start_cases(node, count):
    def one(i):
        body = json.dumps({"powerCode": "FAULT-KIT-001", "applicant": {"name": "演练申请人%d" % i}}).encode()
        request = urllib.request.Request(node.base + "/api/cases", data=body, method="POST",
                                         headers={"Authorization": basic("handler1"),
                                                  "Content-Type": "application/json"})
        for attempt in range(20):
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    return response.status == 201
            except urllib.error.HTTPError as ex:
                # 409: two starts took the same case number; the API asks for the request again.
                if ex.code < 500 and ex.code != 409:
                    raise RuntimeError("starting a case: %s %s" % (ex.code, ex.read().decode()[:300]))
            except OSError:
                pass
            time.sleep(0.1 * (attempt + 1))
        return False

    with ThreadPoolExecutor(8) as pool:
        return sum(1 for ok in pool.map(one, range(count)) if ok)


class SlowProxy:
    """Delays every chunk passed between the nodes and PostgreSQL."""

    def __init__(self, host, port, delay):
        self.target, self.delay = (host, port), delay
        self.server = socket.socket()
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(256)
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            client, _ = self.server.accept()
            upstream = socket.create_connection(self.target)
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pipe, args=(a, b), daemon=True).start()

    def pipe(self, source, sink):
        try:
            while True:
                chunk = source.recv(65536)
                if not chunk:
                    break
                time.sleep(self.delay)
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                try:
                    s.close()
                except OSError:
                    pass


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jar", default=None, help="the built jar (default: target/sunlight-*.jar)")
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--nodes", type=int, default=2, choices=(1, 2))
    parser.add_argument("--scenario", default="burst", choices=("burst", "kill", "db-restart", "slow-db"))
    parser.add_argument("--outage", type=int, default=20, help="db-restart: seconds PostgreSQL stays down")
    parser.add_argument("--delay-ms", type=int, default=20, help="slow-db: delay per chunk")
    parser.add_argument("--pg-host", default="127.0.0.1")
    parser.add_argument("--pg-port", type=int, default=5432)
    parser.add_argument("--pg-user", default="postgres")
    parser.add_argument("--lead", type=int, default=None,
                        help="seconds from now to the opening T0: node start-ups plus case starts (default 120 + cases/10 per node)")
    parser.add_argument("--keep", action="store_true", help="keep the database and the work directory")
    args = parser.parse_args()
    if args.scenario == "kill" and args.nodes < 2:
        parser.error("kill needs --nodes 2: the survivor is what is measured")
    jar = args.jar or next(iter(sorted(glob.glob(os.path.join(ROOT, "target", "sunlight-*.jar")))), None)
    if not jar:
        parser.error("no jar: build it with mvn -DskipTests package, or pass --jar")

    pg = Postgres(args.pg_host, args.pg_port, args.pg_user)
    database = "sunlight_faults_%d" % int(time.time())
    pg.sql("postgres", "create database " + database)
    workdir = tempfile.mkdtemp(prefix="sunlight-faults-")
    os.makedirs(os.path.join(workdir, "processes"))
    shutil.copy(os.path.join(HERE, "fault-kit.bpmn"), os.path.join(workdir, "processes"))
    db_port = args.pg_port
    proxy = None
    if args.scenario == "slow-db":
        proxy = SlowProxy(args.pg_host, args.pg_port, args.delay_ms / 1000.0)
        db_port = proxy.port
    db_url = "jdbc:postgresql://%s:%d/%s" % (args.pg_host, db_port, database)

    # Opening T0: far enough ahead to start the nodes and the cases before it (UTC, today).
    lead = args.lead if args.lead is not None else 120 * args.nodes + args.cases / 10.0
    t0 = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=lead)).replace(second=0, microsecond=0) \
        + dt.timedelta(minutes=1)
    if t0.date() != dt.datetime.now(dt.timezone.utc).date() or t0.hour >= 23 and t0.minute > 50:
        sys.exit("too close to midnight UTC for today's opening; run again after 00:00 UTC")
    opening = t0.strftime("%H:%M")
    log("database %s, work directory %s, opening (T0) %s UTC" % (database, workdir, opening))

    nodes = []
    try:
        nodes.append(Node("node-a", jar, 18081, workdir, db_url, args.pg_user, opening, []))
        nodes[0].wait_ready()
        if args.nodes == 2:
            nodes.append(Node("node-b", jar, 18082, workdir, db_url, args.pg_user, opening, []))
            nodes[1].wait_ready()
        log("%d node(s) ready" % len(nodes))
        streams = [Stream(n) for n in nodes]
        for s in streams:
            s.start()
            s.connected.wait(30)
        started = start_cases(nodes[0], args.cases)
        log("%d cases started" % started)
        if dt.datetime.now(dt.timezone.utc) >= t0:
            sys.exit("the cases took past T0; run with fewer --cases")
        expected = int(pg.sql(database, "select count(*) from act_ru_job where type_ = 'timer'"))
        dues = pg.sql(database, "select to_char(duedate_ at time zone 'UTC', 'HH24:MI:SS'), count(*) from act_ru_job"
                      " where type_ = 'timer' group by 1 order by 1")
        log("%d timers waiting, due (UTC) at:\n%s" % (expected, dues))
        due_instants = sorted(float(x) for x in pg.sql(
            database, "select distinct extract(epoch from duedate_) from act_ru_job where type_ = 'timer'").split())
        first_burst = t0 + dt.timedelta(minutes=1)
        while dt.datetime.now(dt.timezone.utc) < first_burst + dt.timedelta(seconds=1):
            time.sleep(0.2)
        if args.scenario == "kill":
            log("kill -9 node-a")
            nodes[0].kill9()
        elif args.scenario == "db-restart":
            cluster = subprocess.run(["bash", "-c", "ls /etc/postgresql | head -n1"], capture_output=True,
                                     text=True).stdout.strip()
            log("stopping PostgreSQL %s for %d s" % (cluster, args.outage))
            subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "stop", "-m", "fast"])
            time.sleep(args.outage)
            subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "start"])
            log("PostgreSQL started again")
        # Wait for every timer to fire (or give up ten minutes after the last burst).
        give_up = time.time() + 600 + 180
        while time.time() < give_up:
            try:
                left = int(pg.sql(database, "select count(*) from act_ru_job where type_ = 'timer'"))
            except RuntimeError:
                left = -1
            if left == 0:
                break
            time.sleep(1)
        time.sleep(3)  # the streams' last poll
        raised = int(pg.sql(database, "select count(*) from sl_escalation"))
        distinct = int(pg.sql(database, "select count(distinct subject_key || level) from sl_escalation"))
        raised_at = {}
        for line in pg.sql(database, "select id, extract(epoch from raised_at) from sl_escalation").splitlines():
            escalation, at = line.split("|")
            raised_at[escalation] = float(at)
        print()
        print("scenario %s, %d node(s), %d cases, opening %s UTC" % (args.scenario, len(nodes), started, opening))
        print("database: expected %d, raised %d, lost %d, doubled %d" % (expected, raised, expected - distinct,
                                                                       raised - distinct))
        firing = [at - due_of(at, due_instants) for at in raised_at.values()]
        print("firing (due->raised): p50 %.2f s, p99 %.2f s, max %.2f s, later than 2 s: %d"
              % (percentile(firing, 50), percentile(firing, 99), max(firing) if firing else float("nan"),
                 sum(1 for f in firing if f > 2.0)))
        for s in streams:
            alive = s.node.process.poll() is None
            delays = []
            for escalation, seen_at in s.seen.items():
                fired = raised_at.get(escalation)
                if fired is not None:
                    delays.append(seen_at - due_of(fired, due_instants))
            late = sum(1 for d in delays if d > 2.0)
            print("%s stream (%s): seen %d, missing %d, repeated %d, due->visible p50 %.2f s, p99 %.2f s, max %.2f s,"
                  " later than 2 s: %d" % (s.node.name, "alive" if alive else "killed", len(s.seen),
                                            distinct - len(s.seen), s.repeats, percentile(delays, 50),
                                            percentile(delays, 99), max(delays) if delays else float("nan"), late))
    finally:
        for n in nodes:
            n.stop()
        if not args.keep:
            try:
                pg.sql("postgres", "drop database if exists " + database)
            except RuntimeError as ex:
                log("database left behind: %s" % ex)
            shutil.rmtree(workdir, ignore_errors=True)


def due_of(raised_at, due_instants):
    """When the escalation's timer was due: the latest of the timers' due instants (taken before the
    burst) at or before its raise. The bursts are a minute or more apart, far more than any lateness
    the kit provokes."""
    earlier = [d for d in due_instants if d <= raised_at + 0.001]
    return earlier[-1] if earlier else raised_at


if __name__ == "__main__":
    main()
