#!/usr/bin/python3
"""One-shot keystone initialisation, in-process (no HTTP, keystone need not run).

usage: keystone_init.py KEYSTONE_CONF DATA_DIR ADMIN_PW SERVICE_PW REGION AUTH_URL OUT_JSON < lines

Does, idempotently, what `keystone-manage fernet_setup; credential_setup; db_sync; bootstrap`
plus a series of REST calls would do, in ~1 python start instead of 4 (each keystone-manage
pays ~2.5 s of imports on a small box):
  * fernet + credential key repositories (DATA_DIR/fernet-keys, DATA_DIR/credential-keys)
  * schema (= db_sync), sqlite WAL mode (readers no longer block a writer's commit)
  * keystone-manage's own `bootstrap`: domain Default, project admin, user admin/ADMIN_PW,
    roles admin > member > reader, region REGION, identity endpoints AUTH_URL
  * roles service, ResellerAdmin; projects service, demo, alt_demo; users demo and alt_demo
    (ADMIN_PW, roles member + reader on their own project)
  * stdin lines from the parts' NAME_catalog hooks:
      user NAME                      service user NAME/SERVICE_PW in project service, roles admin + service
      endpoint NAME TYPE IFACE URL   catalog service NAME of TYPE, endpoint IFACE -> URL in REGION
                                     (URL may hold %(project_id)s); unlisted interfaces and
                                     unlisted services (except identity) are deleted
Writes {"projects": {name: id}, "users": {name: id}, "roles": {name: id}} to OUT_JSON.
The cache is disabled for this process: keystone must not fill the shared memcached from here.
"""
import json
import os
import sqlite3
import sys
import uuid

from cryptography.fernet import Fernet

conf_file, vdir, admin_pw, svc_pw, region, auth_url, out = sys.argv[1:8]
svc_users, endpoints = [], {}
for line in sys.stdin:
    f = line.split()
    if not f:
        continue
    if f[0] == "user" and len(f) == 2:
        svc_users.append(f[1])
    elif f[0] == "endpoint" and len(f) == 5:
        endpoints.setdefault((f[1], f[2]), {})[f[3]] = f[4]
    else:
        sys.exit("keystone_init.py: bad catalog line: %r" % line)

# = keystone-manage fernet_setup / credential_setup: keys 0 (staged) and 1 (primary)
for repo in ("fernet-keys", "credential-keys"):
    d = os.path.join(vdir, repo)
    os.makedirs(d, mode=0o700, exist_ok=True)
    for n in ("0", "1"):
        p = os.path.join(d, n)
        if not os.path.exists(p):
            fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.write(fd, Fernet.generate_key())
            os.close(fd)

nocache = os.path.join(vdir, "init-nocache.conf")
with open(nocache, "w") as fh:
    fh.write("[cache]\nenabled = false\n")

from keystone import exception  # noqa: E402
from keystone.cmd import cli  # noqa: E402
from keystone.common import driver_hints, provider_api  # noqa: E402
from keystone.common.sql import upgrades  # noqa: E402

P = provider_api.ProviderAPIs


def hints(**kw):
    h = driver_hints.Hints()
    for k, v in kw.items():
        h.add_filter(k, v)
    return h


def setup(b):
    """b: the keystone.cmd.bootstrap.Bootstrapper that just ran (backends loaded)."""
    dom = b.default_domain_id
    roles = {n: b._ensure_role_exists(n)["id"]
             for n in ("admin", "member", "reader", "service", "ResellerAdmin")}
    projects = {}
    for name in ("admin", "service", "demo", "alt_demo"):
        try:
            pid = uuid.uuid4().hex
            P.resource_api.create_project(pid, {
                "id": pid, "name": name, "domain_id": dom, "enabled": True,
                "description": name + " project"})
        except exception.Conflict:
            pid = P.resource_api.get_project_by_name(name, dom)["id"]
        projects[name] = pid
    users = {"admin": b.admin_user_id}

    def ensure_user(name, password, project, role_names):
        try:
            user = P.identity_api.get_user_by_name(name, dom)
            try:
                P.identity_api.driver.authenticate(user["id"], password)
            except AssertionError:
                P.identity_api.update_user(user["id"], {"password": password})
        except exception.UserNotFound:
            user = P.identity_api.create_user({
                "name": name, "domain_id": dom, "enabled": True, "password": password,
                "default_project_id": projects[project]})
        for r in role_names:
            try:
                P.assignment_api.add_role_to_user_and_project(
                    user_id=user["id"], project_id=projects[project], role_id=roles[r])
            except exception.Conflict:
                pass
        users[name] = user["id"]

    for name in ("demo", "alt_demo"):
        ensure_user(name, admin_pw, name, ("member", "reader"))
    for name in svc_users:
        ensure_user(name, svc_pw, "service", ("admin", "service"))

    # services of parts that are not started this time leave the catalog (identity stays)
    for svc in P.catalog_api.list_services():
        if svc["type"] != "identity" and (svc.get("name"), svc["type"]) not in endpoints:
            for e in P.catalog_api.list_endpoints(hints(service_id=svc["id"])):
                P.catalog_api.delete_endpoint(e["id"])
            P.catalog_api.delete_service(svc["id"])
    for (name, stype), ifaces in sorted(endpoints.items()):
        found = P.catalog_api.list_services(hints(type=stype, name=name))
        if found:
            sid = found[0]["id"]
        else:
            sid = uuid.uuid4().hex
            P.catalog_api.create_service(sid, {"id": sid, "name": name, "type": stype,
                                                "enabled": True})
        have = P.catalog_api.list_endpoints(hints(service_id=sid))
        for e in have:
            if e["interface"] not in ifaces or e.get("region_id") != region:
                P.catalog_api.delete_endpoint(e["id"])
        for iface, url in ifaces.items():
            mine = [e for e in have if e["interface"] == iface and e.get("region_id") == region]
            if not mine:
                eid = uuid.uuid4().hex
                P.catalog_api.create_endpoint(eid, {
                    "id": eid, "interface": iface, "url": url, "service_id": sid,
                    "region_id": region, "enabled": True})
            elif mine[0]["url"] != url:
                P.catalog_api.update_endpoint(mine[0]["id"], dict(mine[0], url=url))

    with open(out + ".tmp", "w") as fh:
        json.dump({"projects": projects, "users": users, "roles": roles}, fh, indent=1)
    os.replace(out + ".tmp", out)
    print("keystone init ok: users=%s services=%s" % (
        ",".join(sorted(users)), ",".join(n for n, _ in sorted(endpoints))))


def main():
    upgrades.offline_sync_database_to_version()              # = keystone-manage db_sync
    db = sqlite3.connect(os.path.join(vdir, "keystone.db"))
    db.execute("PRAGMA journal_mode=WAL")
    db.close()
    app = cli.BootStrap()
    app.do_bootstrap()
    setup(app.bootstrapper)


# keystone-manage's own option parsing and config loading, then main() instead of bootstrap
cli.BootStrap.main = staticmethod(main)
cli.main(argv=["keystone-manage", "--config-file", conf_file, "--config-file", nocache,
               "bootstrap", "--bootstrap-password", admin_pw, "--bootstrap-username", "admin",
               "--bootstrap-project-name", "admin", "--bootstrap-role-name", "admin",
               "--bootstrap-service-name", "keystone", "--bootstrap-region-id", region,
               "--bootstrap-admin-url", auth_url, "--bootstrap-public-url", auth_url,
               "--bootstrap-internal-url", auth_url])
