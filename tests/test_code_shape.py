"""The shape of the code in src/: small classes and functions, and a docstring on every public name.

Issue 18 asks for small modules with one concept each (as Flask and Click are written): a reader
should meet no class over 300 lines and no function over 80, and every public function, class
and method says what it is for. Walking the syntax trees keeps it so as the code grows.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
MAX_CLASS_LINES = 300
MAX_FUNCTION_LINES = 80


def _definitions():
    """Every class and function in src/ with its file and whether it is public (its name and the
    names of the classes it is defined in start without an underscore; nested functions are not)."""
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        stack = [(node, True) for node in tree.body]
        while stack:
            node, reachable = stack.pop()
            if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                public = reachable and not node.name.startswith("_")
                yield path.relative_to(SRC), node, public
                inner_reachable = public and isinstance(node, ast.ClassDef)
                stack.extend((child, inner_reachable) for child in node.body)
            elif isinstance(node, (ast.If, ast.Try)):
                stack.extend((child, reachable) for child in node.body)


def _lines(node) -> int:
    return node.end_lineno - node.lineno + 1


def _is_overload_or_protocol_stub(node) -> bool:
    body = node.body
    return len(body) == 1 and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
        and body[0].value.value is Ellipsis


def test_walk_finds_the_code():
    found = {(str(p), n.name) for p, n, _ in _definitions()}
    assert ("iscm_kg/web/site.py", "Site") in found
    assert ("iscm_kg/web/grouping.py", "outgoing") in found
    assert len(found) > 300


def test_no_class_over_300_lines():
    long = [f"{p}:{n.lineno} {n.name} ({_lines(n)} lines)" for p, n, _ in _definitions()
            if isinstance(n, ast.ClassDef) and _lines(n) > MAX_CLASS_LINES]
    assert not long, long


def test_no_function_over_80_lines():
    long = [f"{p}:{n.lineno} {n.name} ({_lines(n)} lines)" for p, n, _ in _definitions()
            if not isinstance(n, ast.ClassDef) and _lines(n) > MAX_FUNCTION_LINES]
    assert not long, long


def test_every_public_function_and_class_has_a_docstring():
    missing = [f"{p}:{n.lineno} {n.name}" for p, n, public in _definitions()
               if public and not ast.get_docstring(n) and not _is_overload_or_protocol_stub(n)]
    assert not missing, f"{len(missing)} without a docstring: {missing}"
