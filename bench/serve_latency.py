#!/usr/bin/env python3
"""Save-to-reload latency of `findings serve` on a large project.

Starts `findings serve --port 0` on PROJECT, listens to its event stream,
rewrites one section 15 times (atomically, as editors do) and prints the
median time from the rename to the server's reload event, then the
server's own "Built in" lines (rebuild time alone).

usage: bench/serve_latency.py PROJECT FINDINGS_BINARY
"""
import socket, time, subprocess, sys, re, statistics, os
proj = sys.argv[1]; binp = sys.argv[2]
p = subprocess.Popen([binp, 'serve', '--project', proj, '--port', '0'], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
url = None
while url is None:
    line = p.stdout.readline()
    m = re.search(r'http://127.0.0.1:(\d+)/', line)
    if m: url = int(m.group(1))
s = socket.create_connection(('127.0.0.1', url))
s.sendall(b'GET /__findings/events HTTP/1.1\r\nHost: localhost\r\n\r\n')
s.settimeout(10)
buf = b''
def wait_for(tag):
    global buf
    while True:
        i = buf.find(tag)
        if i >= 0:
            buf = buf[i+len(tag):]
            return
        buf += s.recv(65536)
time.sleep(0.5)
sec = sorted(os.listdir(os.path.join(proj, 'content/sections')))[500]
path = os.path.join(proj, 'content/sections', sec)
orig = open(path).read()
lat = []
for k in range(15):
    buf = b''
    tmp = path + '.tmp'
    t0 = time.perf_counter()
    with open(tmp, 'w') as f: f.write(orig + f'\n\nEdit number {k}.\n')
    os.replace(tmp, path)
    wait_for(b'event: reload')
    lat.append((time.perf_counter() - t0) * 1000)
    time.sleep(0.3)
open(path, 'w').write(orig)
p.terminate()
out = p.stdout.read(); err = p.stderr.read()
print('save -> reload event: median %.0f ms, min %.0f, max %.0f over %d edits' % (statistics.median(lat), min(lat), max(lat), len(lat)))
print('\n'.join([l for l in out.splitlines() if l.startswith('Built')][-15:]))
