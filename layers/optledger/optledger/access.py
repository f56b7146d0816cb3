"""Which brands a caller may see (DESIGN section 3: access is per brand). Who the caller is (IAM principal, console
user, API key) is worked out from the request by the HTTP layer (``api/auth.py``).

A restricted caller gets the same 403 for another brand's number, campaign, review or evidence as for one that does
not exist at all, so a refusal never tells them what other brands hold (``scoped`` below).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar

from optledger.errors import Conflict, Forbidden, NotFound

if TYPE_CHECKING:  # the type only: importing this module never drags in the store
    from optledger.campaigns import Directory

T = TypeVar("T")

REFUSED = "not allowed for this caller"


@dataclass(frozen=True)
class Caller:
    identity: str  # who, as recorded in the ledger (an IAM ARN, a user name, a key fingerprint)
    kind: str  # "iam", "user" or "api_key"
    brands: frozenset[str] | None  # None: every brand

    @property
    def restricted(self) -> bool:
        return self.brands is not None

    def allows(self, brand: str) -> bool:
        return self.brands is None or brand in self.brands

    def require(self, brand: str | None) -> None:
        """A brand named by the request: refused (without saying whether it exists) unless allowed."""
        if brand is not None and not self.allows(brand):
            raise Forbidden(REFUSED)

    @contextmanager
    def discreet(self) -> Iterator[None]:
        """A conflict told to a restricted caller keeps its message but not its fields, which may name another
        brand's campaign."""
        try:
            yield
        except Conflict as error:
            if not self.restricted:
                raise
            raise Conflict(error.message) from None

    def directory(self, full: Directory) -> Directory:
        """The campaigns this caller may see: every lookup through it stays inside the caller's brands."""
        if self.brands is None:
            return full
        return replace(full, by_id={cid: c for cid, c in full.by_id.items() if c.brand in self.brands})

    def describe(self) -> dict[str, Any]:
        return {
            "identity": self.identity,
            "kind": self.kind,
            "brands": "*" if self.brands is None else sorted(self.brands),
        }


def scoped(caller: Caller, call: Callable[[], T]) -> T:
    """Run a route for ``caller``: for a restricted caller "not found" becomes the same 403 as another brand's data,
    so a refusal says nothing about what exists outside the caller's brands."""
    if not caller.restricted:
        return call()
    try:
        return call()
    except NotFound:
        raise Forbidden(REFUSED) from None


def allowed_brands(caller: Caller, brands: Iterable[str]) -> list[str]:
    return sorted(b for b in brands if caller.allows(b))
