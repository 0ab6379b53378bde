#!/usr/bin/env bash
# Do the app's dependencies resolve to binary wheels on a Jetson (JetPack 6 = Ubuntu 22.04,
# glibc 2.35, aarch64, Python 3.10)? Run on any machine with pip and access to PyPI:
#
#   bash packaging/check_aarch64.sh [PYTHON_VERSION]        (default 3.10)
#
# 1. every base dependency in pyproject.toml alone: `pip download --only-binary=:all: --no-deps`
#    for manylinux aarch64 (glibc <= 2.35), printing the wheel it would install;
# 2. the whole set with everything it depends on: `pip install --dry-run` for that platform,
#    printing the resolved versions.
# Nothing is installed; downloads go to a temporary folder that is deleted at exit.
# Exit code 0 when both resolve, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

PYVER=${1:-3.10}
GLIBC_MINOR=35  # JetPack 6 (Ubuntu 22.04)
PY=${PYTHON:-python3}
TMP=$(mktemp -d -t clinic-aarch64-XXXXXX)
trap 'rm -rf "$TMP"' EXIT
export PIP_CACHE_DIR="$TMP/cache"

platforms=(--platform manylinux2014_aarch64)
for minor in $(seq 17 "$GLIBC_MINOR"); do platforms+=(--platform "manylinux_2_${minor}_aarch64"); done
target=(--only-binary=:all: "${platforms[@]}" --python-version "$PYVER" --implementation cp)

# Base dependencies whose markers hold on Linux aarch64 (markers evaluated for the target, not
# for this machine), without the markers.
mapfile -t deps < <("$PY" - "$PYVER" <<'PYEOF'
import re
import sys

try:
    import tomllib
except ImportError:  # Python 3.10
    tomllib = None
try:
    from packaging.requirements import Requirement
except ImportError:
    from pip._vendor.packaging.requirements import Requirement

text = open("pyproject.toml", encoding="utf-8").read()
if tomllib:
    deps = tomllib.loads(text)["project"]["dependencies"]
else:
    block = re.search(r"^dependencies = \[(.*?)^\]", text, re.S | re.M).group(1)
    deps = re.findall(r'"([^"]+)"', block)
env = {"platform_system": "Linux", "platform_machine": "aarch64", "sys_platform": "linux",
       "os_name": "posix", "python_version": sys.argv[1], "implementation_name": "cpython",
       "platform_python_implementation": "CPython"}
for dep in deps:
    req = Requirement(dep)
    if req.marker is None or req.marker.evaluate(env):
        req.marker = None
        print(req)
PYEOF
)
echo "== target: cp${PYVER/./} manylinux aarch64 (glibc <= 2.$GLIBC_MINOR); dependencies: ${deps[*]}"

status=0
echo "== 1. one wheel per base dependency (pip download --no-deps)"
for dep in "${deps[@]}"; do
  dest="$TMP/wheels/$(echo "$dep" | tr -c 'A-Za-z0-9' _)"
  if "$PY" -m pip download -q --no-deps "${target[@]}" -d "$dest" "$dep" >"$TMP/log" 2>&1; then
    printf '  ok    %-32s %s\n' "$dep" "$(ls "$dest")"
  else
    printf '  FAIL  %-32s %s\n' "$dep" "$(grep -m1 -E 'ERROR' "$TMP/log" || tail -1 "$TMP/log")"
    status=1
  fi
done
rm -rf "$TMP/wheels"

echo "== 2. the whole set with its own dependencies (pip install --dry-run)"
if "$PY" -m pip install -q --dry-run --ignore-installed --target "$TMP/target" "${target[@]}" \
     --report "$TMP/report.json" "${deps[@]}" >"$TMP/log" 2>&1; then
  "$PY" - "$TMP/report.json" <<'PYEOF'
import json
import sys

report = json.load(open(sys.argv[1], encoding="utf-8"))
for item in sorted(report["install"], key=lambda i: i["metadata"]["name"].lower()):
    wheel = item["download_info"]["url"].rsplit("/", 1)[-1]
    print(f"  {item['metadata']['name']:<28} {item['metadata']['version']:<12} {wheel}")
PYEOF
else
  echo "  FAIL: $(grep -m1 -E 'ERROR' "$TMP/log" || tail -1 "$TMP/log")"
  status=1
fi

if [ "$status" = 0 ]; then
  echo "== ok: everything resolves to aarch64 wheels for Python $PYVER"
else
  echo "== FAILED: see above"
fi
exit "$status"
