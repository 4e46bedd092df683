#!/usr/bin/python3
"""Writes the import fixtures beside this folder from each app's documented layout, with tools independent of
the Java readers: hashlib (scrypt, PBKDF2), the 'cryptography' package (AES-GCM), protoc-generated protobuf
classes, qrencode and ImageMagick. Run from this folder with Debian's python3 (python3-cryptography,
python3-protobuf, protobuf-compiler, qrencode, imagemagick). Random salts and nonces come from a fixed seed so
reruns give the same files. The accounts are the table ACCOUNTS; ImportFixturesTest expects the same table."""
import base64, gzip, hashlib, json, os, random, subprocess, sys, tempfile, urllib.parse
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
rng = random.Random(6030)
def rand(n): return bytes(rng.getrandbits(8) for _ in range(n))

# issuer, account, type, algorithm, digits, period, counter, base32 secret
A = ("Deno", "mason@example.com", "totp", "SHA1", 6, 30, 0, "QKJ2CSHKIEUNLV2YM7SG2UTQKEWPUFBO")
B = ("SPDX", "james", "totp", "SHA256", 8, 60, 0, "NE3SBAI62IVQAVPHBB2QXAA5B57IXXLD")
C = ("Example, Inc.", "elijah", "totp", "SHA512", 7, 30, 0, "OJT3CK7KT5ASRXNERGKQNOWGTZMRFPDV")
D = ("Air Canada", "benjamin", "hotp", "SHA1", 6, 30, 10, "YG2CH27U5OBIO2WVYNE35XJHSHAHVDJE")
E = ("Steam", "sophia", "steam", "SHA1", 5, 30, 0, "O3W6OGR35GBNMU7ZSXJ46UHONMIVQB2D")

def b32bytes(s): return base64.b32decode(s + "=" * (-len(s) % 8))
def write(path, data):
    full = os.path.join(OUT, path); os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f: f.write(data if isinstance(data, bytes) else data.encode())
def q(s): return urllib.parse.quote(s, safe="")

def otpauth(a, steam_form="encoder"):
    issuer, account, typ, algo, digits, period, counter, secret = a
    host = "hotp" if typ == "hotp" else ("steam" if typ == "steam" and steam_form == "host" else "totp")
    uri = f"otpauth://{host}/{q(issuer)}:{q(account)}?secret={secret}&issuer={q(issuer)}&algorithm={algo}&digits={digits}"
    uri += f"&counter={counter}" if typ == "hotp" else f"&period={period}"
    if typ == "steam" and steam_form == "encoder": uri += "&encoder=steam"
    return uri

# --- Aegis (docs/vault.md) ---
def aegis_entry(a, uuid):
    issuer, account, typ, algo, digits, period, counter, secret = a
    info = {"secret": secret, "algo": algo, "digits": digits}
    if typ == "hotp": info["counter"] = counter
    else: info["period"] = period
    return {"type": typ, "uuid": uuid, "name": account, "issuer": issuer, "note": "", "favorite": False,
            "icon": None, "info": info, "groups": []}
def aegis_db(accounts):
    entries = [aegis_entry(a, f"00000000-0000-4000-8000-00000000000{i}") for i, a in enumerate(accounts)]
    return {"version": 3, "entries": entries, "groups": []}
plain_db = aegis_db([A, B, C, D, E])
plain_db["entries"].append({"type": "yandex", "uuid": "00000000-0000-4000-8000-000000000009", "name": "ivan",
    "issuer": "Yandex", "note": "", "icon": None,
    "info": {"secret": "JBSWY3DPEHPK3PXP", "algo": "SHA256", "digits": 8, "period": 30, "pin": "1234"}})
write("aegis/aegis-plain.json", json.dumps({"version": 1, "header": {"slots": None, "params": None},
      "db": plain_db}, indent=4))

password = b"test"
master = rand(32)
salt = rand(32); n, r, p = 32768, 8, 1
derived = hashlib.scrypt(password, salt=salt, n=n, r=r, p=p, dklen=32, maxmem=64 * 1024 * 1024)
key_nonce = rand(12)
wrapped = AESGCM(derived).encrypt(key_nonce, master, None)
db_nonce = rand(12)
db_ct = AESGCM(master).encrypt(db_nonce, json.dumps(aegis_db([A, B, D, E])).encode(), None)
write("aegis/aegis-encrypted.json", json.dumps({"version": 1, "header": {"slots": [
    {"type": 2, "uuid": "11111111-0000-4000-8000-000000000000", "key": rand(32).hex(),
     "key_params": {"nonce": rand(12).hex(), "tag": rand(16).hex()}},
    {"type": 1, "uuid": "22222222-0000-4000-8000-000000000000", "key": wrapped[:-16].hex(),
     "key_params": {"nonce": key_nonce.hex(), "tag": wrapped[-16:].hex()},
     "n": n, "r": r, "p": p, "salt": salt.hex(), "repaired": True, "is_backup": False}],
    "params": {"nonce": db_nonce.hex(), "tag": db_ct[-16:].hex()}},
    "db": base64.b64encode(db_ct[:-16]).decode()}, indent=4))

# --- 2FAS (servicesEncrypted = b64(ct+tag):b64(salt):b64(iv); PBKDF2-HMAC-SHA256, 10000, AES-256-GCM) ---
def twofas_service(a, position):
    issuer, account, typ, algo, digits, period, counter, secret = a
    otp = {"label": account, "account": account, "issuer": issuer, "digits": digits, "algorithm": algo,
           "tokenType": typ.upper(), "source": "Link"}
    if typ == "hotp": otp["counter"] = counter
    else: otp["period"] = period
    return {"name": issuer, "secret": secret, "updatedAt": 1708958115316 + position, "otp": otp,
            "order": {"position": position}, "icon": {"selected": "Label", "label": {"text": issuer[:2].upper(),
            "backgroundColor": "Brown"}, "iconCollection": {"id": "a5b3fb65-4ec5-43e6-8ec1-49e24ca9e7ad"}}}
def twofas(services, encrypted_services):
    doc = {"services": services, "groups": [], "updatedAt": 1708958401763, "schemaVersion": 4,
           "appVersionCode": 5000017, "appVersionName": "5.3.0", "appOrigin": "android"}
    if encrypted_services is not None:
        salt2 = rand(256); iv = rand(12)
        key = hashlib.pbkdf2_hmac("sha256", password, salt2, 10000, 32)
        ct = AESGCM(key).encrypt(iv, json.dumps(encrypted_services).encode(), None)
        doc["servicesEncrypted"] = ":".join(base64.b64encode(x).decode() for x in (ct, salt2, iv))
        iv2 = rand(12)
        ref = AESGCM(key).encrypt(iv2, b"reference-of-the-app", None)
        doc["reference"] = ":".join(base64.b64encode(x).decode() for x in (ref, salt2, iv2))
    return json.dumps(doc)
write("2fas/2fas-plain.2fas", twofas([twofas_service(a, i) for i, a in enumerate([A, B, C, D, E])], None))
write("2fas/2fas-encrypted.2fas", twofas([], [twofas_service(a, i) for i, a in enumerate([A, D, E])]))

# --- Bitwarden unencrypted export ---
def bw_item(i, name, username, totp, typ=1):
    item = {"id": f"0000000{i}-aaaa-4bbb-8ccc-dddddddddddd", "organizationId": None, "folderId": None, "type": typ,
            "reprompt": 0, "name": name, "notes": None, "favorite": False, "fields": [], "collectionIds": None}
    if typ == 1:
        item["login"] = {"fido2Credentials": [], "uris": [{"match": None, "uri": "https://example.com"}],
                         "username": username, "password": "correct horse", "totp": totp}
    else:
        item["secureNote"] = {"type": 0}
    return item
write("bitwarden/bitwarden-export.json", json.dumps({"encrypted": False, "folders": [], "items": [
    bw_item(1, "Deno", "mason@example.com", A[7]),
    bw_item(2, "SPDX", "james", otpauth(B)),
    bw_item(3, "Mail", "nobody", None),
    bw_item(4, "Steam", "sophia", "steam://" + E[7]),
    bw_item(5, "Wi-Fi password", None, None, typ=2)]}, indent=2))

# --- andOTP plain backup ---
def andotp(a):
    issuer, account, typ, algo, digits, period, counter, secret = a
    e = {"secret": secret, "issuer": issuer, "label": account, "digits": digits, "type": typ.upper(),
         "algorithm": algo, "thumbnail": "Default", "last_used": 1708958115316, "used_frequency": 0, "tags": []}
    if typ == "hotp": e["counter"] = counter
    else: e["period"] = period
    return e
write("andotp/otp_accounts.json", json.dumps([andotp(a) for a in [A, B, C, D, E]]))

# --- FreeOTP+ backup (secret as signed Java bytes) ---
def freeotp(a):
    issuer, account, typ, algo, digits, period, counter, secret = a
    signed = [b - 256 if b > 127 else b for b in b32bytes(secret)]
    return {"algo": algo, "counter": counter, "digits": digits, "issuerExt": issuer, "issuerInt": issuer,
            "label": account, "period": period, "secret": signed, "type": typ.upper()}
tokens = [freeotp(a) for a in [A, B, C, D]]
write("freeotpplus/freeotp-backup.json", json.dumps({"tokenOrder": [f"{t['issuerExt']}:{t['label']}" for t in tokens],
      "tokens": tokens}))

# --- Google Authenticator migration (two batches) ---
subprocess.run(["protoc", f"--python_out={tempfile.gettempdir()}", f"--proto_path={HERE}", "migration.proto"], check=True)
sys.path.insert(0, tempfile.gettempdir())
import migration_pb2 as pb
def ga_param(a):
    issuer, account, typ, algo, digits, period, counter, secret = a
    m = pb.MigrationPayload.OtpParameters(secret=b32bytes(secret), name=f"{issuer}:{account}", issuer=issuer,
        algorithm={"SHA1": 1, "SHA256": 2, "SHA512": 3}[algo], digits={6: 1, 8: 2}[digits],
        type={"totp": 2, "hotp": 1}[typ], counter=counter)
    return m
B30 = ("SPDX", "james", "totp", "SHA256", 8, 30, 0, B[7])
def ga_uri(accounts, index, size, batch_id=1337):
    payload = pb.MigrationPayload(otp_parameters=[ga_param(a) for a in accounts], version=1, batch_size=size,
        batch_index=index, batch_id=batch_id)
    return "otpauth-migration://offline?data=" + q(base64.b64encode(payload.SerializeToString()).decode())
ga1, ga2 = ga_uri([A, B30], 0, 2), ga_uri([D], 1, 2)
write("google/google-authenticator-export.txt", ga1 + "\n" + ga2 + "\n")
write("google/google-authenticator-missing-batch.txt", ga1 + "\n")

# --- otpauth URIs one a line (Ente Auth plain export adds a codeDisplay JSON parameter) ---
ente = [otpauth(a, "host") + "&codeDisplay=" + q('{"pinned":false,"trashed":false,"tags":[]}') for a in [A, B, C, D, E]]
write("text/ente-auth-export.txt", "\n".join(ente) + "\n")
write("text/mixed-good-and-bad.txt", "# exported by hand\n\n" + otpauth(A) + "\n" +
      "otpauth://totp/Broken:eve?secret=NOT*BASE32&issuer=Broken\n" +
      "https://example.com/not-a-uri\n" + otpauth(D) + "\n")

# --- CSV ---
rows = ["issuer,account,secret,type,algorithm,digits,period,counter"]
for a in [A, B, C, D, E]:
    issuer, account, typ, algo, digits, period, counter, secret = a
    cell = '"' + issuer.replace('"', '""') + '"' if "," in issuer else issuer
    rows.append(f"{cell},{account},{secret},{typ},{algo},{digits},{period if typ != 'hotp' else ''},{counter if typ == 'hotp' else ''}")
write("csv/watchword.csv", "\r\n".join(rows) + "\r\n")

# --- QR images ---
def qr(text, path, size=6):
    subprocess.run(["qrencode", "-l", "M", "-s", str(size), "-m", "4", "-o", path, text], check=True)
with tempfile.TemporaryDirectory() as tmp:
    single = os.path.join(OUT, "qr/single-totp.png"); os.makedirs(os.path.dirname(single), exist_ok=True)
    qr(otpauth(A), single)
    parts = []
    for i, a in enumerate([A, D, E]):
        parts.append(os.path.join(tmp, f"p{i}.png")); qr(otpauth(a, "host"), parts[-1], 4)
    subprocess.run(["convert", parts[0], parts[1], "+append", os.path.join(tmp, "row1.png")], check=True)
    subprocess.run(["convert", parts[2], "-gravity", "center", "-background", "white", "-extent", "600x350",
                    os.path.join(tmp, "row2.png")], check=True)
    subprocess.run(["convert", os.path.join(tmp, "row1.png"), os.path.join(tmp, "row2.png"), "-background", "white",
                    "-gravity", "west", "-append", os.path.join(OUT, "qr/three-codes.png")], check=True)
    photo_src = os.path.join(tmp, "photo.png"); qr(otpauth(B), photo_src, 8)
    # A phone photo of a screen: slight rotation, perspective, blur, grey cast, sensor noise, JPEG at quality 70.
    subprocess.run(["convert", photo_src, "-background", "#d8d8d0", "-rotate", "7",
                    "-distort", "Perspective", "0,0 12,20  %[fx:w],0 %[fx:w-25],8  0,%[fx:h] 5,%[fx:h-10]  %[fx:w],%[fx:h] %[fx:w-8],%[fx:h-22]",
                    "-blur", "0x1.2", "-fill", "#607080", "-colorize", "12", "-seed", "42",
                    "-attenuate", "0.6", "+noise", "Gaussian", "-quality", "70",
                    os.path.join(OUT, "qr/screen-photo.jpg")], check=True)
    g1, g2 = os.path.join(tmp, "g1.png"), os.path.join(tmp, "g2.png")
    qr(ga1, g1, 4); qr(ga2, g2, 4)
    subprocess.run(["convert", g1, g2, "-background", "white", "+append", os.path.join(OUT, "qr/google-export-two-codes.png")], check=True)
print("fixtures written to", OUT)
