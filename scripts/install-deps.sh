#!/usr/bin/env bash
# Installs what Onramp's tests and demo need on Debian 12: the real tools users have.
set -euo pipefail
pkgs=(git golang-go golang-golang-x-mod-dev openssh-client openssh-server nginx-light fcgiwrap
  gnome-keyring dbus libsecret-tools chromium iproute2 openssl ca-certificates procps psmisc python3-yaml tmux)
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "missing Debian packages: ${missing[*]} (run as root or: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
