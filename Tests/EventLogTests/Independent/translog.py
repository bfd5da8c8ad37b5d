#!/usr/bin/env python3
"""An independent implementation of the transition log formats v1 and v2, written from
EventLog/FORMAT.md alone (standard library only). It shares no code with the Swift package.

  translog.py verify LOG [CHECKPOINT]   exit 0 and print "ok <records> <head hash>", or exit 1
                                       and print "damaged line <n>: <reason>"
  translog.py write LOG NAME N [VERSION [BATCH]]
                                       write a fresh log of N records (format VERSION, 1 by
                                       default; in v2 in marked batches of BATCH records)
  translog.py checkpoint LOG            print the checkpoint of LOG
"""
import base64
import hashlib
import json
import re
import sys

MAX_LINE = 1 << 20
MAX_INT = 2**53 - 1
NAME_RE = re.compile(r"^[A-Za-z0-9._-]{1,128}$")
INSTANT_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z$")
DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
RECORD_KEYS = ["seq", "id", "recorded", "effective", "type", "stream", "by", "corrects", "part",
               "parts", "batch", "data", "prev"]
OPTIONAL_KEYS = ("corrects", "part", "parts", "batch")
HEX64_RE = re.compile(r"^[0-9a-f]{64}$")


class Damage(Exception):
    pass


def enc_string(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\b":
            out.append("\\b")
        elif ch == "\f":
            out.append("\\f")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20:
            out.append("\\u%04x" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def enc(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        if abs(v) > MAX_INT:
            raise Damage("integer out of range")
        return str(v)
    if isinstance(v, str):
        return enc_string(v)
    if isinstance(v, Pairs):
        return "{" + ",".join(enc_string(k) + ":" + enc(x) for k, x in v) + "}"
    if isinstance(v, list):
        return "[" + ",".join(enc(x) for x in v) + "]"
    raise Damage("not an allowed JSON value: %r" % (v,))


class Pairs(list):
    """A JSON object as the ordered list of its members."""


def pairs_hook(items):
    keys = [k for k, _ in items]
    if len(set(keys)) != len(keys):
        raise Damage("duplicate key")
    return Pairs(items)


def no_float(s):
    raise Damage("a number with a fraction or exponent")


def no_constant(s):
    raise Damage("NaN or Infinity")


def depth(v):
    if isinstance(v, Pairs):
        return 1 + max([depth(x) for _, x in v] or [0])  # checked before list: Pairs is one
    if isinstance(v, list):
        return 1 + max([depth(x) for x in v] or [0])
    return 0


def parse_line(raw):
    """Parse one line; enforce the canonical spelling by re-encoding and comparing bytes."""
    try:
        text = raw.decode("utf-8", errors="strict")
    except UnicodeDecodeError:
        raise Damage("invalid UTF-8")
    try:
        value = json.loads(text, object_pairs_hook=pairs_hook, parse_float=no_float,
                           parse_constant=no_constant)
    except Damage:
        raise
    except Exception as e:  # noqa: BLE001 - any JSON error
        raise Damage("not JSON: %s" % e)
    if not isinstance(value, Pairs):
        raise Damage("not a JSON object")
    if depth(value) > 64:
        raise Damage("nested too deeply")
    try:
        again = enc(value).encode("utf-8")
    except UnicodeEncodeError:
        raise Damage("a lone surrogate")
    if again != raw:
        raise Damage("not in the canonical spelling")
    return value


def real_day(y, m, d):
    if not (1 <= y <= 9999 and 1 <= m <= 12):
        return False
    days = [31, 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28, 31, 30, 31, 30,
            31, 31, 30, 31, 30, 31][m - 1]
    return 1 <= d <= days


def check_instant(s):
    m = INSTANT_RE.match(s) if isinstance(s, str) else None
    if not m:
        raise Damage("not an instant")
    y, mo, d, h, mi, se, _ = (int(x) for x in m.groups())
    if not real_day(y, mo, d) or h > 23 or mi > 59 or se > 59:
        raise Damage("not a real instant")
    return s


def check_day(s):
    m = DAY_RE.match(s) if isinstance(s, str) else None
    if not m or not real_day(*(int(x) for x in m.groups())):
        raise Damage("not a real day")


def check_name(s):
    if not isinstance(s, str) or not 1 <= len(s.encode()) <= 256:
        raise Damage("a name must be 1 to 256 bytes")
    if any(ord(c) < 0x20 or ord(c) == 0x7F or c in '"\\' for c in s):
        raise Damage("a name holds a forbidden character")


def leaf(line):
    return hashlib.sha256(b"\x00" + line).digest()


def node(a, b):
    return hashlib.sha256(b"\x01" + a + b).digest()


def tree_hash(leaves):
    n = len(leaves)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return leaves[0]
    k = 1
    while k * 2 < n:
        k *= 2
    return node(tree_hash(leaves[:k]), tree_hash(leaves[k:]))


def read_lines(path):
    data = open(path, "rb").read()
    if not data.endswith(b"\n"):
        raise Damage("line %d: the file does not end with a newline" % (data.count(b"\n") + 1))
    return data[:-1].split(b"\n")


def verify(path, checkpoint=None):
    lines = read_lines(path)
    for n, raw in enumerate(lines, 1):
        if len(raw) > MAX_LINE:
            raise Damage("line %d: longer than 1 MiB" % n)
    try:
        header = parse_line(lines[0])
        if list(k for k, _ in header) != ["format", "version", "log", "created"]:
            raise Damage("header keys")
        h = dict(header)
        if h["format"] != "transition-log" or h["version"] not in (1, 2) or isinstance(h["version"], bool) \
                or not NAME_RE.match(h["log"]):
            raise Damage("header values")
        check_instant(h["created"])
    except Damage as e:
        raise Damage("line 1: %s" % e)
    version = h["version"]
    ids = set()
    last_recorded = None
    open_batch = None  # (parts, next part) of a batch whose last part has not come yet
    for n, raw in enumerate(lines[1:], 2):
        try:
            rec = parse_line(raw)
            keys = [k for k, _ in rec]
            expected = [k for k in RECORD_KEYS if k not in OPTIONAL_KEYS or k in keys]
            if keys != expected:
                raise Damage("keys are not in the order of the format")
            r = dict(rec)
            if "part" in r or "parts" in r or "batch" in r:
                if version < 2:
                    raise Damage("batch marks in a version 1 log")
                part, parts = r.get("part"), r.get("parts")
                if not all(isinstance(x, int) and not isinstance(x, bool) for x in (part, parts)) \
                        or not 1 <= part <= parts <= 100000:
                    raise Damage("part and parts are not a place in a batch")
                if ("batch" in r) != (part == parts):
                    raise Damage("the batch key must be on the last part, and only there")
                if "batch" in r and not (isinstance(r["batch"], str) and HEX64_RE.match(r["batch"])):
                    raise Damage("the batch key is not 64 lowercase hex digits")
                if open_batch is None and part != 1:
                    raise Damage("a batch does not start with part 1")
                if open_batch is not None and (parts, part) != open_batch:
                    raise Damage("not the next part of the open batch")
                open_batch = None if part == parts else (parts, part + 1)
            elif open_batch is not None:
                raise Damage("a record outside the batch that is still open")
            if r["seq"] != n - 1 or isinstance(r["seq"], bool):
                raise Damage("seq is not %d" % (n - 1))
            for k in ("id", "type", "stream", "by"):
                check_name(r[k])
            if r["id"] in ids:
                raise Damage("duplicate id")
            ids.add(r["id"])
            recorded = check_instant(r["recorded"])
            if last_recorded is not None and recorded < last_recorded:
                raise Damage("recorded goes back")
            last_recorded = recorded
            check_day(r["effective"])
            if "corrects" in r and not (isinstance(r["corrects"], int) and 1 <= r["corrects"] < r["seq"]):
                raise Damage("corrects does not name an earlier record")
            if not isinstance(r["data"], Pairs):
                raise Damage("data is not an object")
            if r["prev"] != hashlib.sha256(lines[n - 2]).hexdigest():
                raise Damage("prev does not match the previous line")
        except Damage as e:
            raise Damage("line %d: %s" % (n, e))
    if open_batch is not None:
        raise Damage("line %d: an unfinished batch: the log ends before part %d of %d"
                     % (len(lines) + 1, open_batch[1], open_batch[0]))
    records = lines[1:]
    if checkpoint is not None:
        origin, size, root = checkpoint.split("\n")[:3]
        if origin != "transition-log/" + dict(header)["log"] or int(size) > len(records):
            raise Damage("line 1: does not extend the checkpoint")
        if tree_hash([leaf(x) for x in records[:int(size)]]) != base64.b64decode(root):
            raise Damage("line %d: does not extend the checkpoint" % (int(size) + 1))
    return len(records), hashlib.sha256(lines[-1]).hexdigest()


def write(path, name, count, version=1, batch=1):
    header = enc(Pairs([("format", "transition-log"), ("version", version), ("log", name),
                        ("created", "2025-09-15T07:00:00.000Z")])).encode()
    out = [header]
    for seq in range(1, count + 1):
        data = Pairs([("n", seq), ("text", "\u00e9 / \"quoted\" \t tab \u0001 \u20ac"),
                      ("list", [1, -2, None, True, Pairs([("deep", [])])])])
        members = [("seq", seq), ("id", "py-%d" % seq),
                   ("recorded", "2025-09-15T07:%02d:%02d.%03dZ" % (seq // 60000 % 60, seq // 1000 % 60, seq % 1000)),
                   ("effective", "2026-0%d-01" % (1 + seq % 9)), ("type", "PythonWrote.v1"),
                   ("stream", "py/%d" % (seq % 4)), ("by", "independent")]
        if seq > 1 and seq % 5 == 0:
            members.append(("corrects", seq - 1))
        if version >= 2 and batch > 1:
            first = (seq - 1) // batch * batch + 1
            parts = min(batch, count - first + 1)
            if parts > 1:
                members += [("part", seq - first + 1), ("parts", parts)]
                if seq - first + 1 == parts:
                    members.append(("batch", hashlib.sha256(b"py batch %d" % first).hexdigest()))
        members += [("data", data), ("prev", hashlib.sha256(out[-1]).hexdigest())]
        out.append(enc(Pairs(members)).encode("utf-8"))
    with open(path, "wb") as f:
        f.write(b"\n".join(out) + b"\n")


def checkpoint_text(path):
    lines = read_lines(path)
    name = json.loads(lines[0].decode())["log"]
    records = lines[1:]
    root = base64.b64encode(tree_hash([leaf(x) for x in records])).decode()
    return "transition-log/%s\n%d\n%s\n" % (name, len(records), root)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "verify":
        try:
            cp = open(sys.argv[3]).read() if len(sys.argv) > 3 else None
            count, head = verify(sys.argv[2], cp)
            print("ok %d %s" % (count, head))
        except Damage as e:
            print("damaged %s" % e)
            sys.exit(1)
    elif cmd == "write":
        write(sys.argv[2], sys.argv[3], int(sys.argv[4]), *(int(x) for x in sys.argv[5:7]))
    elif cmd == "checkpoint":
        sys.stdout.write(checkpoint_text(sys.argv[2]))
    else:
        sys.exit(__doc__)
