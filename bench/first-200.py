#!/usr/bin/env python3
"""Times a server's cold start: starts COMMAND, asks URL from this one process until it answers 200, stops COMMAND.

usage: bench/first-200.py URL LOG -- COMMAND [ARG...]

Prints "BEGIN_NS MS": the wall clock in nanoseconds since the epoch just before COMMAND started (to place the
server's own log timestamps), and the milliseconds from then to the first 200. COMMAND's output goes to LOG.

Why not curl in a shell loop: every attempt forks a curl (and a sleep), a few milliseconds of CPU each, and
on a 2-core machine that CPU comes out of the start being timed. Here an attempt is one connect() on
127.0.0.1, refused in microseconds until the server listens. Exits 1 (with the log's tail on stderr) if
COMMAND exits first or does not answer 200 within 60 s.
"""
import socket
import subprocess
import sys
import time

POLL_SECONDS = 0.005
DEADLINE_SECONDS = 60


def answers_200(host: str, port: int, request: bytes) -> bool:
    try:
        with socket.create_connection((host, port), timeout=5) as connection:
            connection.sendall(request)
            return connection.recv(16).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


def main() -> int:
    if len(sys.argv) < 5 or sys.argv[3] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    url, log_path, command = sys.argv[1], sys.argv[2], sys.argv[4:]
    if not url.startswith("http://"):
        print(f"first-200.py: only http:// URLs: {url}", file=sys.stderr)
        return 2
    authority, _, path = url[len("http://"):].partition("/")
    host, _, port = authority.partition(":")
    request = f"GET /{path} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\r\n".encode()

    with open(log_path, "wb") as log:
        begin_ns = time.time_ns()
        began = time.monotonic()
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            while not answers_200(host, int(port or 80), request):
                if server.poll() is not None:
                    return failed(log_path, f"the process behind {url} exited with code {server.returncode} before answering.")
                if time.monotonic() - began > DEADLINE_SECONDS:
                    return failed(log_path, f"{url} did not answer 200 within {DEADLINE_SECONDS} s.")
                time.sleep(POLL_SECONDS)
            elapsed_ms = round((time.monotonic() - began) * 1000)
        finally:
            server.terminate()
            server.wait()
    print(begin_ns, elapsed_ms)
    return 0


def failed(log_path: str, message: str) -> int:
    with open(log_path, errors="replace") as log:
        sys.stderr.writelines(log.readlines()[-20:])
    print(f"bench: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
