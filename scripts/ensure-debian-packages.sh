#!/bin/sh
# Installs Debian packages that are missing. Each argument is PACKAGE or
# PACKAGE:PROBE, where PROBE is a command name or a pkg-config file (*.pc)
# whose presence means the package is already there. With NO_RECOMMENDS=1
# the packages' recommendations are left out (LibreOffice: 20 s, not minutes).
set -eu
missing=""
for spec in "$@"; do
  package=${spec%%:*}
  probe=${spec#*:}
  if [ "$probe" = "$spec" ]; then probe=""; fi
  case "$probe" in
    *.pc) pkg-config --exists "${probe%.pc}" 2>/dev/null && continue ;;
    "") dpkg -s "$package" >/dev/null 2>&1 && continue ;;
    *) command -v "$probe" >/dev/null 2>&1 && continue ;;
  esac
  missing="$missing $package"
done
[ -z "$missing" ] && exit 0
echo "Installing:$missing"
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
recommends=""
if [ "${NO_RECOMMENDS:-}" = 1 ]; then recommends="--no-install-recommends"; fi
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq $recommends $missing >/dev/null
