"""TLS to the shared database: a remote host is verified (verify-full) by default,
modes that do not check the server are refused unless explicitly allowed, and
a URL with a password inside is never stored nor printed.

The TLS tests run a real PostgreSQL with certificates made here: one for the
right host name signed by our CA, one for another name, and a self-signed one.
The "remote" host name is resolved with libpq's ``hostaddr`` to 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest
from sqlalchemy.engine import make_url

from workstation.config import Config
from workstation.sync.shared import NotConfigured, check_connection, SharedUnavailable, \
    secure_transport, shared_engine, shared_url, transport_state


def test_remote_host_defaults_to_verify_full_against_the_system_cas():
    u = secure_transport(make_url("postgresql+psycopg://anna@db.example.com/sales"))
    assert u.query["sslmode"] == "verify-full" and u.query["sslrootcert"] == "system"
    assert transport_state(u) == "verified"
    u = secure_transport(make_url("postgresql+psycopg://anna@10.0.0.5/sales"), ca_file="/etc/ca.pem")
    assert u.query["sslrootcert"] == "/etc/ca.pem"


@pytest.mark.parametrize("mode", ["disable", "allow", "prefer", "require", "verify-ca"])
def test_modes_that_do_not_check_the_server_are_refused_to_a_remote_host(mode):
    raw = f"postgresql+psycopg://anna@db.example.com/sales?sslmode={mode}"
    with pytest.raises(NotConfigured, match=f"sslmode={mode} to db.example.com"):
        secure_transport(make_url(raw))
    u = secure_transport(make_url(raw), allow_insecure=True)
    assert u.query["sslmode"] == mode and transport_state(u) == "insecure"


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_is_left_alone(host):
    h = f"[{host}]" if ":" in host else host
    u = secure_transport(make_url(f"postgresql+psycopg://anna@{h}:5432/sales"))
    assert "sslmode" not in u.query and transport_state(u) == "local"


def test_url_with_a_password_is_refused_and_never_listed(cli, isolated_home):
    code, _, err = cli("config", "set", "db.shared_url", "postgresql://anna:Pa55word@db.example.com/s")
    assert code == 2 and "set-secret db.shared_password" in err and "Pa55word" not in err
    # an older version may have stored one: listing hides it
    cfg = Config()
    cfg._values["db.shared_url"] = "postgresql://anna:Pa55word@db.example.com/s"
    cfg.save()
    for args in (("config", "list"), ("config", "list", "--json"),
                 ("config", "get", "db.shared_url")):
        code, out, err = cli(*args)
        assert code == 0 and "Pa55word" not in out + err and "***" in out, args
    assert "db.shared_url" in json.loads(cli("config", "list", "--json")[1])


def test_config_settings_reach_the_url(isolated_home):
    cfg = Config()
    cfg.set("db.shared_url", "postgresql://anna@db.example.com/sales")
    cfg.set("db.ssl_ca_file", "/srv/ca.pem")
    u = shared_url(cfg, password="x")
    assert (u.query["sslmode"], u.query["sslrootcert"]) == ("verify-full", "/srv/ca.pem")
    cfg.set("db.shared_url", "postgresql://anna@db.example.com/sales?sslmode=require")
    with pytest.raises(NotConfigured):
        shared_url(cfg, password="x")
    cfg.set("db.allow_insecure_tls", "true")
    assert shared_url(cfg, password="x").query["sslmode"] == "require"


# -- a real server with certificates ---------------------------------------------------------

def _certs(tmp):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.timezone.utc)

    def name(cn):
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    def make(cn, issuer_key=None, issuer_name=None, ca=False, san=None):
        key = ec.generate_private_key(ec.SECP256R1())
        b = (x509.CertificateBuilder().subject_name(name(cn))
             .issuer_name(issuer_name or name(cn)).public_key(key.public_key())
             .serial_number(x509.random_serial_number())
             .not_valid_before(now - dt.timedelta(minutes=5))
             .not_valid_after(now + dt.timedelta(days=2))
             .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
        if san:
            b = b.add_extension(x509.SubjectAlternativeName([x509.DNSName(san)]), critical=False)
        cert = b.sign(issuer_key or key, hashes.SHA256())
        return key, cert

    def write(stem, key, cert):
        (tmp / f"{stem}.crt").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        (tmp / f"{stem}.key").write_bytes(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption()))

    ca_key, ca = make("Workstation Test CA", ca=True)
    write("ca", ca_key, ca)
    for stem, host in (("good", "db.test.example"), ("wronghost", "other.test.example")):
        k, c = make(host, ca_key, ca.subject, san=host)
        write(stem, k, c)
    k, c = make("db.test.example", san="db.test.example")  # signed by nobody we trust
    write("selfsigned", k, c)
    return tmp


@pytest.fixture(scope="module")
def tls_cluster(request, tmp_path_factory):
    import pwd
    import shutil

    from sync.pgfixtures import _root_require
    from workstation.sync.pgcluster import PgCluster, find_pg_bin

    _root_require(request.config)(find_pg_bin() is not None, "PostgreSQL server is not installed")
    certs = _certs(tmp_path_factory.mktemp("certs"))
    cluster = PgCluster(fsync=False).init()
    for stem in ("good", "wronghost", "selfsigned"):
        for ext in ("crt", "key"):
            dst = cluster.data / f"{stem}.{ext}"
            shutil.copy(certs / f"{stem}.{ext}", dst)
            os.chmod(dst, 0o600)
            if os.geteuid() == 0:
                pg = pwd.getpwnam("postgres")
                os.chown(dst, pg.pw_uid, pg.pw_gid)
    cluster.start()
    cluster.certs = certs
    yield cluster
    cluster.destroy()


def _serve(cluster, stem):
    for sql in ("ALTER SYSTEM SET ssl = on", f"ALTER SYSTEM SET ssl_cert_file = '{stem}.crt'",
                f"ALTER SYSTEM SET ssl_key_file = '{stem}.key'", "SELECT pg_reload_conf()"):
        cluster.psql(sql, check=True)


def _url(cluster, **query):
    q = "&".join(f"{k}={v}" for k, v in {"hostaddr": "127.0.0.1", **query}.items())
    return f"postgresql://postgres@db.test.example:{cluster.port}/postgres?{q}"


def _try(cluster, url, **cfg):
    config = Config()
    config.set("db.shared_url", url)
    for k, v in cfg.items():
        config.set(k, v)
    engine = shared_engine(config, password=cluster.password)
    try:
        check_connection(engine)
    finally:
        engine.dispose()


@pytest.mark.pg
def test_verify_full_accepts_the_right_certificate_and_names_each_failure(tls_cluster,
                                                                          isolated_home):
    ca = str(tls_cluster.certs / "ca.crt")
    _serve(tls_cluster, "good")
    _try(tls_cluster, _url(tls_cluster), **{"db.ssl_ca_file": ca})  # verified: connects
    _serve(tls_cluster, "wronghost")
    with pytest.raises(SharedUnavailable, match="does not match host name"):
        _try(tls_cluster, _url(tls_cluster), **{"db.ssl_ca_file": ca})
    _serve(tls_cluster, "selfsigned")
    with pytest.raises(SharedUnavailable, match="certificate verify failed"):
        _try(tls_cluster, _url(tls_cluster), **{"db.ssl_ca_file": ca})
    # the old advice, sslmode=require, would have accepted it: now refused before connecting
    with pytest.raises(NotConfigured, match="sslmode=require"):
        _try(tls_cluster, _url(tls_cluster, sslmode="require"))
    _try(tls_cluster, _url(tls_cluster, sslmode="require"), **{"db.allow_insecure_tls": "true"})
