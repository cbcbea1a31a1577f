"""Encrypted one-page PDFs whose passwords the test chooses, written by hand.

- :func:`aes256_pdf`: AES-256, the standard security handler's revision 6 (PDF 2.0;
  ISO 32000-2, 7.6.4), with a user and an owner password each possibly empty;
- :func:`rc4_owner_only_pdf`: 40-bit RC4 (revision 2) with an owner password and an
  empty user password: what "protected against printing/copying" exports are.

AES comes from ``cryptography``, which pdfminer.six (under pdfplumber) already requires.
"""

from __future__ import annotations

import hashlib
import os
import zlib
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from pdf_factory import PASSWORD_PAD, rc4

TEXT = "Text of an encrypted compact."
_FILE_ID = hashlib.md5(b"cpc-draft encrypted test pdf").digest()
_PERMISSIONS = -3904  # printing and copying not allowed: what owner passwords are for


def aes256_pdf(
    path: Path,
    *,
    user: str = "",
    owner: str = "owner-secret",
    stated: int = _PERMISSIONS,
    literal: bool = False,
) -> Path:
    """A one-page PDF reading :data:`TEXT`, encrypted with AES-256 (revision 6).

    ``stated``: the permissions written in plain (/P); anything but the default makes
    them disagree with the encrypted copy (/Perms), as some writers do. ``literal``: the
    keys as literal strings ``(...)`` with escapes rather than hexadecimal."""
    file_key = os.urandom(32)
    user_entry, user_key = _r6_entry(user.encode(), b"", file_key)
    owner_entry, owner_key = _r6_entry(owner.encode(), user_entry, file_key)
    perms = _PERMISSIONS.to_bytes(4, "little", signed=True) + b"\xff" * 4 + b"Tadb" + b"0000"
    strings = [user_entry, user_key, owner_entry, owner_key, _aes_ecb(file_key, perms)]
    u, ue, o, oe, sealed_perms = (_pdf_string(value, literal) for value in strings)
    encrypt = (
        b"<< /Filter /Standard /V 5 /R 6 /Length 256 /StmF /StdCF /StrF /StdCF "
        b"/CF << /StdCF << /AuthEvent /DocOpen /CFM /AESV3 /Length 32 >> >> "
        b"/U %s /UE %s /O %s /OE %s /P %d /Perms %s >>" % (u, ue, o, oe, stated, sealed_perms)
    )

    def seal(_number: int, data: bytes) -> bytes:
        iv = os.urandom(16)
        padding = 16 - len(data) % 16
        return iv + _aes_cbc(file_key, iv, data + bytes([padding]) * padding)

    path.write_bytes(_one_page(encrypt, seal, version=b"2.0"))
    return path


def rc4_owner_only_pdf(path: Path, *, owner: str = "owner-secret") -> Path:
    """A one-page PDF reading :data:`TEXT`, RC4-encrypted with only an owner password."""
    user_padded = PASSWORD_PAD  # the empty user password, padded
    owner_key = hashlib.md5((owner.encode("latin-1") + PASSWORD_PAD)[:32]).digest()[:5]
    owner_entry = rc4(owner_key, user_padded)
    permissions = _PERMISSIONS.to_bytes(4, "little", signed=True)
    key = hashlib.md5(user_padded + owner_entry + permissions + _FILE_ID).digest()[:5]
    encrypt = (
        f"<< /Filter /Standard /V 1 /R 2 /O <{owner_entry.hex()}> "
        f"/U <{rc4(key, PASSWORD_PAD).hex()}> /P {_PERMISSIONS} >>"
    )

    def seal(number: int, data: bytes) -> bytes:
        object_key = hashlib.md5(key + number.to_bytes(3, "little") + b"\x00\x00").digest()
        return rc4(object_key[:10], data)

    path.write_bytes(_one_page(encrypt.encode(), seal, version=b"1.4"))
    return path


def _pdf_string(value: bytes, literal: bool) -> bytes:
    """Hexadecimal ``<...>``, or literal ``(...)``: printable bytes as they are, the
    delimiters escaped with a backslash, the rest as octal escapes."""
    if not literal:
        return b"<" + value.hex().encode() + b">"
    out = bytearray(b"(")
    for byte in value:
        if bytes([byte]) in b"()\\":
            out += b"\\" + bytes([byte])
        elif 32 <= byte < 127:
            out.append(byte)
        else:
            out += b"\\%03o" % byte
    return bytes(out + b")")


def _one_page(encrypt: bytes, seal, *, version: bytes) -> bytes:
    content = zlib.compress(f"BT /F1 12 Tf 72 700 Td ({TEXT}) Tj ET".encode())
    sealed = seal(4, content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(sealed) + sealed + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        encrypt,
    ]
    out, offsets = bytearray(b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 7\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    identifier = _FILE_ID.hex().encode()
    out += b"trailer\n<< /Size 7 /Root 1 0 R /Encrypt 6 0 R /ID [<%s> <%s>] >>\n" % (
        identifier,
        identifier,
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


# -- revision 6: the hash of ISO 32000-2, 7.6.4.3.4 ---------------------------------------------


def _r6_entry(password: bytes, user_entry: bytes, file_key: bytes) -> tuple[bytes, bytes]:
    """The /U (or /O) entry and the /UE (or /OE) wrapped file key for ``password``;
    ``user_entry`` is b"" for the user password and the /U entry for the owner's."""
    validation_salt, key_salt = os.urandom(8), os.urandom(8)
    entry = _r6_hash(password, validation_salt, user_entry) + validation_salt + key_salt
    wrapping_key = _r6_hash(password, key_salt, user_entry)
    return entry, _aes_cbc(wrapping_key, bytes(16), file_key)


def _r6_hash(password: bytes, salt: bytes, user_entry: bytes) -> bytes:
    digest = hashlib.sha256(password + salt + user_entry).digest()
    rounds = 0
    while True:
        block = (password + digest + user_entry) * 64
        encrypted = _aes128_cbc(digest[:16], digest[16:32], block)
        algorithm = ("sha256", "sha384", "sha512")[sum(encrypted[:16]) % 3]
        digest = hashlib.new(algorithm, encrypted).digest()
        rounds += 1
        if rounds >= 64 and encrypted[-1] <= rounds - 32:
            return digest[:32]


def _aes_cbc(key: bytes, iv: bytes, data: bytes) -> bytes:
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return encryptor.update(data) + encryptor.finalize()


_aes128_cbc = _aes_cbc  # the key's length chooses AES-128 or AES-256


def _aes_ecb(key: bytes, data: bytes) -> bytes:
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return encryptor.update(data) + encryptor.finalize()
