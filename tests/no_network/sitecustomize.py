"""Loaded by Python at start-up when this folder is on PYTHONPATH: no network.

The offline test uses it where the machine does not allow a network
namespace (``unshare -n``). Any attempt to resolve a name or connect to an
address other than this machine raises OSError, in this process and in
every Python process it starts.
"""

from __future__ import annotations

import socket

_LOCAL = {"127.0.0.1", "::1", "localhost", "", None}
_real_connect = socket.socket.connect
_real_getaddrinfo = socket.getaddrinfo


def _refuse(address: object) -> None:
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(address, str | bytes) and not isinstance(address, tuple):
        return  # a Unix socket: local by nature
    if host not in _LOCAL:
        raise OSError(f"network disabled for the offline test: refused to connect to {host}")


def _connect(self: socket.socket, address: object) -> None:
    _refuse(address)
    _real_connect(self, address)


def _getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
    if host not in _LOCAL:
        raise socket.gaierror(f"network disabled for the offline test: refused to look up {host}")
    return _real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]


socket.socket.connect = _connect  # type: ignore[method-assign]
socket.getaddrinfo = _getaddrinfo  # type: ignore[assignment]
