#!/usr/bin/env bash
# Times imports of large vendor configs: the whole `java -jar target/lyncaudit.jar parse FILE --format json`
# process, its output written to bench/out/, a cold JVM each time, the median of 3 runs (wall time and peak RSS
# from GNU time, as in run.sh). With LYNCAUDIT_TIMING=1 parse also reports its phases: "import" (read, parse,
# convert) and "write" (the neutral JSON); the rest of the wall time is JVM start-up, which the first line, the
# parse of a 73-line fixture, shows on its own.
# Usage: bench/import.sh [N] [ROWS] [RULES] [POLICIES]   (default 100000: an N-line Cisco ASA config, an N-rule iptables-save file, and an
# N-line Juniper SRX configuration in set form with the same configuration in the hierarchical form;
# default 250000: a ROWS-row rule sheet as XLSX and as CSV, and a sheet of 1000 MiB of XML at the edge of POI's zip-bomb ratio;
# default 20000: a PAN-OS running configuration of RULES security rules, as XML and in the set form;
# default 20000: a FortiGate `show` with POLICIES policies)
# Needs target/lyncaudit.jar (mvn -B -ntp package -DskipTests) and GNU time at /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/lyncaudit.jar
[ -f "$jar" ] || { echo "build first: mvn -B -ntp package -DskipTests" >&2; exit 2; }
out=bench/out
mkdir -p "$out"
n=${1:-100000}
rows=${2:-250000}
rules=${3:-20000}
policies=${4:-20000}

median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }

measure() { # label, file
  local label=$1 file=$2
  local walls=() rss=() imports=() writes=()
  for i in 1 2 3; do
    LYNCAUDIT_TIMING=1 /usr/bin/time -f '%e %M' -o "$out/time.txt" java -jar "$jar" parse "$file" --format json \
        >"$out/parse.json" 2>"$out/stderr.txt" || { echo "$label: parse failed"; cat "$out/stderr.txt"; exit 1; }
    read -r w m < "$out/time.txt"; walls+=("$w"); rss+=("$m")
    imports+=("$(sed -n 's/.*import=\([0-9]*\)ms.*/\1/p' "$out/stderr.txt")")
    writes+=("$(sed -n 's/.*write=\([0-9]*\)ms.*/\1/p' "$out/stderr.txt")")
  done
  local total unrec
  total=$(grep -m1 '"total"' "$out/parse.json" | tr -dc 0-9)
  unrec=$(grep -m1 '"unrecognized"' "$out/parse.json" | tr -dc 0-9)
  printf '%-34s wall %5.2f s  peak RSS %5d MiB  import %5d ms  write %5d ms  (%s lines, %s unrecognized; runs: %s)\n' \
      "$label" "$(median "${walls[@]}")" $(($(median "${rss[@]}") / 1024)) "$(median "${imports[@]}")" \
      "$(median "${writes[@]}")" "$total" "$unrec" "${walls[*]}"
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); load before: $(uptime | sed 's/.*load average: //')"
java bench/GenerateAsa.java "$out/asa-$n.cfg" "$n" >/dev/null
java bench/GenerateIptables.java "$out/iptables-$n.rules" "$n" >/dev/null
measure "start-up (73-line ASA fixture)" src/test/resources/importer/asa/groups.asa
measure "ASA, $n lines" "$out/asa-$n.cfg"
measure "iptables-save, $n rules" "$out/iptables-$n.rules"
java bench/GenerateSrx.java set "$out/srx-$n.set" "$n" >/dev/null
java bench/GenerateSrx.java hier "$out/srx-$n.conf" "$n" >/dev/null
measure "SRX display set, $n lines" "$out/srx-$n.set"
measure "SRX hierarchical, same config" "$out/srx-$n.conf"
java bench/GenerateFortiGate.java "$out/fortigate-$policies.conf" "$policies" >/dev/null
measure "FortiGate show, $policies policies" "$out/fortigate-$policies.conf"
java -cp "$jar" bench/GenerateSheet.java xlsx "$out/sheet-$rows.xlsx" "$rows" >/dev/null
java -cp "$jar" bench/GenerateSheet.java csv "$out/sheet-$rows.csv" "$rows" >/dev/null
java -cp "$jar" bench/GenerateSheet.java ratio "$out/sheet-ratio-1000.xlsx" 1000 >/dev/null
measure "XLSX, $rows rows" "$out/sheet-$rows.xlsx"
measure "CSV, $rows rows" "$out/sheet-$rows.csv"
measure "XLSX, 1000 MiB sheet at the zip ratio" "$out/sheet-ratio-1000.xlsx"
java bench/GeneratePanos.java "$out/panos-$rules.xml" "$rules" xml >/dev/null
java bench/GeneratePanos.java "$out/panos-$rules.set" "$rules" set >/dev/null
measure "PAN-OS XML, $rules rules" "$out/panos-$rules.xml"
measure "PAN-OS set form, $rules rules" "$out/panos-$rules.set"
echo "load after: $(uptime | sed 's/.*load average: //')"
