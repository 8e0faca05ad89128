#!/usr/bin/env bash
# Times whole `java -jar` audits (cold JVM, median of 3) and reports peak RSS, on the sample and on
# generated inputs of growing size. Usage: bench/run.sh [RULES...]   (default: 1000 10000 50000)
# Needs target/lyncaudit.jar (mvn -B -ntp package -DskipTests) and GNU time at /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/lyncaudit.jar
[ -f "$jar" ] || { echo "build first: mvn -B -ntp package -DskipTests" >&2; exit 2; }
out=bench/out
mkdir -p "$out"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000)

measure() { # label, then the audit arguments
  local label=$1; shift
  local walls=() rss=()
  for i in 1 2 3; do
    /usr/bin/time -f '%e %M' -o "$out/time.txt" java -jar "$jar" audit "$@" --format json --out "$out/report" --fail-on none >/dev/null 2>"$out/stderr.txt" || {
      echo "$label: audit failed"; cat "$out/stderr.txt"; exit 1; }
    read -r w m < "$out/time.txt"; walls+=("$w"); rss+=("$m")
  done
  local mw mr
  mw=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n 2p)
  mr=$(printf '%s\n' "${rss[@]}" | sort -n | sed -n 2p)
  printf '%-28s wall %6.2f s   peak RSS %6d MiB   (runs: %s)\n' "$label" "$mw" $((mr / 1024)) "${walls[*]}"
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
measure "sample contoso-single-edge-nat" samples/contoso-single-edge-nat/deployment.yaml
measure "sample contoso-scaled-dns-nat" samples/contoso-scaled-dns-nat/deployment.yaml
for n in "${sizes[@]}"; do
  java bench/GenerateBench.java "$out/gen-$n" "$n" 100
  measure "$n rules, 100 servers" "$out/gen-$n/deployment.yaml"
done
