#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing and we are
# root with apt-get. Elsewhere it says what is missing and carries on: those
# tests skip with a reason (and fail when CI is set).
set -u
pkgs=(kamailio kamailio-tls-modules baresip postgresql pulseaudio pulseaudio-utils xvfb sox espeak-ng sipsak
      libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
      libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xkb1 libxcb-xinerama0 libpulse0 libpulse-dev gcc libc6-dev pkg-config libsndfile1 desktop-file-utils xdg-utils)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "system-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "system-deps: apt-get failed" >&2; exit 1; }
  # Debian starts a cluster on install; the tests start their own throwaway ones.
  command -v pg_ctlcluster >/dev/null && systemctl stop postgresql 2>/dev/null
  exit 0
fi
echo "system-deps: missing ${missing[*]} (not root or no apt-get): tests that need them will skip" >&2
