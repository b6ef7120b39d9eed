"""Certificates for the SIP TLS tests, made with the ``cryptography`` package.

``make_pbx_certs(folder)`` writes a test CA and four server certificates for a
PBX on 127.0.0.1, as PEM files ``NAME.crt`` / ``NAME.key``:

| name | what |
|---|---|
| ``ca`` | the test CA (the softphone's ``sip.tls_ca_file``) |
| ``good`` | signed by the CA, for IP 127.0.0.1 and DNS localhost, valid now |
| ``wronghost`` | signed by the CA, valid now, but for ``pbx.elsewhere.test`` only |
| ``selfsigned`` | for 127.0.0.1, valid now, signed by itself (a CA nobody trusts) |
| ``expired`` | signed by the CA, for 127.0.0.1, expired yesterday |
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

PBX_IP = "127.0.0.1"


def _cert(subject: str, key, *, issuer=None, issuer_key=None, ca: bool = False,
          names: list[x509.GeneralName] | None = None, days: tuple[float, float] = (-1, 2)):
    now = dt.datetime.now(dt.timezone.utc)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    builder = (x509.CertificateBuilder().subject_name(name)
               .issuer_name(issuer.subject if issuer is not None else name)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now + dt.timedelta(days=days[0]))
               .not_valid_after(now + dt.timedelta(days=days[1]))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if ca:
        builder = builder.add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=False, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
            encipher_only=False, decipher_only=False), critical=True)
    else:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
    if names:
        builder = builder.add_extension(x509.SubjectAlternativeName(names), critical=False)
    return builder.sign(issuer_key or key, hashes.SHA256())


def _write(folder: Path, stem: str, key, cert) -> None:
    (folder / f"{stem}.crt").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / f"{stem}.key").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption()))
    (folder / f"{stem}.key").chmod(0o600)


def make_pbx_certs(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)

    def new_key():
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)

    ca_key = new_key()
    ca = _cert("Workstation SIP Test CA", ca_key, ca=True, days=(-2, 30))
    _write(folder, "ca", ca_key, ca)
    here = [x509.IPAddress(ipaddress.ip_address(PBX_IP)), x509.DNSName("localhost")]
    specs = {
        "good": dict(names=here),
        "wronghost": dict(names=[x509.DNSName("pbx.elsewhere.test")], subject="pbx.elsewhere.test"),
        "expired": dict(names=here, days=(-30, -1)),
    }
    for stem, spec in specs.items():
        key = new_key()
        cert = _cert(spec.get("subject", PBX_IP), key, issuer=ca, issuer_key=ca_key,
                     names=spec["names"], days=spec.get("days", (-1, 2)))
        _write(folder, stem, key, cert)
    key = new_key()
    _write(folder, "selfsigned", key, _cert(PBX_IP, key, names=here))
    return folder
