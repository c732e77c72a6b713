"""Paths and output: missing, odd and unreadable inputs, unwritable or full outputs, and
interrupted writes. Each bad file gets one clear line and exit 2; the rest of the batch is done;
no original is ever damaged and no temporary file is left behind."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from roledef.write.atomic import OutputError, write_atomic
from tests.helpers.robust import ROLE, assert_no_traceback, run_cli, write

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def batch(tmp_path: Path) -> dict[str, Path]:
    """A good file, then every kind of bad path, then another good file."""
    (tmp_path / "a folder").mkdir()
    loop = tmp_path / "loop.md"
    loop.symlink_to(tmp_path / "loop.md")
    return {
        "good": write(tmp_path / "good role.md", ROLE),  # a space in the name
        "missing": tmp_path / "missing.md",
        "folder": tmp_path / "a folder",
        "loop": loop,
        "dangling": _dangling(tmp_path),
        "noext": write(tmp_path / "Customer Success Manager", ROLE.replace("Site", "Other")),
    }


def _dangling(tmp_path: Path) -> Path:
    link = tmp_path / "dangling.md"
    link.symlink_to(tmp_path / "nowhere.md")
    return link


BAD = {"missing": "no such file", "folder": "directory", "loop": "", "dangling": "no such file"}


def test_convert_batch_answers_every_file(tmp_path: Path, batch: dict[str, Path]) -> None:
    out = tmp_path / "out"
    result = run_cli("convert", "--output-dir", str(out), *map(str, batch.values()))
    assert_no_traceback(result)
    assert result.rc == 2
    # a folder is walked for role files, as lint walks it (this one has none): not an error
    bad = {k: w for k, w in BAD.items() if k != "folder"}
    assert len(result.err_lines) == len(bad), result.err
    for key, word in bad.items():
        line = next(ln for ln in result.err_lines if f"{batch[key]}:" in ln)
        assert word in line
    assert sorted(p.name for p in out.iterdir()) == [
        "Customer Success Manager.yaml",
        "good role.yaml",
    ]


def test_lint_batch_answers_every_file(batch: dict[str, Path]) -> None:
    import json

    result = run_cli("lint", "--output-format", "json", *map(str, batch.values()))
    assert_no_traceback(result)
    assert result.rc == 2
    findings = json.loads(result.out)
    unreadable = {f["path"] for f in findings if f["rule"] == "unreadable-file"}
    # a folder is walked for role files (this one has none): not an error for lint
    assert unreadable == {str(batch[k]) for k in BAD if k != "folder"}
    # the good files were still checked, and one bad file hides nothing of them
    alone = json.loads(run_cli("lint", "--output-format", "json", str(batch["noext"])).out)
    assert [f for f in findings if f["path"] == str(batch["noext"])] == alone


def test_an_unreadable_file_is_named_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = write(tmp_path / "secret.md", ROLE)
    good = write(tmp_path / "good.md", ROLE)
    if IS_ROOT:
        # root reads through chmod 000; make the read itself fail as it does for other users
        import builtins

        real_open = builtins.open

        def deny(file: object, *args: object, **kwargs: object) -> object:
            if isinstance(file, (str, Path)) and Path(file) == secret:
                raise PermissionError(errno.EACCES, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr(builtins, "open", deny)
    else:
        secret.chmod(0)
    out = tmp_path / "out"
    result = run_cli("convert", "--output-dir", str(out), str(secret), str(good))
    assert result.rc == 2
    assert result.err_lines == [f"roledef: {secret}: permission denied"]
    assert (out / "good.yaml").is_file()
    linted = run_cli("lint", str(secret), str(good))
    assert linted.rc == 2 and f"{secret}:1:1" in linted.out and "permission denied" in linted.out


def _deny_writes_in(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``folder`` read-only: for real, or (as root, who writes anyway) by refusing opens."""
    if not IS_ROOT:
        folder.chmod(0o555)
        return
    real_open = os.open

    def deny(path: str, flags: int, *args: int, **kwargs: object) -> int:
        if Path(path).parent == folder and flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", deny)


def test_a_read_only_output_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "ro"
    out.mkdir()
    first = write(tmp_path / "one.md", ROLE)
    second = write(tmp_path / "two.md", ROLE)
    _deny_writes_in(out, monkeypatch)
    result = run_cli("convert", "--output-dir", str(out), str(first), str(second))
    assert_no_traceback(result)
    assert result.rc == 2
    assert result.err_lines == [
        f"roledef: {out / 'one.yaml'}: cannot write: Permission denied",
        f"roledef: {out / 'two.yaml'}: cannot write: Permission denied",
    ]
    assert list(out.iterdir()) == []


def test_a_full_disk_leaves_the_original_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No tiny filesystem can be mounted here: the write fails with ENOSPC in-process instead,
    at fsync, where a full disk (or quota) usually shows up for buffered writes."""
    target = write(tmp_path / "role.yaml", "original\n")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="No space left on device"):
        write_atomic(target, "new text\n", force=True)
    assert target.read_text() == "original\n"
    assert [p.name for p in tmp_path.iterdir()] == ["role.yaml"]
    source = write(tmp_path / "r.md", ROLE)
    result = run_cli("convert", "--force", "-o", str(target), str(source))
    assert result.rc == 2 and "No space left on device" in result.err
    assert target.read_text() == "original\n"


@pytest.mark.parametrize("error", [OSError(errno.EIO, "I/O error"), KeyboardInterrupt()])
def test_an_interrupted_rename_leaves_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    target = write(tmp_path / "role.md", "original\n")

    def broken(*_args: object) -> None:
        raise error

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises((OutputError, KeyboardInterrupt)):
        write_atomic(target, "new\n", force=True)
    assert target.read_text() == "original\n"
    assert [p.name for p in tmp_path.iterdir()] == ["role.md"]


def test_killed_between_write_and_rename(tmp_path: Path) -> None:
    """SIGKILL cannot be cleaned up after: the original is intact, and the one leftover is a
    hidden ``.<name>.*.tmp`` file beside it."""
    target = write(tmp_path / "role.md", "original\n")
    script = textwrap.dedent(
        f"""
        import os, signal
        from roledef.write.atomic import write_atomic
        os.replace = lambda *a: os.kill(os.getpid(), signal.SIGKILL)
        write_atomic({str(target)!r}, "new\\n", force=True)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert proc.returncode == -9
    assert target.read_text() == "original\n"
    leftovers = [p.name for p in tmp_path.iterdir() if p != target]
    assert all(n.startswith(".role.md.") and n.endswith(".tmp") for n in leftovers)


def test_nothing_is_overwritten_without_force(tmp_path: Path) -> None:
    source = write(tmp_path / "r.md", ROLE)
    target = write(tmp_path / "r.yaml", "mine\n")
    result = run_cli("convert", "-o", str(target), str(source))
    assert result.rc == 2 and "pass --force" in result.err
    assert target.read_text() == "mine\n"
    out = run_cli("convert", "--output-dir", str(tmp_path), str(source))
    assert out.rc == 2 and target.read_text() == "mine\n"


def test_a_device_or_pipe_is_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="not a regular file"):
        write_atomic(fifo, "x", force=True)
    assert fifo.exists() and not fifo.is_file()
    if Path("/dev/null").exists():
        with pytest.raises(OutputError, match="not a regular file"):
            write_atomic("/dev/null", "x", force=True)


def test_a_symlinked_output_is_written_through(tmp_path: Path) -> None:
    real = write(tmp_path / "real.yaml", "old\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    write_atomic(link, "new\n", force=True)
    assert link.is_symlink() and real.read_text() == "new\n"


def test_file_mode_is_kept(tmp_path: Path) -> None:
    target = write(tmp_path / "r.yaml", "old\n")
    target.chmod(0o640)
    write_atomic(target, "new\n", force=True)
    assert target.stat().st_mode & 0o777 == 0o640


@pytest.mark.slow
def test_sigterm_during_a_write_leaves_the_original_and_no_temp_file(tmp_path: Path) -> None:
    source = write(tmp_path / "r.md", ROLE)
    target = write(tmp_path / "r.yaml", "original\n")
    script = textwrap.dedent(
        f"""
        import os, signal, time
        import roledef.write.atomic
        def replace(*args):
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(30)
        roledef.write.atomic.os.replace = replace
        from roledef.cli import main
        main(["convert", "--force", "-o", {str(target)!r}, {str(source)!r}])
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert proc.returncode == 143, proc.stderr
    assert target.read_text() == "original\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md", "r.yaml"]


def test_pipes_and_devices_are_refused_not_waited_on(tmp_path: Path) -> None:
    """A FIFO named like a role file would block the run forever; /dev/zero would never end."""
    fifo = tmp_path / "role.md"
    os.mkfifo(fifo)
    good = write(tmp_path / "good.md", ROLE)
    inputs = [str(fifo), str(good)]
    if Path("/dev/zero").exists():
        inputs.append("/dev/zero")
    for args in (
        ("convert", "--max-file-size", "0", "--output-dir", str(tmp_path / "out"), *inputs),
        ("lint", str(tmp_path), *inputs[2:]),
    ):
        result = run_cli(*args)
        assert_no_traceback(result)
        assert result.rc == 2, result
        assert "not a regular file" in result.err + result.out
    assert (tmp_path / "out" / "good.yaml").is_file()
