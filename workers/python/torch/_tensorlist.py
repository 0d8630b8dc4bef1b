"""What Tensor.tolist() returns here: the nested lists of numbers PyTorch gives, read lazily.

A recording of 1000 steps x 1000 neurons is a million numbers. Making a million Python floats
and then a million JavaScript numbers for the plots took most of a run's time, although the
generated program never reads them in Python: it only puts them into `response`. So tolist()
keeps a float32 copy of the tensor (a JS Float32Array, taken at the call, so later writes to
the tensor do not show) and makes Python numbers only for the rows Python code actually reads.
The runner (spikeblocks_runner.plain_data) hands an untouched TensorList to JavaScript as
Float32Array rows of that one copy (`_spikeblocks_js`), which the worker transfers, not copies.

To Python code it is a list: len, indexing, slices, iteration, sum, ==, repr, +, *, json.dumps,
copy, and the list methods (append, sort, ...). A change to it or to one of its rows makes it (and
the lists it is part of) convert value by value, as it is then. What differs from a real list:
isinstance(x, list) is False. (It cannot subclass list: C code such as json's encoder reads a
list's items directly and would see an empty list, silently.)
"""

import json
from collections.abc import MutableSequence


class TensorList(MutableSequence):
    __slots__ = ("_data", "_shape", "_offset", "_items", "_parent", "_changed")

    def __init__(self, data, shape, offset=0, parent=None):
        # data: the JS Float32Array copy of the whole tensor; shape: this level's dims (>= 1)
        self._data = data
        self._shape = tuple(shape)
        self._offset = offset
        self._items = None  # Python values, made on first read
        self._parent = parent
        self._changed = False

    # -- reading -------------------------------------------------------------------------------
    def _values(self):
        if self._items is None:
            n = self._shape[0]
            if len(self._shape) == 1:
                start = self._offset
                self._items = self._data.subarray(start, start + n).to_memoryview().tolist()
            else:
                inner = 1
                for d in self._shape[1:]:
                    inner *= d
                rest = self._shape[1:]
                self._items = [TensorList(self._data, rest, self._offset + k * inner, self) for k in range(n)]
        return self._items

    def __len__(self):
        return self._shape[0] if self._items is None else len(self._items)

    def __getitem__(self, index):
        return self._values()[index]

    def __iter__(self):
        return iter(self._values())

    def __reversed__(self):
        return reversed(self._values())

    def __contains__(self, value):
        return value in self._values()

    def index(self, *args):
        return self._values().index(*args)

    def count(self, value):
        return self._values().count(value)

    def _plain(self):
        """Real nested Python lists of the current values."""
        return [v._plain() if isinstance(v, TensorList) else v for v in self._values()]

    def copy(self):
        return list(self._values())

    def __repr__(self):
        return repr(self._values())

    def __reduce_ex__(self, protocol):
        # copy.copy, copy.deepcopy and pickle give real lists
        return (list, (self._plain(),))

    # -- comparing and combining, as lists do ----------------------------------------------------
    @staticmethod
    def _other(other):
        if isinstance(other, TensorList):
            return other._values()
        if isinstance(other, list):
            return other
        return None

    def _compare(self, other, op):
        values = self._other(other)
        return NotImplemented if values is None else op(self._values(), values)

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._compare(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    __hash__ = None  # mutable, as a list

    def __add__(self, other):
        values = self._other(other)
        if values is None:
            raise TypeError(f'can only concatenate list (not "{type(other).__name__}") to list')
        return self._values() + values

    def __radd__(self, other):
        values = self._other(other)
        if values is None:
            return NotImplemented
        return values + self._values()

    def __mul__(self, count):
        return self._values() * count

    __rmul__ = __mul__

    # -- changing: from then on it is converted as it is -------------------------------------------
    def _changing(self):
        items = self._values()
        node = self
        while node is not None and not node._changed:
            node._changed = True
            node = node._parent
        return items

    def __setitem__(self, index, value):
        self._changing()[index] = value

    def __delitem__(self, index):
        del self._changing()[index]

    def insert(self, index, value):
        self._changing().insert(index, value)

    def append(self, value):
        self._changing().append(value)

    def extend(self, values):
        self._changing().extend(values)

    def __iadd__(self, values):
        self._changing().extend(values)
        return self

    def __imul__(self, count):
        items = self._changing()
        items *= count
        return self

    def pop(self, index=-1):
        return self._changing().pop(index)

    def remove(self, value):
        self._changing().remove(value)

    def clear(self):
        self._changing().clear()

    def sort(self, *, key=None, reverse=False):
        self._changing().sort(key=key, reverse=reverse)

    def reverse(self):
        self._changing().reverse()

    # -- to JavaScript ---------------------------------------------------------------------------
    def _spikeblocks_js(self):
        """Float32Array rows (views of the one copy, nested as the lists are), or None when the
        list was changed since tolist(): then it is converted value by value."""
        if self._changed:
            return None
        from ._bridge import call, js_list

        return call("rowsOf", self._data, js_list(self._shape), self._offset)


def _json_default(encoder, value, _original=json.JSONEncoder.default):
    if isinstance(value, TensorList):
        return value._plain()
    return _original(encoder, value)


# json.dumps(z.tolist()) works as with PyTorch's real lists: the encoder asks `default` for types
# it does not know, and gets the nested lists.
if json.JSONEncoder.default.__name__ != "_json_default":
    json.JSONEncoder.default = _json_default
