"""SynapseCollection and nest.GetConnections, with PyNEST 3.10's return shapes.

A SynapseCollection holds the kernel's indices of some connections, in the order NEST lists
them (by synapse model, then source; see NestKernel.getConnections). One connection answers
with plain values (c.weight → 1.0), several with lists (c.weight → [1.0, 2.0]).
"""

import numbers

from . import _bridge
from ._nodes import NodeCollection


# connection status values PyNEST returns as int
_INTEGER_KEYS = frozenset("source target port receptor target_thread sizeof synapse_id".split())


class SynapseCollection:
    __slots__ = ("_index",)

    def __init__(self, index=()):
        object.__setattr__(self, "_index", tuple(int(i) for i in index))

    def __len__(self):
        return len(self._index)

    def __iter__(self):
        return (SynapseCollection((i,)) for i in self._index)

    def __getitem__(self, key):
        if isinstance(key, slice):
            return SynapseCollection(self._index[key])
        if isinstance(key, numbers.Integral) and not isinstance(key, bool):
            if not -len(self) <= key < len(self):
                raise IndexError("Index out of range")
            return SynapseCollection((self._index[key],))
        raise IndexError("only integers and slices are valid indices")

    def __eq__(self, other):
        return isinstance(other, SynapseCollection) and self._index == other._index

    __hash__ = None

    def _columns(self, keys):
        """{key: list of values} from the kernel's columns (keys no connection has are absent)."""
        raw = _bridge.call("SynapseCollection.get()", "getConnectionColumns",
                           _bridge.js_value(list(self._index)), _bridge.js_value(list(keys)))
        out = {}
        for key in keys:
            col = getattr(raw, key, None)
            if col is None:
                continue
            if key == "synapse_model":
                out[key] = list(col.to_py())
            elif key in _INTEGER_KEYS:
                out[key] = [int(x) for x in col.to_py()]
            else:
                out[key] = col.to_py().tolist()
        return out

    def _statuses(self):
        raw = _bridge.call("SynapseCollection.get()", "getConnectionStatus", _bridge.js_value(list(self._index)))
        return [_bridge.normalize_status(s) for s in _bridge.py_value(raw)]

    def get(self, keys=None, output=""):
        if output not in ("", None):
            from ._errors import not_available

            raise not_available(f"SynapseCollection.get(output={output!r})")
        if len(self) == 0:
            return {} if keys is None or isinstance(keys, (list, tuple)) else ()
        single = len(self) == 1
        if isinstance(keys, str):
            column = self._columns([keys])
            if single:
                if keys not in column:
                    raise KeyError(keys)
                return column[keys][0]
            # NEST 3.10 gives an empty list for a key no connection has
            return column.get(keys, [])
        if not single and isinstance(keys, (list, tuple)) and all(isinstance(k, str) for k in keys):
            columns = self._columns(keys)
            for k in keys:
                if k not in columns:
                    raise KeyError(k)
            return {k: columns[k] for k in keys}
        statuses = self._statuses()
        if keys is None:
            if single:
                return statuses[0]
            common = sorted(k for k in statuses[0] if all(k in s for s in statuses))
            return {k: [s[k] for s in statuses] for k in common}
        if isinstance(keys, str):
            return _lookup(statuses[0], keys)
        if isinstance(keys, (list, tuple)):
            if single:
                return {k: _lookup(statuses[0], k) for k in keys}
            return {k: [_lookup(s, k) for s in statuses] for k in keys}
        raise TypeError("keys should be either a string or an iterable")

    def set(self, params=None, **kwargs):
        if kwargs:
            if params is not None:
                raise TypeError("must either provide params or kwargs, but not both.")
            params = kwargs
        if params is None:
            return None
        n = len(self)
        if isinstance(params, (list, tuple)):
            if len(params) != n or not all(isinstance(p, dict) for p in params):
                raise TypeError("params must be a dict or a list of dicts of length len(SynapseCollection)")
            per = [dict(p) for p in params]
        elif isinstance(params, dict):
            listed = {k: v for k, v in params.items() if isinstance(v, (list, tuple))}
            if listed:
                for v in listed.values():
                    if len(v) < n:
                        raise IndexError("list index out of range")
                per = [{k: (v[i] if k in listed else v) for k, v in params.items()} for i in range(n)]
            else:
                per = params
        else:
            raise TypeError("params must be a dict or a list of dicts")
        _bridge.call("SynapseCollection.set()", "setConnectionStatus", _bridge.js_value(list(self._index)), _bridge.js_value(per))
        return None

    def sources(self):
        return iter(self._column("source"))

    def targets(self):
        return iter(self._column("target"))

    def _column(self, key):
        value = self.get(key)
        return [value] if len(self) == 1 else list(value)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return self.get(name)

    def __setattr__(self, name, value):
        if name.startswith("_"):
            raise AttributeError(name)
        self.set({name: value})

    def __str__(self):
        if len(self) == 0:
            return "The synapse collection does not contain any connections."
        st = self._statuses()
        lines = [" source   target   synapse model   weight   delay ",
                 "-------- -------- --------------- -------- -------"]
        for s in st:
            lines.append(f"{s['source']:>7} {s['target']:>8} {s['synapse_model']:>15} {s['weight']:>8.3f} {s['delay']:>7.3f}")
        return "\n".join(lines)

    __repr__ = __str__


SynapseCollection.__module__ = "nest"


def _lookup(status, key):
    if key not in status:
        raise KeyError(key)
    return status[key]


def _filter_ids(value, name):
    if value is None:
        return None
    if isinstance(value, NodeCollection):
        return list(value._ids)
    raise TypeError(f"{name} must be NodeCollection.")


def GetConnections(source=None, target=None, synapse_model=None, synapse_label=None):
    """The connections from `source` to `target` (NodeCollections; None: any) of `synapse_model`."""
    if synapse_label is not None:
        from ._errors import not_available

        raise not_available("nest.GetConnections(synapse_label=...)")
    src = _filter_ids(source, "source")
    tgt = _filter_ids(target, "target")
    if synapse_model is not None and not isinstance(synapse_model, str):
        raise TypeError("synapse_model must be a string")
    raw = _bridge.call(
        "nest.GetConnections()",
        "getConnections",
        None if src is None else _bridge.js_value(src),
        None if tgt is None else _bridge.js_value(tgt),
        synapse_model,
    )
    index = raw.index.to_py() if hasattr(raw.index, "to_py") else raw.index
    return SynapseCollection(list(index))
