"""VERIFY.md of a bundle. Its text lives in ``optledger/data/VERIFY.md.template`` (``$kind``, ``$brand`` and ``$scope``
are filled in per bundle; not named ``.md`` so that ruff leaves its Python blocks byte for byte). The script it holds
must keep checking what the writer writes: tests/unit/test_bundles.py runs it."""

from __future__ import annotations

from functools import cache
from importlib import resources
from string import Template

from optledger.bundles.info import BundleInfo


@cache
def _template() -> Template:
    return Template(resources.files("optledger").joinpath("data", "VERIFY.md.template").read_text(encoding="utf-8"))


def verify_doc(info: BundleInfo) -> str:
    scope = (
        f"all events of campaign `{info.campaign}` recorded on {str(info.period.get('from'))[:10]} (UTC)"
        if info.kind == "daily"
        else "the whole hash chain of one phone number, from seq 1"
    )
    if info.part is not None:
        scope += (
            f", of the numbers in shard {info.part[0]} of {info.part[1]} of the day index (manifest `part`: the day"
            f" is written in {info.part[1]} parts; the anchor holds this part's root and count under"
            f" `parts[{info.part[0]}].campaigns.{info.campaign}`)"
        )
    return _template().substitute(kind=info.kind, brand=info.brand, scope=scope)
