"""Markdown to safe HTML: markdown-it renders, nh3 (ammonia) sanitises."""

from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

# The gender star of German texts ("Bürger*innen", "Nutzer*innenzahl"): a star between a
# letter and "in". CommonMark would read two of them in a line as emphasis
# ("Autofahrer*innen und Anwohner*innen" in italics).
_GENDER_STAR = re.compile(r"\*in")


def _gender_star(state, silent: bool) -> bool:
    """An inline rule run before emphasis: such a star is plain text."""
    position = state.pos
    if state.src[position] != "*" or position == 0 or not state.src[position - 1].isalpha():
        return False
    if not _GENDER_STAR.match(state.src, position):
        return False
    if not silent:
        state.pending += "*"
    state.pos += 1
    return True


# Raw HTML in Markdown is not rendered at all; nh3 then removes anything unsafe that remains.
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
_markdown.inline.ruler.before("emphasis", "gender_star", _gender_star)

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "del",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}, "ol": {"start"}}


def render_markdown(text: str | None) -> Markup:
    html = _markdown.render(text or "")
    # Headings start at h2: the page title is the only h1.
    for level in range(5, 0, -1):
        html = html.replace(f"<h{level}>", f"<h{level + 1}>").replace(
            f"</h{level}>", f"</h{level + 1}>"
        )
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return Markup(clean)
