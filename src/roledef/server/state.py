"""Every role file of the workspace, checked once, and the cross-file pass over them.

Each file's checked result is kept (its findings before suppression, and the digests the
cross-file rules compare); a change replaces one file's result, and the cross-file rules run
again over the kept digests, in path order as in ``roledef lint``, without reading any file. When
the changed file's digests are the same as before (most edits), the other files' cross-file
findings cannot change and only its own findings are made again.

Files are grouped by the config they were checked with: the cross-file rules compare the files
of one config, as one ``roledef lint`` run of that project does.
"""

from __future__ import annotations

from collections.abc import Iterable

from roledef.config import Config
from roledef.findings import Finding
from roledef.lint.finish import CrossFile, final
from roledef.lint.result import FileResult

#: A config's identity: its file and root (a config read again after an edit keeps it).
GroupKey = tuple[str | None, str]


def group_key(config: Config) -> GroupKey:
    return (config.source, config.root)


class Group:
    """The files checked with one config."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.results: dict[str, FileResult] = {}
        self.cross: dict[str, list[Finding]] = {}
        self.finals: dict[str, list[Finding]] = {}

    def put(self, result: FileResult) -> set[str]:
        """Keep ``result`` (replacing the file's last) and return the paths whose final
        findings changed."""
        path = result.path
        before = self.results.get(path)
        self.results[path] = result
        if before is not None and before.digests == result.digests and path in self.cross:
            return self._final_of(path)
        return self.rerun()

    def drop(self, path: str) -> set[str]:
        """Forget a file (deleted, or no longer a role file); return the paths that changed."""
        if self.results.pop(path, None) is None:
            return set()
        self.finals.pop(path, None)
        self.cross.pop(path, None)
        return {path} | self.rerun()

    def rerun(self) -> set[str]:
        """The cross-file pass over every file, in path order; the paths whose findings changed."""
        cross = CrossFile(self.config)
        changed: set[str] = set()
        for path in sorted(self.results):
            result = self.results[path]
            self.cross[path] = [] if result.skipped else cross.add(result)
            changed |= self._final_of(path)
        return changed

    def _final_of(self, path: str) -> set[str]:
        result = self.results[path]
        found = [] if result.skipped else sorted(final(result, self.cross[path], self.config))
        if self.finals.get(path) == found and path in self.finals:
            return set()
        self.finals[path] = found
        return {path}


class State:
    """The workspace's groups of files, by config."""

    def __init__(self) -> None:
        self.groups: dict[GroupKey, Group] = {}

    def group(self, config: Config) -> Group:
        """The group of ``config``; a config that changed starts its group again (its files must
        be checked again by the caller: see :meth:`stale`)."""
        key = group_key(config)
        found = self.groups.get(key)
        if found is None or found.config != config:
            found = self.groups[key] = Group(config)
        return found

    def stale(self, config: Config) -> bool:
        """Whether the group of ``config`` was checked with another version of it (or never)."""
        found = self.groups.get(group_key(config))
        return found is None or found.config != config

    def forget(self, config: Config) -> bool:
        """Forget the group of ``config``'s file and root (checked with another version of
        it); whether there was one."""
        return self.groups.pop(group_key(config), None) is not None

    def findings(self, path: str) -> list[Finding] | None:
        """A file's final findings, or None when it is not known."""
        for group in self.groups.values():
            if path in group.finals:
                return group.finals[path]
        return None

    def put_many(self, config: Config, results: Iterable[FileResult]) -> set[str]:
        """Keep many files' results at once (a scan), then one cross-file pass."""
        group = self.group(config)
        for result in results:
            group.results[result.path] = result
        return group.rerun()

    def put(self, config: Config, result: FileResult) -> set[str]:
        """Keep one file's new result; a file moves out of any other group it was in."""
        changed: set[str] = set()
        key = group_key(config)
        for other_key, other in self.groups.items():
            if other_key != key and result.path in other.results:
                changed |= other.drop(result.path)
        return changed | self.group(config).put(result)

    def drop(self, path: str) -> set[str]:
        changed: set[str] = set()
        for group in self.groups.values():
            changed |= group.drop(path)
        return changed
