"""A stand-in for NEST Desktop's Norse Server, for testing Spikeblocks' Norse Server client only.

The real Norse Server (github.com/babsey/norse-server) is not on PyPI, so it cannot be installed on
the machines the tests run on. This behaves as its current (FastAPI) version is documented and
observed to behave, and runs the real Python it is sent with the real Norse of this environment:

- GET / -> {"norse": version, "torch": version}; CORS open to every origin (preflights answered).
- POST /exec {"source", "response_keys" (default "response")} -> {"data", "stdout"}; tensors in the
  data become nested lists.
- The source is split at newlines and at "; ", and every piece that starts with `import` or `from`
  is commented out; `norse`, `torch` and `np` are given instead (its NORSE_SERVER_MODULES default).
- By default the program runs under RestrictedPython (what the real server does unless started with
  NORSE_SERVER_DISABLE_RESTRICTION=true, which this stand-in reads too): no `__import__`, attribute
  names starting with "_" refused, subscripts only on lists, tuples, dicts, tensors and arrays,
  writes only into lists and dicts; the program's top-level names live in a separate locals dict.
- A Python error -> HTTP 422 {"message": "<Name> at line N: <detail>", "lineNumber": N}.

    python norse_server_standin.py PORT
"""
import json
import os
import re
import sys
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import RestrictedPython
from RestrictedPython import Guards

try:  # the versions of what is installed, as the real server reports them
    import norse

    NORSE = getattr(norse, "__version__", "unknown")
except ImportError:
    norse = None
    NORSE = "stand-in (norse not installed)"
try:
    import torch

    TORCH = torch.__version__
except ImportError:
    torch = None
    TORCH = None
try:
    import numpy
except ImportError:
    numpy = None

UNRESTRICTED = os.environ.get("NORSE_SERVER_DISABLE_RESTRICTION", "false").lower() in ("yes", "true", "t", "1")


def modules():
    """The globals the server gives a program in place of its imports."""
    given = {"norse": norse, "torch": torch, "np": numpy}
    return {name: module for name, module in given.items() if module is not None}


def clean(source):
    pieces = re.split("\n|; ", source)
    return "\n".join("#" + p if p.startswith("import") or p.startswith("from") else p for p in pieces)


def subscript(obj, index):
    allowed = tuple(t for t in (list, tuple, dict, torch and torch.Tensor, numpy and numpy.ndarray) if t)
    if obj is not None and type(obj) in allowed:
        return obj[index]
    raise TypeError(f"Error getting restricted globals: unidentified object '{obj}'.")


def restricted_globals():
    builtins = dict(RestrictedPython.safe_builtins)
    builtins.update(RestrictedPython.limited_builtins)
    builtins.update(RestrictedPython.utility_builtins)
    builtins.update(max=max, min=min, sum=sum, time=time)
    return {
        "__builtins__": builtins,
        "_print_": RestrictedPython.PrintCollector,
        "_getattr_": Guards.safer_getattr,
        "_getitem_": subscript,
        "_getiter_": iter,
        "_unpack_sequence_": Guards.guarded_unpack_sequence,
        "_write_": Guards.full_write_guard,
    }


class ProgramError(Exception):
    def __init__(self, message, line):
        super().__init__(message)
        self.message = message
        self.line = line


def line_of(err, frame_index):
    """The line the real server reports: a syntax error's own line; else for the common error types
    the program's frame, for the others the innermost frame (which may be inside a library)."""
    if getattr(err, "lineno", None) is not None:
        return err.lineno
    frames = traceback.extract_tb(err.__traceback__)
    return frames[frame_index].lineno if frames else -1


def run(source, keys):
    cleaned = clean(source)
    local_names = {}
    stdout = ""
    try:
        if UNRESTRICTED:
            import contextlib
            import io

            captured = io.StringIO()
            with contextlib.redirect_stdout(captured):
                exec(compile(cleaned, "<inline>", "exec"), {**modules()}, local_names)
            stdout = captured.getvalue()
        else:
            code = RestrictedPython.compile_restricted(cleaned, "<inline>", "exec")
            exec(code, {**restricted_globals(), **modules()}, local_names)
            if "_print" in local_names:
                stdout = "".join(local_names["_print"].txt)
    except Exception as err:  # noqa: BLE001 - every program error goes back to the client
        common = isinstance(err, (KeyError, SyntaxError, TypeError, ValueError))
        # frame 0 is this function; the program's own frame is the next one
        line = line_of(err, 1 if common else -1)
        detail = err.args[0] if err.args else ""
        message = f"{type(err).__name__}: {detail}" if line == -1 else f"{type(err).__name__} at line {line}: {detail}"
        raise ProgramError(message, line) from err
    data = {k: serialize(local_names.get(k)) for k in keys} if isinstance(keys, list) else serialize(local_names.get(keys))
    reply = {"data": data}
    if stdout:
        reply["stdout"] = stdout
    return reply


def serialize(data):
    if torch is not None and isinstance(data, torch.Tensor):
        return data.detach().tolist()
    if numpy is not None and isinstance(data, numpy.ndarray):
        return data.tolist()
    if isinstance(data, dict):
        return {k: serialize(v) for k, v in data.items()}
    if isinstance(data, list):
        return [serialize(v) for v in data]
    return data


class Handler(BaseHTTPRequestHandler):
    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_OPTIONS(self):  # CORS preflight, as the real server's CORS middleware answers it
        self.send_response(200)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", self.headers.get("Access-Control-Request-Headers", "*"))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        self.reply(200, {"norse": NORSE, "torch": TORCH})

    def do_POST(self):
        if self.path != "/exec":
            return self.reply(404, {"detail": "Not Found"})
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        source = body.get("source", "")
        if not source:
            return self.reply(200, None)
        try:
            self.reply(200, run(source, body.get("response_keys", "response")))
        except ProgramError as err:
            reply = {"message": err.message}
            if err.line != -1:
                reply["lineNumber"] = err.line
            self.reply(422, reply)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
