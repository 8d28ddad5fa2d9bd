#!/usr/bin/env bash
# Makes password hashes with implementations independent of Twofold's (htpasswd, the argon2
# reference tool, OpenSSL, Python's hashlib/hmac), one per line of a tab-separated file that
# ImportedHashes reads: the fields of Auth0's password_hash / custom_password_hash, the password,
# and a name. hashes.tsv beside this script was made by it; FreshHashesTest runs it again at test
# time, with new salts, when the tools are installed (apt-get install apache2-utils argon2 openssl python3).
#
# Columns: name, password, algorithm ("password_hash" for Auth0's bcrypt field), hash value,
# hash encoding, hmac digest, hmac key, key encoding, salt, salt encoding, salt position,
# password encoding; "-" for absent.
set -euo pipefail
out="${1:-$(dirname "$0")/hashes.tsv}"
: > "$out"

row() { (IFS=$'\t'; echo "$*") >> "$out"; }

# bcrypt: htpasswd writes $2y$ only; $2a$ and $2b$ name the same algorithm (they mark bugs fixed in
# other implementations that do not touch these passwords), so the same hash is relabelled.
pw='bcrypt-Pw-1'
h=$(htpasswd -bnBC 10 '' "$pw" | cut -d: -f2)
row bcrypt-2y "$pw" password_hash "$h" - - - - - - - -
row bcrypt-2b "$pw" password_hash "\$2b\$${h#\$2y\$}" - - - - - - - -
pw='bcrypt-Pw-2-ünïcödé'
h=$(htpasswd -bnBC 6 '' "$pw" | cut -d: -f2)
row bcrypt-2a-custom "$pw" bcrypt "\$2a\$${h#\$2y\$}" utf8 - - - - - - -

# Argon2: the reference implementation's command-line tool.
i=0
for variant in id i d; do
  for version in 13 10; do
    i=$((i + 1))
    pw="argon2$variant-v$version-Pw-$i"
    salt=$(openssl rand -hex 8)
    h=$(printf '%s' "$pw" | argon2 "$salt" "-$variant" -t 2 -k 1024 -p 2 -l 32 -v "$version" -e)
    row "argon2$variant-v$version" "$pw" argon2 "$h" utf8 - - - - - - -
  done
done

# PBKDF2, scrypt, plain and salted digests, HMAC, LDAP: Python's hashlib and hmac.
python3 - "$out" <<'PY'
import base64, hashlib, hmac, os, subprocess, sys

out = open(sys.argv[1], "a")

def row(*fields):
    out.write("\t".join(str(f) for f in fields) + "\n")

def b64(data, pad=False):
    text = base64.b64encode(data).decode()
    return text if pad else text.rstrip("=")

def enc(data, encoding):
    return data.hex() if encoding == "hex" else b64(data, pad=True)

# PBKDF2 in Auth0's PHC form, and one in passlib's (iterations alone, "." for "+").
for digest, iterations, length in (("sha1", 1000, 20), ("sha256", 2000, 32), ("sha512", 1500, 64), ("md5", 1000, 16)):
    pw = f"pbkdf2-{digest}-Pw"
    salt = os.urandom(16)
    dk = hashlib.pbkdf2_hmac(digest, pw.encode(), salt, iterations, length)
    row(f"pbkdf2-{digest}", pw, "pbkdf2", f"$pbkdf2-{digest}$i={iterations},l={length}${b64(salt)}${b64(dk)}",
        "utf8", "-", "-", "-", "-", "-", "-", "-")
pw = "pbkdf2-passlib-Pw"
salt = os.urandom(16)
dk = hashlib.pbkdf2_hmac("sha256", pw.encode(), salt, 1200, 32)
row("pbkdf2-sha256-passlib", pw, "pbkdf2",
    f"$pbkdf2-sha256$1200${b64(salt).replace('+', '.')}${b64(dk).replace('+', '.')}", "utf8", "-", "-", "-", "-", "-", "-", "-")

# scrypt in passlib's PHC form (Twofold's addition to Auth0's algorithms).
pw = "scrypt-Pw"
salt = os.urandom(16)
dk = hashlib.scrypt(pw.encode(), salt=salt, n=2 ** 12, r=8, p=1, dklen=32)
row("scrypt", pw, "scrypt", f"$scrypt$ln=12,r=8,p=1${b64(salt)}${b64(dk)}", "utf8", "-", "-", "-", "-", "-", "-", "-")

# md4 is gone from hashlib on OpenSSL 3: openssl's legacy provider makes it.
def md4(data):
    return subprocess.run(["openssl", "dgst", "-md4", "-provider", "legacy", "-provider", "default", "-binary"],
                          input=data, capture_output=True, check=True).stdout

def digest(name, data):
    return md4(data) if name == "md4" else hashlib.new(name, data).digest()

# Plain and salted digests: every algorithm, both positions, each hash and salt encoding.
cases = [
    ("md4", "prefix", "hex", "utf8"), ("md4", None, "base64", None),
    ("md5", "prefix", "hex", "utf8"), ("md5", "suffix", "base64", "hex"), ("md5", None, "hex", None),
    ("sha1", "suffix", "hex", "base64"), ("sha1", None, "base64", None),
    ("sha256", "prefix", "hex", "utf8"), ("sha256", "suffix", "base64", "base64"), ("sha256", None, "hex", None),
    ("sha512", "prefix", "base64", "hex"), ("sha512", "suffix", "hex", "utf8"), ("sha512", None, "base64", None),
]
for algorithm, position, encoding, salt_encoding in cases:
    pw = f"{algorithm}-{position or 'plain'}-{encoding}-Pw-ü"
    if position is None:
        h = digest(algorithm, pw.encode())
        row(f"{algorithm}-plain-{encoding}", pw, algorithm, enc(h, encoding), encoding, "-", "-", "-", "-", "-", "-", "-")
        continue
    salt = os.urandom(6).hex().encode() if salt_encoding == "utf8" else os.urandom(12)
    data = salt + pw.encode() if position == "prefix" else pw.encode() + salt
    h = digest(algorithm, data)
    salt_text = salt.decode() if salt_encoding == "utf8" else enc(salt, salt_encoding)
    row(f"{algorithm}-{position}-{encoding}-salt-{salt_encoding}", pw, algorithm, enc(h, encoding), encoding,
        "-", "-", "-", salt_text, salt_encoding, position, "-")

# Uppercase hex, and url-safe base64 (Auth0 accepts both).
pw = "sha256-upper-hex-Pw"
row("sha256-upper-hex", pw, "sha256", hashlib.sha256(pw.encode()).hexdigest().upper(), "hex", "-", "-", "-", "-", "-", "-", "-")
pw = "sha512-urlsafe-Pw"
row("sha512-urlsafe-base64", pw, "sha512", base64.urlsafe_b64encode(hashlib.sha512(pw.encode()).digest()).decode(),
    "base64", "-", "-", "-", "-", "-", "-", "-")

# Password encodings other than UTF-8 (Node's Buffer.from(password, encoding)).
pw = "pässwörd-latin1"
row("sha256-password-latin1", pw, "sha256", hashlib.sha256(pw.encode("latin-1")).hexdigest(), "hex",
    "-", "-", "-", "-", "-", "-", "latin1")
pw = "pässwörd-utf16"
salt = b"s4lt"
row("sha1-password-utf16le", pw, "sha1", hashlib.sha1(salt + pw.encode("utf-16-le")).hexdigest(), "hex",
    "-", "-", "-", salt.decode(), "utf8", "prefix", "utf16le")

# HMAC under a key, the key in each encoding.
for name, digest_name, encoding, key, key_encoding in (
        ("hmac-sha1-base64-key-hex", "sha1", "base64", os.urandom(3), "hex"),
        ("hmac-sha256-hex-key-utf8", "sha256", "hex", b"pepper-key", "utf8"),
        ("hmac-sha512-base64-key-base64", "sha512", "base64", os.urandom(32), "base64"),
        ("hmac-md5-hex-key-utf8", "md5", "hex", b"k", "utf8")):
    pw = f"{name}-Pw"
    h = hmac.new(key, pw.encode(), digest_name).digest()
    key_text = key.decode() if key_encoding == "utf8" else enc(key, key_encoding)
    row(name, pw, "hmac", enc(h, encoding), encoding, digest_name, key_text, key_encoding, "-", "-", "-", "-")

# LDAP userPassword values (RFC 2307 and the SHA-2 ones): {S...} hold digest(password + salt) + salt.
for scheme, name in (("SHA", "sha1"), ("MD5", "md5"), ("SHA256", "sha256"), ("SHA512", "sha512")):
    pw = f"ldap-{scheme}-Pw"
    row(f"ldap-{scheme}", pw, "ldap", "{" + scheme + "}" + b64(hashlib.new(name, pw.encode()).digest(), pad=True),
        "utf8", "-", "-", "-", "-", "-", "-", "-")
    pw = f"ldap-S{scheme}-Pw"
    salt = os.urandom(8)
    row(f"ldap-S{scheme}", pw, "ldap",
        "{S" + scheme + "}" + b64(hashlib.new(name, pw.encode() + salt).digest() + salt, pad=True),
        "utf8", "-", "-", "-", "-", "-", "-", "-")
PY
