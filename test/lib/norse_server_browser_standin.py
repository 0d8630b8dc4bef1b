"""test/python/norse_server_standin.py as a browser page meets it: with CORS preflight answered.

The real Norse Server (NEST Desktop's; Flask with flask_cors in older releases, FastAPI's
CORSMiddleware in newer ones) answers the OPTIONS preflight a browser sends before a JSON POST
from another origin. The stand-in answers only GET and POST, so from a page every /exec fails
with "could not be reached" while Node's fetch (no preflight) works. This adds the missing
answer (allow any origin, method and header, as the real server's CORS settings do) and serves
the stand-in's own handler otherwise unchanged.

    python norse_server_browser_standin.py PORT
"""
import os
import sys
from http.server import ThreadingHTTPServer

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
import norse_server_standin as standin  # noqa: E402


def do_OPTIONS(self):
    self.send_response(204)
    self.send_header("Access-Control-Allow-Origin", "*")
    self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
    self.send_header("Access-Control-Allow-Headers", self.headers.get("Access-Control-Request-Headers", "*"))
    self.send_header("Content-Length", "0")
    self.end_headers()


# only when the stand-in has none of its own (once it does, this file adds nothing)
if not hasattr(standin.Handler, "do_OPTIONS"):
    standin.Handler.do_OPTIONS = do_OPTIONS

if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), standin.Handler).serve_forever()
