"""Runs one learner program and hands back its `response` (the program contract, DESIGN.md).

Called from workers/runtime.ts. User code runs inside this try/except, because a
KeyboardInterrupt (Stop) escaping into Pyodide's runPythonAsync was seen to leave the promise
unsettled. Errors are reported against the program's own lines, not the facade's.
"""

import io
import linecache
import sys
import time
import traceback

import js
from pyodide.ffi import JsProxy, jsnull, to_js

# The name tracebacks show for the program when the caller gives none (the browser's editor).
PROGRAM_FILE = "program.py"


def run_program(code, filename=None):
    """Exec `code` in fresh globals; returns a JS object {ok, response | error, stdout, pythonMs}.

    `filename` is what tracebacks call the program (the command line passes the learner's own
    file name, so errors point at the file they opened)."""
    filename = filename or PROGRAM_FILE
    output = io.StringIO()
    lines = code.splitlines(keepends=True)
    # The traceback module reads source lines through linecache; give it the program.
    # (mtime None: linecache never tries to re-read it from disk.)
    linecache.cache[filename] = (len(code), None, lines, filename)
    program_globals = {"__name__": "__main__", "__file__": filename}
    saved = sys.stdout, sys.stderr
    started = time.perf_counter()
    error = None
    try:
        sys.stdout = sys.stderr = output
        exec(compile(code, filename, "exec"), program_globals)
    except BaseException as exc:  # Stop arrives as KeyboardInterrupt; SystemExit too
        error = exc
    finally:
        sys.stdout, sys.stderr = saved
    python_ms = (time.perf_counter() - started) * 1000.0

    if error is None and "response" not in program_globals:
        error = NameError(
            "the program did not set `response`: end it with e.g. "
            'response = {"events": [sr1.events, vm1.events]}'
        )
        error.__traceback__ = None
    if error is not None:
        return _js({"ok": False, "error": describe_error(error, filename), "stdout": output.getvalue(),
                    "pythonMs": python_ms})
    try:
        response = plain_data(program_globals["response"])
    except BaseException as exc:
        return _js({"ok": False, "error": describe_error(exc, filename), "stdout": output.getvalue(),
                    "pythonMs": python_ms})
    return _js({"ok": True, "response": response, "stdout": output.getvalue(),
                "pythonMs": python_ms})


def describe_error(exc, filename=PROGRAM_FILE):
    """RunError: type, message, 1-based program line (deepest frame in the program), traceback."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == filename]
    line = frames[-1].lineno if frames else None
    if isinstance(exc, SyntaxError) and exc.filename == filename:
        line = exc.lineno
    if isinstance(exc, AttributeError) and "Did you mean" in str(exc):
        # our facades name the closest real torch/norse name already; Python would add its own
        text = f"{type(exc).__name__}: {exc}"
    else:
        text = "".join(traceback.format_exception_only(type(exc), exc)).rstrip()
    if frames:
        text = "Traceback (most recent call last):\n" + "".join(traceback.format_list(frames)) + text
    message = str(exc)
    if isinstance(exc, SyntaxError):
        message = exc.msg
    elif isinstance(exc, KeyError) and exc.args:
        message = repr(exc.args[0])
    elif isinstance(exc, KeyboardInterrupt):
        message = "Stopped"
    return {"type": type(exc).__name__, "message": message, "line": line, "traceback": text}


def plain_data(value, depth=0):
    """`response` as plain data: dicts, lists, numbers, strings; recorder events stay JS
    Float64Arrays (no copy). Anything else is an error naming its type."""
    from nest import NodeCollection
    from nest._events import EventArray

    if depth > 50:
        raise ValueError("response is nested too deeply (or refers to itself)")
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, EventArray):
        return value.to_js()
    if isinstance(value, NodeCollection):
        return value.tolist()
    if isinstance(value, dict):
        return {str(k): plain_data(v, depth + 1) for k, v in value.items()}
    # a tensor's .tolist() (Norse, torch/_tensorlist.py): its float32 rows go to JavaScript as
    # they are, no Python number made (a 1000 x 1000 spike matrix: ~1 ms instead of ~8 s value
    # by value); a list changed since tolist() is converted as it is now, row by row
    to_js_fast = getattr(value, "_spikeblocks_js", None)
    if to_js_fast is not None:
        converted = to_js_fast()
        if converted is not None:
            return converted
        return [plain_data(v, depth + 1) for v in value]
    if isinstance(value, (list, tuple, range)):
        return [plain_data(v, depth + 1) for v in value]
    raise TypeError(
        f"response contains a {type(value).__name__}, which cannot be sent back: "
        "use numbers, strings, lists, dicts and recorder events"
    )


def _js(value):
    return to_js(_nulls(value), dict_converter=js.Object.fromEntries)


def _nulls(value):
    """None → JS null (to_js would make it undefined, which JSON drops)."""
    if value is None:
        return jsnull
    if isinstance(value, JsProxy):
        return value
    if isinstance(value, dict):
        return {k: _nulls(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_nulls(v) for v in value]
    return value
