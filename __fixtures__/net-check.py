# Run by the guest in the network-policy tests: each check prints "NAME: ok ..." or
# "NAME: refused ERRNO-NAME". Arguments: NAME=KIND:TARGET, KIND one of tcp, unix, dns, flood.
import errno
import os
import socket
import sys
import threading
import time


def tcp(target):
    host, port = target.rsplit(':', 1)
    host = host.strip('[]')
    family = socket.AF_INET6 if ':' in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.settimeout(10)
        s.connect((host, int(port)))
        return s.recv(100).decode().strip()


def unix(_):
    path = '/tmp/guest-own.sock'
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(1)
    threading.Thread(target=lambda: server.accept()[0].sendall(b'own unix socket'), daemon=True).start()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.connect(path)
        return s.recv(100).decode()


def dns(target):
    query = b'\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00' + b'\x04test\x07example\x00' + b'\x00\x01\x00\x01'
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(10)
        s.sendto(query, (target, 53))
        answer = s.recv(512)
        return socket.inet_ntoa(answer[-4:])


def flood(target):
    host, port, count = target.split(':')
    refused = 0
    for _ in range(int(count)):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.connect((host, int(port)))
            except ConnectionRefusedError:
                refused += 1
    return f'{refused} refused'


def wait(path):
    for _ in range(600):
        if os.path.exists(path):
            return 'done'
        time.sleep(0.1)
    raise OSError(errno.ETIMEDOUT, 'no go-ahead')


for arg in sys.argv[1:]:
    name, spec = arg.split('=', 1)
    kind, target = spec.split(':', 1)
    try:
        print(f'{name}: ok {globals()[kind](target)}', flush=True)
    except OSError as error:
        print(f'{name}: refused {errno.errorcode.get(error.errno, error.errno)}', flush=True)
