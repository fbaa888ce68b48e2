#!/usr/bin/env python3
"""Runs the conformance scenarios under this CPython and writes one trace per area.

    python3 Conformance/recorder.py                  # every area -> Conformance/traces/<platform>/
    python3 Conformance/recorder.py tcp udp          # some areas
    python3 Conformance/recorder.py --out DIR        # somewhere else (what `swift run conformance --capture` does)
    python3 Conformance/recorder.py --check          # run twice, fail if the two traces differ

A scenario is a public function of `Conformance/scenarios/<area>.py` that takes `sk`,
a recording stand-in for the `socket` module, and optionally `t`, the scenario's helpers
(fresh temp paths, abstract names, repr/str checks). An `async def` scenario takes `(sk, aio, t)`,
`aio` standing for the `asyncio` module; it runs under `asyncio.Runner(debug=True)` and every
awaited coroutine call (`await loop.sock_recv(s, 10)`, `await aio.wait_for(...)`, `await task`)
is recorded as an `await` event with its result or exception (class, errno, str, args). Every call on `sk`, on a socket
or other object it returns, and every read of a constant or attribute, is recorded with
its arguments and its result or exception. Exceptions do not stop the scenario: the call
returns a falsy `Raised` and the scenario goes on, so scenarios need no try/except.

Values that differ from run to run are recorded as symbols (`$port1`, `$fd2`, `$path1`...):
ports in addresses the kernel chose, fds, temp paths, abstract names, autobind names and
anything a scenario marks with `t.loose()`. The replay binds each symbol to its own value
the first time it sees it and compares later uses against that binding.
"""
from __future__ import annotations

import argparse
import array
import asyncio
import builtins
import enum
import importlib.util
import inspect
import io
import json
import os
import platform
import random
import re
import shutil
import signal
import socket
import sys
import tempfile
import time
import types

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = os.path.join(HERE, "scenarios")
FORMAT = 1
MAX_SECONDS = 2.0
HANG_SECONDS = 5.0

# Methods whose result carries an address the kernel chose: ports in it become symbols.
ADDRESS_RESULTS = {"getsockname", "getpeername", "accept", "recvfrom", "recvfrom_into",
                   "recvmsg", "recvmsg_into", "recv_fds", "_accept",
                   "sock_accept", "sock_recvfrom", "sock_recvfrom_into", "get_extra_info"}
# Awaited calls whose result is a (value, address) pair.
PAIR_RESULTS = {"accept", "_accept", "recvfrom", "recvfrom_into", "sock_accept", "sock_recvfrom", "sock_recvfrom_into"}
# Classes of the module a scenario reads as values (the others are called: sk.socket(...)).
CLASS_NAMES = {"SocketType", "SocketIO"}
# Methods that return a new descriptor (or a list of them).
FD_RESULTS = {"fileno", "detach", "dup"}


# --- tagged values: run-dependent values keep their symbol while the scenario uses them ---

class SymInt(int):
    """An int bound to a symbol (a port, an fd): passes anywhere an int does."""
    sym: str

    def __new__(cls, value, sym):
        obj = super().__new__(cls, value)
        obj.sym = sym
        return obj


class SymStr(str):
    """A str bound to a symbol (a temp path, a hostname)."""
    sym: str

    def __new__(cls, value, sym):
        obj = super().__new__(cls, value)
        obj.sym = sym
        return obj

    def encode(self, *args, **kwargs):
        """`path.encode()` stays symbolic: the replay encodes its own value (`$sym:bytes`)."""
        return SymBytes(str.encode(self, *args, **kwargs), self.sym.split(":")[0] + ":bytes")


class SymBytes(bytes):
    """A bytes bound to a symbol (an abstract AF_UNIX name)."""
    sym: str

    def __new__(cls, value, sym):
        obj = super().__new__(cls, value)
        obj.sym = sym
        return obj

    def decode(self, *args, **kwargs):
        """`name.decode()` stays symbolic: the replay decodes its own value (`$sym:str`)."""
        return SymStr(bytes.decode(self, *args, **kwargs), self.sym.split(":")[0] + ":str")


class FdBytes(bytes):
    """Native int32s packing fds (SCM_RIGHTS data): recorded as the list of fds."""
    fds: list

    def __new__(cls, fds):
        obj = super().__new__(cls, array.array("i", [int(f) for f in fds]).tobytes())
        obj.fds = list(fds)
        return obj


class Raised:
    """What a recorded call returns when it raised: falsy, holds the exception."""

    def __init__(self, exc):
        self.exc = exc

    def __bool__(self):
        return False

    def __repr__(self):
        return f"Raised({type(self.exc).__name__}: {self.exc})"


class ScenarioError(BaseException):
    """A mistake in a scenario (or a call that hung): the capture fails."""


class Unsupported(BaseException):
    """The scenario uses a name this CPython does not have: it is left out of the trace."""


# --- proxies ---

class Proxy:
    """Base of the recording stand-ins; `_rec` is the Recorder, `_ref` the trace name."""
    __slots__ = ("_rec", "_real", "_ref")

    def __init__(self, rec, real, ref):
        object.__setattr__(self, "_rec", rec)
        object.__setattr__(self, "_real", real)
        object.__setattr__(self, "_ref", ref)

    def __getattr__(self, name):
        return self._rec.attribute(self, name)

    def __setattr__(self, name, value):
        raise ScenarioError(f"scenarios do not assign attributes ({name})")

    def __enter__(self):
        return self._rec.call(self._ref, "__enter__", self._real.__enter__, (), {})

    def __exit__(self, *exc):
        self._rec.call(self._ref, "__exit__", lambda: self._real.__exit__(None, None, None), (), {})
        return False

    def __iter__(self):
        raise ScenarioError("iterate over results, not proxies")

    def __repr__(self):
        return f"<proxy {self._ref} of {self._real!r}>"


class ModuleProxy(Proxy):
    pass


class ObjectProxy(Proxy):
    def __await__(self):
        """`await task`: recorded as an awaited call `task.__await__()`."""
        return self._rec.await_call(Pending(self._rec, self._ref, "__await__", lambda: self._real, (), {})).__await__()


class Callable:
    def __init__(self, rec, target, name, fn):
        self.rec, self.target, self.name, self.fn = rec, target, name, fn

    def __call__(self, *args, **kwargs):
        if inspect.iscoroutinefunction(self.fn):
            return Pending(self.rec, self.target, self.name, self.fn, args, kwargs)
        return self.rec.call(self.target, self.name, self.fn, args, kwargs)


class Pending:
    """A coroutine call not started yet (`loop.sock_recv(s, 10)`): awaited, it is recorded as an
    `await` event; passed to `wait_for`/`create_task`, it is recorded as that call's argument."""

    def __init__(self, rec, target, name, fn, args, kwargs):
        self.rec, self.target, self.name, self.fn, self.args, self.kwargs = rec, target, name, fn, args, kwargs

    def start(self):
        """The real coroutine, with the real arguments."""
        return self.fn(*[self.rec.unwrap(a) for a in self.args], **{k: self.rec.unwrap(v) for k, v in self.kwargs.items()})

    def __await__(self):
        return self.rec.await_call(self).__await__()


class Helpers:
    """`t`: the scenario's helpers. Each records what the replay must reproduce."""

    def __init__(self, rec):
        self._rec = rec

    def path(self, name="s.sock"):
        """A fresh AF_UNIX path (in a temp dir) that does not exist yet."""
        return self._rec.fresh("path", name)

    def abstract(self):
        """A fresh Linux abstract AF_UNIX name: b'\\x00' + a random suffix."""
        return self._rec.fresh("abstract", "")

    def fds(self, *fds):
        """The SCM_RIGHTS data for these fds (native int32s)."""
        return FdBytes(fds)

    def received_fds(self, ancdata):
        """The fds in a recvmsg result's SCM_RIGHTS items, as symbols."""
        out = []
        for item in ancdata:
            if isinstance(item[2], FdBytes):
                out.extend(item[2].fds)
        return out

    def file(self, data):
        """A fresh temp file holding data, open for reading at offset 0 (for sendfile)."""
        return self._rec.fresh_file(data)

    def repr(self, value):
        """Records repr(value): the replay compares Swift's String(reflecting:)."""
        return self._rec.text("repr", value)

    def str(self, value):
        """Records str(value): the replay compares Swift's String(describing:)."""
        return self._rec.text("str", value)

    def loose(self, value=None):
        """The previous call's result is run-dependent: keep its type, bind it to a symbol.

        `name = t.loose(sk.gethostname())` also hands back the value tagged with that symbol,
        so later arguments made from it are recorded as the symbol."""
        return self._rec.loosen(value)

    def timeout(self, delay, pending):
        """`async with asyncio.timeout(delay): await pending`, recorded as the awaitable
        `asyncio.timeout(delay, pending)` (Swift: `asyncio.timeout(delay) { ... }`)."""
        async def block(delay, coro):
            async with asyncio.timeout(delay):
                return await coro
        return Pending(self._rec, "aio", "timeout", block, (delay, pending), {})

    def sleep(self, seconds):
        """Lets the kernel deliver something (recorded, replayed as a sleep)."""
        self._rec.events.append({"op": "sleep", "seconds": seconds})
        time.sleep(seconds)


class Recorder:
    """Records one scenario."""

    def __init__(self, tmpdir):
        self.tmpdir = tmpdir
        self.events = []
        self.counters = {}
        self.refs = {}            # id(real) -> (ref, proxy)
        self.keep = []            # keeps ids alive
        self.value_syms = {}      # ("port"|"str"|"bytes", value) -> sym
        self.fd_syms = {}         # (ref, fd) -> sym
        self.gets = set()         # constants already recorded in this scenario
        self.sockets = []
        self.obj_syms = {}        # id(object) -> sym (temp files)
        self.files = []
        self.task_ops = {}        # task ref -> the name of the call it runs (its result's shape)

    # symbols
    def new_sym(self, kind):
        n = self.counters[kind] = self.counters.get(kind, 0) + 1
        return f"${kind}{n}"

    def new_ref(self, kind):
        n = self.counters["ref:" + kind] = self.counters.get("ref:" + kind, 0) + 1
        return f"{kind}{n}"

    def fresh(self, kind, name):
        sym = self.new_sym(kind)
        if kind == "path":
            value = SymStr(os.path.join(self.tmpdir, name), sym)
            self.value_syms[("str", str(value))] = sym
        else:
            raw = b"\x00pysocket-conf-" + "".join(random.choice("0123456789abcdef") for _ in range(12)).encode()
            value = SymBytes(raw, sym)
            self.value_syms[("bytes", raw)] = sym
        self.events.append({"op": "fresh", "kind": kind, "name": name, "sym": sym})
        return value

    def fresh_file(self, data):
        sym = self.new_sym("file")
        f = tempfile.TemporaryFile(dir=self.tmpdir)
        f.write(data)
        f.seek(0)
        self.obj_syms[id(f)] = sym
        self.keep.append(f)
        self.files.append(f)
        self.events.append({"op": "fresh", "kind": "file", "name": "", "data": encode_plain(bytes(data)), "sym": sym})
        return f

    # proxies
    def wrap_object(self, real):
        key = id(real)
        if key in self.refs:
            return self.refs[key]
        if isinstance(real, socket.socket):
            ref = self.new_ref("s")
            self.sockets.append(real)
        else:
            ref = self.new_ref("o")
        proxy = ObjectProxy(self, real, ref)
        self.refs[key] = (ref, proxy)
        self.keep.append(real)
        return ref, proxy

    def attribute(self, proxy, name):
        if proxy._ref == "sk" and not hasattr(socket, name):
            raise Unsupported(f"socket.{name} does not exist in CPython {platform.python_version()}")
        real = getattr(proxy._real, name)
        if isinstance(real, type) and issubclass(real, BaseException):
            self.record_get(proxy._ref, name, real)
            return real
        if proxy._ref == "sk" and name in CLASS_NAMES:
            self.record_get(proxy._ref, name, real)
            return real
        if isinstance(real, (types.ModuleType,)):
            raise ScenarioError(f"{name} is a module")
        if callable(real) and not isinstance(real, enum.Enum):
            return Callable(self, proxy._ref, name, real)
        return self.record_get(proxy._ref, name, real)

    def record_get(self, target, name, value):
        once = target == "sk"
        enc, wrapped = self.convert(value, name, target)
        if not (once and (target, name) in self.gets):
            self.gets.add((target, name))
            self.events.append({"op": "get", "target": target, "name": name, "result": enc})
        return wrapped

    # calls
    def call(self, target, name, fn, args, kwargs):
        ev = {"op": "call", "target": target, "name": name,
              "args": [self.encode_arg(a) for a in args]}
        if kwargs:
            ev["kwargs"] = {k: self.encode_arg(v) for k, v in kwargs.items()}
        real_args = [self.unwrap(a) for a in args]
        real_kwargs = {k: self.unwrap(v) for k, v in kwargs.items()}
        self.events.append(ev)
        try:
            result = fn(*real_args, **real_kwargs)
        except Exception as e:  # recorded, and the scenario goes on
            ev["raises"] = encode_exception(e)
            self.template_exception(ev["raises"])
            self.after(ev, args)
            return Raised(e)
        if name == "__enter__":
            ev["result"] = {"ref": target}
            self.after(ev, args)
            return self.proxy_for(target)
        ev["result"], wrapped = self.convert(result, name, target, in_address=name in ("getsockname", "getpeername"))
        self.after(ev, args)
        if name == "create_task" and args and isinstance(args[0], Pending) and isinstance(wrapped, ObjectProxy):
            self.task_ops[wrapped._ref] = result_shape(args[0])
        return wrapped

    async def await_call(self, pending):
        """Awaits `pending` and records it with its result or exception (with `args`)."""
        ev = {"op": "await", "target": pending.target, "name": pending.name,
              "args": [self.encode_arg(a) for a in pending.args]}
        if pending.kwargs:
            ev["kwargs"] = {k: self.encode_arg(v) for k, v in pending.kwargs.items()}
        self.events.append(ev)
        method = self.task_ops.get(pending.target, result_shape(pending))
        try:
            result = await pending.start()
        except (Exception, asyncio.CancelledError) as e:  # recorded, and the scenario goes on
            ev["raises"] = encode_exception(e, with_args=True)
            self.template_exception(ev["raises"])
            self.after(ev, pending.args)
            return Raised(e)
        ev["result"], wrapped = self.convert(result, method, pending.target)
        self.after(ev, pending.args)
        return wrapped

    def proxy_for(self, ref):
        for r, proxy in self.refs.values():
            if r == ref:
                return proxy
        raise ScenarioError(ref)

    def unwrap_target(self, ref):
        return self.proxy_for(ref)._real

    def after(self, ev, args):
        mutated = {}
        for i, a in enumerate(args):
            if isinstance(a, bytearray):
                mutated[str(i)] = encode_bytes(a, "bytearray")
            elif isinstance(a, list) and any(isinstance(x, bytearray) for x in a):
                mutated[str(i)] = [encode_bytes(x, "bytearray") if isinstance(x, bytearray) else self.encode_arg(x) for x in a]
        if mutated:
            ev["after"] = mutated

    def unwrap(self, value):
        """The value CPython sees: proxies unwrapped, tagged values as exact builtins."""
        if isinstance(value, Proxy):
            return value._real
        if isinstance(value, SymInt):
            return int(value)
        if isinstance(value, SymStr):
            return str(value)
        if isinstance(value, (SymBytes, FdBytes)):
            return bytes(value)
        if isinstance(value, tuple):
            return tuple(self.unwrap(v) for v in value)
        if isinstance(value, list):
            return [self.unwrap(v) for v in value]
        if isinstance(value, Pending):
            return value.start()
        return value

    def encode_arg(self, value):
        if isinstance(value, Proxy):
            return {"ref": value._ref}
        if isinstance(value, (SymInt, SymStr, SymBytes)):
            return {"sym": value.sym}
        if isinstance(value, FdBytes):
            return {"fds": [self.encode_arg(f) for f in value.fds]}
        if id(value) in self.obj_syms:
            return {"sym": self.obj_syms[id(value)]}
        if isinstance(value, tuple):
            return {"tuple": [self.encode_arg(v) for v in value]}
        if isinstance(value, list):
            return [self.encode_arg(v) for v in value]
        if isinstance(value, dict):
            return {"dict": [[self.encode_arg(k), self.encode_arg(v)] for k, v in value.items()]}
        if isinstance(value, Raised):
            raise ScenarioError(f"a failed call's result was used as an argument: {value}")
        if inspect.isfunction(value):
            # A stream server's handler: recorded by name, the replay runs its Swift twin.
            return {"object": "function", "repr": value.__name__}
        if isinstance(value, Pending):
            coro = {"target": value.target, "name": value.name, "args": [self.encode_arg(a) for a in value.args]}
            if value.kwargs:
                coro["kwargs"] = {k: self.encode_arg(v) for k, v in value.kwargs.items()}
            return {"coro": coro}
        return encode_plain(value)

    # results
    def convert(self, value, method, target, in_address=False):
        """(encoding, value handed to the scenario) of a result."""
        if isinstance(value, enum.Enum):
            return encode_plain(value), value
        if isinstance(value, bool) or value is None or isinstance(value, float):
            return encode_plain(value), value
        if isinstance(value, int):
            if method in FD_RESULTS and target != "sk" and method != "dup" and value >= 0:
                key = (target, value)
                sym = self.fd_syms.get(key) or self.new_sym("fd")
                self.fd_syms[key] = sym
                return {"sym": sym}, SymInt(value, sym)
            if method in ("dup", "fd") and value >= 0:
                sym = self.new_sym("fd")
                return {"sym": sym}, SymInt(value, sym)
            if in_address and (value >= 1024 or ("port", value) in self.value_syms):
                key = ("port", value)
                if key not in self.value_syms:
                    if method not in ADDRESS_RESULTS:
                        return value, value
                    self.value_syms[key] = self.new_sym("port")
                sym = self.value_syms[key]
                return {"sym": sym}, SymInt(value, sym)
            return value, value
        if isinstance(value, str):
            key = ("str", value)
            if key in self.value_syms:
                sym = self.value_syms[key]
                return {"sym": sym}, SymStr(value, sym)
            return value, value
        if isinstance(value, (bytes, bytearray)):
            key = ("bytes", bytes(value))
            if key in self.value_syms:
                sym = self.value_syms[key]
                return {"sym": sym}, SymBytes(value, sym)
            if in_address and isinstance(value, bytes) and value.startswith(b"\x00") and method in ADDRESS_RESULTS:
                sym = self.value_syms[key] = self.new_sym("autobind")
                return {"sym": sym}, SymBytes(value, sym)
            return encode_plain(value), value
        if isinstance(value, tuple):
            if is_address(value):
                parts = [self.convert(v, method, target, in_address=(i == 1)) for i, v in enumerate(value)]
                parts[0] = self.convert(value[0], method, target)
                return {"tuple": [p[0] for p in parts]}, tuple(p[1] for p in parts)
            if method in ("recvmsg", "recvmsg_into") and len(value) == 4:
                return self.convert_msg(value, method, target)
            if method == "recv_fds" and len(value) == 4:
                msg, fds, flags, addr = value
                fd_enc, fd_vals = [], []
                for f in fds:
                    sym = self.new_sym("fd")
                    fd_enc.append({"sym": sym})
                    fd_vals.append(SymInt(f, sym))
                a_enc, a_val = self.convert(addr, method, target, in_address=True)
                return ({"tuple": [encode_plain(msg), fd_enc, flags, a_enc]},
                        (msg, fd_vals, flags, a_val))
            pair = method in PAIR_RESULTS and len(value) == 2
            parts = [self.convert(v, method, target, in_address or (pair and i == 1)) for i, v in enumerate(value)]
            return {"tuple": [p[0] for p in parts]}, tuple(p[1] for p in parts)
        if isinstance(value, list):
            parts = [self.convert(v, method, target, in_address) for v in value]
            return [p[0] for p in parts], [p[1] for p in parts]
        if isinstance(value, type):
            return {"class": value.__name__}, value
        if isinstance(value, dict):
            return {"dict": [[encode_plain(k), self.convert(v, method, target)[0]] for k, v in value.items()]}, value
        ref, proxy = self.wrap_object(value)
        return {"ref": ref, "type": type(value).__name__}, proxy

    def convert_msg(self, value, method, target):
        data, ancdata, flags, addr = value
        anc_enc, anc_val = [], []
        for level, kind, cdata in ancdata:
            if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS and len(cdata) % 4 == 0:
                fds = [SymInt(fd, self.new_sym("fd")) for fd in array.array("i", cdata).tolist()]
                anc_enc.append({"tuple": [level, kind, {"fds": [{"sym": f.sym} for f in fds]}]})
                anc_val.append((level, kind, FdBytes(fds)))
            else:
                anc_enc.append({"tuple": [level, kind, encode_plain(cdata)]})
                anc_val.append((level, kind, cdata))
        a_enc, a_val = self.convert(addr, method, target, in_address=True)
        d_enc = data if isinstance(data, int) else encode_plain(data)
        return {"tuple": [d_enc, anc_enc, encode_plain(flags), a_enc]}, (data, anc_val, flags, a_val)

    # text checks
    def text(self, kind, value):
        real = self.unwrap(value)
        text = repr(real) if kind == "repr" else str(real)
        ev = {"op": kind, "value": self.encode_arg(value)}
        ev["result"] = self.template(text, real)
        self.events.append(ev)
        return text

    def template(self, text, real):
        """The text with run-dependent parts as {sym} placeholders (braces doubled)."""
        subs = []
        if isinstance(real, socket.socket):
            ref = self.refs[id(real)][0]
            fd = real.fileno()
            if fd >= 0:
                key = (ref, fd)
                sym = self.fd_syms.get(key) or self.new_sym("fd")
                self.fd_syms[key] = sym
                subs.append((f"fd={fd},", "fd={" + sym + "},"))
            for getter in ("getsockname", "getpeername"):
                try:
                    addr = getattr(real, getter)()
                except OSError:
                    continue
                self.convert(addr, "getsockname", ref, in_address=False)
        for (kind, value), sym in self.value_syms.items():
            if kind == "port":
                subs.append((str(value), "{" + sym + "}"))
            elif kind == "str" and value:
                subs.append((repr(value)[1:-1], "{" + sym + "}"))
            elif kind == "bytes":
                subs.append((repr(value)[2:-1], "{" + sym + "}"))
        subs.sort(key=lambda s: -len(s[0]))
        table = dict(subs)
        pieces = []
        if subs:
            pattern = re.compile("|".join(
                (rf"(?<![0-9]){re.escape(old)}(?![0-9])" if old.isdigit() else re.escape(old)) for old, _ in subs))
            pos = 0
            for m in pattern.finditer(text):
                pieces.append(escape_braces(text[pos:m.start()]))
                pieces.append(table[m.group(0)])
                pos = m.end()
            pieces.append(escape_braces(text[pos:]))
        out = "".join(pieces) if subs else escape_braces(text)
        return {"template": out} if out != escape_braces(text) else text

    def template_exception(self, enc):
        text = enc["str"]
        if isinstance(text, str):
            enc["str"] = self.template(text, None)
        if isinstance(enc.get("args"), str):
            enc["args"] = self.template(enc["args"], None)
        for sub in enc.get("exceptions", []):
            self.template_exception(sub)

    def loosen(self, value=None):
        for ev in reversed(self.events):
            if ev["op"] in ("call", "get") and "result" in ev:
                sym = self.new_sym("v")
                ev["result"] = {"sym": sym, "type": value_type(ev["result"])}
                if isinstance(value, str) and not isinstance(value, SymStr):
                    self.value_syms[("str", str(value))] = sym
                    return SymStr(value, sym)
                if isinstance(value, int) and not isinstance(value, (bool, SymInt)):
                    return SymInt(value, sym)
                return value
        raise ScenarioError("t.loose() needs a previous call that returned")

    def close_all(self):
        for f in self.files:
            f.close()
        for s in self.sockets:
            try:
                s.close()
            except OSError:
                pass


def result_shape(pending):
    """The call whose result `pending` returns: wait_for/timeout return their operation's."""
    inner = [a for a in pending.args if isinstance(a, Pending)]
    if pending.name in ("wait_for", "timeout") and inner:
        return result_shape(inner[0])
    return pending.name


def escape_braces(text):
    return text.replace("{", "{{").replace("}", "}}")


def value_type(enc):
    if isinstance(enc, bool):
        return "bool"
    if isinstance(enc, int):
        return "int"
    if isinstance(enc, str):
        return "str"
    if isinstance(enc, list):
        return "list"
    if enc is None:
        return "None"
    if isinstance(enc, dict):
        for k in ("tuple", "bytes", "float", "enum", "bytearray"):
            if k in enc:
                return k
    return "any"


def is_address(value):
    return (len(value) in (2, 4) and isinstance(value[0], str) and type(value[1]) is int
            and all(type(v) is int for v in value[1:]))


def encode_plain(value):
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, enum.Enum):
        return {"enum": type(value).__name__, "value": int(value), "repr": repr(value)}
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return {"float": str(value)}
        return {"float": value}
    if isinstance(value, str):
        return str(value)
    if isinstance(value, (bytes, bytearray)):
        return encode_bytes(value, "bytearray" if isinstance(value, bytearray) else "bytes")
    if isinstance(value, memoryview):
        return {"bytes": value.tobytes().hex()}
    if isinstance(value, tuple):
        return {"tuple": [encode_plain(v) for v in value]}
    if isinstance(value, list):
        return [encode_plain(v) for v in value]
    if isinstance(value, type):
        return {"class": value.__name__}
    return {"object": type(value).__name__, "repr": repr(value)}


def encode_bytes(value, key="bytes"):
    """{"bytes": hex}, or {"bytes": hex of a pattern, "times": n} for long repetitive data."""
    value = bytes(value)
    n = len(value)
    if n > 256:
        for p in range(1, 257):
            if n % p == 0 and value[:p] * (n // p) == value:
                return {key: value[:p].hex(), "times": n // p}
    return {key: value.hex()}


def encode_exception(e, with_args=False):
    enc = {"type": type(e).__name__}
    if isinstance(e, OSError):
        enc["errno"] = e.errno
    if isinstance(e, getattr(builtins, "ExceptionGroup", ())):
        enc["exceptions"] = [encode_exception(x, with_args) for x in e.exceptions]
    enc["str"] = str(e)
    if with_args:
        enc["args"] = repr(e.args)
    # asyncio's stream errors: IncompleteReadError.partial/.expected, LimitOverrunError.consumed.
    for name in ("partial", "expected", "consumed"):
        if hasattr(e, name):
            enc[name] = encode_plain(getattr(e, name))
    return enc


# --- running ---

def load_area(area):
    path = os.path.join(SCENARIOS, area + ".py")
    spec = importlib.util.spec_from_file_location(f"scenarios_{area}", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    funcs = [(name, fn) for name, fn in vars(mod).items()
             if inspect.isfunction(fn) and not name.startswith("_") and fn.__module__ == mod.__name__]
    funcs.sort(key=lambda nf: nf[1].__code__.co_firstlineno)
    return mod, funcs


def run_scenario(fn):
    tmpdir = tempfile.mkdtemp(prefix="pysock-conf-")
    rec = Recorder(tmpdir)
    sk = ModuleProxy(rec, socket, "sk")
    default = socket.getdefaulttimeout()
    started = time.monotonic()

    def hung(signum, frame):
        raise ScenarioError(f"still running after {HANG_SECONDS} s: a call blocked")

    signal.signal(signal.SIGALRM, hung)
    signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    try:
        params = inspect.signature(fn).parameters
        if inspect.iscoroutinefunction(fn):
            # asyncio's debug mode, so that the non-blocking check CPython makes only there is made.
            with asyncio.Runner(debug=True) as runner:
                runner.get_loop().slow_callback_duration = 60
                runner.run(fn(sk, ModuleProxy(rec, asyncio, "aio"), Helpers(rec)))
        else:
            fn(sk, Helpers(rec)) if len(params) >= 2 else fn(sk)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        rec.close_all()
        socket.setdefaulttimeout(default)
        shutil.rmtree(tmpdir, ignore_errors=True)
    elapsed = time.monotonic() - started
    return rec.events, elapsed


def public_names():
    skip = {"IntEnum", "IntFlag", "EBADF", "EAGAIN", "EWOULDBLOCK", "CAPI", "partial"}
    module = sorted(n for n in dir(socket) if not n.startswith("_") and n not in skip
                    and not isinstance(getattr(socket, n), types.ModuleType))
    methods = sorted(n for n in dir(socket.socket) if not n.startswith("_"))
    constants = sorted(n for n in module if type(getattr(socket, n)) is int or isinstance(getattr(socket, n), enum.IntEnum)
                       or isinstance(getattr(socket, n), enum.IntFlag))
    return {"module": module, "socket": methods, "constants": constants}


def dump_trace(trace):
    """JSON with one event per line, so traces diff well."""
    lines = ["{"]
    head = {k: v for k, v in trace.items() if k != "scenarios"}
    for k, v in head.items():
        lines.append(f"  {json.dumps(k)}: {json.dumps(v)},")
    lines.append('  "scenarios": [')
    for i, sc in enumerate(trace["scenarios"]):
        lines.append("    {" + f'"name": {json.dumps(sc["name"])}, "doc": {json.dumps(sc["doc"])}, "events": [')
        evs = sc["events"]
        for j, ev in enumerate(evs):
            lines.append("      " + json.dumps(ev, ensure_ascii=True) + ("," if j < len(evs) - 1 else ""))
        lines.append("    ]}" + ("," if i < len(trace["scenarios"]) - 1 else ""))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def platform_dir():
    return {"linux": "linux", "darwin": "darwin"}.get(sys.platform, sys.platform)


def capture(areas, only=None):
    traces = {}
    failed = False
    for area in areas:
        _, funcs = load_area(area)
        scenarios, left_out = [], []
        for name, fn in funcs:
            if only and name not in only:
                continue
            try:
                events, elapsed = run_scenario(fn)
            except Unsupported as e:
                print(f"left out {area}.{name}: {e}", file=sys.stderr)
                left_out.append({"name": name, "reason": str(e)})
                continue
            except (Exception, ScenarioError) as e:
                import traceback
                traceback.print_exc()
                print(f"FAILED {area}.{name}: {type(e).__name__}: {e}", file=sys.stderr)
                failed = True
                continue
            if elapsed > MAX_SECONDS:
                print(f"TOO SLOW {area}.{name}: {elapsed:.2f}s", file=sys.stderr)
                failed = True
            doc = (inspect.getdoc(fn) or "").split("\n")[0]
            scenarios.append({"name": name, "doc": doc, "events": events})
        traces[area] = {
            "format": FORMAT,
            "area": area,
            # Awaited asyncio calls: the replay runs the area once per event-loop backend.
            **({"asyncio": True} if any(inspect.iscoroutinefunction(fn) for _, fn in funcs) else {}),
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "platform": platform_dir(),
            "machine": platform.machine(),
            "left_out": left_out,
            "scenarios": scenarios,
        }
    return traces, failed


def all_areas():
    return sorted(f[:-3] for f in os.listdir(SCENARIOS) if f.endswith(".py") and not f.startswith("_"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("areas", nargs="*", help="areas to capture (default: all)")
    ap.add_argument("--out", help="output directory (default: Conformance/traces/<platform>)")
    ap.add_argument("--only", action="append", help="only this scenario (repeatable)")
    ap.add_argument("--check", action="store_true", help="capture twice and compare (determinism)")
    ap.add_argument("--print", action="store_true", help="print the events instead of writing")
    args = ap.parse_args()
    areas = args.areas or all_areas()
    out = args.out or os.path.join(HERE, "traces", platform_dir())
    traces, failed = capture(areas, args.only)
    if args.check:
        again, _ = capture(areas, args.only)
        for area in areas:
            for a, b in zip(traces[area]["scenarios"], again[area]["scenarios"]):
                if a != b:
                    failed = True
                    print(f"NOT DETERMINISTIC {area}.{a['name']}", file=sys.stderr)
                    for x, y in zip(a["events"], b["events"]):
                        if x != y:
                            print(f"  {json.dumps(x)}\n  {json.dumps(y)}", file=sys.stderr)
                            break
    if args.print:
        for area in areas:
            for sc in traces[area]["scenarios"]:
                print(f"== {area}.{sc['name']}")
                for ev in sc["events"]:
                    print("  ", json.dumps(ev))
        return 1 if failed else 0
    os.makedirs(out, exist_ok=True)
    total_s = total_e = 0
    for area, trace in traces.items():
        with open(os.path.join(out, area + ".json"), "w") as f:
            f.write(dump_trace(trace))
        n_ev = sum(len(s["events"]) for s in trace["scenarios"])
        total_s += len(trace["scenarios"])
        total_e += n_ev
        print(f"{area:18} {len(trace['scenarios']):4} scenarios {n_ev:5} events")
    if not args.only and not args.areas:
        with open(os.path.join(out, "names.json"), "w") as f:
            json.dump({"python": platform.python_version(), **public_names()}, f, indent=1)
            f.write("\n")
    print(f"{'total':18} {total_s:4} scenarios {total_e:5} events  (CPython {platform.python_version()}, {out})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
