#!/usr/bin/env python3
"""Fuzzes claimcheck's command line: random argument vectors over every subcommand's flags and
values, with inputs drawn from a set of bad files, run on the real binary.

Each run gets RUST_BACKTRACE=1 and a timeout. A run fails when the process exits with 101
(a Rust panic), 134 (abort), is killed by a signal, prints "panicked" on stderr, or times
out. Failing runs are written to OUT/failures.jsonl with their argument vector, environment
and stdin, so each one replays by hand; the last line of the report gives the run count.

Seeded and reproducible: the same --seed and --runs give the same argument vectors (the bad
files are rebuilt the same way in a fresh temporary folder).

    python3 fuzz/cli_args.py --binary target/release/claimcheck --runs 5000 --seed 1
"""

import argparse
import json
import os
import random
import select
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

# ---------------------------------------------------------------------------------------------
# Bad inputs: each a (name, builder) where the builder makes the file or folder under `root`.

ARTICLE = (
    "---\ntitle: Magnets\ndate: 2025-07-21\n---\n"
    "China exported 353 tons of rare earth magnets to the US in June, an increase of 660% "
    "compared to May.\n\nSales rose 12.5 pct to 320.5 mln dlrs from 284.9 mln.\n"
)
GOOD_RECORD = json.dumps({"id": "r1", "body": "Sales rose 20.8% from 72.6 mln to 87.1 mln dlrs."})


def build_inputs(root):
    """Writes the bad inputs under root; returns {name: path}."""
    files = {}

    def put(name, data, mode="wb"):
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, mode) as f:
            f.write(data)
        files[name] = path

    put("good.md", ARTICLE.encode())
    put("empty.md", b"")
    put("invalid-utf8.md", b"Sales rose \xff\xfe 20% to \xc3\x28 5 mln.\n")
    put("binary.md", bytes(range(256)) * 8)
    put("broken-front-matter.md", b"---\ntitle: [unclosed\ndate: July 32, 2025\n---\nSales rose 5%.\n")
    put("unclosed-front-matter.md", b"---\ntitle: x\nSales rose 5% to 10.\n")
    put("nested-front-matter.md", ("---\na: " + "[" * 5000 + "]" * 5000 + "\n---\nx\n").encode())
    put("bad-date.md", b"---\ndate: not a date\n---\nSales rose 5 pct to 10 mln dlrs from 9.5 mln.\n")
    put("huge-number.md", ("Sales rose 1e999 pct to " + "9" * 5000 + " mln dlrs from 1e-999.\n").encode())
    put("digits.md", ("1" * 200000 + "\n").encode())
    put("figures-one-sentence.md",
        ("sales rose 5 pct to 10 mln dlrs from 9.5 mln and " * 3000).encode())
    put("long-line.md", (("Word " * 60 + "Sales rose 20.8% from 72.6 mln to 87.1 mln dlrs. ") * 50).encode())
    put("cjk.md", ("語 " * 300 + "Sales rose 20.8% from 72.6 mln to 87.1 mln dlrs.\n").encode())
    put("crlf-tabs.md", b"\t\t\tSales rose\r\n\t20.8% from 72.6\r\nmln to 87.1 mln dlrs.\r\n\x0b\x0c\x85")
    put("control.md", "Sales rose 20.8%\u2028 from 72.6\u2029mln to 87.1\x00 mln dlrs.\n".encode())
    put("nul.txt", b"\x00" * 1000)
    put("good.jsonl", (GOOD_RECORD + "\n").encode())
    put("malformed.jsonl", b'{"id": "a", "body": "x"\n{"id": 1}\n[1,2]\n"str"\n{"id":"b","body":5}\n\n{"id":"c","body":"Sales rose 1e999% to 5"}\n{')
    put("records-bad-utf8.jsonl", b'{"id":"a","body":"\xff\xfe"}\n{"id":"b","body":"ok 5%"}\n')
    put("deep.jsonl", ('{"id":"d","body":"x","m":' + "[" * 3000 + "]" * 3000 + "}\n").encode())
    put("dup-ids.jsonl", (GOOD_RECORD + "\n" + GOOD_RECORD + "\n").encode())
    put("huge-record.jsonl", (json.dumps({"id": "h", "body": "Sales rose 5 pct. " * 20000}) + "\n").encode())
    put("not-gzip.jsonl.gz", b"\x1f\x8b\x08\x00garbage")
    put("truncated.jsonl.gz", bytes.fromhex("1f8b0800000000000003") + b"\x01\x02")
    # Registries: the bundled one (good), every fixture of the registry tests (each a
    # different problem: a cycle, a duplicate id, bad YAML, an alias bomb, deep nesting...),
    # and a flow-style one with a 5,000-digit value.
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    shutil.copytree(os.path.join(repo, "claims"), os.path.join(root, "claims"))
    files["claims-dir"] = os.path.join(root, "claims")
    fixtures = os.path.join(repo, "tests", "fixtures", "registries")
    shutil.copytree(fixtures, os.path.join(root, "registries"))
    for name in sorted(os.listdir(fixtures)):
        files["registry:" + name] = os.path.join(root, "registries", name)
    put("registry-flow.yaml", b"{topic: t, sources: {s: {name: S}}, facts: [{id: a, what: x, match: [x], period: 2025-06, unit: t, value: " + b"9" * 5000 + b", source: s}]}")
    put("registry-binary.yaml", bytes(range(256)))
    put("empty-dir/.keep", b"")
    os.remove(os.path.join(root, "empty-dir/.keep"))
    files["empty-dir"] = os.path.join(root, "empty-dir")
    put("mixed/a.md", ARTICLE.encode())
    put("mixed/b.jsonl", b"{bad\n")
    put("mixed/sub/c.txt", b"\xff")
    put("unreadable.md", ARTICLE.encode())
    os.chmod(files["unreadable.md"], 0)
    files["missing"] = os.path.join(root, "no-such-file.md")
    files["dev-null"] = "/dev/null"
    files["dir-as-file"] = os.path.join(root, "mixed")
    # A symbolic link to an input and a dangling one.
    os.symlink(files["good.md"], os.path.join(root, "link.md"))
    files["link.md"] = os.path.join(root, "link.md")
    os.symlink(os.path.join(root, "nowhere"), os.path.join(root, "dangling.md"))
    files["dangling.md"] = os.path.join(root, "dangling.md")
    # A file whose name is not UTF-8, a folder that links to itself and its parent, and a
    # folder of 300 articles (windows of `check -j`).
    put(os.fsdecode(b"name-\xff\xfe.md"), ARTICLE.encode())
    put("looped/a.md", ARTICLE.encode())
    os.symlink(".", os.path.join(root, "looped", "self"))
    os.symlink("..", os.path.join(root, "looped", "up"))
    files["looped"] = os.path.join(root, "looped")
    for i in range(300):
        put(f"many/{i:03}.md", ARTICLE.replace("353", str(300 + i)).encode())
    for name in [name for name in files if name.startswith("many/")]:
        del files[name]
    files["many"] = os.path.join(root, "many")
    # A read-only folder, for output paths that cannot be written.
    ro = os.path.join(root, "readonly")
    os.makedirs(ro)
    os.chmod(ro, stat.S_IRUSR | stat.S_IXUSR)
    files["readonly-dir"] = ro
    # A FIFO with no writer would block a reader forever; one is used only as an output,
    # where opening it for writing would block too, so it is left out of inputs and outputs.
    return files


# ---------------------------------------------------------------------------------------------
# Argument vectors.

ODD_VALUES = [
    "", " ", "-", "--", "0", "-1", "1", "2", "256", "257", "100000", "18446744073709551616",
    "1e3", "NaN", "é", "語", "\u202e", "a" * 5000, "--format", "human,json", "=", "\\",
]
FORMATS = ["human", "json", "ndjson", "sarif", "github"]
SEVERITIES = ["error", "warning", "info"]
COLORS = ["auto", "always", "never"]
SHELLS = ["bash", "zsh", "fish", "powershell"]


def registries(files):
    """Registry paths: the good one (three times as likely), every bad one, and odd paths."""
    bad = [p for name, p in files.items() if name.startswith("registry")]
    odd = [files["missing"], files["empty-dir"], files["good.md"], "/dev/null",
           files["dir-as-file"]]
    return [files["claims-dir"]] * 3 + bad + odd


def input_path(rng, files):
    """An input: the good article or records half the time, else any bad one."""
    if rng.random() < 0.5:
        return rng.choice([files["good.md"], files["good.jsonl"], files["long-line.md"],
                           files["cjk.md"], files["mixed/a.md"]])
    return rng.choice(list(files.values()))


def output_path(rng, files, root):
    """An output: new, an existing input, unwritable, /dev/null, a folder."""
    return rng.choice([
        os.path.join(root, "out", f"o{rng.randrange(1000)}.ndjson"),
        os.path.join(root, "out", "same.json"),
        files["good.md"],
        files["good.jsonl"],
        files["link.md"],
        os.path.join(files["readonly-dir"], "x.json"),
        os.path.join(root, "no-such-dir", "x.json"),
        "/dev/null",
        "/dev/full",
        files["mixed/a.md"],
        os.path.join(files["dir-as-file"], "new.json"),
        os.path.join(files["good.md"], "inside-a-file.json"),
        files["dir-as-file"],
        "",
        "-",
    ])


def value(rng, good):
    """A good value most of the time, else an odd one."""
    return rng.choice(good) if rng.random() < 0.85 else rng.choice(ODD_VALUES)


def flags_for(rng, command, files, root):
    """The options a command takes, each with a value drawn good or odd."""
    jobs = lambda: value(rng, ["1", "2", "4", "8", "256", "0", "100000", "-3"])
    registry = lambda: rng.choice(registries(files))
    common = {
        "--format": lambda: value(rng, FORMATS),
        "--registry": registry,
        "--no-registry": None,
        "--jobs": jobs,
        "-j": jobs,
        "--color": lambda: value(rng, COLORS),
        "--help": None,
    }
    if command == "check":
        return {**common, "--fail-on": lambda: value(rng, SEVERITIES)}
    if command == "extract":
        return common
    if command == "audit":
        return {
            "--format": lambda: value(rng, ["ndjson"]),
            "--output": lambda: output_path(rng, files, root),
            "-o": lambda: output_path(rng, files, root),
            "--unordered": None,
            "--only-findings": None,
            "--registry": registry,
            "--no-registry": None,
            "--jobs": jobs,
            "-j": jobs,
            "--quiet": None,
            "-q": None,
            "--summary-json": lambda: output_path(rng, files, root),
            "--fail-on": lambda: value(rng, SEVERITIES),
        }
    if command == "registry check":
        return {
            "--format": lambda: value(rng, FORMATS),
            "--color": lambda: value(rng, COLORS),
            "--verbose": None,
            "-v": None,
        }
    return {}


COMMANDS = ["check"] * 4 + ["extract"] * 2 + ["audit"] * 4 + ["registry check"] * 2 + [
    "rules", "explain", "completions", "man", "help", "--version", "--help", "bogus"]
UNKNOWN_FLAGS = ["--frobnicate", "-x", "--jobs=", "--format=", "--no-registry=yes", "-jj",
                 "--color=", "---", "-", "--", "-q1"]


def argv(rng, files, root):
    """An argument vector, and the paths in it given as inputs."""
    command = rng.choice(COMMANDS)
    args = command.split()
    if command == "explain":
        args.append(rng.choice(["change-mismatch", "registry-unknown-field", "nope", "", "é" * 100]))
        return args, []
    if command == "completions":
        args.append(value(rng, SHELLS))
        return args, []
    if command in ("rules", "man", "help", "--version", "--help", "bogus"):
        # Commands without paths: now and then a stray argument.
        if rng.random() < 0.2:
            args.append(rng.choice(UNKNOWN_FLAGS + ODD_VALUES + ["check", "audit"]))
        return args, []
    flags = flags_for(rng, command, files, root)
    positional = []
    for _ in range(rng.randrange(0, 4)):
        positional.append(input_path(rng, files))
    if command != "registry check" and rng.random() < 0.1:
        positional.append("-")
    if command == "registry check":
        positional = [rng.choice(registries(files)) for _ in range(rng.randrange(0, 3))]
    options = []
    names = list(flags)
    for _ in range(rng.randrange(0, 6)):
        if not names:
            break
        name = rng.choice(names)  # Repeats are allowed: duplicate flags are part of the space.
        make = flags[name]
        if make is None:
            options.append(name)
        elif rng.random() < 0.2 and name.startswith("--"):
            options.append(f"{name}={make()}")
        else:
            options += [name, make()]
    if rng.random() < 0.1:
        options.append(rng.choice(UNKNOWN_FLAGS))
    if rng.random() < 0.05 and options:
        options.pop()  # A flag's value left off at the end.
    mixed = positional + options
    rng.shuffle(mixed) if rng.random() < 0.3 else None
    # `--help` anywhere short-circuits clap; keep it rare.
    if "--help" in mixed and rng.random() < 0.8:
        mixed.remove("--help")
    return args + mixed, inputs_of(mixed, flags)


def inputs_of(tokens, flags):
    """The tokens clap reads as paths: not an option, not the value of one that takes a value,
    and anything after `--`."""
    inputs, takes_value, rest = [], False, False
    for token in tokens:
        if rest:
            inputs.append(token)
        elif takes_value:
            takes_value = False
        elif token == "--":
            rest = True
        elif token.startswith("-") and token != "-":
            takes_value = "=" not in token and flags.get(token, None) is not None
        else:
            inputs.append(token)
    return inputs


def environment(rng):
    env = {k: v for k, v in os.environ.items()
           if k not in ("NO_COLOR", "CLICOLOR_FORCE", "CLICOLOR", "COLUMNS")}
    env["RUST_BACKTRACE"] = "1"
    if rng.random() < 0.3:
        env["COLUMNS"] = rng.choice(["0", "1", "20", "40", "80", "200", "100000", "-5", "x", ""])
    if rng.random() < 0.1:
        env["NO_COLOR"] = "1"
    if rng.random() < 0.1:
        env["CLICOLOR_FORCE"] = "1"
    return env


def stdin_bytes(rng, files):
    choice = rng.random()
    if choice < 0.5:
        return b""
    path = rng.choice([files["good.md"], files["malformed.jsonl"], files["invalid-utf8.md"],
                       files["binary.md"], files["good.jsonl"], files["huge-number.md"]])
    with open(path, "rb") as f:
        return f.read()


# ---------------------------------------------------------------------------------------------


def snapshot(root):
    """The bytes of every regular file under root but `out/`, by path."""
    files = {}
    for dirpath, _, filenames in os.walk(root):
        if os.path.relpath(dirpath, root).split(os.sep)[0] == "out":
            continue
        for name in filenames:
            path = os.path.join(dirpath, name)
            if os.path.isfile(path) and not os.path.islink(path):
                with open(path, "rb") as f:
                    files[path] = f.read()
    return files


def restore(root, pristine):
    """Puts back every file of `pristine` that changed or went, removes files that were not
    there; returns the paths that had changed or gone."""
    changed = []
    now = snapshot(root)
    for path, data in pristine.items():
        if now.get(path) != data:
            changed.append(path)
            mode = os.stat(path).st_mode if os.path.exists(path) else None
            if mode is not None and not os.access(path, os.W_OK):
                os.chmod(path, 0o600)
            with open(path, "wb") as f:
                f.write(data)
            if mode is not None:
                os.chmod(path, stat.S_IMODE(mode))
    for path in now:
        if path not in pristine:
            os.remove(path)
    return changed


def execute(command, stdin, env, cwd, stdout_to, timeout):
    """Runs one command; returns (exit code or -signal, stderr, timed out). `stdout_to` is
    "pipe" (read whole), "closed" (the reader takes 64 bytes and goes, as `| head -c 64`) or
    "full" (/dev/full: every write fails with ENOSPC)."""
    with tempfile.TemporaryFile() as err:
        out = open("/dev/full", "wb") if stdout_to == "full" else subprocess.PIPE
        proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=out, stderr=err,
                                env=env, cwd=cwd)
        timed_out = False
        try:
            if stdout_to == "pipe":
                proc.communicate(stdin, timeout=timeout)
            else:
                try:
                    proc.stdin.write(stdin)
                    proc.stdin.close()
                except BrokenPipeError:
                    pass
                if stdout_to == "closed":
                    # Wait for the first bytes no longer than the timeout, then go away.
                    ready, _, _ = select.select([proc.stdout], [], [], timeout)
                    if not ready:
                        raise subprocess.TimeoutExpired(command, timeout)
                    os.read(proc.stdout.fileno(), 64)
                    proc.stdout.close()
                proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            timed_out = True
        finally:
            if out is not subprocess.PIPE:
                out.close()
        err.seek(0)
        return proc.returncode, err.read(), timed_out


def failure_of(proc_returncode, stderr, timed_out):
    if timed_out:
        return "timeout"
    if proc_returncode is not None and proc_returncode < 0:
        return f"signal {signal.Signals(-proc_returncode).name}"
    if proc_returncode in (101, 134):
        return f"exit {proc_returncode}"
    if b"panicked" in stderr:
        return "panicked on stderr"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default="target/release/claimcheck")
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--out", default="fuzz/cli-args-out")
    args = parser.parse_args()

    binary = os.path.abspath(args.binary)
    os.makedirs(args.out, exist_ok=True)
    failures_path = os.path.join(args.out, "failures.jsonl")
    rng = random.Random(args.seed)
    root = tempfile.mkdtemp(prefix="claimcheck-cli-fuzz-")
    codes = {}
    failures = 0
    endless = 0
    started = time.time()
    try:
        files = build_inputs(root)
        os.makedirs(os.path.join(root, "out"), exist_ok=True)
        pristine = snapshot(root)
        with open(failures_path, "w") as log:
            for run in range(args.runs):
                vector, inputs = argv(rng, files, root)
                env = environment(rng)
                stdin = stdin_bytes(rng, files)
                timed_out = False
                stdout_to = rng.choice(["pipe"] * 8 + ["closed", "full"])
                code, stderr, timed_out = execute([binary] + vector, stdin, env, root,
                                                  stdout_to, args.timeout)
                codes[code] = codes.get(code, 0) + 1
                what = failure_of(code, stderr, timed_out)
                # An output named over a file that is not an input may replace it (the user
                # asked for that); an input must never change. Either way the inputs are put
                # back for the next run, and files a run left among them are removed.
                for changed in restore(root, pristine):
                    if changed in inputs:
                        what = (what + "; " if what else "") + f"input {changed} was changed"
                if what == "timeout" and "/dev/full" in vector and "/dev/full" not in [
                        vector[i + 1] for i, a in enumerate(vector[:-1])
                        if a in ("-o", "--output", "--summary-json")]:
                    # `audit` streams a device as it streams stdin: an endless one is read
                    # until killed, as `cat` would.
                    endless += 1
                    what = None
                if what:
                    failures += 1
                    env_shown = {k: env[k] for k in ("COLUMNS", "NO_COLOR", "CLICOLOR_FORCE")
                                 if k in env}
                    log.write(json.dumps({
                        "run": run, "failure": what, "argv": vector, "env": env_shown,
                        "stdout": stdout_to,
                        "stdin_bytes": len(stdin),
                        "stderr": stderr.decode("utf-8", "replace")[-4000:],
                    }) + "\n")
                    log.flush()
                    print(f"run {run}: {what}: {vector}", file=sys.stderr)
                if (run + 1) % 500 == 0:
                    print(f"{run + 1} runs, {failures} failures, {time.time() - started:.0f} s",
                          file=sys.stderr)
    finally:
        # Give back permissions so the folder can be removed.
        for dirpath, dirnames, filenames in os.walk(root):
            for name in dirnames + filenames:
                path = os.path.join(dirpath, name)
                if not os.path.islink(path):
                    try:
                        os.chmod(path, 0o700)
                    except OSError:
                        pass
        os.chmod(root, 0o700)
        shutil.rmtree(root, ignore_errors=True)
    shown = ", ".join(f"{k}: {v}" for k, v in sorted(codes.items(), key=lambda kv: str(kv[0])))
    print(f"seed {args.seed}: {args.runs} runs in {time.time() - started:.0f} s, "
          f"{failures} failures (exit codes {shown}; {endless} timeouts reading /dev/full as "
          f"an input, not counted); failures in {failures_path}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
