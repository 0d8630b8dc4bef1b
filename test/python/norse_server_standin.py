"""A stand-in for NEST Desktop's Norse Server, for testing Spikeblocks' Norse Server client only.

The real Norse Server is not on PyPI, so it cannot be installed on the machines the tests run on.
This implements its documented protocol (/work/shared/reference/norse.md) and nothing more:
GET / -> {"norse": version, "torch": version}; POST /exec {"source", "return"} -> {"data", "stdout"};
a Python error -> 400 {"message": "<Name> at line N: ...", "lineNumber": N}; import lines are
commented out (line numbers kept) and the modules are injected as the real server does
(`norse`, `torch`, `np`, those that are installed). It runs the real Python it is sent.

    python norse_server_standin.py PORT
"""
import contextlib
import io
import json
import re
import sys
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

try:  # the versions of what is installed, as the real server reports them
    import norse  # noqa: F401

    NORSE = getattr(norse, "__version__", "unknown")
except ImportError:
    NORSE = "stand-in (norse not installed)"
try:
    import torch

    TORCH = torch.__version__
except ImportError:
    TORCH = None


def injected():
    """The globals the real server gives a program in place of its imports."""
    scope = {}
    for name, module in (("norse", "norse"), ("torch", "torch"), ("np", "numpy")):
        try:
            scope[name] = __import__(module)
        except ImportError:
            pass
    return scope


def clean(source):
    return "\n".join("# " + l if re.match(r"^\s*(import|from)\s", l) else l for l in source.split("\n"))


def run(source, name):
    stdout = io.StringIO()
    scope = injected()
    with contextlib.redirect_stdout(stdout):
        exec(compile(clean(source), "<inline>", "exec"), scope)
    return {"data": scope.get(name), "stdout": stdout.getvalue()}


class Handler(BaseHTTPRequestHandler):
    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.reply(200, {"norse": NORSE, "torch": TORCH})

    def do_POST(self):
        if self.path != "/exec":
            return self.reply(404, {"message": "not found"})
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        try:
            self.reply(200, run(body.get("source", ""), body.get("return", "response")))
        except Exception as err:  # noqa: BLE001 - every program error goes back to the client
            frames = [f for f in traceback.extract_tb(err.__traceback__) if f.filename == "<inline>"]
            line = getattr(err, "lineno", None) or (frames[-1].lineno if frames else -1)
            self.reply(400, {"message": f"{type(err).__name__} at line {line}: {err}", "lineNumber": line})

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
