"""NEST's exception classes, by the names NEST 3.10 uses.

Real PyNEST puts them in a module called ``NESTErrors`` (``nest.NESTErrors.BadProperty``), all
derived from ``KernelException``. Programs catch them by these names, so the names matter.
"""

import types

# The exception names NEST 3.10 defines (nest.NESTErrors), in its own order.
_NAMES = (
    "BackendAlreadyRegistered BackendNotPrepared BackendPrepared BadDelay BadParameter "
    "BadParameterValue BadProperty DimensionMismatch DistributionError "
    "DynamicModuleManagementError GSLSolverFailure IOError IllegalConnection "
    "IncompatibleReceptorType InexistentConnection InternalError InvalidDefaultResolution "
    "InvalidTimeInModel KeyError LayerExpected LayerNodeExpected LocalNodeExpected MPIErrorCode "
    "MPIPortsFileMissing MPIPortsFileUnknown MUSICChannelAlreadyMapped MUSICChannelUnknown "
    "MUSICPortAlreadyPublished MUSICPortHasNoWidth MUSICPortUnconnected MUSICPortUnknown "
    "MUSICSimulationHasRun ModelInUse NamingConflict NewModelNameExists "
    "NoThreadSiblingsAvailable NodeWithProxiesExpected NotImplemented NumericalInstability "
    "RangeCheck StepMultipleRequired TimeMultipleRequired TypeMismatch UnaccessedDictionaryEntry "
    "UndefinedName UnexpectedEvent UnknownCompartment UnknownComponent UnknownModelName "
    "UnknownNode UnknownPort UnknownReceptorType UnknownSynapseType UnknownThread "
    "UnmatchedSteps UnsupportedEvent"
).split()


class KernelException(Exception):
    """Base class of every error the NEST kernel reports."""


KernelException.__module__ = "NESTErrors"

NESTErrors = types.ModuleType("NESTErrors", "Exceptions raised by the NEST kernel.")
NESTErrors.KernelException = KernelException
for _name in _NAMES:
    setattr(NESTErrors, _name, type(_name, (KernelException,), {"__module__": "NESTErrors"}))


def nest_error(nest_name, message):
    """The Python exception for a kernel error called `nest_name` (KernelException if unknown)."""
    cls = getattr(NESTErrors, nest_name, None)
    if not (isinstance(cls, type) and issubclass(cls, KernelException)):
        cls = KernelException
    return cls(message)


class NotAvailableInLocalEngine(NotImplementedError):
    """A PyNEST feature the in-browser engine does not implement. The program itself may be
    fine: it would run on a real NEST (NEST Server)."""


NotAvailableInLocalEngine.__module__ = "nest"


def not_available(what):
    return NotAvailableInLocalEngine(
        f"{what} is not available in the local engine — run this program on NEST Server"
    )
