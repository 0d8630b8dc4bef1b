"""NodeCollection: PyNEST's handle on a group of nodes, with PyNEST 3.10's return shapes.

A collection of one node answers with plain values (n.V_m → -70.0, n.get() → dict); a
collection of several answers with one tuple entry per node (n.V_m → (-70.0, -70.0)).
"""

from . import _bridge
from ._errors import nest_error
from ._events import EventArray

# Model of every node created since the last ResetKernel, by global id (for repr and events).
_models = {}

_RECORDERS = ("spike_recorder", "voltmeter", "multimeter")


def forget_all_nodes():
    _models.clear()


def register_nodes(model, first, last):
    for node_id in range(first, last + 1):
        _models[node_id] = model


def _is_list(value):
    return isinstance(value, (list, tuple, EventArray))


class NodeCollection:
    """An ordered, duplicate-free group of node ids (global ids, 1-based)."""

    def __init__(self, data=None):
        if data is None:
            ids = ()
        elif isinstance(data, NodeCollection):
            ids = data._ids
        else:
            ids = tuple(int(i) for i in data)
        object.__setattr__(self, "_ids", ids)

    # -- sequence behaviour ------------------------------------------------------------------
    def __len__(self):
        return len(self._ids)

    def __iter__(self):
        return (NodeCollection((i,)) for i in self._ids)

    def __getitem__(self, key):
        if isinstance(key, slice):
            return self._slice(key)
        if isinstance(key, (list, tuple)):
            if all(isinstance(k, bool) for k in key) and key:
                if len(key) != len(self):
                    raise IndexError("Bool index array must be the same length as NodeCollection")
                return NodeCollection(i for i, keep in zip(self._ids, key) if keep)
            for k in key:
                if not -len(self) <= k < len(self):
                    raise IndexError(f"pos {k} points outside of the NodeCollection")
            picked = [self._ids[k] for k in key]
            if len(set(picked)) != len(picked):
                raise ValueError("All node IDs in a NodeCollection have to be unique")
            return NodeCollection(picked)
        if isinstance(key, int) and not isinstance(key, bool):
            if not -len(self) <= key < len(self):
                raise IndexError("index value outside of the NodeCollection")
            return NodeCollection((self._ids[key],))
        raise IndexError("only integers, slices, lists, tuples, and numpy arrays are valid indices")

    def _slice(self, key):
        # NEST is stricter than Python lists: bounds outside the collection are errors.
        size = len(self)
        step = 1 if key.step is None else key.step
        if step <= 0:
            raise IndexError("slicing step for NodeCollection must be strictly positive")
        start = 0 if key.start is None else key.start
        stop = size if key.stop is None else key.stop
        start = start + size if start < 0 else start
        stop = stop + size if stop < 0 else stop
        if not 0 <= start < size:
            raise IndexError("slice start value outside of the NodeCollection")
        if not 0 <= stop <= size:
            raise IndexError("slice stop value outside of the NodeCollection")
        if start >= stop:
            raise nest_error("BadParameter", "start < stop required.")
        return NodeCollection(self._ids[start:stop:step])

    def __add__(self, other):
        if not isinstance(other, NodeCollection):
            raise TypeError(
                f"Cannot add object of type '{type(other).__name__}' to 'NodeCollection'"
            )
        if set(self._ids) & set(other._ids):
            raise nest_error("BadProperty", "Cannot join overlapping NodeCollections.")
        # NEST keeps a composite collection sorted by node id.
        return NodeCollection(sorted(self._ids + other._ids))

    def __eq__(self, other):
        if not isinstance(other, NodeCollection):
            raise NotImplementedError(f"Cannot compare NodeCollection to {type(other).__name__}")
        return self._ids == other._ids

    def __ne__(self, other):
        return not self == other

    __hash__ = None

    def __contains__(self, node_id):
        if isinstance(node_id, bool) or not isinstance(node_id, int):
            raise TypeError("an integer is required")
        return node_id in self._ids

    def __bool__(self):
        return len(self) > 0

    def tolist(self):
        return list(self._ids)

    def index(self, node_id):
        if node_id not in self._ids:
            raise ValueError(f"{node_id} is not in NodeCollection")
        return self._ids.index(node_id)

    # -- text --------------------------------------------------------------------------------
    def __repr__(self):
        if not self._ids:
            return "NodeCollection(<empty>)"
        parts = []
        runs = _runs(self._ids)
        for model, ids, step in runs:
            text = f"model={model}, size={len(ids)}, first={ids[0]}"
            if len(ids) > 1:
                text += f", last={ids[-1]}"
            if step > 1:
                text += f", step={step}"
            parts.append(text)
        if len(runs) == 1 and runs[0][2] == 1:
            return f"NodeCollection(metadata=None, {parts[0]})"
        return "NodeCollection(metadata=None,\n               " + ";\n               ".join(parts) + ")"

    __str__ = __repr__

    # -- status ------------------------------------------------------------------------------
    @property
    def global_id(self):
        return self._ids[0] if len(self._ids) == 1 else tuple(self._ids)

    @property
    def events(self):
        return self.get("events")

    @property
    def n_events(self):
        return self.get("n_events")

    def _statuses(self, keys=None):
        """One status dict per node. Asks the kernel only for what `keys` needs."""
        special = ("global_id", "events", "n_events")
        need_kernel = keys is None or any(k not in special for k in keys)
        ids = list(self._ids)
        if need_kernel:
            raw = _bridge.call("NodeCollection.get()", "getStatus", _bridge.js_value(ids))
            statuses = [_bridge.normalize_status(s) for s in _bridge.py_value(raw)]
        else:
            statuses = [{"global_id": i} for i in ids]
        for node_id, status in zip(ids, statuses):
            status.setdefault("global_id", node_id)
            if keys is not None and not any(k in ("events", "n_events") for k in keys):
                continue
            if _is_recorder(node_id, status):
                status["events"] = _events(node_id)
                status["n_events"] = int(
                    _bridge.call("NodeCollection.get()", "nEvents", node_id)
                )
        return statuses

    def get(self, *params, output=""):
        if output not in ("", None):
            if output == "json":
                import json

                return json.dumps(_jsonable(self.get(*params)))
            raise _bridge_not_available(f"NodeCollection.get(output={output!r})")
        if len(params) == 1 and isinstance(params[0], (list, tuple)):
            keys = list(params[0])
            statuses = self._statuses(keys)
            if len(self) == 1:
                return {k: _lookup(statuses[0], k) for k in keys}
            return {k: tuple(_lookup(s, k) for s in statuses) for k in keys}
        if params:
            if not all(isinstance(p, str) for p in params):
                raise TypeError("Parameters must be given as strings, or a list of strings")
            statuses = self._statuses([params[0]])
            values = []
            for status in statuses:
                value = _lookup(status, params[0])
                for sub in params[1:]:  # hierarchical: get("events", "times")
                    value = value[sub]
                values.append(value)
            return values[0] if len(self) == 1 else tuple(values)
        statuses = self._statuses()
        if len(self) == 1:
            return statuses[0]
        common = [k for k in sorted(statuses[0]) if all(k in s for s in statuses)] if statuses else []
        return {k: tuple(s[k] for s in statuses) for k in common}

    def set(self, params=None, **kwargs):
        if kwargs:
            if params is not None:
                raise TypeError("must either provide params or kwargs, but not both.")
            params = kwargs
        if params is None:
            return None
        ids = list(self._ids)
        if isinstance(params, (list, tuple)):
            if len(params) != len(ids):
                raise TypeError(
                    "status dict must be a dict, or a list of dicts of length len(nodes)"
                )
            if not all(isinstance(p, dict) for p in params):
                raise TypeError("status dict must be a dict, or a list of dicts of length len(nodes)")
            _bridge.call("NodeCollection.set()", "setStatus", _bridge.js_value(ids), _bridge.js_value(list(params)))
            return None
        if not isinstance(params, dict):
            raise TypeError("params must be a dict, or a list of dicts of length len(nodes)")
        per_node = _split_per_node(ids, params)
        _bridge.call("NodeCollection.set()", "setStatus", _bridge.js_value(ids), _bridge.js_value(per_node))
        return None

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return self.get(name)

    def __setattr__(self, name, value):
        if name.startswith("_"):
            object.__setattr__(self, name, value)
        else:
            self.set({name: value})


def _bridge_not_available(what):
    from ._errors import not_available

    return not_available(what)


def _lookup(status, key):
    if key not in status:
        raise KeyError(key)
    return status[key]


def _is_recorder(node_id, status):
    if status.get("element_type") == "recorder":
        return True
    return (status.get("model") or _models.get(node_id)) in _RECORDERS


def _events(node_id):
    raw = _bridge.call("NodeCollection.events", "events", node_id)
    events = {}
    for key in sorted(raw.object_keys()):
        events[key] = EventArray(js=getattr(raw, key), integer=(key == "senders"))
    return events


def _split_per_node(ids, params):
    """PyNEST: a list with one entry per node sets each node separately, except for parameters
    whose value is itself a list (spike_times, ...), which take the list as the value."""
    listed = {k: v for k, v in params.items() if _is_list(v)}
    if not listed:
        return params
    raw = _bridge.call("NodeCollection.set()", "getStatus", _bridge.js_value(ids[:1]))
    current = _bridge.normalize_status(_bridge.py_value(raw)[0])
    split = {}
    for key, value in listed.items():
        array_param = _is_list(current.get(key))
        if len(value) == len(ids) and (not array_param or all(_is_list(v) for v in value)):
            split[key] = list(value)
    if not split:
        return params
    return [
        {k: (split[k][i] if k in split else v) for k, v in params.items()} for i in range(len(ids))
    ]


def _runs(ids):
    """Split ids into (model, ids, step) parts the way NEST prints a collection."""
    models = [_models.get(i, "<unknown>") for i in ids]
    if len(ids) >= 2:
        step = ids[1] - ids[0]
        if step > 1 and all(b - a == step for a, b in zip(ids, ids[1:])) and len(set(models)) == 1:
            return [(models[0], list(ids), step)]
    runs = []
    for node_id, model in zip(ids, models):
        if runs and runs[-1][0] == model and runs[-1][1][-1] == node_id - 1:
            runs[-1][1].append(node_id)
        else:
            runs.append((model, [node_id], 1))
    return runs


def _jsonable(value):
    if isinstance(value, EventArray):
        return value.tolist()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value
