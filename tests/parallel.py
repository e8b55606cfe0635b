"""The order of the tests, and how ``make test`` shares them between two cores.

``make test`` runs pytest-xdist's workers (``-n``) with ``--dist loadgroup``
and ``--no-loadscope-reorder`` (pyproject.toml): each worker asks for the
next work unit in the order below when it is nearly done with its last, and
the tests of a group are one unit, on one worker.

Groups are for module fixtures too costly to make on both workers: the
fork's build. Session fixtures that every
worker needs (the real site and the tiny site) are built once by whichever
worker asks first (see ``built_once`` in conftest.py).

pytest-xdist 3.8 finds a test's group in its node ID, which it changes to
add the group; pytest 9.2 no longer lets it, so the groups would be ignored
(pytest-dev/pytest-xdist#1386). The workers therefore also write the groups
to a file that the scheduler here reads.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest

#: The key, in each worker's ``workerinput``, of the file of groups.
GROUPS_FILE = "test_plan_groups"


def group_of(item: pytest.Item) -> str | None:
    if "fork" in item.fixturenames and item.path.name == "test_fork.py":
        return "fork"
    return None


#: The test that runs first: it needs the real site and is the longest
#: stretch on one core of the tests that do (a PDF checker written in Python).
FIRST = "test_every_pdf_passes_outloud"


def stage_of(item: pytest.Item) -> int:
    """0 runs first and 3 last.

    0. One long test that needs the real site: the worker that takes it
       builds the real site (its PDFs on every core) and then checks every
       PDF, so that no worker waits idle for the real site later.
    1. Meanwhile the other worker runs the builds that need no real site.
    2. Then both run the tests that read the real site, the accessibility
       checks first, as they are the longest of them.
    3. Last the quick tests, which even out the finish.
    """
    if item.name == FIRST:
        return 0
    if item.get_closest_marker("build") is None:
        return 3
    return 2 if "built_real_site" in item.fixturenames else 1


def _weight(item: pytest.Item) -> int:
    """Within stage 2, the accessibility shares first."""
    return 0 if item.name.startswith("test_every_page_is_accessible") else 1


class TestPlan:
    """The plugin: orders the tests; under pytest-xdist, groups them."""

    __test__ = False  # not a test class, though its name starts with Test

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.folder: Path | None = None
        if config.pluginmanager.hasplugin("xdist"):
            config.pluginmanager.register(_XdistGroups(self), "test-plan-xdist")

    @pytest.hookimpl(tryfirst=True)
    def pytest_collection_modifyitems(self, config: pytest.Config, items: list[pytest.Item]) -> None:
        groups = {}
        for item in items:
            group = group_of(item)
            if group:
                item.add_marker(pytest.mark.xdist_group(group))
                groups[item.nodeid] = group
        items.sort(key=lambda item: (stage_of(item), _weight(item) if stage_of(item) == 2 else 0))
        workerinput: dict[str, Any] | None = getattr(config, "workerinput", None)
        if workerinput and GROUPS_FILE in workerinput:
            path = Path(workerinput[GROUPS_FILE])
            mine = path.with_name(f"{path.name}.{workerinput['workerid']}")
            mine.write_text(json.dumps(groups), encoding="utf-8")
            os.replace(mine, path)  # every worker collects the same tests, so writes the same groups


class _XdistGroups:
    """The controller's side: hands each worker the file of groups, and schedules by it."""

    def __init__(self, plan: TestPlan) -> None:
        self.plan = plan
        self.path: Path | None = None

    def pytest_configure_node(self, node: Any) -> None:
        if self.path is None:
            folder = Path(tempfile.mkdtemp(prefix="test-plan-"))
            self.plan.config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
            self.path = folder / "groups.json"
        node.workerinput[GROUPS_FILE] = str(self.path)

    @pytest.hookimpl(tryfirst=True)
    def pytest_xdist_make_scheduler(self, config: pytest.Config, log: Any) -> Any:
        if config.getoption("dist") != "loadgroup":
            return None
        from xdist.scheduler import LoadGroupScheduling

        plan = self

        class GroupsFromFile(LoadGroupScheduling):  # type: ignore[misc]
            groups: dict[str, str] | None = None

            def _split_scope(self, nodeid: str) -> str:
                if self.groups is None:
                    assert plan.path is not None and plan.path.is_file(), "the workers wrote no groups"
                    self.groups = json.loads(plan.path.read_text(encoding="utf-8"))
                return self.groups.get(nodeid) or str(super()._split_scope(nodeid))

        return GroupsFromFile(config, log)
