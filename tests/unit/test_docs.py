"""The README and docs/ stand on their own: every link resolves to a file of this repository (and, for a Markdown
page, to one of its headings), nothing points outside the checkout, and nothing cites ``../shared``, which a clone
does not have. Plain file reads, no network."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def documents(root: Path = ROOT) -> list[Path]:
    return [root / "README.md", *sorted((root / "docs").rglob("*.md"))]


def _prose_lines(text: str) -> list[tuple[int, str]]:
    """The lines outside fenced code blocks, with their numbers (an example in a code block is no link)."""
    lines, fenced = [], False
    for number, line in enumerate(text.splitlines(), 1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            lines.append((number, line))
    return lines


def links(text: str) -> list[tuple[int, str]]:
    found = []
    for number, line in _prose_lines(text):
        # Drop code spans first: `[x](y)` inside backticks is an example, not a link.
        prose = re.sub(r"`[^`]*`", "``", line)
        found.extend((number, target) for target in INLINE_LINK.findall(prose))
        reference = REFERENCE_LINK.match(prose)
        if reference:
            found.append((number, reference.group(1)))
    return found


def slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link in a heading anchors on its text
    text = text.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    seen: dict[str, int] = {}
    result = set()
    for _, line in _prose_lines(path.read_text(encoding="utf-8")):
        match = HEADING.match(line)
        if not match:
            continue
        base = slug(match.group(1))
        count = seen.get(base, 0)
        seen[base] = count + 1
        result.add(base if count == 0 else f"{base}-{count}")
    return result


def problems(document: Path, root: Path = ROOT) -> list[str]:
    """Every link of ``document`` that does not resolve inside ``root``, and every mention of ../shared."""
    text = document.read_text(encoding="utf-8")
    name = document.relative_to(root).as_posix()
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        if "../shared" in line or "shared/DESIGN" in line:
            found.append(f"{name}:{number}: cites ../shared, which a clone of the repository does not have")
    for number, target in links(text):
        where = f"{name}:{number}: {target}"
        if SCHEME.match(target):
            if target.startswith("file:"):
                found.append(f"{where}: a file: URL points outside the repository")
            continue  # a web address: not checked here (no network)
        path_part, _, fragment = target.partition("#")
        if path_part.startswith("/"):
            found.append(f"{where}: an absolute path is not a path of the repository")
            continue
        resolved = (document.parent / path_part).resolve() if path_part else document.resolve()
        if not resolved.is_relative_to(root.resolve()):
            found.append(f"{where}: points outside the repository")
            continue
        if not resolved.exists():
            found.append(f"{where}: no such file in the repository")
            continue
        if fragment and resolved.suffix == ".md" and fragment not in anchors(resolved):
            found.append(f"{where}: no heading #{fragment} in {resolved.relative_to(root.resolve()).as_posix()}")
    return found


@pytest.mark.parametrize("document", documents(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_link_resolves_inside_the_repository(document: Path) -> None:
    assert problems(document) == []


def test_docs_exist_and_are_linked_from_their_index() -> None:
    index = (ROOT / "docs" / "README.md").read_text(encoding="utf-8")
    pages = sorted(p.name for p in (ROOT / "docs").glob("*.md") if p.name != "README.md")
    assert {"api.md", "rules.md", "campaigns.md", "events.md", "bundles.md", "configuration.md"} <= set(pages)
    linked = {target.partition("#")[0] for _, target in links(index)}
    assert [p for p in pages if p not in linked] == []


def test_the_checker_finds_what_it_must(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "real.md").write_text("# A heading\n", encoding="utf-8")
    (tmp_path / "README.md").write_text(
        "\n".join(
            [
                "See `../shared/DESIGN.md`.",
                "[outside](../outside.md) [missing](docs/missing.md) [absolute](/etc/passwd)",
                "[good](docs/real.md) [anchor](docs/real.md#a-heading) [bad anchor](docs/real.md#nope)",
                "[web](https://example.com/x) `[code](nowhere.md)`",
                "```",
                "[in a fence](nowhere.md)",
                "```",
            ]
        ),
        encoding="utf-8",
    )
    found = problems(tmp_path / "README.md", root=tmp_path)
    assert len(found) == 5, found
    assert "../shared" in found[0]
    assert [p.split(": ", 2)[1] for p in found[1:]] == [
        "../outside.md",
        "docs/missing.md",
        "/etc/passwd",
        "docs/real.md#nope",
    ]


def test_heading_anchors_follow_github() -> None:
    assert slug("Campaigns: `PUT /campaigns/{id}`, `GET /campaigns`") == "campaigns-put-campaignsid-get-campaigns"
    assert slug("End User Messaging opt-out sync") == "end-user-messaging-opt-out-sync"
