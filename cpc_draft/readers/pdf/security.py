"""AES-256 PDFs that PDFium refuses although their password is right (or empty).

An AES-256 file (security handler revisions 5 and 6) carries its permissions twice: in
plain (/P, /EncryptMetadata) and encrypted with the file key (/Perms). PDFium refuses the
password when the two disagree, which some writers get wrong; other readers ignore
/Perms, so such a file opens everywhere else without a password when its user password is
empty. Here the password is checked as the standard says (ISO 32000-2, 7.6.4.3.3-4), and
when it is right, /Perms is rewritten to agree with /P in a copy PDFium opens.
"""

from __future__ import annotations

import hashlib
import re

_ENCRYPT_REFERENCE = re.compile(rb"/Encrypt\s+(\d{1,10})\s+(\d{1,5})\s+R")
_STRING = rb"(<[0-9A-Fa-f\s]*>|\((?:\\[\s\S]|[^\\()])*\))"  # hex, or literal without nesting
_MAX_PASSWORD = 127  # bytes of a UTF-8 password that count


def consistent_copy(data: bytes, password: str | None) -> bytes | None:
    """``data`` with its /Perms agreeing with /P, when it is an AES-256 PDF that
    ``password`` (None: the empty one) opens; else None."""
    found = _encryption(data)
    if found is None:
        return None
    span, entries = found
    file_key = _file_key(entries, (password or "").encode("utf-8")[:_MAX_PASSWORD])
    if file_key is None:
        return None
    metadata = b"F" if re.search(rb"/EncryptMetadata\s+false", data[span[0] : span[1]]) else b"T"
    permissions = entries["P"].to_bytes(4, "little", signed=True) + b"\xff" * 4
    perms = _aes_ecb(file_key, permissions + metadata + b"adb" + b"\x00" * 4)
    start, end = entries["Perms span"]
    replacement = b"<" + perms.hex().encode() + b">"
    replacement += b" " * max(0, end - start - len(replacement))  # offsets stay where they were
    return data[:start] + replacement + data[end:]


def _encryption(data: bytes) -> tuple[tuple[int, int], dict] | None:
    """Where the encryption dictionary is, and its entries, for revisions 5 and 6."""
    references = list(_ENCRYPT_REFERENCE.finditer(data))
    if not references:
        return None
    number, generation = references[-1].groups()
    heads = list(re.finditer(rb"\b%s\s+%s\s+obj\b" % (number, generation), data))
    if not heads:
        return None
    start = heads[-1].end()
    end = data.find(b"endobj", start)
    end = len(data) if end < 0 else end
    body = data[start:end]
    entries: dict = {}
    for name in (b"R", b"P"):
        value = re.search(rb"/%s\s+(-?\d{1,11})" % name, body)
        if value is None:
            return None
        entries[name.decode()] = int(value.group(1))
    if entries["R"] not in (5, 6):
        return None
    for name in (b"U", b"UE", b"O", b"OE", b"Perms"):
        value = re.search(rb"/%s\s*%s" % (name, _STRING), body)
        if value is None:
            return None
        entries[name.decode()] = _string(value.group(1))
        if name == b"Perms":
            entries["Perms span"] = (start + value.start(1), start + value.end(1))
    if len(entries["U"]) < 48 or len(entries["O"]) < 48:
        return None
    return (start, end), entries


def _string(token: bytes) -> bytes:
    if token.startswith(b"<"):
        digits = re.sub(rb"\s", b"", token[1:-1])
        return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode())
    out, escaped = bytearray(), re.finditer(rb"\\([0-7]{1,3}|.)|([^\\])", token[1:-1], re.S)
    named = {b"n": 10, b"r": 13, b"t": 9, b"b": 8, b"f": 12}
    for match in escaped:
        escape, plain = match.groups()
        if plain is not None:
            out += plain
        elif escape[:1].isdigit():
            out.append(int(escape, 8) & 0xFF)
        elif escape not in (b"\n", b"\r"):  # a line continuation adds nothing
            out.append(named.get(escape, escape[0]))
    return bytes(out)


def _file_key(entries: dict, password: bytes) -> bytes | None:
    """The file key, when ``password`` is the user's or the owner's; else None."""
    user, owner, revision = entries["U"][:48], entries["O"][:48], entries["R"]
    for entry, wrapped, extra in ((user, entries["UE"], b""), (owner, entries["OE"], user)):
        digest = _hash(revision, password, entry[32:40], extra)
        if digest == entry[:32] and len(wrapped) >= 32:
            key = _hash(revision, password, entry[40:48], extra)
            return _aes_cbc_decrypt(key, bytes(16), wrapped[:32])
    return None


def _hash(revision: int, password: bytes, salt: bytes, extra: bytes) -> bytes:
    digest = hashlib.sha256(password + salt + extra).digest()
    if revision == 5:
        return digest
    rounds = 0
    while True:
        encrypted = _aes_cbc_encrypt(digest[:16], digest[16:32], (password + digest + extra) * 64)
        digest = hashlib.new(("sha256", "sha384", "sha512")[sum(encrypted[:16]) % 3], encrypted)
        digest = digest.digest()
        rounds += 1
        if rounds >= 64 and encrypted[-1] <= rounds - 32:
            return digest[:32]


def _cipher(key: bytes, mode):
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms

    return Cipher(algorithms.AES(key), mode)


def _aes_cbc_encrypt(key: bytes, iv: bytes, data: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers import modes

    encryptor = _cipher(key, modes.CBC(iv)).encryptor()
    return encryptor.update(data) + encryptor.finalize()


def _aes_cbc_decrypt(key: bytes, iv: bytes, data: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers import modes

    decryptor = _cipher(key, modes.CBC(iv)).decryptor()
    return decryptor.update(data) + decryptor.finalize()


def _aes_ecb(key: bytes, data: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers import modes

    encryptor = _cipher(key, modes.ECB()).encryptor()
    return encryptor.update(data) + encryptor.finalize()
