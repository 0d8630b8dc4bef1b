"""A light, read-only stand-in for the numpy arrays PyNEST returns as recorder events.

numpy is not available in the offline Pyodide, and copying a recording into a Python list would
cost time and memory for nothing: the data usually goes straight back to JavaScript for plotting.
So an EventArray keeps the kernel's Float64Array as it is (handed back to JS without a copy) and
only makes a compact Python copy (a memoryview of doubles) when the program reads values.
"""


class EventArray:
    __slots__ = ("_js", "_mv", "_integer")

    def __init__(self, js=None, mv=None, integer=False):
        # js: a JsProxy of a Float64Array; mv: a memoryview of format 'd'. One of them is enough.
        self._js = js
        self._mv = mv
        self._integer = integer  # senders are node ids: ints, as in NEST

    # -- the data, fetched lazily ------------------------------------------------------------
    def _values(self):
        if self._mv is None:
            self._mv = self._js.to_memoryview()
        return self._mv

    def _item(self, x):
        return int(x) if self._integer else x

    # -- sequence protocol ----------------------------------------------------------------------
    def __len__(self):
        if self._mv is None and self._js is not None:
            return self._js.length
        return len(self._mv)

    def __getitem__(self, index):
        values = self._values()
        if isinstance(index, slice):
            return EventArray(mv=values[index], integer=self._integer)
        if isinstance(index, bool) or not isinstance(index, int):
            if hasattr(index, "__index__"):
                index = index.__index__()
            else:
                raise IndexError(
                    "only integers and slices are valid indices of recorded events "
                    "(the local engine has no numpy arrays)"
                )
        return self._item(values[index])

    def __iter__(self):
        values = self._values()
        if self._integer:
            return (int(x) for x in values)
        return iter(values)

    def __contains__(self, value):
        return any(x == value for x in self)

    def __bool__(self):
        # As numpy: only an array of at most one element has a truth value.
        if len(self) > 1:
            raise ValueError(
                "The truth value of an array with more than one element is ambiguous. Use len(a) > 0"
            )
        return bool(len(self) and self[0])

    def __eq__(self, other):
        if isinstance(other, (EventArray, list, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None

    def tolist(self):
        return list(self)

    @property
    def size(self):
        return len(self)

    @property
    def shape(self):
        return (len(self),)

    @property
    def dtype(self):
        return "int64" if self._integer else "float64"

    def to_js(self):
        """The values as a JS Float64Array: the kernel's own array when there is one."""
        if self._js is not None and self._mv is None:
            return self._js
        if self._js is not None and len(self._mv) == self._js.length:
            return self._js
        import js

        return js.Float64Array.new(self._mv.tolist())

    def __repr__(self):
        n = len(self)
        values = list(self[:3]) + (["..."] if n > 6 else []) + (list(self[-3:]) if n > 3 else [])
        if n <= 6:
            values = list(self)
        text = ", ".join(str(v) for v in values)
        return f"array([{text}])" if self._integer else f"array([{text}], dtype=float64)"

    def _no_numpy(self, *args):
        raise TypeError(
            "arithmetic on recorded events needs numpy, which the local engine does not have: "
            "use a list, e.g. [t + 1 for t in events['times']], or run on NEST Server"
        )

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _no_numpy
    __truediv__ = __rtruediv__ = __lt__ = __le__ = __gt__ = __ge__ = _no_numpy
