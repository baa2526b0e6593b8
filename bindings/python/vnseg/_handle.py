"""Base of the classes that own one C handle (documents, readers, gazetteers, models, ...):
close() frees it now, and `with` and, as a last resort, the garbage collector call close()."""
from ._lib import lib


class Handle:
    """Owns `_handle`, freed by the C function named `_free`; `_name` names the object in the
    error raised when it is used after close(). Subclasses that hold more (files, buffers,
    objects using this one) extend close() and call Handle.close() from it."""
    __slots__ = ()  # subclasses choose: a __dict__, or slots of their own
    _handle = None
    _free = ""
    _name = "object"

    def close(self):
        handle, self._handle = self._handle, None
        if handle:
            getattr(lib, self._free)(handle)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        if self._needs_close():
            self.close()

    def _needs_close(self):
        return bool(getattr(self, "_handle", None))

    def _h(self):
        if not self._handle:
            raise ValueError("the %s is closed" % self._name)
        return self._handle
