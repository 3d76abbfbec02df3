# shellcheck shell=bash
# smoke.sh's checks of the service parts beyond keystone + swift, one function per part (sourced
# by smoke.sh, which runs the ones whose part is in env.json). Each creates what it checks under
# a smoke-$$ name and deletes it again. Uses smoke.sh's req/ok/fail/hdr, $TMP and $ADMIN_TOKEN.
A=(-H "X-Auth-Token: $ADMIN_TOKEN")
J=(-H 'Content-Type: application/json')
# jq-less JSON: pyget EXPR (on `d`, the last body) prints the value
pyget() { $PY -c "import json, sys; d = json.load(open(sys.argv[1])); print($1)" "$TMP/body"; }
# poll WHAT URL EXPR [seconds]: GET (admin) until EXPR on the body is true
poll() {
  local what=$1 url=$2 expr=$3 end=$(( $(date +%s) + ${4:-60} ))
  until curl -s -m 10 "${A[@]}" -o "$TMP/body" "$url" && $PY -c "import json, sys; d = json.load(open(sys.argv[1])); sys.exit(0 if ($expr) else 1)" "$TMP/body" 2>/dev/null; do
    [ "$(date +%s)" -lt "$end" ] || fail "$what: not ($expr) after ${4:-60} s"
    sleep 0.5
  done
  ok "$what"
}

smoke_glance() {
  local G=http://$H:9292/v2 id
  req 200 GET "$G/images?name=sdk-test-image" "${A[@]}"
  [ "$(pyget 'len(d["images"])')" = 1 ] || fail "seeded image sdk-test-image missing"
  req 201 POST "$G/images" "${A[@]}" "${J[@]}" -d "{\"name\":\"smoke-$$\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}"
  id=$(pyget 'd["id"]')
  req 204 PUT "$G/images/$id/file" "${A[@]}" -H 'Content-Type: application/octet-stream' --data-binary @"$TMP/obj"
  req 200 GET "$G/images/$id/file" "${A[@]}"
  cmp -s "$TMP/body" "$TMP/obj" || fail "image download differs"
  req 200 GET "$G/images/$id" "${A[@]}"
  [ "$(pyget 'd["status"]')" = active ] || fail "image status $(pyget 'd["status"]') != active"
  req 204 DELETE "$G/images/$id" "${A[@]}"
}

smoke_placement() {
  req 200 GET "http://$H:8778/"
  req 200 GET "http://$H:8778/resource_providers" "${A[@]}" -H 'OpenStack-API-Version: placement 1.1'
}

smoke_zaqar() {
  local Z=http://$H:8888/v2/queues/smoke-$$ C=(-H "Client-ID: 3381af92-2b9e-11e3-b191-71861300734c")
  req 201 PUT "$Z" "${A[@]}" "${C[@]}" "${J[@]}" -d '{}'
  req 201 POST "$Z/messages" "${A[@]}" "${C[@]}" "${J[@]}" -d '{"messages":[{"ttl":300,"body":{"event":"smoke"}}]}'
  req 200 GET "$Z/messages?echo=true" "${A[@]}" "${C[@]}"
  [ "$(pyget 'd["messages"][0]["body"]["event"]')" = smoke ] || fail "zaqar message body differs"
  req 201 POST "$Z/claims" "${A[@]}" "${C[@]}" "${J[@]}" -d '{"ttl":60,"grace":60}'
  req 204 DELETE "$Z" "${A[@]}" "${C[@]}"
}

smoke_neutron() {
  local N=http://$H:9696/v2.0 net sub port
  req 201 POST "$N/networks" "${A[@]}" "${J[@]}" -d "{\"network\":{\"name\":\"smoke-$$\"}}"
  net=$(pyget 'd["network"]["id"]')
  req 201 POST "$N/subnets" "${A[@]}" "${J[@]}" -d "{\"subnet\":{\"network_id\":\"$net\",\"ip_version\":4,\"cidr\":\"192.0.2.0/24\"}}"
  sub=$(pyget 'd["subnet"]["id"]')
  req 201 POST "$N/ports" "${A[@]}" "${J[@]}" -d "{\"port\":{\"network_id\":\"$net\"}}"
  port=$(pyget 'd["port"]["id"]')
  [ "$(pyget 'd["port"]["fixed_ips"][0]["subnet_id"]')" = "$sub" ] || fail "port got no address on the subnet"
  req 204 DELETE "$N/ports/$port" "${A[@]}"
  req 204 DELETE "$N/subnets/$sub" "${A[@]}"
  req 204 DELETE "$N/networks/$net" "${A[@]}"
}

smoke_cinder() {
  local V=http://$H:8776/v3/$ADMIN_PROJECTID id
  req 202 POST "$V/volumes" "${A[@]}" "${J[@]}" -d "{\"volume\":{\"size\":1,\"name\":\"smoke-$$\"}}"
  id=$(pyget 'd["volume"]["id"]')
  poll "volume $id available" "$V/volumes/$id" 'd["volume"]["status"] == "available"' 60
  req 202 DELETE "$V/volumes/$id" "${A[@]}"
}

smoke_nova() {
  local C=http://$H:8774/v2.1 img id
  req 200 GET "$C/flavors" "${A[@]}"
  pyget '[f["id"] for f in d["flavors"]]' | grep -q "'42'" || fail "flavor m1.nano (42) missing"
  req 200 GET "http://$H:9292/v2/images?name=sdk-test-image" "${A[@]}"
  img=$(pyget 'd["images"][0]["id"]')
  req 202 POST "$C/servers" "${A[@]}" "${J[@]}" -H 'OpenStack-API-Version: compute 2.37' \
    -d "{\"server\":{\"name\":\"smoke-$$\",\"imageRef\":\"$img\",\"flavorRef\":\"42\",\"networks\":\"none\"}}"
  id=$(pyget 'd["server"]["id"]')
  poll "server $id built" "$C/servers/$id" 'd["server"]["status"] != "BUILD"' 90
  [ "$(pyget 'd["server"]["status"]')" = ACTIVE ] || fail "server $id: $(pyget 'd["server"].get("status"), d["server"].get("fault")')"
  req 204 DELETE "$C/servers/$id" "${A[@]}"
}

smoke_trove() {
  local T=http://$H:8779/v1.0/$ADMIN_PROJECTID
  req 200 GET "$T/datastores" "${A[@]}"
  pyget '[v["name"] for s in d["datastores"] if s["name"] == "mysql" for v in s["versions"]]' | grep -q "'5.7'" ||
    fail "datastore mysql 5.7 missing"
  req 200 GET "$T/flavors" "${A[@]}"
}

smoke_designate() {
  local Z=http://$H:9001/v2/zones id
  req 202 POST "$Z" "${A[@]}" "${J[@]}" -d "{\"name\":\"smoke-$$.example.\",\"email\":\"admin@example.com\"}"
  id=$(pyget 'd["id"]')
  poll "zone smoke-$$.example. ACTIVE" "$Z/$id" 'd["status"] == "ACTIVE"' 60
  req 202 POST "$Z/$id/recordsets" "${A[@]}" "${J[@]}" -d "{\"name\":\"www.smoke-$$.example.\",\"type\":\"A\",\"records\":[\"192.0.2.1\"]}"
  req 202 DELETE "$Z/$id" "${A[@]}"
}
